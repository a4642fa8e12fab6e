"""Every file, test and module the docs cite as the place of a behaviour (README's *Reliability*
names the test behind each promise) is there: a test moved or renamed leaves no doc pointing at
nothing."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.doc_reading import DOCS, ROOT, doc

NAMES = ["README.md", *sorted(p.name for p in DOCS.glob("*.md"))]
TREE = r"(?:tests|hiptimer|scripts|bench|resources|packaging)/[A-Za-z0-9_./-]*[A-Za-z0-9_/]"
DATA_FILES = {"hiptimer.lock", "hiptimer.log"}  # files of the data folder, not modules


def cited(pattern: str) -> list[tuple[str, str]]:
    return sorted({(name, found) for name in NAMES for found in re.findall(pattern, doc(name))})


PATHS = sorted(set(cited(rf"(?<=[`(])({TREE})(?=[`)])") + cited(r"\b(tests/[\w/]+\.py)\b")))
MODULES = cited(r"`(hiptimer(?:\.[A-Za-z_]+)+)`")


def test_the_docs_cite_tests_and_modules() -> None:
    assert len(PATHS) > 50 and len(MODULES) > 10


@pytest.mark.parametrize(("name", "path"), PATHS, ids=lambda v: str(v))
def test_each_path_a_doc_cites_is_in_the_tree(name: str, path: str) -> None:
    assert (ROOT / path).exists(), f"{name} cites {path}, which is not there"


@pytest.mark.parametrize(("name", "dotted"), MODULES, ids=lambda v: str(v))
def test_each_module_a_doc_cites_imports(name: str, dotted: str) -> None:
    if dotted in DATA_FILES:
        return
    module, found = dotted, None
    while found is None:
        try:
            found = importlib.import_module(module)
        except ModuleNotFoundError:
            assert "." in module, f"{name} cites {dotted}, which is not there"
            module = module.rsplit(".", 1)[0]
    for attribute in dotted.removeprefix(module).strip(".").split("."):
        if attribute:
            assert hasattr(found, attribute), f"{name} cites {dotted}, which is not there"
            found = getattr(found, attribute)

"""README's key table read as rows (heading, keys as written), and the keys the map gives each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pytest
from PySide6.QtCore import Qt

from hiptimer.ui.keys import BINDINGS, GROUPS, Binding, keys_text
from tests.doc_reading import doc, tables

START = "<!-- keys: written by scripts/readme_keys.py from hiptimer/ui/keys.py -->"


def readme_rows() -> list[tuple[str, str]]:
    """(heading, keys) for each row of the README's key table."""
    (rows,) = tables(doc("README.md").split(START, 1)[1].split("<!-- /keys -->", 1)[0])
    found, heading = [], ""
    for row in rows:
        key, does = row["Key"], row["What it does"]
        if not does and key.startswith("**"):
            heading = key.strip("*")
        else:
            found.append((heading, key))
    return found


def bindings_of(heading: str, written: str) -> list[Binding]:
    """The bindings of that group whose keys read as written (Enter is two rows of one)."""
    group = next(g for g in GROUPS if g.title == heading)
    found = [b for b in group.bindings if keys_text(b) == written]
    assert found and all(b in BINDINGS for b in found), (heading, written)
    return found


def keys_of(heading: str, written: str) -> tuple[Qt.Key, ...]:
    """The keys the map gives a row: the binding of that group whose keys read as written."""
    (binding,) = bindings_of(heading, written)
    return binding.keys


def key_cases(
    rows: Iterable[tuple[str, str]], keys: Callable[[str, str], Sequence[Qt.Key]]
) -> list[object]:
    """A test case (heading, written, key) for each of the `keys` of each row, once."""
    return [
        pytest.param(heading, written, key, id=f"{written}:{key.name}")
        for heading, written in rows
        for key in dict.fromkeys(keys(heading, written))
    ]

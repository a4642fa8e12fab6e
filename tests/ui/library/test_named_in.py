"""The routine the command line names in a large folder (LibraryShelf.choose_named) is found by
the catalog's own lookup, and its not being there said in one short line."""

from __future__ import annotations

import json

import pytest

from hiptimer import paths
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.validation import RoutineError
from hiptimer.ui.library.items import load_library, named_in


def folder() -> None:
    """Three files of the user's: one named in upper case, a broken one, and a hundred more."""
    shipped = json.loads(
        (paths.builtin_routines_dir() / "hip-strengthening.json").read_text(encoding="utf-8")
    )
    mine = paths.user_routines_dir()
    mine.mkdir(parents=True)
    for n in range(100):
        own = {**shipped, "id": f"copy-{n:03d}", "title": f"Copy {n}"}
        (mine / f"copy-{n:03d}.json").write_text(json.dumps(own), encoding="utf-8")
    own = {**shipped, "id": "stretch-plan", "title": "Stretch plan"}
    (mine / "Stretch.JSON").write_text(json.dumps(own), encoding="utf-8")
    (mine / "broken.json").write_text('{"id": ', encoding="utf-8")


@pytest.mark.parametrize(
    "spec",
    ["copy-042", "copy-042.json", "Stretch", "Stretch.json", "Stretch.JSON", "daily-hip-stretches"],
)
def test_it_finds_what_the_catalogs_find_finds(spec: str) -> None:
    folder()
    said: list[str] = []
    found = named_in(load_library(), spec, said.append)
    assert found is not None and said == []
    assert found.id == load_catalog().find(spec).id


def test_a_broken_file_says_its_first_problem_and_a_missing_one_says_so_briefly() -> None:
    folder()
    said: list[str] = []
    items = load_library()
    assert named_in(items, "broken", said.append) is None
    with pytest.raises(RoutineError) as raised:
        load_catalog().find("broken")
    assert said == [f"Cannot open routine broken: {raised.value.shown_lines()[0]}"]
    assert named_in(items, "nope", said.append) is None
    assert said[-1] == "Cannot open routine nope: it is not in your routine library."
    with pytest.raises(LookupError, match="copy-099"):  # find() lists every id: not the strip
        load_catalog().find("nope")

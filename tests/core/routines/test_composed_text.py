"""A name typed with a combining accent (e + U+0301) is the same name as one typed with é:
limits count a text in its composed form (NFC), what a person sees, and titles compare so,
however they were typed; the text is kept as written (docs/routine-format.md, Text fields)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hiptimer.core.routines.catalog import Catalog, RoutineEntry
from hiptimer.core.routines.title_clash import title_clash
from hiptimer.core.routines.validation import check_routine

DECOMPOSED_E = "e\u0301"  # what some keyboards and macOS file names give for é


def data(name: str, title: str = "Mine") -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 2,
        "id": "mine",
        "title": title,
        "exercises": [{"id": "a", "name": name, "kind": "hold", "hold_s": 30, "cues": [name]}],
    }


def test_a_decomposed_accent_counts_as_one_character_of_a_name() -> None:
    name = "a" * 119 + DECOMPOSED_E  # 120 letters on screen, 121 code points
    routine, found = check_routine(data(name, title="T" * 119 + DECOMPOSED_E))
    assert [str(p) for p in found] == []
    assert routine is not None
    # kept as written: NFC would change other characters too (U+F900 to U+8C48)
    assert routine.title == "T" * 119 + DECOMPOSED_E
    assert routine.exercises[0].cues == ("a" * 119 + DECOMPOSED_E,)


def test_a_name_over_the_limit_is_counted_as_seen() -> None:
    found = check_routine(data("a" * 120 + DECOMPOSED_E))[1]
    assert [str(p) for p in found] == [
        "exercises[0].name: text is 121 characters; at most 120 allowed"
    ]


def test_titles_typed_two_ways_clash() -> None:
    built = check_routine(data("Bridge", title="Café stretches"))[0]
    assert built is not None
    entry = RoutineEntry(built.id, built.title, Path("mine.json"), builtin=False, routine=built)
    catalog = Catalog([], [entry])
    other = data("Bridge", title=f"Caf{DECOMPOSED_E} stretches")
    other["id"] = "other"
    clash = "another routine is called “Café stretches”: the lists could not tell them apart"
    assert [str(p) for p in title_clash(catalog, other)] == [f"title: {clash}"]

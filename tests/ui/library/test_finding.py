"""Finding routines by typing (no Qt): titles, exercises' names and file names, whatever the
case or the accents, each word typed found somewhere."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hiptimer.ui.library import finding
from hiptimer.ui.library.finding import Finder, folded
from hiptimer.ui.library.items import LibraryItem
from tests.harness import hold, quick_routine

ROTATION = replace(
    quick_routine(hold("rot", name="Rotación de cadera"), hold("bridge", name="Puente")),
    id="fase-2",
    title="Fase 2: movilidad",
    path="/home/ana/routines/clinica-fase-2.json",
)
CLAMS = replace(quick_routine(hold("clam", name="Clamshell")), id="clams", title="Side lying")
BROKEN = LibraryItem("rota", "rota.json", None, "version: expected 1 or 2")
ITEMS = [LibraryItem(r.id, r.title, r) for r in (ROTATION, CLAMS)] + [BROKEN]


def found(typed: str) -> list[str]:
    return [
        item.id for item, match in zip(ITEMS, Finder(ITEMS).matching(typed), strict=True) if match
    ]


def test_folding_drops_accents_and_case() -> None:
    assert folded("Rotación ÑANDÚ Straße") == "rotacion nandu strasse"


def test_a_title_an_exercise_and_a_file_name_are_found_whatever_the_accents_or_case() -> None:
    assert found("MOVILIDAD") == ["fase-2"]
    assert found("rotacion") == ["fase-2"]  # an exercise's name, its accent not typed
    assert found("Rotación") == ["fase-2"]
    assert found("clamshell") == ["clams"]
    assert found("clinica") == ["fase-2"]  # the file's name
    assert found("rota.json") == ["rota"]  # a broken file, by its name


def test_every_word_typed_must_be_found_in_any_order() -> None:
    assert found("puente fase") == ["fase-2"]
    assert found("puente clam") == []
    assert found("   ") == ["fase-2", "clams", "rota"]  # nothing typed: all


def test_the_words_are_folded_once_not_at_each_keystroke(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = finding.searched_text

    def counted(item: LibraryItem) -> str:
        made.append(item.id)
        return real(item)

    monkeypatch.setattr(finding, "searched_text", counted)
    finder = Finder(ITEMS)
    assert finder.matching("") == [True, True, True]  # nothing typed: nothing folded yet
    assert made == []
    for typed in ("r", "ro", "rot"):
        finder.matching(typed)
    assert made == ["fase-2", "clams", "rota"]

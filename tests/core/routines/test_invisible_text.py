"""A text of only characters that draw nothing (a zero-width space, a joiner, a direction mark,
a byte-order mark, the braille blank) is blank, as docs/routine-format.md's "not blank" means:
a title of one zero-width space passed and listed an empty row in the library."""

from __future__ import annotations

from typing import Any

import pytest

from hiptimer.core.routines.validation import check_routine

BLANKS = ["\u200b", "\u200b\u200d", "\u202e", "\ufeff", "\u2800", " \u2060 "]


def data(**exercise: Any) -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 2,
        "id": "mine",
        "title": exercise.pop("title", "Mine"),
        "exercises": [{"id": "a", "name": "Bridge", "kind": "hold", "hold_s": 30, **exercise}],
    }


def problems(d: dict[str, Any]) -> list[str]:
    return [str(p).split(":")[0] for p in check_routine(d)[1]]


@pytest.mark.parametrize("blank", BLANKS, ids=[f"U+{ord(b.strip()[0]):04X}" for b in BLANKS])
def test_a_text_that_draws_nothing_is_blank(blank: str) -> None:
    assert problems(data(title=blank)) == ["title"]
    assert problems(data(name=blank)) == ["exercises[0].name"]
    assert problems(data(cues=["Breathe", blank])) == ["exercises[0].cues[1]"]
    assert problems(data(setup=[blank])) == ["exercises[0].setup[0]"]
    test = {"measure": "value", "unit": blank}
    assert problems(data(test=test)) == ["exercises[0].test.unit"]


def test_invisible_characters_inside_a_text_are_kept() -> None:
    routine, found = check_routine(data(title="Hips\u200b", name="\u200dBridge", cues=["\u2060Go"]))
    assert found == [] and routine is not None
    assert (routine.title, routine.exercises[0].name) == ("Hips\u200b", "\u200dBridge")

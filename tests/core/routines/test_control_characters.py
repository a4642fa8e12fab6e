"""A routine's text with a control character no screen can show (a bell drew a box in a name)
is refused at load, naming the field and the character; a tab or a line break is not."""

from __future__ import annotations

from typing import Any

import pytest

from hiptimer.core.routines.validation import check_routine


def data(name: str, cues: list[str] | None = None, title: str = "Mine") -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 2,
        "id": "mine",
        "title": title,
        "exercises": [{"id": "a", "name": name, "kind": "hold", "hold_s": 30, "cues": cues or []}],
    }


def problems(d: dict[str, Any]) -> list[str]:
    return [str(p) for p in check_routine(d)[1]]


@pytest.mark.parametrize(("char", "code"), [("\x07", "U+0007"), ("\x1b", "U+001B"),
                                            ("\x7f", "U+007F"), ("\x85", "U+0085")])  # fmt: skip
def test_a_control_character_is_refused_naming_the_field_and_the_character(
    char: str, code: str
) -> None:
    said = f"text contains a control character ({code}), which cannot be shown"
    assert problems(data(f"Bell{char} bridge")) == [f"exercises[0].name: {said}"]
    assert problems(data("Bridge", cues=["Breathe", f"Red{char}[31m"])) == [
        f"exercises[0].cues[1]: {said}"
    ]
    assert problems(data("Bridge", title=f"Hips{char}")) == [f"title: {said}"]


def test_a_tab_a_line_break_and_a_carriage_return_are_text() -> None:
    routine, found = check_routine(data("Tab\there", cues=["Two\nlines", "CR\r\n"]))
    assert found == [] and routine is not None

"""A routine's problems: English for the command line, the language in use on screen."""

from __future__ import annotations

import pytest

from hiptimer.core.routines.json_fields import Problem
from hiptimer.core.routines.validation import RoutineError, check_routine

DATA = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "mine",
    "title": "",
    "exercises": [{"id": "a", "name": "A", "kind": "hold", "hold_s": [30], "sets": 2.5}],
}


def problems() -> list[Problem]:
    routine, found = check_routine(DATA)
    assert routine is None
    return found


def test_each_problem_keeps_its_english_message_and_its_template() -> None:
    found = {p.where: p for p in problems()}
    assert found["title"].message == "must not be empty" == found["title"].shown()
    hold = found["exercises[0].hold_s"]
    assert hold.message == "expected a number of seconds from 0.1 to 3600, got a list"
    assert hold.shown() == hold.message
    assert found["exercises[0].sets"].message.endswith("got 2.5")


@pytest.mark.usefixtures("spanish")
def test_on_screen_a_problem_is_in_the_language_in_use_and_the_command_line_stays_english() -> None:
    found = {p.where: p for p in problems()}
    assert found["title"].shown() == "no puede quedar vacío"
    hold = found["exercises[0].hold_s"]
    assert hold.shown() == "se esperaba un número de segundos de 0.1 a 3600, hay una lista"
    assert hold.shown_line() == f"exercises[0].hold_s: {hold.shown()}"
    error = RoutineError("mine.json", list(found.values()))
    assert "mine.json: title: must not be empty" in error.lines()  # `hiptimer validate`
    assert "mine.json: title: no puede quedar vacío" in error.shown_lines()


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("estiramiento-cuádriceps", '"estiramiento-cuádriceps"'),  # not "cu\u00e1driceps"
        ("Wall sit \U0001f9f1", '"Wall sit \U0001f9f1"'),  # not "\ud83e\uddf1"
        ("a\nb\u202ec\ud800", '"a\\nb\\u202ec\\ud800"'),  # what cannot be seen stays escaped
    ],
)
def test_a_bad_value_is_quoted_as_typed_with_the_unseen_escaped(typed: str, quoted: str) -> None:
    exercise = {"id": typed, "name": "A", "kind": "hold", "hold_s": 30}
    data = {**DATA, "title": "T", "exercises": [exercise]}
    _, found = check_routine(data)
    assert f"got {quoted}" in [p.message[-len(quoted) - 4 :] for p in found]

"""A routine's problems: English for the command line, the language in use on screen."""

from __future__ import annotations

import pytest

from hiptimer.core.routines.json_fields import Problem
from hiptimer.core.routines.loader import parse_routine_text
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


NOT_JSON = [
    (
        '{"a": 1, "a": 2, "b": 1e309}',
        'not valid JSON: the key "a" appears twice in one object, at line 1 column 10; also:'
        " 1e309 is too large a number, at line 1 column 23",
        'no es JSON válido: la clave "a" aparece dos veces en un mismo objeto, en la línea 1,'
        " columna 10; además: 1e309 es un número demasiado grande, en la línea 1, columna 23",
    ),
    (
        '{"a": NaN}',
        "not valid JSON: NaN is not a number JSON allows, at line 1 column 7",
        "no es JSON válido: NaN no es un número que JSON admita, en la línea 1, columna 7",
    ),
    (  # Python's own words for a syntax error stay as it gives them (docs/translating.md)
        '{"a":\n',
        "not valid JSON: Expecting value at line 2 column 1",
        "no es JSON válido: Expecting value en la línea 2, columna 1",
    ),
    (
        " \n",
        "file is empty; expected a JSON object",
        "el archivo está vacío; se esperaba un objeto JSON",
    ),
    (
        "[" * 65 + "]" * 65,
        "JSON is nested too deeply (more than 64 levels)",
        "el JSON está anidado a demasiada profundidad (más de 64 niveles)",
    ),
]


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize(("text", "english", "in_spanish"), NOT_JSON)
def test_a_file_that_is_not_json_is_named_in_the_language_in_use_on_screen(
    text: str, english: str, in_spanish: str
) -> None:
    """The import dialog and the library said "not valid JSON: ..." in English in a Spanish
    window, where every other problem was in Spanish (docs/translating.md)."""
    with pytest.raises(RoutineError) as caught:
        parse_routine_text(text, "mine.json")
    assert caught.value.lines() == [f"mine.json: {english}"]  # `hiptimer validate`, the log
    assert caught.value.shown_lines() == [f"mine.json: {in_spanish}"]

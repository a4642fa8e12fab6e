"""The key table's row for a re-test's result says what may be typed, as the prompt takes it."""

from __future__ import annotations

from hiptimer.core.history.csv_fields import KEPT_DECIMALS
from hiptimer.ui.keys import POINT, Action, Mode, binding_for
from hiptimer.ui.session.result_prompt import MAX_CHARS, ResultPrompt


def test_the_result_row_names_the_decimals_and_length_the_prompt_takes(qapp: object) -> None:
    """record26 left, user27: the README's row (and F1's) said only "type it", while the prompt
    takes one point, at most KEPT_DECIMALS decimals and MAX_CHARS characters, and drops the
    rest without a word: a user typing 12.3456 saw 12.345 and did not know why."""
    row = binding_for(Action.TYPE, Mode.RESULT)
    assert row is not None
    assert f"at most {KEPT_DECIMALS} decimals" in row.does
    assert f"{MAX_CHARS} characters" in row.does
    assert "comma" in row.does  # a comma is taken as the point
    prompt = ResultPrompt()  # and the prompt does take what the row says
    for value in (1, 2, POINT, 3, 4, 5, 6, POINT):
        prompt.type(value)
    assert prompt.text == "12." + "3456"[:KEPT_DECIMALS]
    prompt.text = ""
    for _ in range(MAX_CHARS + 2):
        prompt.type(9)
    assert len(prompt.text) == MAX_CHARS

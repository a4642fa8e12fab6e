"""Tests for a re-test's typed result: the number as the language writes it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.keys import POINT
from hiptimer.ui.session.result_prompt import ResultPrompt


def _typed(qtbot: QtBot, *keys: int) -> ResultPrompt:
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    prompt.ask(None)
    for key in keys:
        prompt.type(key)
    return prompt


def test_the_typed_number_shows_the_decimal_comma_in_spanish(qtbot: QtBot, spanish: None) -> None:
    prompt = _typed(qtbot, 2, POINT, 5)
    assert prompt.number.text() == "2,5" and prompt.value() == 2.5


def test_the_typed_number_shows_the_decimal_mark_of_any_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/translating.md: a new language sets its mark in DECIMAL_MARKS, and every number
    on screen follows it (the typed result once knew only Spanish)."""
    monkeypatch.setitem(i18n.DECIMAL_MARKS, i18n.language(), "\u00b7")
    prompt = _typed(qtbot, 2, POINT, 5)
    assert prompt.number.text() == "2\u00b75" and prompt.value() == 2.5

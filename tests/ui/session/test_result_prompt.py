"""A re-test's result prompt: the number as the language writes it, and as a screen reader
gives it (Tab reaches its two buttons only)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.events import SetRecord
from hiptimer.ui.keys import POINT
from hiptimer.ui.session.result_prompt import ResultPrompt

AT = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)


def described(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description)


def test_the_buttons_are_read_with_the_question_the_test_and_the_number(qtbot: QtBot) -> None:
    # "Type in the result", the test's name and the number typed were labels Tab never
    # reaches, and Orca 43 hears no announcement of the number.
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    stand = SetRecord(
        0, "stand", "Chair stand", None, 1, 30.0, 30.0, None, None, True, False,
        AT, AT, pain=2, result_unit="stands",
    )  # fmt: skip
    prompt.ask(stand)
    asked = "Type in the result: Chair stand, set 1."
    assert described(prompt.skip_button) == f"{asked} Go on without a result (key: K or Delete)"
    prompt.type(1)
    prompt.type(2)
    assert described(prompt.save_button) == f"{asked} 12 stands. Key: Enter"


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

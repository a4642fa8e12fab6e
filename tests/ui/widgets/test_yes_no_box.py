"""The questions before ending a session or quitting: only their Yes goes on; the rest keeps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.ui import menus
from hiptimer.ui.services import status_banner

NOT_SAVING = HistoryStatus(HistoryState.NOT_SAVING, Path("/nowhere/history.sqlite3"), "full", 2)
QUESTIONS: dict[str, tuple[Callable[[QWidget], bool], str, str]] = {
    "end the session": (menus.ask_to_end, "&End session", "&Keep going"),
    "quit": (
        lambda parent: menus.ask_to_quit(parent, session_running=True),
        "&Quit",
        "&Keep HipTimer open",
    ),
    "quit with history not saved": (
        lambda parent: status_banner.ask_to_quit(parent, NOT_SAVING),
        "&Quit anyway",
        "&Keep the app open",
    ),
}


@pytest.mark.parametrize("name", list(QUESTIONS))
@pytest.mark.parametrize("pressed", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_enter_and_esc_keep_things_as_they_are_and_only_yes_goes_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, name: str, pressed: QMessageBox.StandardButton
) -> None:
    # One helper (yes_no_box.asked_yes) sets the three questions' buttons: each repeated
    # the same six lines of them.
    ask, yes, no = QUESTIONS[name]
    seen: list[tuple[str, str, str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        yes_button = box.button(QMessageBox.StandardButton.Yes)
        default, escape = box.defaultButton(), box.escapeButton()
        seen.append((yes_button.text(), default.text(), escape.text(), box.windowTitle()))
        return pressed.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask(parent) is (pressed is QMessageBox.StandardButton.Yes)
    [(yes_words, default_words, escape_words, title)] = seen
    assert (yes_words, default_words, escape_words) == (yes, no, no)
    assert title.endswith("\u2014 HipTimer")

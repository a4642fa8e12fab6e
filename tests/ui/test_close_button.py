"""The window system's close (the title bar's close button, Alt+F4) asks first during a session."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.session.steps import StepKind
from tests.harness import quick_routine, side_hold
from tests.ui.main_app import App, make_app
from tests.ui.sessions import advance, no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def db_rows(sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.history_db_path()) as conn:
        return conn.execute(sql).fetchall()


class Asked:
    """Stands in for menus.ask_to_quit: records each question and the session's pause."""

    def __init__(self, made: App) -> None:
        self.made = made
        self.answer = False
        self.asked: list[bool] = []  # session_running, per question
        self.paused: list[bool] = []

    def __call__(self, _parent: object, *, session_running: bool) -> bool:
        self.asked.append(session_running)
        session = self.made.window.session
        self.paused.append(session is not None and session.driver.view().paused)
        return self.answer


class WindowSystemClose(QCloseEvent):
    """The close event a window manager's close button or Alt+F4 gives: spontaneous, as Qt
    marks an event from outside the app (WM_DELETE_WINDOW under Xvfb, checked). The offscreen
    platform has no window system to send one, and QWindow.close() sends one from within."""

    def spontaneous(self) -> bool:
        return True


def close_by_window_system(made: App) -> bool:
    """The window's close by the window system; True when the window accepted it."""
    event = WindowSystemClose()
    QApplication.sendEvent(made.window, event)
    return event.isAccepted()


@pytest.fixture
def asked(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Asked]:
    """The main window on a 20 s hold done on each side, its Ctrl+Q question answered here."""
    made = make_app(qtbot, quick_routine(side_hold(hold_s=20)))
    questions = Asked(made)
    monkeypatch.setattr("hiptimer.ui.menus.ask_to_quit", questions)
    yield questions
    made.window.close()  # from within: asks nothing
    made.history.close()


def test_the_close_button_mid_set_asks_first_and_no_keeps_the_set_going(
    asked: Asked, qtbot: QtBot
) -> None:
    # Under Xvfb the close button on the pain question and in a hold ended the session at
    # once, as ended early and with nothing to resume, where Ctrl+Q and Esc ask first.
    made = asked.made
    made.key(qtbot, Qt.Key.Key_Return)
    made.until(StepKind.WORK)
    advance(made.window, made.clock, 4)
    assert not close_by_window_system(made)
    assert asked.asked == [True] and asked.paused == [True]  # paused while asked, as Ctrl+Q
    session = made.window.session
    assert session is not None
    assert not session.driver.view().paused  # going on as before
    assert db_rows("SELECT end_reason FROM sessions") == [(None,)]
    asked.answer = True
    assert close_by_window_system(made)
    assert made.window.session is None
    assert db_rows("SELECT end_reason FROM sessions") == [("ended_early",)]
    [(held, completed)] = db_rows("SELECT actual_hold_s, completed FROM sets")
    assert held == pytest.approx(4, abs=0.15) and completed == 0  # partly done, as the docs say


def test_the_close_button_asks_nothing_without_a_session(asked: Asked) -> None:
    assert close_by_window_system(asked.made)  # the library: closing loses nothing
    assert asked.asked == []


def test_kept_in_the_tray_the_close_button_asks_to_end_the_session_not_to_quit(
    asked: Asked, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = asked.made
    ended: list[bool] = []  # the session paused while asked, per question

    def ask_to_end(_parent: object) -> bool:
        session = made.window.session
        ended.append(session is not None and session.driver.view().paused)
        return False

    monkeypatch.setattr("hiptimer.ui.menus.ask_to_end", ask_to_end)
    made.key(qtbot, Qt.Key.Key_Return)
    made.until(StepKind.WORK)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # as WindowReminders sets it for the tray
    try:
        assert not close_by_window_system(made)
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert ended == [True] and asked.asked == []  # HipTimer stays: "End this session now?"
    assert made.window.session is not None

"""The keyboard focus: Tab reaches every button, Space and Enter press the one it shows, a click
leaves the key map in charge, each page takes the focus home, and the focus can be seen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.palette import DARK
from tests.harness import hold, quick_routine
from tests.ui.main_app import App, make_app
from tests.ui.sessions import advance, no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
K = Qt.Key


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[App]:
    made = make_app(qtbot)
    made.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made.window)
    yield made
    made.window.close()
    made.history.close()


def tab_to(qtbot: QtBot, app: App, button: QPushButton) -> None:
    for _ in range(60):
        if button.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget() or app.window, K.Key_Tab)
    raise AssertionError(f"Tab never reached {button.text()!r}")


def test_the_library_list_has_the_focus_and_the_keys_still_choose(app: App, qtbot: QtBot) -> None:
    assert QApplication.focusWidget() is app.window.library.list
    app.key(qtbot, K.Key_Down)
    assert app.window.library.list.currentRow() == 0  # one routine: it stays chosen
    app.key(qtbot, K.Key_Return)
    assert app.window.nav.key_mode() is Mode.WORKOUT


def test_a_button_reached_by_tab_takes_space_and_a_clicked_one_does_not(
    app: App, qtbot: QtBot
) -> None:
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    session = app.window.session
    assert session is not None
    mute = session.page.controls.buttons[Action.MUTE]
    qtbot.mouseClick(mute, Qt.MouseButton.LeftButton)  # muted by a click ...
    assert app.settings.settings.muted and not mute.hasFocus()
    app.key(qtbot, K.Key_Space)  # ... and Space still pauses
    assert app.engine.paused
    app.key(qtbot, K.Key_Space)
    tab_to(qtbot, app, mute)
    qtbot.keyClick(mute, K.Key_Space)  # the focused button, not pause
    assert not app.settings.settings.muted and not app.engine.paused
    qtbot.keyClick(mute, K.Key_P)  # other keys keep their meaning
    assert app.engine.paused


def test_enter_presses_a_button_reached_by_tab_as_space_does(app: App, qtbot: QtBot) -> None:
    # The README: "Space or Enter presses the one it is on". A QPushButton outside a dialog
    # ignores Enter (it is no auto-default button), so Enter fell through to the window: on the
    # library, Enter on the notice's Dismiss started the chosen routine instead.
    app.window.notice.show_notice("Reminders", "Reminders cannot be shown.")
    tab_to(qtbot, app, app.window.notice.dismiss)
    qtbot.keyClick(app.window.notice.dismiss, K.Key_Return)
    assert app.window.notice.isHidden()
    assert app.window.session is None and app.window.nav.key_mode() is Mode.LIBRARY
    app.key(qtbot, K.Key_Return)  # with the focus back on the list, Enter starts
    app.until(StepKind.WORK)
    session = app.window.session
    assert session is not None
    mute = session.page.controls.buttons[Action.MUTE]
    tab_to(qtbot, app, mute)
    qtbot.keyClick(mute, K.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert app.settings.settings.muted and not app.engine.paused
    qtbot.keyClick(mute, K.Key_Return)
    assert not app.settings.settings.muted


def test_each_page_takes_the_focus_home(app: App, qtbot: QtBot) -> None:
    app.key(qtbot, K.Key_Return)
    session = app.window.session
    assert session is not None
    tab_to(qtbot, app, session.page.controls.buttons[Action.END])
    for _ in range(5000):  # rate every set, count every rep, to the summary
        if app.window.session is None:
            break
        if app.window.nav.key_mode() in (Mode.PAIN, Mode.CHOICE):
            app.key(qtbot, K.Key_2 if app.window.nav.key_mode() is Mode.PAIN else K.Key_C)
        elif app.window.nav.key_mode() is Mode.COUNTING:
            qtbot.keyClick(session.page, K.Key_Return)  # not the focused button's
            app.key(qtbot, K.Key_N)
        advance(app.window, app.clock, 0.2)
    assert app.window.nav.key_mode() is Mode.SUMMARY
    summary = app.window.summary
    assert summary is not None  # its own primary button, not the workout's End left by Tab
    assert QApplication.focusWidget() is summary.library_button


def test_the_summary_opens_with_the_focus_ring_on_the_button_enter_presses(
    qtbot: QtBot,
) -> None:
    # The page held the focus itself: no ring showed until Tab.
    app = make_app(qtbot, quick_routine(hold(hold_s=5)))
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    look = QApplication.instance()
    assert isinstance(look, QApplication)
    look.setStyleSheet(theme.app_style_sheet(DARK))
    try:
        app.key(qtbot, K.Key_Return)
        app.until(StepKind.PAIN)
        app.key(qtbot, K.Key_0)
        summary = app.window.summary
        assert summary is not None and app.window.nav.key_mode() is Mode.SUMMARY
        button = summary.library_button
        assert QApplication.focusWidget() is button and button.property("role") == "primary"
        image = button.grab().toImage()
        assert QColor(DARK.focus) in [image.pixelColor(x, image.height() // 2) for x in range(4)]
        qtbot.keyClick(button, K.Key_Tab)  # Tab goes on from it, in reading order
        assert QApplication.focusWidget() is not button
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is button
        qtbot.keyClick(button, K.Key_Return)  # as the key table says, and the button does
        assert app.window.nav.key_mode() is Mode.LIBRARY and app.window.isVisible()
    finally:
        look.setStyleSheet("")
        app.window.close()
        app.history.close()


def test_an_arrow_key_on_the_summary_leaves_the_focus_on_back_to_library(qtbot: QtBot) -> None:
    # Seen under Xvfb: a Next (\u2192) pressed as the session's last step ended reached the summary
    # and moved the focus from *Back to library* to the next button (Qt moves the focus between
    # push buttons with the arrows), so Enter pressed that one: the notice's *Details* there;
    # \u2190 reached *Quit HipTimer*. The arrows do nothing on the summary's buttons now.
    app = make_app(qtbot, quick_routine(hold(hold_s=5)))
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.window.notice.show_notice("Reminders", "Reminders cannot be shown here.")
    try:
        app.key(qtbot, K.Key_Return)
        app.until(StepKind.PAIN)
        app.key(qtbot, K.Key_0)
        summary = app.window.summary
        assert summary is not None and QApplication.focusWidget() is summary.library_button
        for key in (K.Key_Right, K.Key_Left, K.Key_Left, K.Key_Down, K.Key_Up):
            qtbot.keyClick(QApplication.focusWidget(), key)
            assert QApplication.focusWidget() is summary.library_button
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
        assert app.window.nav.key_mode() is Mode.LIBRARY and app.window.isVisible()
    finally:
        app.window.close()
        app.history.close()


def test_the_focus_ring_shows_in_the_focus_colour(app: App, qtbot: QtBot) -> None:
    look = QApplication.instance()
    assert isinstance(look, QApplication)
    look.setStyleSheet(theme.app_style_sheet(DARK))
    try:
        button = app.window.library.start_button
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        image = button.grab().toImage()
        edge = [image.pixelColor(x, image.height() // 2) for x in range(4)]
        assert QColor(DARK.focus) in edge
    finally:
        look.setStyleSheet("")

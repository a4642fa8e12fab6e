"""The notice strip on a 640 x 480 window in large print: one line, the whole notice behind
Details and in what a screen reader says, and the pauses' countdown kept at its floor under it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.audio import tts
from hiptimer.core.session.steps import StepKind
from hiptimer.i18n import translate
from hiptimer.ui.services.notice_watch import NO_VOICE
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from tests.ui.main_app import App
from tests.ui.services.short_window import at_640, count_at, one_line
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import tour_routine

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def no_voice_at_640(qtbot: QtBot, qapp: QApplication, language: str) -> App:
    """The tour's routine in the library at 640 x 480, 150 %, the no-voice notice shown."""

    def show(a: App) -> None:  # in `language`, set by at_640
        a.window.notice.show_notice(translate(NO_VOICE), translate(tts.INSTALL_ESPEAK))

    return at_640(qtbot, qapp, language, show)


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_the_side_switch_s_countdown_keeps_its_floor_under_a_notice(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    """The heading wrapped to two or three lines beside two buttons of 44 px: the strip took
    80-110 px of the 480, and the countdown of the pause to switch sides came out at 35-44
    px. One line now (40 px), and the countdown keeps the 60 px the pauses keep."""
    a = no_voice_at_640(qtbot, qapp, language)
    bar = a.window.notice
    a.window.start_session(tour_routine())
    assert count_at(qtbot, a, StepKind.SWITCH_SIDES) >= PAUSE_COUNT_PX
    assert one_line(bar), bar.height()
    a.window.close()
    a.history.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_the_notice_is_one_line_and_every_word_is_still_reached(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    a = no_voice_at_640(qtbot, qapp, language)
    bar = a.window.notice
    heading, detail = translate(NO_VOICE), translate(tts.INSTALL_ESPEAK)
    whole = f"{heading} {detail}"
    assert bar.compact and one_line(bar), bar.height()
    shown = bar.text.text()  # the heading cut at a word's end, the rest behind Details
    assert shown.endswith("\u2026</b>"), shown
    assert heading.startswith(shown.removeprefix("<b>").removesuffix("\u2026</b>"))
    assert bar.text.accessibleName() == whole  # what a screen reader says: all of it
    words = bar.text.font().pixelSize()
    for button in (bar.details, bar.dismiss):  # no larger than the words beside them
        assert button.font().pixelSize() <= words and button.height() <= bar.height()
    assert bar.dismiss.accessibleName() == i18n._("Dismiss") and bar.dismiss.toolTip()
    # Tab as they read: Details, then Dismiss; a reader says whether Details is down.
    assert bar.details.nextInFocusChain() is bar.action
    assert bar.action.nextInFocusChain() is bar.dismiss
    assert bar.details.focusPolicy() is Qt.FocusPolicy.TabFocus
    assert bar.dismiss.focusPolicy() is Qt.FocusPolicy.TabFocus
    bar.details.click()
    QApplication.processEvents()
    assert bar.text.text() == f"<b>{heading}</b> {detail}"  # all of it, to read and scroll
    assert bar.words is not None and bar.words.isVisible()
    bar.details.click()
    QApplication.processEvents()
    assert one_line(bar) and bar.text.text() == shown
    bar.dismiss.click()
    assert bar.isHidden()
    a.window.close()
    a.history.close()

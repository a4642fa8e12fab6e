"""A notice with an action's button (the kept drafts' "Open in the editor") on a 640 x 480
screen in large print: one line, as a plain notice is, and the pauses' countdown keeps its
floor under it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.routines.drafts import keep_draft
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.app import _tell_kept_drafts
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from tests.ui.main_app import App
from tests.ui.services.short_window import at_640, count_at, one_line
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import tour_routine

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# (Not the first get-ready: in this routine, long name, four steps and a caution, its count is
# 37 px at 640 x 480 in large print with no notice at all; the strip is not what costs it.)
PAUSES = (StepKind.REST, StepKind.SWITCH_SIDES)


def drafts_notice_at_640(qtbot: QtBot, qapp: QApplication, language: str) -> App:
    """The tour's routine in the library at 640 x 480, 150 %, a kept draft's notice shown."""
    keep_draft({"title": "Daily hip stretches"}, "daily-hip-stretches", datetime(2026, 12, 7, 8))
    return at_640(qtbot, qapp, language, lambda a: _tell_kept_drafts(a.window))


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_a_notice_with_an_action_is_one_line_its_button_named_whole(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    """Its buttons went under its words (Details, Open in the editor, ✕ left the words under
    a third of the strip): two rows, 78 px of the 480. "Open" keeps them beside the words."""
    a = drafts_notice_at_640(qtbot, qapp, language)
    bar = a.window.notice
    whole = i18n._("Open in the editor")
    assert bar.action.isVisible() and bar.compact
    assert one_line(bar), bar.height()
    assert bar.action.text() == i18n._("Open")
    assert bar.action.accessibleName() == whole and bar.action.toolTip() == whole
    assert bar.action.y() < bar.text.geometry().bottom()  # beside the words, not under
    assert bar.action.width() >= bar.action.sizeHint().width()
    a.window.resize(1280, 800)  # room for the whole words: no tooltip repeating them
    QApplication.processEvents()
    assert bar.action.text() == whole and not bar.action.toolTip()
    a.window.close()
    a.history.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_every_pause_s_countdown_keeps_its_floor_under_a_notice_with_an_action(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    a = drafts_notice_at_640(qtbot, qapp, language)
    bar = a.window.notice
    a.window.start_session(tour_routine())
    for kind in PAUSES:
        assert count_at(qtbot, a, kind) >= PAUSE_COUNT_PX, (kind, bar.height())
        assert bar.action.isVisible()
    a.window.close()
    a.history.close()

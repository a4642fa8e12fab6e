"""The question after a session, whether to keep its doses: read from the mat, as the others."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.ui import theme
from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.palette import DARK
from tests.harness import hold, quick_routine


def polished_px(dialog: QWidget, kind: type[QWidget]) -> list[int]:
    """The pixel size of each `kind` of widget in a dialog styled as the app shows it."""
    dialog.setStyleSheet(theme.app_style_sheet() + dialog.styleSheet())
    dialog.ensurePolished()
    found = dialog.findChildren(kind)
    for widget in found:
        widget.ensurePolished()
    return [widget.font().pixelSize() for widget in found if widget.isVisibleTo(dialog)]


@pytest.fixture(params=[100, 150], ids=["text-100", "large-print"])
def text_size(request: pytest.FixtureRequest) -> Iterator[int]:
    """The text size setting (per cent) for the dialogs' style sheets; 100 again after."""
    size: int = request.param
    theme.use(DARK, size)
    yield size
    theme.use(DARK, 100)


def test_the_keep_doses_question_is_as_large_as_the_end_session_question(
    qtbot: QtBot, text_size: int
) -> None:
    end = QMessageBox()
    qtbot.addWidget(end)
    end.setText("End this session now?")
    end.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    words, answers = max(polished_px(end, QLabel)), max(polished_px(end, QPushButton))
    assert words >= theme.px(24) and answers >= theme.px(22)

    change = DoseChange("stretch", "Stretch", "hold_s", 5, 15)
    keep = KeepDosesDialog(quick_routine(hold(hold_s=5)), [change])
    qtbot.addWidget(keep)
    assert min(polished_px(keep, QLabel)) >= words  # the heading, the changes, where they go
    assert min(polished_px(keep, QPushButton)) >= answers  # Keep for next time, Not now


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_many_changes_scroll_and_the_answers_stay_on_a_short_screen(
    qtbot: QtBot, text_size: int
) -> None:
    # 40 exercises changed on the tests' 800 x 800 screen, as 20 on a 1024 x 600 netbook's
    # (large print too): the list scrolls, Keep and Not now stay on the screen.
    from tests.ui.fit_checks import misfits

    changes = [
        DoseChange(f"ex{n}", f"Side-lying hip abduction {n}", "hold_s", 30, 45) for n in range(40)
    ]
    keep = KeepDosesDialog(quick_routine(hold(hold_s=5)), changes)
    qtbot.addWidget(keep)
    keep.setStyleSheet(theme.app_style_sheet() + keep.styleSheet())
    keep.show()
    qtbot.waitExposed(keep)
    assert misfits(keep) == []
    area = keep.findChild(QScrollArea, "dose-changes-area")
    assert area is not None and area.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert keep.keep_button.isVisible() and keep.not_now_button.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_short_list_leaves_no_blank_band_around_it(qtbot: QtBot, text_size: int) -> None:
    # Two changes opened in a dialog 416 px tall at 100 %, the two lines centred in a list
    # area of 224 px: a blank band above and below them (seen under Xvfb).
    changes = [
        DoseChange("stretch", "Hamstring stretch", "hold_s", 60, 45),
        DoseChange("bridge", "Bridge", "reps", 10, 12),
    ]
    # A title long enough that the note under the list takes three lines, not cut to two.
    title = "Hip strengthening for the weeks after surgery, when walking is easier"
    routine = dataclasses.replace(quick_routine(hold(hold_s=5)), title=title)
    keep = KeepDosesDialog(routine, changes)
    qtbot.addWidget(keep)
    keep.setStyleSheet(theme.app_style_sheet() + keep.styleSheet())
    keep.show()
    qtbot.waitExposed(keep)
    assert keep.note.height() >= keep.note.heightForWidth(keep.note.width())  # note whole
    lines = keep.changes.fontMetrics().lineSpacing()
    area = keep.scroller.viewport().height()
    body = keep.scroller.body  # the list, and the note scrolling with it
    assert area < body.heightForWidth(body.width()) + lines  # no band
    assert keep.changes.heightForWidth(keep.changes.width()) >= 2 * lines  # both whole
    assert area >= keep.changes.heightForWidth(keep.changes.width())
    assert keep.scroller.verticalScrollBar().maximum() == 0

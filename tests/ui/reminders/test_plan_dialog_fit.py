"""The weekly plan dialog on small screens and in large print, in English and Spanish: nothing
cut, and each desk-break line read in one piece where the dialog is wide enough."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import DeskBreaks, PlanItem, WeeklyPlan
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.model import Routine
from hiptimer.ui.reminders import plan_dialog
from hiptimer.ui.reminders.plan_dialog import PlanDialog
from hiptimer.ui.theme import app_style_sheet
from tests.harness import hold, routine
from tests.ui.sessions import large_print  # noqa: F401 (a fixture)

PLAN = WeeklyPlan(
    True,
    (PlanItem("daily-hip-stretches"), PlanItem("hip-strengthening", (0, 2, 4), "07:30")),
    DeskBreaks(True, 45),
)
FRAME = 12  # what a window frame takes of a screen's width (as the tests of the fit do)


def library() -> list[Routine]:
    """The built-in routines, in the language in use, as the app lists them."""
    return [e.routine for e in load_catalog().entries() if e.routine is not None]


def shown_plan(qtbot: QtBot, width: int, height: int) -> PlanDialog:
    dialog = PlanDialog(PLAN, library(), keep_in_tray=True, start_at_login=False,
                        idle_source="org.gnome.Mutter.IdleMonitor")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(app_style_sheet() + dialog.styleSheet())  # as the app shows it
    dialog.show()
    dialog.resize(min(dialog.width(), width - FRAME), height)
    qtbot.waitExposed(dialog)
    return dialog


def top(widget: QWidget, dialog: PlanDialog) -> int:
    return widget.mapTo(dialog, QPoint(0, 0)).y()


def label(dialog: PlanDialog, text: str) -> QLabel:
    [found] = [w for w in dialog.desk.findChildren(QLabel) if w.text() == text]
    return found


@pytest.mark.usefixtures("large_print")
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_plan_fits_a_1024_px_screen_in_large_print_in_either_language(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    """In Spanish at 150 % the quiet hours' row ("Horas de silencio: ninguna pausa activa
    desde las [20:00] hasta las [08:00]") did not wrap: the groups needed more than a
    1024 px screen gives, and their right edge was cut under the scroll bar (seen under
    Xvfb)."""
    if language == "es":
        request.getfixturevalue("spanish")
    dialog = shown_plan(qtbot, 1024, 724)
    assert dialog.scroller.minimum_width() <= 1024 - FRAME
    assert dialog.minimumSizeHint().width() <= 1024 - FRAME
    viewport = dialog.scroller.viewport()
    assert dialog.desk.width() <= viewport.width()  # the group's right edge in view
    for field in (dialog.desk.quiet_until, dialog.desk.routine, dialog.desk.minutes):
        right = field.mapTo(viewport, QPoint(field.width(), 0)).x()
        assert right <= viewport.width(), field.accessibleName()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_desk_break_line_is_one_row_on_a_1280_by_800_screen(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    """ "of computer use" stood alone on a second row under "Remind me to take a desk
    break after [45 min]" at 1280 x 800 (the plan scrolls there, and its scroll bar
    took the last pixels), read as a line of its own."""
    if language == "es":
        request.getfixturevalue("spanish")
    dialog = shown_plan(qtbot, 1280, 756)
    assert dialog.scroller.verticalScrollBar().isVisible()  # as at 1280 x 800
    after = label(dialog, "of computer use" if language == "en" else "de uso del ordenador")
    assert top(after, dialog) < top(dialog.desk.minutes, dialog) + dialog.desk.minutes.height()


@pytest.mark.usefixtures("large_print")
def test_a_long_title_is_cut_to_fit_the_screen_and_whole_for_a_reader(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long title made the plan wider than a 1024 px screen in large print: it opened
    scrolled sideways, every routine's name cut at the left (the screen-fit tour, once its
    check looked past the scroll bar)."""
    screen = QSize(1024 - FRAME, 768 - 40)  # what a 1024 x 768 screen leaves a window
    monkeypatch.setattr(plan_dialog, "room", lambda _widget: screen)
    title = "Hip strengthening for the weeks after a long break from exercise, with a band"
    long = routine(hold("side-lying", 5), id="long", title=title)
    dialog = PlanDialog(PLAN, [long, *library()], keep_in_tray=True, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(app_style_sheet() + dialog.styleSheet())  # as the app shows it
    assert dialog.scroller.minimum_width() <= screen.width()
    row = dialog.rows["long"]
    assert row.planned.text().endswith("…") and len(row.planned.text()) < len(long.title)
    assert row.planned.accessibleName() == long.title  # a screen reader hears it whole
    assert long.title in row.planned.toolTip()
    short = dialog.rows["hip-strengthening"].planned
    assert (short.text(), short.toolTip()) == ("Hip strengthening", "")
    # The desk breaks' routine: cut to 24 characters' width on screen, whole for a reader.
    box = dialog.desk.routine
    box.setCurrentIndex(box.findData("long"))
    said = QAccessible.queryAccessibleInterface(box)
    assert said is not None and said.text(QAccessible.Text.Value) == long.title


@pytest.mark.usefixtures("large_print")
def test_the_day_boxes_grow_with_the_text_size(qtbot: QtBot) -> None:
    # At 150 % the day boxes' marks stayed 16 px inside their frame, the size they have at
    # 100 %, beside day names and routine titles half as large again: hard to hit and to
    # read from the mat. They grow as every check box in Settings and the plan now does.
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from hiptimer.ui.theme import px

    dialog = shown_plan(qtbot, 1280, 800)
    row = next(iter(dialog.rows.values()))
    for box in (*row.days, row.planned, dialog.reminders):
        option = QStyleOptionButton()
        box.initStyleOption(option)
        mark = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        assert min(mark.width(), mark.height()) >= px(16), box.accessibleName()
    assert dialog.scroller.minimum_width() <= 1024 - FRAME  # and the plan still fits 1024 px

"""The editor's tabs with long names: the exercise's title is cut, "Routine details" stays whole."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAccessible, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QTabBar, QToolTip
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.model import Routine
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.widgets.plain import as_html

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

LONG_NAME = (
    "Supine figure-four <b>piriformis</b> stretch with a towel around the foot and the other knee"
)
LONG_TITLE = "My very long routine for the mornings after the physio appointment in March"


def named(catalog: Catalog, name: str, title: str) -> Routine:
    routine = catalog.find("daily-hip-stretches")
    first = dataclasses.replace(routine.exercises[0], name=name)
    return dataclasses.replace(routine, title=title, exercises=(first, *routine.exercises[1:]))


def opened(qtbot: QtBot, routine: Routine, catalog: Catalog, width: int) -> EditorWindow:
    editor = EditorWindow(routine, catalog)
    qtbot.addWidget(editor)
    editor.resize(width, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def drawn_whole(bar: QTabBar, index: int) -> bool:
    """The tab's text fits inside the tab, in the font it is drawn in (bold when selected)."""
    font = bar.font()
    font.setBold(index == bar.currentIndex())
    return QFontMetrics(font).horizontalAdvance(bar.tabText(index)) < bar.tabRect(index).width()


def hovered(bar: QTabBar, index: int) -> str:
    """The tooltip the mouse resting on the tab shows ("" for none)."""
    QToolTip.hideText()
    at = bar.tabRect(index).center()
    QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, at, bar.mapToGlobal(at)))
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.parametrize("width", [1024, 800])
def test_a_long_exercise_name_ends_in_an_ellipsis_and_routine_details_stays_whole(
    qtbot: QtBot, width: int
) -> None:
    # Before: the long name's tab took the bar, its text cut at both ends, and the other tab
    # read "R...".
    catalog = load_catalog()
    editor = opened(qtbot, named(catalog, LONG_NAME, LONG_TITLE), catalog, width)
    bar = editor.tabs.tabBar()
    for selected in (0, 1):
        editor.tabs.setCurrentIndex(selected)
        assert bar.tabText(1) == "Routine details"
        # Cut with "…", or its short form where the cut would show no letter of the name
        # ("Exercise 1: …" at 800 px).
        shown = bar.tabText(0)
        assert shown == "Exercise 1" or (shown.startswith("Exercise 1: ") and shown.endswith("…"))
        assert drawn_whole(bar, 0) and drawn_whole(bar, 1)
        assert bar.tabRect(1).right() < editor.tabs.width()  # nothing past the bar's end
    # The whole name on hover, as written (a name is data: "<b>" shows as typed)
    assert hovered(bar, 0) == as_html(f"Exercise 1: {LONG_NAME}")
    assert bar.accessibleTabName(0) == f"Exercise 1: {LONG_NAME}"  # and for a screen reader
    # which hears the name once, never the tooltip's markup as the tab's description: Orca
    # read "<p style='white-space:pre-wrap'>Exercise 1: ..." (Qt gives the tab's tooltip).
    tab = QAccessible.queryAccessibleInterface(bar).child(0)
    assert tab.text(QAccessible.Text.Name) == f"Exercise 1: {LONG_NAME}"
    assert tab.text(QAccessible.Text.Description) == ""
    assert LONG_TITLE in editor.windowTitle()  # the routine's whole name


def test_a_long_name_makes_the_editor_no_wider_and_a_short_one_is_not_cut(qtbot: QtBot) -> None:
    catalog = load_catalog()
    short = opened(qtbot, catalog.find("daily-hip-stretches"), catalog, 1024)
    long = opened(qtbot, named(catalog, LONG_NAME, LONG_TITLE), catalog, 1024)
    assert long.minimumSizeHint().width() <= short.minimumSizeHint().width()
    bar = short.tabs.tabBar()
    assert bar.tabText(0) == "Exercise 1: Hamstring stretch" and hovered(bar, 0) == ""

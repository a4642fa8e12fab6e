"""The history window as a screen reader user meets it: Tab from field to field, every
control named, and each chart named after what it shows and described in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.window import TAB_ADHERENCE, TAB_PAIN, TAB_RETESTS, HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill

Text = QAccessible.Text
Role = QAccessible.Role


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore, weeks: Weeks) -> HistoryWindow:
    fill(store, weeks)
    w = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def spoken(widget: QWidget, text: QAccessible.Text) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(text)


def tab_from(qtbot: QtBot, widget: QWidget) -> QWidget | None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_a_date_field_in_one_press(qtbot: QtBot, window: HistoryWindow) -> None:
    # Orca read "5 unselected Dec selected" at each Tab: Tab went day, month, year.
    assert tab_from(qtbot, window.since_edit) is window.until_edit


def test_tab_reaches_every_preset(qtbot: QtBot, window: HistoryWindow) -> None:
    first, second, third = window.presets.buttons()
    assert tab_from(qtbot, first) is second
    assert tab_from(qtbot, second) is third


def test_each_chart_is_a_tab_stop_named_by_its_title_and_described_in_words(
    qtbot: QtBot, window: HistoryWindow
) -> None:
    # The charts were pictures only: no Tab stop, a name that never followed the exercise
    # shown, and nothing said of what they show.
    window.tabs.setCurrentIndex(TAB_PAIN)
    pane = window.show_pain()
    pane.choose("clam", "left")
    pain, dose = pane.pain_chart.view, pane.dose_chart.view
    assert spoken(pain, Text.Name) == "Pain after sets: Clamshell (left)"
    assert spoken(pain, Text.Description).startswith("From ")
    assert "the latest: average " in spoken(pain, Text.Description)
    assert spoken(dose, Text.Name) == "Planned dose: Clamshell (left)"
    assert "the latest: " in spoken(dose, Text.Description)
    assert tab_from(qtbot, pane.side) is pain
    assert tab_from(qtbot, pain) is dose
    window.tabs.setCurrentIndex(TAB_ADHERENCE)
    adherence = window.show_adherence()
    described = " ".join(
        filter(None, [adherence.summary.accessibleName(), adherence.chart.note.text()])
    )
    assert spoken(adherence.chart.view, Text.Description) == described  # the shading's words too
    window.tabs.setCurrentIndex(TAB_RETESTS)
    retests = window.show_retests()
    assert spoken(retests.test, Text.Name) == "Test"
    assert spoken(retests.chart.view, Text.Name) == "No re-tests in this period"


def test_a_chart_with_the_focus_shows_it(qtbot: QtBot, window: HistoryWindow) -> None:
    window.tabs.setCurrentIndex(TAB_PAIN)
    view = window.show_pain().pain_chart.view
    window.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
    unfocused = view.grab().toImage()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.grab().toImage() != unfocused  # the ring, as on the tables and fields


def test_tab_and_shift_tab_leave_the_note(qtbot: QtBot, window: HistoryWindow) -> None:
    # Tab typed a tab into the note, and Orca said nothing: no key but the mouse left it.
    pane = window.sessions_pane
    after = tab_from(qtbot, pane.note)
    assert after is not pane.note and after is not None
    assert "\t" not in pane.note.toPlainText()
    pane.note.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(pane.note, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is not pane.note


def cell_names(view: QAbstractItemView) -> list[list[str]]:
    """What a screen reader is given for each cell of a table, row by row."""
    table = QAccessible.queryAccessibleInterface(view)
    assert table is not None
    children = (table.child(i) for i in range(table.childCount()))
    names = [c.text(Text.Name) for c in children if c is not None and c.role() == Role.Cell]
    width = view.model().columnCount()
    return [names[i : i + width] for i in range(0, len(names), width)]


def test_a_table_cell_is_read_with_its_column(window: HistoryWindow) -> None:
    # Orca read a session as "Fri 27 Nov 2026 09:00. Hips. 3 min. ... 2. 1.2."
    pane = window.sessions_pane
    first = cell_names(pane.list_view)[0]
    shown = pane.sessions.index(0, 4).data()
    assert first[0].startswith("Date: ") and first[4] == f"Max pain: {shown}"
    assert cell_names(pane.sets_view)[0][5].startswith("Pain: ")

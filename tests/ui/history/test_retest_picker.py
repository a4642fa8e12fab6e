"""The history window's pickers of names: a long test's sides read apart, a long exercise's
name is cut with "…", never at the box's edge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
)
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.retests_pane import RetestsPane
from hiptimer.ui.history.window import TAB_PAIN, HistoryWindow
from hiptimer.ui.widgets.names_box import NamesBox
from tests.core.history.stored import T0, a_set
from tests.harness import hold, routine
from tests.history_data import record
from tests.ui.history.looks import app_look

NAME = "Knee-to-wall distance, measured from the big toe to the wall with a long tape"


class Drawn(QProxyStyle):
    """Keeps the words a combo box draws in its field, as they are drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.words = ""

    def drawControl(
        self, element: QStyle.ControlElement, option: QStyleOption, *args: object
    ) -> None:  # type: ignore[override]
        if element is QStyle.ControlElement.CE_ComboBoxLabel:
            assert isinstance(option, QStyleOptionComboBox)
            self.words = option.currentText
        super().drawControl(element, option, *args)  # type: ignore[arg-type]


def drawn(box: QComboBox, style: Drawn) -> str:
    """What the box shows: the words it draws, and whether they fit its field."""
    box.grab()
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    fits = box.fontMetrics().horizontalAdvance(style.words) <= field.width()
    return style.words if fits else f"{style.words} (clipped at {field.width()} px)"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_long_test_s_sides_read_apart_in_the_picker(qtbot: QtBot, tmp_path: Path) -> None:
    """user22: a test named with 77 characters (120 are allowed) done on each side was
    listed twice in the re-tests tab's picker as "Knee-to-wall distance, measured from the b",
    clipped at the box's edge: the right and left sides read the same. Names are cut in
    the middle now, with "…", so the side shows."""
    with open_history(tmp_path / "history.sqlite3") as store:
        sid = store.begin_session("check", "Check", 1, {}, T0)
        for n, side in enumerate(("right", "left"), start=1):
            store.add_set(
                sid,
                a_set("knee", n, exercise_name=NAME, side=side, result=12.5, result_unit="cm"),
            )
        pane = RetestsPane(store, {})
        qtbot.addWidget(pane)
        style = Drawn()
        pane.test.setStyle(style)
        pane.set_sessions(store.list_sessions(), None, None)
        pane.resize(500, 500)  # too narrow for the name: the box as its row allows
        pane.show()
        QApplication.processEvents()
        shown = []
        for index in range(pane.test.count()):
            pane.test.setCurrentIndex(index)
            shown.append(drawn(pane.test, style))
        assert [s[-7:] for s in shown] == ["(right)", " (left)"], shown
        assert all(s.startswith("Knee-to-wall") and "\u2026" in s for s in shown), shown


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("width", [700, 1000])
def test_a_test_s_name_reads_whole_where_the_row_has_room(
    qtbot: QtBot, tmp_path: Path, width: int
) -> None:
    """At 1024 x 600 in large print (Xvfb, Spanish) the picker read 'Levantarse de …en 30
    segundos' in a box 512 px wide, 474 px of empty row beside it: the box was as wide as 24
    characters, the rest of the row left to a stretch. It is as wide as its longest name
    now, where the row has room; still no wider than the row where it has not."""
    name = "Thirty-second chair stand, arms crossed on the chest"
    with open_history(tmp_path / "history.sqlite3") as store:
        sid = store.begin_session("check", "Check", 1, {}, T0)
        store.add_set(sid, a_set("stand", 1, exercise_name=name, result=12, result_unit="reps"))
        pane = RetestsPane(store, {})
        qtbot.addWidget(pane)
        pane.set_sessions(store.list_sessions(), None, None)
        pane.resize(width, 500)
        pane.show()
        QApplication.processEvents()
        assert pane.test.shown_text() == name, (pane.test.width(), pane.test.shown_text())
        pane.resize(260, 500)
        QApplication.processEvents()
        assert pane.test.geometry().right() < pane.width()


LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_long_exercise_s_name_is_cut_with_an_ellipsis_not_at_the_box_s_edge(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    """At 800 x 600 in large print (Spanish) the Pain and dose tab's exercise read 'Side-lying
    hip abduction with a re', clipped at the box's edge mid-word (at 1024 x 600 'Paso de
    monstruo (pasos laterale'): nothing said the name went on. It is cut in its middle with
    "…" now, its end shown, as the re-tests picker's names are."""
    band = routine(hold("abduction", 6, name=LONG_NAME), id="band", title="Band")
    before = i18n.language()
    i18n.use(language)
    try:
        with open_history(tmp_path / "history.sqlite3") as store:
            record(store, band, date(2026, 11, 20), {("abduction", None): [2, 3]})
            window = HistoryWindow(store, [band])
            qtbot.addWidget(window)
            with app_look(150):
                window.setMinimumSize(1, 1)
                window.show()
                window.resize(788, 556)
                window.tabs.setCurrentIndex(TAB_PAIN)
                QApplication.processEvents()
                pane = window.pain_pane
                assert pane is not None
                box = pane.exercise
                # What the box draws (the style sheet's style draws past a proxy style): a
                # QComboBox its whole name, clipped at the field; a NamesBox its shown_text.
                words = box.shown_text() if isinstance(box, NamesBox) else box.currentText()
                option = QStyleOptionComboBox()
                box.initStyleOption(option)
                field = box.style().subControlRect(
                    QStyle.ComplexControl.CC_ComboBox, option,
                    QStyle.SubControl.SC_ComboBoxEditField, box,
                )  # fmt: skip
                fits = box.fontMetrics().horizontalAdvance(words) <= field.width()
                shown = words if fits else f"{words} (clipped at {field.width()} px)"
                window.close()
    finally:
        i18n.use(before)
    assert "clipped" not in shown, shown
    assert shown == LONG_NAME or (
        shown.startswith("Side-lying") and shown.endswith("knees") and "\u2026" in shown
    ), shown


def test_the_test_picker_is_labelled_for_a_screen_reader(qtbot: QtBot, tmp_path: Path) -> None:
    # On Linux Qt names a drop-down list by its choice and Orca reads the label it is given
    # beside it: the re-tests' picker had none, so a reader heard a test's name alone.
    from PySide6.QtGui import QAccessible

    with open_history(tmp_path / "history.sqlite3") as store:
        pane = RetestsPane(store, {})
        qtbot.addWidget(pane)
        iface = QAccessible.queryAccessibleInterface(pane.test)
        assert iface is not None
        labels = iface.relations(QAccessible.RelationFlag.Label)
        assert [label.text(QAccessible.Text.Name) for label, _ in labels] == ["Test"]

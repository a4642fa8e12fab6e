"""The history window's filters: the routine, the dates and the presets, in rows that fit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from hiptimer.i18n import _, p_, translate
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.one_tab_stop import DateField


def filter_bar(
    routine: QComboBox,
    since: DateField,
    until: DateField,
    presets: QButtonGroup,
    choices: tuple[tuple[str, int | None], ...],
) -> FlowLayout:
    """The filters in a row, in two when the window is narrow (1024 px, large print); the
    preset buttons (label, days back; None for all) join `presets`."""
    bar = FlowLayout()
    bar.addWidget(together(buddy(_("Routine"), routine), routine))
    bar.addWidget(
        together(buddy(p_("dates", "From"), since), since, buddy(p_("dates", "to"), until), until)
    )
    row = QWidget()
    buttons = QHBoxLayout(row)
    buttons.setContentsMargins(0, 0, 0, 0)
    for i, (label, days) in enumerate(choices):
        button = PresetButton(translate(label))
        button.setToolTip(
            _("Show the sessions of the last {n} days").format(n=days)
            if days
            else _("Show every session")
        )
        button.setCheckable(True)
        presets.addButton(button, i)
        buttons.addWidget(button)
    bar.addWidget(row)
    return bar


class PresetButton(QPushButton):
    """A preset that Tab reaches, as the others of its row (the arrows go along them too).

    Why: a checkable button in a QButtonGroup, exclusive or not, takes Tab from the group's
    other checkable buttons when it gets the focus (QAbstractButtonPrivate::fixFocusPolicy,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qabstractbutton.cpp), so
    Tab went from "Last 4 weeks" to the tabs and Orca never named "3 months" or "All".

    Signals: QPushButton's.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        group = self.group()
        for button in group.buttons() if group is not None else ():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def date_edit() -> DateField:
    edit = DateField()
    edit.setAccessibleDescription(_("A date: the sessions shown start or end on it"))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


def together(*widgets: QWidget) -> QWidget:
    """Widgets kept together on one row (a label and its field) in a row that wraps."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box

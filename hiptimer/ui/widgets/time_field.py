"""A 24-hour time field ("HH:mm") where select-all and typing gives the time typed."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTimeEdit, QWidget

from hiptimer.ui.widgets.one_tab_stop import OneTabStop


class TimeField(OneTabStop, QTimeEdit):
    """A QTimeEdit showing HH:mm whose select-all selects the hour instead of the whole text.

    Why: with the whole text selected, QDateTimeEdit keeps its own idea of the section the
    caret is in, and the digits typed went to the wrong section: Ctrl+A then "17:30" on
    18:00 gave 18:30. (The same Qt quirk with a paste, worked around the same way:
    https://github.com/qgis/QGIS/pull/60646.) Selecting the first section makes "17:30",
    "1730" or "7:05" fill the hour, then the minutes, as typed. Tab leaves it (OneTabStop).

    Signals: QTimeEdit's.
    """

    def __init__(self, at: QTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        if at is not None:
            self.setTime(at)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))
            event.accept()
            return
        super().keyPressEvent(event)

"""Date and time fields that Tab leaves in one press, as every other field."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class OneTabStop:
    """Mixed into a QDateTimeEdit: Tab and Shift+Tab go to the next or previous control.

    Why: QDateTimeEdit spends Tab on its own sections (day, month, year; hours, minutes:
    https://doc.qt.io/qt-6/qdatetimeedit.html, focusNextPrevChild in qdatetimeedit.cpp), so a
    date took three Tabs, and Orca read each as "5 unselected Dec selected". The arrows
    still move between the sections, and digits typed fill them in turn.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        assert isinstance(self, QWidget)
        return QWidget.focusNextPrevChild(self, next)


class DateField(OneTabStop, QDateEdit):
    """A QDateEdit that is one Tab stop.

    Signals: QDateEdit's.
    """

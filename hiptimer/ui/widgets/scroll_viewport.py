"""A scroll area's viewport, found without PySide's search for the class of a widget it has
not wrapped yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# QAbstractScrollArea's name for its viewport (qabstractscrollarea.cpp, unchanged since Qt 4).
VIEWPORT_NAME = "qt_scrollarea_viewport"


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """`area.viewport()`, the same widget.

    Why: the first `viewport()` of a process, on any list or text view, makes PySide 6.11
    try every widget class it knows on the QWidget it returns, and so make all 66 of them
    with their enums (QWizard, QMdiArea, QCalendarWidget...): 60 M instructions, a tenth of a
    bare window's start, before the library's list could be painted (docs/performance.md,
    session 21). Found among the area's children by name, the viewport is wrapped as what
    it is; once wrapped, `viewport()` costs nothing more.
    """
    found = area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()

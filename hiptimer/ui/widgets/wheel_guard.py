"""The mouse wheel over a scrolling form scrolls it, never changing a field it passes over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QScrollArea,
    QSlider,
    QWidget,
)

# time fields, spin boxes, drop-down lists, sliders (the voice's rate and volume)
WHEELED = (QAbstractSpinBox, QComboBox, QSlider)


class WheelGuard(QObject):
    """Sends a wheel turned over a field without the keyboard focus to the area's scroll bar.

    Why: Qt's spin boxes, time fields and combo boxes take the wheel (and the focus, by
    their WheelFocus policy) whenever the pointer is over them, so scrolling the Weekly plan
    changed its quiet hours from 08:00 to 02:00 as the field slid under the pointer (seen
    under Xvfb), and scrolling the editor's form could change an exercise's kind (Settings: the volume). Known Qt
    behaviour: https://stackoverflow.com/questions/5821802 and
    https://github.com/qgis/QGIS/pull/4245. A field clicked or reached by Tab still takes
    the wheel, as before.

    Signals: none.
    """

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._area = area

    def watch(self, field: QWidget) -> None:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone gives no focus
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, WHEELED):
            return False
        if watched.hasFocus():
            return False
        QCoreApplication.sendEvent(self._area.verticalScrollBar(), event)
        return True


def guard_wheel(area: QScrollArea) -> WheelGuard:
    """Guards every field in `area`'s widget (all built: the forms here build theirs first)."""
    guard = WheelGuard(area)
    body = area.widget()
    if body is not None:
        for kind in WHEELED:
            for field in body.findChildren(kind):
                guard.watch(field)
    return guard

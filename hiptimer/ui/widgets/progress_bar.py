"""A progress bar that a screen reader does not read out as it moves.

A QProgressBar tells assistive technology of every change of its value (setValue() sends a
QAccessibleValueChangeEvent: https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qprogressbar.cpp),
and Orca speaks a moving progress bar every ten seconds by default ("38 percent"; its
"progress bar updates": https://help.gnome.org/users/orca/stable/preferences_speech.html),
over the app's own voice, through a whole session (bench/screen_reader.py heard it six
times in 48 s). The workout's bar only
repeats for the eye what the time left beside it says in words, so it is drawn here, with
no value for a reader to follow.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hiptimer.ui import theme

STEPS = 1000  # drawn steps: finer than any bar's pixels


class ProgressBar(QWidget):
    """A rounded bar, `fraction` of it filled with the accent colour; the theme's field and
    border colours behind, as the application's QProgressBar style has them.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step = 0
        self._accent = QColor(theme.current().primary)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, 8)

    @property
    def fraction(self) -> float:
        return self._step / STEPS

    def set_fraction(self, fraction: float) -> None:
        step = round(min(1.0, max(0.0, fraction)) * STEPS)
        if step != self._step:
            self._step = step
            self.update()

    def set_accent(self, color: str) -> None:
        self._accent = QColor(color)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        look = theme.current()
        edge = float(look.edge)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
        painter.setPen(QPen(QColor(look.button_border), edge) if edge else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.field))
        painter.drawRoundedRect(outer, 6, 6)
        if self._step:
            inner = outer.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
            inner.setWidth(inner.width() * self.fraction)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._accent)
            painter.drawRoundedRect(inner, 5, 5)
        painter.end()

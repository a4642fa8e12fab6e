"""The history window's foot: the Filters button, the status line and the export buttons, on
one row, or the buttons on a row of their own where one row would cut their words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


class FootRow(QWidget):
    """`toggle` (shown where the filters fold), `status` and `buttons` beside one another;
    where the window is narrower than the button's and buttons' words, the buttons go under
    the status line, to the right: at 640 x 480 in large print in Spanish "Exportar CSV…"
    needed 206 px and had 200. Tab's order stays the widgets' own. Signals: none."""

    def __init__(self, toggle: QWidget, status: QWidget, buttons: tuple[QWidget, ...]) -> None:
        super().__init__()
        self._toggle, self._status, self._buttons = toggle, status, buttons
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self._top, self._under = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(self._top)
        rows.addLayout(self._under)
        self._top.addWidget(toggle, 0, Qt.AlignmentFlag.AlignTop)
        self._top.addWidget(status, 1)
        self._under.addStretch(1)
        self._two_rows = True
        self._arrange(False)

    def _one_row(self) -> int:
        """The width the buttons' words need on one row with the Filters button."""
        parts = [b for b in (self._toggle, *self._buttons) if not b.isHidden()]
        return sum(p.sizeHint().width() for p in parts) + self._top.spacing() * len(parts)

    def _arrange(self, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        into = self._under if two_rows else self._top
        for button in self._buttons:
            into.addWidget(button)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.width() < self._one_row())

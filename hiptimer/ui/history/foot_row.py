"""The history window's foot: the Filters button, the status line and the export buttons, on
one row, or the buttons on a row of their own where one row would cut their words."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class Rows(Enum):
    ONE = "one row"  # Filters, the status line, the exports
    STATUS_OVER = "the status line over the buttons"  # Filters and the exports under it
    BUTTONS_UNDER = "the exports under Filters and the status line"


class FootRow(QWidget):
    """`toggle` (shown where the filters fold), `status` and `buttons` beside one another where
    the status line's words fit whole on one line beside the buttons' words; else the status
    line over them (at 640 x 480 in large print "3 sessions" read "3" over "sess" between
    *Filters* and *Export CSV…*; a line of words costs less height than a row of buttons); else,
    where the buttons' words do not fit in a row either, the buttons under *Filters* and the
    status line, to the right (at 640 x 480 in large print in Spanish "Exportar CSV…" needed
    206 px and had 200). Tab's order stays the widgets' own. Signals: none."""

    def __init__(self, toggle: QWidget, status: QLabel, buttons: tuple[QWidget, ...]) -> None:
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
        self.rows: Rows | None = None
        self._arrange(Rows.BUTTONS_UNDER)

    def _buttons_row(self) -> int:
        """The width the buttons' words need on one row with the Filters button."""
        parts = [b for b in (self._toggle, *self._buttons) if not b.isHidden()]
        return sum(p.sizeHint().width() for p in parts) + self._top.spacing() * len(parts)

    def _status_line(self) -> int:
        """The width the status line's words need on one line (as a screen reader has them:
        without their breaks), and its gap."""
        words = self._status.accessibleName() or self._status.text()
        wide = self._status.fontMetrics().horizontalAdvance(words) if words else 0
        return wide + self._top.spacing() if wide else 0

    def refit(self) -> None:
        """One row or two for the width it has and the status line's words now."""
        buttons = self._buttons_row()
        if self.width() >= buttons + self._status_line():
            self._arrange(Rows.ONE)
        else:
            self._arrange(Rows.STATUS_OVER if self.width() >= buttons else Rows.BUTTONS_UNDER)

    def _arrange(self, rows: Rows) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        if rows is Rows.STATUS_OVER:
            self._under.insertWidget(0, self._toggle)
        else:
            self._top.insertWidget(0, self._toggle, 0, Qt.AlignmentFlag.AlignTop)
        into = self._top if rows is Rows.ONE else self._under
        for button in self._buttons:
            into.addWidget(button)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

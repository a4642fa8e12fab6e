"""A table's columns measured again when the text size changes while it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QTableView

CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


class Refit(QObject):
    """Calls `fit` again once the table or its header gets a new font or style, where `fitted`
    says its columns were measured: History measured its columns once, in the text size in
    use as it opened, and after a change in Settings the list's routine kept 64 px ("R…" over
    "Hips"). Deferred and once for both, as the header gets its font after the table does.
    Signals: refitted() after each such measuring.
    """

    refitted = Signal()

    def __init__(
        self, table: QTableView, fit: Callable[[], None], fitted: Callable[[], bool]
    ) -> None:
        super().__init__(table)
        self._fit, self._fitted = fit, fitted
        self._due = False
        table.installEventFilter(self)
        table.horizontalHeader().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in CHANGES and not self._due and self._fitted():
            self._due = True
            QTimer.singleShot(0, self, self._refit)
        return False

    def _refit(self) -> None:
        self._due = False
        self._fit()
        self.refitted.emit()

"""A table whose tooltips show only over a cut cell, or one that always shows fewer words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTableView, QToolTip

from hiptimer.ui.history.models import RowsModel
from hiptimer.ui.widgets.wrapped_cells import reads_whole


class CutTips(QTableView):
    """A QTableView of a RowsModel, which says which cells are `abridged` (the sessions'
    "24/25"): a cell's tooltip (its whole words) shows only where the cell is cut or abridged.

    Signals: QTableView's.
    """

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip only over a cut cell, or one that always shows fewer words ("24/25"):
        over one that reads whole it only repeated it."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            model = self.model()
            shortened = isinstance(model, RowsModel) and model.abridged(index)
            if index.isValid() and not shortened and not self.is_cut(index):
                QToolTip.hideText()
                event.ignore()
                return True
        return super().viewportEvent(event)

    def is_cut(self, index: QModelIndex) -> bool:
        """Whether the cell shows its words cut short ("Hip str…"), not whole on one line nor
        broken between words on more."""
        return not reads_whole(self, index)

"""A dialog's groups in a scroll area, so that OK and Cancel stay on a short screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QScrollArea,
    QWidget,
)

from hiptimer.ui.widgets.screen_fit import free_area, room
from hiptimer.ui.widgets.wheel_guard import guard_wheel


class DialogBody(QScrollArea):
    """Holds a dialog's groups: they scroll when the screen is short (1920 x 1080 at 200 %
    leaves 540 pixels), with OK and Cancel in view below. Tab goes to the controls in it,
    never to the area itself (it has no focus ring to show), and the control given the
    focus scrolls whole into view, ring and all.

    Why follow the focus here: QScrollArea's own scrolling (ensureWidgetVisible) brings a
    spin box's caret into view, not the box, so a time field reached by Tab stayed half
    under the lower edge with its ring cut off; the caret rule is in its source,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qscrollarea.cpp
    (ensureWidgetVisible, Qt::ImCursorRectangle).

    Signals: none of its own.
    """

    MARGIN = 8  # beyond the control: its focus ring, and a little of what is around it

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wheel_guard = guard_wheel(self)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def minimum_width(self) -> int:
        """The body's narrowest, and its scroll bar beside it."""
        self.body.ensurePolished()
        return self.body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()

    def fit_body(self) -> None:
        """The body as tall as its wrapped text needs at this width: a scroll area does not
        ask its widget for height-for-width, and would squeeze the groups to one-line
        heights when the screen is short."""
        self.body.setMinimumHeight(self.body.heightForWidth(self.viewport().width()))

    def fit_dialog(self, dialog: QDialog) -> None:
        """Grow `dialog` to show the whole body, as far as its screen has room.

        QDialog's first sizing ignores height-for-width (it opened at its minimum height
        under Xvfb, squeezing the groups), and text shown later needs room too.
        """
        self.fit_body()
        needed = self.body.minimumHeight() + dialog.height() - self.viewport().height()
        if needed > dialog.height():
            dialog.resize(dialog.width(), min(needed, room(dialog).height()))
            # Placed (ScreenFit, the window manager) at its first height: grown downwards,
            # OK and Cancel went past the screen's bottom under Xvfb. Moved up, not shrunk.
            area, frame = free_area(dialog), dialog.frameGeometry()
            if frame.bottom() > area.bottom():
                dialog.move(frame.x(), max(area.y(), area.bottom() + 1 - frame.height()))

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.body.isAncestorOf(new):
            return
        if isinstance(new, QAbstractItemView) and new.currentIndex().isValid():
            self.show_cell(new, new.currentIndex())  # a table taller than the page: its cell
            return
        # The whole control: ensureWidgetVisible() takes a spin box's caret for it.
        self._show_area(new, new.rect())

    def follow_current_cell(self, view: QAbstractItemView) -> None:
        """Scroll to `view`'s current cell as the arrows move it: a table as tall as its rows
        (AllRowsTable) never scrolls itself, so on a short page the cell left the screen."""
        model = view.selectionModel()
        model.currentChanged.connect(lambda index, _old: self.show_cell(view, index))

    def show_cell(self, view: QAbstractItemView, index: QModelIndex) -> None:
        if index.isValid():
            self._show_area(view.viewport(), view.visualRect(index))

    def _show_area(self, source: QWidget, area: QRect) -> None:
        """Scroll so that `area` of `source` shows whole, with MARGIN around it."""
        middle = source.mapTo(self.body, area.center())
        half_w, half_h = area.width() // 2 + self.MARGIN, area.height() // 2 + self.MARGIN
        self.ensureVisible(middle.x(), middle.y(), half_w, half_h)

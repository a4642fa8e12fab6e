"""A file's path shown whole, on as many lines as its field's width needs, to read and copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget


class PathField(QTextEdit):
    """A read-only path that wraps anywhere (a path has no spaces to wrap at) rather than run
    past its field's end: in a one-line field a data folder's log was cut at "hiptimer.lo" on
    an 800 x 600 screen in large print. Selecting and copying give the path as written.

    Signals: only QTextEdit's.
    """

    def __init__(self, path: Path | str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlainText(str(path))
        self.setReadOnly(True)
        self.setTabChangesFocus(True)  # Tab goes on to the next field, as from a line edit
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Named by what it is ("Data folder"): a reader says the path once, as the field's text.
        self.setAccessibleName(name)

    def text(self) -> str:
        """The path, as a line edit would give it."""
        return self.toPlainText()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The height that shows all of the path's lines at `width`."""
        frame = 2 * self.frameWidth()
        m = self.viewportMargins()
        doc = self.document().clone(self)
        doc.setTextWidth(max(1, width - frame - m.left() - m.right()))
        height = int(doc.size().height()) + frame + m.top() + m.bottom()
        doc.deleteLater()
        return height

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("M") * 8, self.heightForWidth(self.width())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Its own height from its width: a layout may give a height-for-width widget less
        # than it asks (FlowRow in flow_layout.py says when); a fixed height it keeps.
        needed = self.heightForWidth(event.size().width())
        if needed != self.height():
            self.setFixedHeight(needed)

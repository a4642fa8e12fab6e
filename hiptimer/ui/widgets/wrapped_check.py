"""A check box whose words wrap to its width, as a paragraph's do."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QWidget

AIR = 2  # pixels a line keeps free of its edge: the width of a word rounds up


class WrappedCheck(QCheckBox):
    """A check box whose words break into lines where it is narrower than they are long.

    Why: a QCheckBox shows its words on one line and asks for their whole width, so one long
    option made its dialog that wide: "Abrir HipTimer al iniciar sesión (en la bandeja)"
    needed 648 px, more than a 640 x 480 screen leaves, and Settings' and the weekly plan's
    groups were cut at the right. Its narrowest is its widest word; its height follows its
    lines. The box and its mnemonic work as a QCheckBox's, and a reader hears the words on
    one line (its accessible name), not the breaks.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its height may grow with its lines (a check box's is fixed at one line's).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._words = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._words = text
        self.setAccessibleName(_shown(text))
        super().setText(self._lines(self.width()) if self.width() > 0 else text)
        self.updateGeometry()

    def words(self) -> str:
        """Its words as given, with no breaks."""
        return self._words

    def sizeHint(self) -> QSize:
        return self._size_for(self._words)

    def minimumSizeHint(self) -> QSize:
        widest = max(self._words.split(" "), key=lambda w: self._advance(w), default="")
        return QSize(self._size_for(widest).width(), self._size_for(self._words).height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_for(self._lines(width)).height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        lines = self._lines(event.size().width())
        if lines != self.text():
            super().setText(lines)

    def _size_for(self, text: str) -> QSize:
        """The box's size with `text` (lines broken or not), its indicator and margins."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        shown = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_CheckBox, option, shown + QSize(AIR, 0), self
        )

    def _lines(self, width: int) -> str:
        """The words broken into lines no wider than the room `width` leaves them."""
        room = width - self._size_for("").width()
        lines: list[str] = []
        for word in self._words.split(" "):
            joined = f"{lines[-1]} {word}" if lines else word
            if lines and self._advance(joined) <= room:
                lines[-1] = joined
            else:
                lines.append(word)
        return "\n".join(lines)

    def _advance(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(_shown(text))


def _shown(text: str) -> str:
    """`text` as drawn: a mnemonic's "&" gone, "&&" one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

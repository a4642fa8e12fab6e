"""Short fields for a number or an id that grow with the text size and always show their hint whole."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QStyle, QStyleOptionFrame, QWidget

SAMPLE = "000.5"  # the widest number a dose field is expected to hold


class NumberEdit(QLineEdit):
    """At least `least` pixels wide, and as wide as its font needs for a number or its
    placeholder: a fixed 72 px cut the Load field's "none" to "no…" at 150 % text, as the
    editor's style sheet grows the font but not a fixed width.

    Signals: those of QLineEdit.
    """

    def __init__(self, parent: QWidget, least: int) -> None:
        super().__init__(parent)
        self.least = least
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def setPlaceholderText(self, text: str) -> None:
        super().setPlaceholderText(text)
        self.updateGeometry()  # a longer hint asks for more room

    sample = SAMPLE  # the widest text it is expected to hold

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        widest = max(self.width_for(self.sample), self.width_for(self.placeholderText()))
        return QSize(max(self.least, widest), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def width_for(self, text: str) -> int:
        """The width that shows `text` whole: its advance plus what QLineEdit::sizeHint adds
        (2 px a side, the text and contents margins) and the style's frame and padding."""
        text_margins, margins = self.textMargins(), self.contentsMargins()
        inner = (
            self.fontMetrics().horizontalAdvance(text)
            + 4
            + text_margins.left()
            + text_margins.right()
            + margins.left()
            + margins.right()
        )
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        size = QSize(inner, self.fontMetrics().height())
        content = QStyle.ContentsType.CT_LineEdit
        return self.style().sizeFromContents(content, option, size, self).width()


class ShortTextEdit(NumberEdit):
    """A short text field (an exercise's id), left-aligned, that grows with the text size as
    a number's does: a fixed 260 px cut the built-in "lateral-trunk-rotation" to
    "lateral-trunk-rotatior" at 150 % (seen under Xvfb).

    Signals: those of QLineEdit.
    """

    sample = "straight-leg-raise-weighted"  # the longest id of the built-in routines
    # Where the form has less room (640 x 480 in large print: 353 px), it gives way down to
    # this much of an id, its text scrolling in it, rather than the form scrolling sideways.
    least_sample = "straight-leg"

    def __init__(self, parent: QWidget, least: int) -> None:
        super().__init__(parent, least)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.width_for(self.least_sample), self.sizeHint().height())

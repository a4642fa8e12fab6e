"""The exercise list's rows wrapped by hand, so a line that wraps keeps its indent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

INDENT = "     "  # the dose line's indent, under the name after its number
LINE_BREAK = "\u2028"  # what a row's "\n" becomes in the delegate's text (displayText)
SAFETY_PX = 4  # what Qt's own wrap may take more than our measure: a line never wraps twice


def hang(text: str, room: int, advance: Callable[[str], int], indent: str = INDENT) -> str:
    """`text` with each line (at "\n" or a line separator) broken at spaces to fit `room` pixels, its continuation lines
    indented by `indent` (or by the line's own leading spaces), as a hanging paragraph; the
    lines joined with Unicode's line separator, as Qt draws a row's lines."""
    out: list[str] = []
    for line in text.replace(LINE_BREAK, "\n").split("\n"):
        body = line.lstrip(" ")
        lead = line[: len(line) - len(body)]
        after = lead or indent
        current = lead
        for word in body.split(" "):
            if current.strip() and advance(f"{current} {word}") > room:
                out.append(current)
                current = after + word
            else:
                current = f"{current} {word}" if current.strip() else current + word
        out.append(current)
    return LINE_BREAK.join(out)


class HangingRows(QStyledItemDelegate):
    """Wraps each row's text to the room its row leaves, keeping continuation lines indented.

    Qt's own word wrap starts a wrapped line at the row's left edge: in a narrow panel the
    dose "3 x 10 (10-15) reps, 3 s / hold" broke under the exercise's name, its indent lost.
    The list's data keeps the whole text (what a screen reader reads); only what is drawn and
    measured is wrapped here.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if not option.rect.isValid() or not option.text:
            return
        style = option.widget.style() if option.widget else None
        if style is None:
            return
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        room = area.width() - 2 * margin - SAFETY_PX
        metrics = option.fontMetrics
        option.text = hang(option.text, room, metrics.horizontalAdvance)

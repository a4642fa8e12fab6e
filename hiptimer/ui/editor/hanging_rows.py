"""The exercise list's rows wrapped by hand, so a line that wraps keeps its indent, and drawn
with the name in bold and the dose under it in the muted colour."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hiptimer.ui.editor.style import muted_colour
from hiptimer.ui.widgets.plain import LONG_WORD, letters

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
            long_word = len(word) > LONG_WORD
            if current.strip() and not long_word and advance(f"{current} {word}") > room:
                out.append(current)
                current = after + word
            else:
                current = f"{current} {word}" if current.strip() else current + word
            if long_word:  # it fills the line and breaks between letters (plain.breakable)
                current = _broken(current, room, advance, after, out)
        out.append(current)
    return LINE_BREAK.join(out)


def _broken(line: str, room: int, advance: Callable[[str], int], after: str, out: list[str]) -> str:
    """`line` ending in a long word: its parts that fit `room` put in `out` (at least one
    letter each), what is left returned, after `after`. A name of 116 N's ran off the list."""
    while advance(line) > room:
        pieces = letters(line)
        least = len(line) - len(line.lstrip(" ")) + 1  # the indent and one letter
        cut = len(pieces) - 1
        while cut > least and advance("".join(pieces[:cut])) > room:
            cut -= 1
        out.append("".join(pieces[:cut]).rstrip(" "))
        line = after + "".join(pieces[cut:]).lstrip(" ")
    return line


class HangingRows(QStyledItemDelegate):
    """Wraps each row's text to the room its row leaves, keeping continuation lines indented,
    and draws its name (every line of it) in bold, its dose in the regular weight and the muted
    colour.

    Qt's own word wrap starts a wrapped line at the row's left edge: in a narrow panel the
    dose "3 x 10 (10-15) reps, 3 s / hold" broke under the exercise's name, its indent lost.
    A long name's second line then sat at the dose's indent in the dose's look, and read as a
    dose ("Side-lying hip abduction with a / resistance band"): it hangs under the name, in
    the name's weight, and the dose looks apart. The list's data keeps the whole text (what a
    screen reader reads); only what is drawn and measured is wrapped here.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        wrapped = _wrapped(option)
        if wrapped is not None:
            option.font = bold(option.font)  # measured as drawn: the wider, bold name
            option.text = LINE_BREAK.join(wrapped[0] + wrapped[1])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        shown = QStyleOptionViewItem(option)
        super().initStyleOption(shown, index)
        wrapped = _wrapped(shown)
        widget = shown.widget
        style = widget.style() if widget is not None else QApplication.style()
        if wrapped is None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
            return
        names, doses = wrapped
        regular, heavy = QFont(shown.font), bold(shown.font)
        shown.font = heavy
        shown.text = LINE_BREAK.join(names + doses)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, widget)
        shown.text = ""  # the row, its box and its selection as Qt draws them; the words here
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
        selected = bool(shown.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = shown.palette.color(role)
        # The dose in the muted colour, unless the row has a colour of its own (an error, left
        # out) or is selected (on the selection, in the selection's words).
        plain_row = index.data(Qt.ItemDataRole.ForegroundRole) is None
        dose_ink = QColor(muted_colour()) if plain_row and not selected else ink
        metrics = QFontMetrics(heavy)
        line = metrics.height()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        top = area.top() + (area.height() - line * (len(names) + len(doses))) / 2
        painter.save()
        for i, text in enumerate(names + doses):
            painter.setFont(heavy if i < len(names) else regular)
            painter.setPen(ink if i < len(names) else dose_ink)
            at = QPointF(area.left() + margin, top + i * line + metrics.ascent())
            painter.drawText(at, text)
        painter.restore()


def _wrapped(option: QStyleOptionViewItem) -> tuple[list[str], list[str]] | None:
    """The row's name and dose lines, wrapped to the room its row leaves (None: no text)."""
    if not option.rect.isValid() or not option.text:
        return None
    style = option.widget.style() if option.widget else None
    if style is None:
        return None
    area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    return name_and_dose(option.text, area.width() - 2 * margin - SAFETY_PX, option.font)


def bold(font: QFont) -> QFont:
    heavy = QFont(font)
    heavy.setBold(True)
    return heavy


NUMBER = re.compile(r"\S+\s+")  # "3. " before the name
# A name's lines in its row: at 800 x 600 in large print a long one took seven lines of a
# 260 px list, and the list showed one row of it (the whole name is in the form beside it).
NAME_LINES = 2


def name_and_dose(text: str, room: int, font: QFont) -> tuple[list[str], list[str]]:
    """A row's name (first line, bold) and dose (its other lines) wrapped to `room` pixels: the
    name's lines hang under the name after its number, the dose's keep their indent."""
    name, _, dose = text.replace(LINE_BREAK, "\n").partition("\n")
    heavy = QFontMetrics(bold(font))
    number = NUMBER.match(name)
    width = heavy.horizontalAdvance(number.group(0)) if number else 0
    under = " " * max(1, round(width / max(1, heavy.horizontalAdvance(" "))))
    names = hang(name, room, heavy.horizontalAdvance, under).split(LINE_BREAK)
    if len(names) > NAME_LINES:  # the rest of the name ends in "…" on its last line
        last = names[NAME_LINES - 1]
        words = " ".join(line.strip() for line in names[NAME_LINES - 1 :])
        cut = heavy.elidedText(
            words, Qt.TextElideMode.ElideRight, room - heavy.horizontalAdvance(under)
        )
        names = [*names[: NAME_LINES - 1], last[: len(last) - len(last.lstrip(" "))] + cut]
    doses = hang(dose, room, QFontMetrics(font).horizontalAdvance).split(LINE_BREAK) if dose else []
    return names, doses

"""Text from routines, the history or the user, shown as written and never read as markup."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # (the painter and the boxes load when used: the first paint needs none)
    from PySide6.QtGui import QFont, QPaintEvent
    from PySide6.QtWidgets import QComboBox, QMessageBox

# Why: Qt reads any string that looks like HTML as rich text in a QLabel, a QMessageBox, a
# tooltip or a chart title. A routine name like `<img src="/some/fifo">` then loads a file
# (and blocks the GUI thread on a FIFO), and `<table width=100000>` breaks the layout.
# https://doc.qt.io/qt-6/qt.html#mightBeRichText


def plain(*labels: QLabel) -> None:
    """Show what these labels are given as plain text, whatever it looks like."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose text and informative text are plain text."""
    box.setTextFormat(Qt.TextFormat.PlainText)  # QMessageBox passes it on to both labels
    return box


def may_cut(*labels: QLabel) -> None:
    """Let these word-wrapped labels be narrower than their longest word.

    A word longer than the window (a name of 120 W's) is then cut at the label's edge,
    rather than making the window wider than the screen.
    """
    for label in labels:
        label.setMinimumWidth(1)


LONG_WORD = 20  # characters: a longer word may break anywhere (see breakable)
_BREAK = "\u200b"  # zero-width space: a place Qt's word wrap may break a line, shown as nothing
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def breakable(text: str) -> str:
    """Text whose words longer than LONG_WORD characters may be wrapped between any two
    letters: in a word-wrapped label a word wider than the label is then wrapped over
    lines instead of being cut (at both edges when centred). Shorter words are unchanged."""
    return _LONG_WORD.sub(lambda word: _BREAK.join(letters(word.group())), text)


ZWJ = "\u200d"  # joins emoji into one ("👩\u200d👧")
_JOINERS = {ZWJ, "\ufe0e", "\ufe0f"}  # and the text and emoji variation selectors


def letters(word: str) -> list[str]:
    """The letters of `word` as they show, the places it may be broken between: an accent, a
    variation selector or a joined emoji stays with the character before it."""
    found: list[str] = []
    for char in word:
        joins = unicodedata.combining(char) or char in _JOINERS
        if found and (joins or found[-1].endswith(ZWJ)):
            found[-1] += char
        else:
            found.append(char)
    return found


def show_wrapped(label: QLabel, text: str) -> None:
    """Show `text` in a word-wrapped label with its long words breakable (breakable()); a
    screen reader reads it as written, without the breaks."""
    label.setText(breakable(text))
    label.setAccessibleName(text)


LRM, RLM = "\u200e", "\u200f"  # invisible letters that give a paragraph its direction
_RIGHT_TO_LEFT = {"R", "AL"}  # Hebrew, Arabic... (unicodedata.bidirectional)
# What ends an override, an embedding or an isolate a name opened (the routine loader closes
# each one a text leaves open: core/routines/direction_marks.py); our words after it are ours.
_CLOSING = {"PDF", "PDI"}


def in_our_direction(text: str, *, one_paragraph: bool = False) -> str:
    """`text`, our words around a name the user wrote, laid out in the app's direction on
    every line that mixes both directions. Why: a paragraph takes its direction from its first
    letter (https://www.unicode.org/reports/tr9/#P2), so a caption opening with an exercise
    named in Arabic turned its English sentence and quotes around. A line in one direction
    only (a setup step as written) keeps its own. `one_paragraph`: the text is drawn as one
    paragraph, its lines and all (a list's row): each line is marked, after its indent, since
    a number after an Arabic name takes the name's direction (rule W2), and "2 x 3 reps" on
    the next line was drawn "2     x 3 reps"."""
    if not _mixed(text):  # no line mixes both directions: nothing to mark (most refreshes)
        return text
    mark = _our_mark()
    lines = text.split("\n")
    if one_paragraph:
        return "\n".join(_marked(line, mark) for line in lines) if _mixed(text) else text
    return "\n".join(_marked(line, mark) if _mixed(line) else line for line in lines)


# The spaces inside a dose: a number and the unit after it ("5 s", "2 kg", "8 reps", the
# units the routines and the doses use), the "x" of sets x reps and the number after it
# ("3 x 10"), and an arrow with the word it leads to ("\u2192 27 s", "\u2192 Puente a una
# pierna": an arrow before a name, not a number, could end a line alone, session 28). A line
# may still break before the arrow: "3 x 30 s \u2192 3 x 25 s" bound whole was cut at a narrow
# card's edge.
_UNITS = "s|min|x|kg|lb|cm|m|%|reps?|repeticiones|repetición"
_IN_A_DOSE = re.compile(
    rf"(?<=\d) (?=(?:{_UNITS})(?!\w))|(?<=\d[ \u00a0]x) (?=\d)|(?<=\u2192) (?=\S)"
)


def units_kept(text: str) -> str:
    """`text` with no-break spaces inside each dose, so that no line breaks in one. Why: a
    wrapped paragraph broke "holds 5 s" into "holds 5" and a lone "s" at the start of the next
    line, and a card's reason "vuelve a 1 / x 25 s"."""
    return _IN_A_DOSE.sub("\u00a0", text)


def on_our_side(text: str) -> str:
    """`text`, a line of a list (a setup step, a caution), laid out from the app's side, beside
    its number or bullet, in whichever direction it is written. Why: Qt aligns a paragraph
    that starts right to left on the far side (https://www.unicode.org/reports/tr9/#P2), and a
    step written in Arabic stood a panel's width from its number. Its words still read in
    their own direction, and their own mark after them keeps a final full stop at their end
    (rule N1: a stop between Arabic and our side's edge took our side's direction)."""
    mark = _our_mark()
    rtl = mark == RLM
    lines = []
    for line in text.split("\n"):
        strong = [d for d in map(unicodedata.bidirectional, line) if d in ("L", *_RIGHT_TO_LEFT)]
        if all((d in _RIGHT_TO_LEFT) == rtl for d in strong):
            lines.append(line)  # ours only, or no letters: laid out from our side anyway
            continue
        own = RLM if strong[-1] in _RIGHT_TO_LEFT else LRM
        lines.append(_marked(line, mark) + ("" if own == mark else own))
    return "\n".join(lines)


def _our_mark() -> str:
    """The invisible letter of the app's direction: RLM in a right-to-left language."""
    from PySide6.QtGui import QGuiApplication

    rtl = QGuiApplication.layoutDirection() is Qt.LayoutDirection.RightToLeft
    return RLM if rtl else LRM


def _marked(line: str, mark: str) -> str:
    """The mark after the line's indent, and after a name right to left that a number
    follows: the number would take the name's direction (rule W2), and "Up next: <name> —
    2 x 3 reps" was drawn "Up next: 2 — <name> x 3 reps"."""
    body = line.lstrip(" ")
    out = [line[: len(line) - len(body)], mark]
    after_rtl = False  # the last letter was right to left, and no mark follows it yet
    for char in body:
        kind = unicodedata.bidirectional(char)
        if kind in _CLOSING:  # an override's letters count as right to left up to here (W2)
            out += [char, mark]
            after_rtl = False
            continue
        if kind == "EN" and after_rtl and mark == LRM:
            out.append(mark)
            after_rtl = False
        elif kind in _RIGHT_TO_LEFT or kind == "L":
            after_rtl = kind in _RIGHT_TO_LEFT
        out.append(char)
    return "".join(out)


def _mixed(line: str) -> bool:
    if line.isascii():  # most lines, and a refresh asks ten times a second: no scan
        return False
    kinds = {unicodedata.bidirectional(char) for char in line}
    return ("L" in kinds and bool(kinds & _RIGHT_TO_LEFT)) or bool(kinds & _CLOSING)


def show_text(label: QLabel, text: str) -> None:
    """Set a label's text and hide it when there is none, so that others get its room."""
    label.setText(text)
    if label.isHidden() == bool(text):
        label.setVisible(bool(text))


def fit_names(box: QComboBox, characters: int) -> None:
    """Make a box of names as wide as `characters`, not as its longest name (which it elides)."""
    from PySide6.QtWidgets import QComboBox

    box.setMinimumContentsLength(characters)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)


def escape(text: str) -> str:
    """Untrusted text to put inside HTML we build: what html.escape(text, quote=True) gives.

    Not html.escape itself: importing html loads html.entities, a table of 2,231 names that
    the details pane paid for before the filled list could be painted (docs/performance.md).
    """
    return (
        text.replace("&", "&amp;")  # first: the other replacements add ampersands
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def as_html(text: str) -> str:
    """Untrusted text as HTML that Qt always reads as rich text, showing it as written.

    For the places that take no text format (tooltips, QMessageBox's static functions,
    chart titles): escaping alone is not enough there, since text that no longer looks like
    HTML is shown as it is, "&lt;" and all. Line breaks and spaces are kept.
    """
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def window_title(text: str) -> str:
    """Text for a window title: Qt hides "[*]" there (the unsaved-changes mark); "[*][*]" shows it."""
    return text.replace("[*]", "[*][*]")


def no_mnemonic(text: str) -> str:
    """Text for a tab or button: "&" marks a shortcut key there; "&&" shows an ampersand."""
    return text.replace("&", "&&")


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" where it is wider than its room.

    A name of any length then never makes the window wider; `text()` stays whole. With
    `least` below 1 the words first get smaller, down to that share of the font's size, and
    are cut only where even that is too wide. With cut_first, a part of the line (a name) is
    cut there rather than the words after it (a dose).
    Signals: none.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, least: float = 1.0) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._least = least
        self._cut_first = ""

    def cut_first(self, part: str) -> None:
        """Where the line is too wide and has `part` in it, cut the end of `part` and keep
        the words after it whole ("" for the line's end, as before)."""
        if part != self._cut_first:
            self._cut_first = part
            self.update()

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("\u2026") * 4, super().minimumSizeHint().height()
        )

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def _line(self) -> str:
        return " ".join(self.text().splitlines())  # one line: a line break would be cut off

    def _drawn_font(self) -> QFont:
        """The font the words are drawn in: the label's, or smaller down to `least` to fit."""
        from PySide6.QtGui import QFont, QFontMetrics

        font = QFont(self.font())
        px = font.pixelSize()
        if px <= 0 or self._least >= 1:
            return font
        room = self.contentsRect().width()
        for size in range(px, max(1, math.ceil(px * self._least)) - 1, -1):
            font.setPixelSize(size)
            if QFontMetrics(font).horizontalAdvance(self._line()) <= room:
                break
        return font

    def drawn_px(self) -> int:
        return self._drawn_font().pixelSize()

    def shown_text(self) -> str:
        """The words as drawn: whole, or cut with "…" at the label's edge."""
        return self._elided(self._drawn_font())

    def _elided(self, font: QFont) -> str:
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(font)
        line, room = self._line(), self.contentsRect().width()
        at = line.rfind(self._cut_first) if self._cut_first else -1
        if at >= 0 and metrics.horizontalAdvance(line) > room:
            end = at + len(self._cut_first)
            rest = room - metrics.horizontalAdvance(line[end:])
            if rest >= metrics.horizontalAdvance(line[:at] + "\u2026" * 4):  # some of it shows
                return (
                    metrics.elidedText(line[:end], Qt.TextElideMode.ElideRight, rest) + line[end:]
                )
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter

        font = self._drawn_font()  # once: each size tried is measured
        painter = QPainter(self)
        painter.setFont(font)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self._elided(font),
            self.foregroundRole(),
        )

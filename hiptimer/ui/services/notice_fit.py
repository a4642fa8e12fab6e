"""The notice strip's words fitted to its room: a line's gist cut with "…", whether the whole
notice is too tall for the window, and the height of one of its lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from hiptimer.ui.widgets.plain import escape


def gist(heading: str, detail: str, bold: QFontMetrics, plain: QFontMetrics, room: int) -> str:
    """The heading and as much of the detail as the rest of the line holds, cut with "…":
    a heading alone ("Reminders") said too little to choose whether to open it. A heading
    longer than the line is cut too, at a word's end: wrapped, the no-voice notice's took
    three lines at 640 x 480 in large print."""
    if bold.horizontalAdvance(heading) > room:
        return f"<b>{escape(cut_words(heading, bold, room))}</b>"
    left = room - bold.horizontalAdvance(f"{heading} ")
    tail = cut_words(detail, plain, left, whole_words=True)
    enough = left > plain.horizontalAdvance("\u2026") * 6 and tail not in ("", "\u2026")
    return f"<b>{escape(heading)}</b> {escape(tail)}" if enough else f"<b>{escape(heading)}</b>"


def too_tall(words: str, bold: QFontMetrics, room: int, most: float) -> bool:
    """Whether `words`, wrapped in `room` px, would take more than `most` px with the strip's
    margins (measured in `bold`: the heading's font, the wider)."""
    box = bold.boundingRect(QRect(0, 0, max(room, 100), 100_000), Qt.TextFlag.TextWordWrap, words)
    return box.height() + 16 > most  # 16: top and bottom


def cut_words(words: str, font: QFontMetrics, room: int, *, whole_words: bool = False) -> str:
    """`words` cut with "…" to `room` px, at a word's end where one is in it ("Speech is o…"
    read as a typing slip), else inside the word; or "" if `whole_words` and none is."""
    cut = font.elidedText(words, Qt.TextElideMode.ElideRight, room)
    if cut == words:
        return words
    if " " in cut:
        return cut[:-1].rsplit(" ", 1)[0].rstrip(" ,:;") + "\u2026"
    return "" if whole_words else cut


def line_height(label: QLabel, width: int) -> int:
    """The height of one of `label`'s wrapped lines at `width`, as its text layout spaces them
    (a pixel more than the font's line spacing in rich text), from its first line."""
    from PySide6.QtGui import QTextDocument  # only once Details is pressed: test_first_paint.py

    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)  # as a label lays out rich text: its heightForWidth, to the pixel
    doc.setHtml(label.text())
    doc.setTextWidth(width)
    doc.size()  # laid out when asked: until then its blocks have no lines
    layout = doc.begin().layout()
    return max(1, round(layout.lineAt(0).height())) if layout.lineCount() else 1

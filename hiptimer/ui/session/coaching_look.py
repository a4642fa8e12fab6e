"""How the coaching panel's parts look: labels that never read markup, the caution's box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.theme import current

CAUTION_PAD = 10  # inside the caution's box
MIN_PX = 14  # below this a step is unreadable from the mat; steps are left out instead
# Steps that do not all fit are cut into pages (and a long one into parts) that each fit at this
# size, where the panel has the room: cut at MIN_PX, a 2,000-character step's parts showed at
# 14 px at 1280 x 800 in large print. The body text's size at 100 %, read from the mat.
PAGED_PX = 18


def caution_style() -> str:
    p = current()
    return (
        f"color: {p.caution_text}; border: 3px solid {p.caution_edge}; border-radius: 10px;"
        f" padding: {CAUTION_PAD}px; background: {p.caution_back};"
    )


def plain_label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    """A label that never reads its text as markup (the text comes from a routine)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label


def metrics(base: QFont, px: float, bold: bool) -> QFontMetrics:
    """`base`'s metrics at `px` pixels, in bold or not."""
    font = QFont(base)
    font.setPixelSize(max(8, int(px)))
    font.setBold(bold)
    return QFontMetrics(font)


def heading_px(px: float) -> float:
    """The heading a little smaller than the steps, never under MIN_PX: where they do not all
    fit it names the key to the rest (11 px at 1024 x 600 could not be read from the mat)."""
    return max(px * 0.8, float(MIN_PX))

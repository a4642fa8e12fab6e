"""How the coaching panel's parts look: labels that never read markup, the caution's box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.theme import current

CAUTION_PAD = 10  # inside the caution's box


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

"""The weekly plan dialog's small parts: its time fields and their look, its muted notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.core.plan.model import clock_time
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.time_field import TimeField


# The settings' spin-box look for the time fields (their own sheet styles QSpinBox only).
def time_style() -> str:
    p = current()
    return f"""
    QTimeEdit {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        border-radius: 4px; padding: 3px 6px; min-width: 64px;
    }}
    QTimeEdit:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QTimeEdit:focus {{ border: {p.edge}px solid {p.focus}; }}
    QTimeEdit::up-button, QTimeEdit::down-button {{ width: 0; border: none; }}
    """


def time_edit(text: str) -> TimeField:
    """A 24-hour time field showing `text` ("HH:MM")."""
    at = clock_time(text)
    return TimeField(QTime(at.hour, at.minute))


def muted(text: str, parent: QWidget) -> QLabel:
    """A note in the muted ink, plain text that wraps."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label

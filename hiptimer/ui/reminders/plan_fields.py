"""The weekly plan dialog's small parts: its time fields and their look, its muted notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from hiptimer.core.plan.model import clock_time
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.time_field import TimeField

# The dialog's side margins, and its groups': Spanish at 150 % on a 1024 px screen needed
# 1,042 px for the plan (a routine of 34 letters, seven days, a time), more than the screen
# leaves; the groups' right edge was cut under the scroll bar (seen under Xvfb). The plan's
# grid has no margins of its own (it stood 9 px in from the lines above it).
PAGE_SIDE = 12
GROUP_SIDE = 4


# The settings' spin-box look for the time fields (their own sheet styles QSpinBox only), and
# the desk breaks' minutes as wide as "180 min": the settings' 150 px pushed "of computer use"
# to a row of its own at 1280 x 800.
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
    QSpinBox {{ min-width: 0; }}
    """


def time_edit(text: str) -> TimeField:
    """A 24-hour time field showing `text` ("HH:MM")."""
    at = clock_time(text)
    return TimeField(QTime(at.hour, at.minute))


def group_layout(box: QGroupBox) -> QVBoxLayout:
    """The layout of one of the dialog's groups, with the narrower side margins."""
    layout = QVBoxLayout(box)
    margins = layout.contentsMargins()
    layout.setContentsMargins(GROUP_SIDE, margins.top(), GROUP_SIDE, margins.bottom())
    return layout


def muted(text: str, parent: QWidget) -> QLabel:
    """A note in the muted ink, plain text that wraps."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label

"""The library's line of today's plan under its heading: the routines, their marks, the week."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.i18n import _


class TodayLabel(QLabel):
    """Today's plan ("Today: Daily hip stretches at 18:00 \u2014 due") and the week's tally,
    one line each; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # routine titles
        self.setWordWrap(True)
        self.setProperty("role", "muted")
        self.hide()

    def show_lines(self, lines: list[str], week_words: str = "") -> None:
        """`week_words`: the week's marks in words, a day a line; its tooltip, and said by a
        screen reader after the text (which reads "✓" and "+" as signs, not as what they
        mean here)."""
        first = _("Today: {plan}").format(plan=lines[0]) if lines else ""
        text = "\n".join([first, *lines[1:]]) if lines else ""
        self.setText(text)
        self.setToolTip(week_words)
        self.setAccessibleDescription(week_words)
        self.setVisible(bool(text))

"""The exercise's setup steps as a numbered list, the one being read highlighted, and its caution."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.core.routines.model import Exercise
from hiptimer.ui.theme import set_px

HEADING = "How to do it"
CAUTION_PREFIX = "\u26a0 Caution: "
LINE_STYLE = "padding: 4px 8px; border-radius: 8px;"
# The line the voice is reading: dark text on the phase's accent, so it stands out from 2 m.
SPOKEN_STYLE = "padding: 4px 8px; border-radius: 8px; background: {accent}; color: #000000;"
CAUTION_STYLE = (
    "color: #FFE082; border: 3px solid #FFB74D; border-radius: 10px; padding: 8px 12px;"
    " background: rgba(0, 0, 0, 0.25);"
)


class CoachingPanel(QFrame):
    """Shows one exercise's setup steps and caution as plain text; it only displays.

    Every step is always visible (muted, the screen is the coach); `highlight` marks the
    step the voice is saying.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coaching")
        self._exercise: Exercise | None = None
        self._accent = "#FFB74D"
        self._spoken = -1
        self._px = 24.0
        self.heading = QLabel(HEADING, self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.steps: list[QLabel] = []
        self.caution = _plain_label(self)
        self.caution.setStyleSheet(CAUTION_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(6)
        self._layout.addWidget(self.heading)
        self._layout.addStretch(1)
        self._layout.addWidget(self.caution)
        self._layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    @property
    def exercise(self) -> Exercise | None:
        return self._exercise

    @property
    def has_content(self) -> bool:
        ex = self._exercise
        return ex is not None and bool(ex.setup or ex.caution.strip())

    @property
    def spoken(self) -> int:
        """The step highlighted as being said, or -1."""
        return self._spoken

    def show_exercise(self, ex: Exercise | None) -> None:
        """The steps and caution of `ex` (a new exercise clears the highlight)."""
        old = self._exercise
        if ex is not None and old is not None and _same_coaching(ex, old):
            return
        self._exercise = ex
        self._spoken = -1
        for label in self.steps:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.steps = []
        setup = ex.setup if ex is not None else ()
        for i, line in enumerate(setup):
            label = _plain_label(self)
            label.setText(f"{i + 1}.  {line}")
            self._layout.insertWidget(1 + i, label)
            self.steps.append(label)
        caution = ex.caution.strip() if ex is not None else ""
        self.caution.setText(f"{CAUTION_PREFIX}{caution}" if caution else "")
        self.caution.setVisible(bool(caution))
        self.heading.setVisible(bool(setup))
        self._restyle()

    def highlight(self, line: int) -> None:
        """Mark step `line` (from 0) as being said; -1 marks none."""
        line = line if 0 <= line < len(self.steps) else -1
        if line != self._spoken:
            self._spoken = line
            self._restyle()

    def set_accent(self, accent: str) -> None:
        """The phase's accent colour, for the highlight."""
        if accent != self._accent:
            self._accent = accent
            self._restyle()

    def set_font_px(self, px: float) -> None:
        self._px = px
        self._restyle()

    def texts(self) -> list[str]:
        """What the panel shows, in order (for tests and the screen dump)."""
        shown = [label.text() for label in self.steps]
        return shown + ([self.caution.text()] if self.caution.text() else [])

    def _restyle(self) -> None:
        set_px(self.heading, self._px * 0.8, bold=True)
        self.heading.setStyleSheet("color: #C8D3DC;")
        for i, label in enumerate(self.steps):
            spoken = i == self._spoken
            set_px(label, self._px, bold=spoken)
            style = SPOKEN_STYLE.format(accent=self._accent) if spoken else LINE_STYLE
            label.setStyleSheet(style)
        set_px(self.caution, self._px, bold=True)


def _same_coaching(a: Exercise, b: Exercise) -> bool:
    return (a.id, a.setup, a.caution) == (b.id, b.setup, b.caution)


def _plain_label(parent: QWidget) -> QLabel:
    """A wrapped label that never reads its text as markup (the text comes from a routine)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label

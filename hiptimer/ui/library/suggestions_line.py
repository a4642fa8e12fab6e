"""The library's line for dose suggestions left without an answer, with a button to review them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from hiptimer.i18n import _, n_
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import READABLE_PX, set_px
from hiptimer.ui.widgets.worded import worded_button


class SuggestionsLine(QWidget):
    """ "2 suggestions from your last session, not answered yet" and Review [V]; hidden at 0.
    Above it, "Doses changed in your last session: keep them for next time?" while that waits.

    A user who left the summary without answering, and skipped or never saw the morning's
    suggestions, would otherwise never see them again (docs/pain-rules.md).

    Signals: review_requested().
    """

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = worded_button(
            _("Review") + f"   [{KEY_NAMES[Action.REVIEW_SUGGESTIONS]}]", self
        )
        # Tab focus only, as the Start button beside it: a click leaves Enter to start.
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.clicked.connect(self.review_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.count = 0
        self.hide()

    def show_count(self, count: int, *, doses: bool = False) -> None:
        """Say how many suggestions wait for an answer, and whether the doses changed in the
        last session wait to be kept or not; hidden when nothing waits."""
        self.count = count
        lines = [_("Doses changed in your last session: keep them for next time?")] * doses
        if count:
            lines.append(
                n_(
                    "{count} suggestion from your last session, not answered yet",
                    "{count} suggestions from your last session, not answered yet",
                    count,
                ).format(count=count)
            )
        text = "\n".join(lines)
        self.label.setText(text)
        self.button.setAccessibleName(_("Review: {line}").format(line=" ".join(lines)))
        self.setVisible(bool(lines))

    def fit(self, h: float) -> None:
        set_px(self.label, max(h * 0.026, READABLE_PX), bold=True)  # as the page's small words
        set_px(self.button, h * 0.03, bold=True)

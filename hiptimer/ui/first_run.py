"""The safety notice shown before the first session: see a clinician, mind surgery, mind pain."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import set_px
from hiptimer.ui.widgets.layout_fit import shrink_to_fit
from hiptimer.ui.widgets.resize_layout import ResizeLayout
from hiptimer.ui.widgets.worded import worded_button

HEADING = N_("Before you start")
POINTS = (
    N_(
        "See a doctor or physiotherapist before starting an exercise programme, so they can "
        "check that these exercises suit your hip."
    ),
    N_(
        "After hip surgery (a replacement included), ask your surgeon or physiotherapist "
        "before trying any routine."
    ),
    N_(
        "Stop if pain climbs above {limit}/10, or keeps building. After each set HipTimer asks "
        "how much it hurt and offers to stop or go lighter."
    ),
    N_("HipTimer is a timer and a log, not medical advice."),
)


def notice_points(pain_limit: int) -> list[str]:
    return [translate(point).format(limit=pain_limit) for point in POINTS]


class FirstRunPage(QWidget):
    """Shown once, before anything else; the settings remember that it was read.

    Signals: accepted().
    """

    accepted = Signal()

    def __init__(self, pain_limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.heading = QLabel(translate(HEADING), self)
        self.heading.setProperty("role", "warning")
        self.points = QLabel(self)
        self.points.setWordWrap(True)
        self.points.setTextFormat(Qt.TextFormat.RichText)
        items = "".join(
            f"<li style='margin-bottom:12px'>{p}</li>" for p in notice_points(pain_limit)
        )
        self.points.setText(f"<ul>{items}</ul>")
        key = KEY_NAMES[Action.ACCEPT]
        self.button = worded_button(_("I understand") + f"   [{key}]", self)
        self.button.setProperty("role", "primary")
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.clicked.connect(self.accepted.emit)
        # The notice is in labels Tab never reaches: a screen reader reads it with the one
        # button there is, which says the user has read it.
        notice = " ".join([translate(HEADING) + ":", *notice_points(pain_limit)])
        self.button.setAccessibleDescription(f"{notice} {key_hint(key)}")
        # The page too, which has the focus as it comes: it was read as a nameless panel.
        self.setAccessibleName(translate(HEADING))
        self.setAccessibleDescription(" ".join(notice_points(pain_limit)))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        # Large print on 1024 x 768 cut the last point off ("HipTimer is a timer and a log,
        # not medical advice."): shrunk until the notice is whole at each size, as shown.
        layout = ResizeLayout(self, lambda: shrink_to_fit(self, self._size_parts))
        layout.setContentsMargins(60, 30, 60, 30)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.points)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(1)

    def _size_parts(self, h: float) -> None:
        set_px(self.heading, h * 0.07, bold=True)
        set_px(self.points, h * 0.034)
        set_px(self.button, h * 0.045, bold=True)

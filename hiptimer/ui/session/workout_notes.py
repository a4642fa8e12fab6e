"""Notes on the workout screen for whoever cannot hear the voice: that the sound is off, and
how a dose changed in the exercise in progress (the voice says it once; the note stays)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.core.session.dose_adjust import SessionDoseChange
from hiptimer.core.session.events import DoseChanged, Event
from hiptimer.core.session.view import SessionView
from hiptimer.i18n import _
from hiptimer.ui.session.coaching_look import metrics
from hiptimer.ui.theme import current, restyle, set_exact_px, text_scale
from hiptimer.ui.widgets.plain import plain, show_text


def dose_note_text(field: str, old: float, new: float) -> str:
    """A dose change as the screen notes it: "Hold now 40 s (was 60 s)", "Reps now 8 (was 10)"."""
    if field == "hold_s":
        return _("Hold now {new} s (was {old} s)").format(new=f"{new:g}", old=f"{old:g}")
    return _("Reps now {new} (was {old})").format(new=f"{new:g}", old=f"{old:g}")


class DoseNote(QLabel):
    """How the dose of the exercise in progress changed in this session (L after a painful
    set, or + and -), shown until that exercise is over: the dose now against the dose the
    exercise began the session with, as the summary nets them ("Hold now 20 s (was 10 s)"
    after +, +, +, -), and nothing once it is back there. In a resumed session, from its first
    step, the dose it goes on at (`carried`, by exercise id), since the window that noted it
    is gone."""

    def __init__(
        self,
        carried: Mapping[str, SessionDoseChange] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        plain(self)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self._exercise_id: str | None = None
        self._carried = dict(carried or {})
        self._began: dict[str, float] = {}  # field -> the exercise's dose as the session began

    def on_event(self, event: Event) -> None:
        if isinstance(event, DoseChanged):
            if event.exercise_id != self._exercise_id:
                self._exercise_id, self._began = event.exercise_id, {}
            carried = self._carried.pop(event.exercise_id, None)
            if carried is not None:
                self._began.setdefault(carried.field, carried.old)
            self._show(event.field, event.old, event.new)

    def show_view(self, view: SessionView) -> None:
        ex = view.exercise
        if (
            self._exercise_id is None
            and not view.ended
            and ex is not None
            and ex.id in self._carried
        ):
            self._exercise_id, self._began = ex.id, {}
            carried = self._carried.pop(ex.id)
            self._show(carried.field, carried.old, carried.new)
        if self._exercise_id is None:
            return
        if view.ended or view.exercise is None or view.exercise.id != self._exercise_id:
            self._exercise_id, self._began = None, {}
            show_text(self, "")

    def _show(self, field: str, old: float, new: float) -> None:
        began = self._began.setdefault(field, old)
        show_text(self, "" if new == began else dose_note_text(field, began, new))


# Of the page's height: the notes' sizes at 100 %, in large print times its scale.
RATING_SHARE = 0.03
DOSE_SHARE = 0.036


def fit_notes(rating: QLabel, dose: QLabel, h: float, room: int) -> int:
    """Size the rating note and the dose note for a page `h` px tall; the gap between them.

    Where both are shown and would not fit side by side in `room` px at their large-print
    sizes, both shrink alike, no smaller than at 100 % (the countdown's row keeps its height:
    a second row of notes cut the rest's steps to "4. L..."); the layout puts one under the
    other only where even those do not fit."""
    sizes = [h * RATING_SHARE * text_scale(), h * DOSE_SHARE * text_scale()]
    gap = 2 * int(sizes[0])
    if rating.text() and dose.text() and not rating.isHidden() and not dose.isHidden():
        wide = _width(rating, sizes[0], False) + _width(dose, sizes[1], True) + gap
        if wide > room:
            shrink = max(1 / text_scale(), (room - gap) / (wide - gap))
            sizes = [size * shrink for size in sizes]
    for label, size, bold in ((rating, sizes[0], False), (dose, sizes[1], True)):
        if label.font().pixelSize() != max(8, int(size)) or label.font().bold() != bold:
            set_exact_px(label, size, bold=bold)
    return gap


def _width(label: QLabel, size: float, bold: bool) -> int:
    m = label.contentsMargins()
    return (
        metrics(label.font(), size, bold).horizontalAdvance(label.text()) + m.left() + m.right() + 1
    )


class SoundOff(QLabel):
    """ "Sound off" in an amber pill while the session is muted, where it is seen from the
    mat: nothing will be said or beeped (the status bar's note is small and brief)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Sound off"), parent)
        plain(self)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_muted(self, muted: bool) -> None:
        p = current()  # the theme's caution colours, as they are now
        style = (
            f"color: {p.caution_text}; background: {p.caution_back};"
            f" border: 2px solid {p.caution_edge}; border-radius: 8px; padding: 2px 10px;"
        )
        restyle(self, style)
        self.setVisible(muted)

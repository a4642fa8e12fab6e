"""What a screen reader is told about the exercise figure: an image named by its exercise,
described by the position it shows."""

from __future__ import annotations

from hiptimer.core.figures.motion import Moment, Motion
from hiptimer.core.routines.model import Exercise
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.widgets.figure_art import Art

POSITIONS = {
    Motion.PAUSE: N_("In the starting position."),
    Motion.LIFT: N_("Moving from the starting position into the end position."),
    Motion.HOLD: N_("Holding the end position."),
    Motion.LOWER: N_("Moving back to the starting position."),
    Motion.HELD: N_("Holding the end position."),
    Motion.DEMO: N_(
        "Showing the movement, from the starting position to the end position and back."
    ),
}
LOOPING = N_("Showing the movement over and over, as you do it during the hold.")


def figure_said(exercise: Exercise | None, art: Art, moment: Moment) -> tuple[str, str]:
    """The figure's accessible name and description ("" for both when nothing is shown)."""
    if exercise is None or art.empty:
        return "", ""
    if art.figure is None and art.note:
        return _("Picture missing: {exercise}").format(exercise=exercise.name), art.note
    if art.figure is None:
        return _("Picture: {exercise}").format(exercise=exercise.name), _(
            "The routine's own picture of this exercise."
        )
    looping = moment.motion is Motion.HELD and art.figure.loop_s is not None
    position = translate(LOOPING if looping else POSITIONS[moment.motion])
    if moment.mirrored:
        position = _("{position} Left side, drawn mirrored.").format(position=position)
    return _("Figure: {exercise}").format(exercise=exercise.name), position

"""Dose recommendations in words: headings for the screen and one short sentence for the voice."""

from __future__ import annotations

from datetime import datetime

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose, dose_text, sides_of
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.history.checkin_day import checkin_day
from hiptimer.core.routines.model import Exercise, with_sides
from hiptimer.core.voice.numbers import duration_words, say
from hiptimer.i18n import N_, _, n_, translate

HEADINGS = {  # translated where shown (i18n.translate)
    DoseAction.PROGRESS: N_("Ready for a little more"),
    DoseAction.STAY: N_("Keep the same dose"),
    DoseAction.STEP_BACK: N_("Step back"),
    DoseAction.SEE_CLINICIAN: N_("See a physiotherapist or doctor"),
}
WAITS_FOR_MORNING = "missing.morning"
MORNING_NOTE = N_(
    "We'll know tomorrow morning. HipTimer asks how your hip feels then, and suggests what "
    "to do next."
)
# Before 04:00 the check-in that follows is asked from 04:00 that same day (checkin_day).
LATER_THIS_MORNING_NOTE = N_(
    "We'll know later this morning. HipTimer asks how your hip feels then, and suggests what "
    "to do next."
)


def morning_note(at: datetime) -> str:
    """The note for a session judged at `at` that waits for its check-in, in the language in
    use: "tomorrow morning", or "later this morning" from midnight to 04:00, when the day of
    the check-in (checkin_day) is still the evening before."""
    local = at.astimezone()
    tonight = checkin_day(local) != local.date()
    return translate(LATER_THIS_MORNING_NOTE if tonight else MORNING_NOTE)


def waits_for_morning(rec: Recommendation) -> bool:
    """Only the next-morning check-in is missing to judge the session: a note, not a choice."""
    return rec.rule == WAITS_FOR_MORNING


def is_offer(rec: Recommendation) -> bool:
    """Whether the user is asked to accept a new dose."""
    return rec.proposed is not None and not waits_for_morning(rec)


def change_text(rec: Recommendation, ex: Exercise | None) -> str:
    """'3 x 10 reps \u2192 3 x 12 reps', or the present dose when nothing is proposed, written
    for `ex` (the exercise the suggestion is about) as the library writes its dose.

    A move on the ladder names the variant it goes to ('3 x 15 reps \u2192 Single-leg
    bridge, 2 x 8 reps each side'); the one it leaves is the exercise the suggestion is about.
    Each side (or each side, alternating) is the exercise's, as in the card's reasons: decided
    by the side the suggestion was judged on, a suggestion without one (from history rows
    older than sides) read '2 x 30 s \u2192 1 x 30 s' above a reason of '1 x 30 s each side'.
    """
    current, proposed = rec.current, rec.proposed
    if proposed is None:
        return with_sides(current.text, sides_of(current, ex))
    if proposed.rung != current.rung:  # the variant may be done otherwise
        now = with_sides(current.amount, sides_of(current, ex))
        then = with_sides(proposed.text, sides_of(proposed, ex))
        return f"{now} \u2192 {then}"
    # The same variant: the card's heading names it, the dose line need not twice.
    return with_sides(f"{current.amount} \u2192 {proposed.amount}", sides_of(current, ex))


def next_dose_text(ex: Exercise) -> str:
    """The dose `ex` now has, as a card writes it: '2 x 6 s each side' for an exercise done on
    each side (the card's 'Saved: next time ...' and 'You kept ...' read '2 x 6 s', as if in
    all, where the library and the card's own dose said each side)."""
    return dose_text(Dose.of(ex), ex)


def _dose_words(old: Dose, new: Dose) -> str:
    """What changes, as said aloud: 'twelve reps', 'holds of ...', 'the single-leg bridge'."""
    if new.rung != old.rung and new.name:
        return _("the {variant}").format(variant=new.name[:1].lower() + new.name[1:])
    if new.reps != old.reps and new.reps is not None:
        return say(n_("one rep", "{n:f} reps", new.reps), n=new.reps)
    if new.hold_s != old.hold_s and new.hold_s is not None:
        return _("holds of {duration}").format(duration=duration_words(new.hold_s))
    return say(n_("one set", "{n:f} sets", new.sets), n=new.sets)


def spoken(rec: Recommendation, name: str) -> str | None:
    """One short sentence for the voice, or None when there is nothing to decide or heed."""
    said = name[:1].lower() + name[1:]
    if rec.action is DoseAction.SEE_CLINICIAN:
        return _(
            "Please have your hip checked by a physiotherapist or doctor before more {exercise}."
        ).format(exercise=said)
    if not is_offer(rec) or rec.proposed is None:
        return None
    words = _dose_words(rec.current, rec.proposed)
    if rec.action is DoseAction.PROGRESS:
        return _("Suggestion: {exercise}, ready for {dose}.").format(exercise=said, dose=words)
    return _("Suggestion: {exercise}, back to {dose}.").format(exercise=said, dose=words)

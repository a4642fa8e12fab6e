"""Pain-guided dosing: from recent sessions of one exercise and side to one recommendation.

The rules follow the pain-monitoring model (Silbernagel et al. 2007): pain during exercise
of 0-2/10 is safe, up to 5/10 acceptable, above 5/10 too much, and the next morning decides
whether to go on. A change of 2 points on the 0-10 scale is the smallest one that matters
to a patient (Farrar et al. 2001). Everything here is plain data in, plain data out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from hiptimer.core.dosing import findings as find
from hiptimer.core.dosing.actions import DoseAction

# Doses, the settings and the session records live in dose_steps, what each rule finds in
# findings; weekly_averages is re-exported for its importers.
from hiptimer.core.dosing.dose_steps import (
    DEFAULT_SETTINGS,
    Dose,
    ExerciseHistory,
    FieldChange,
    PainRuleSettings,
    dose_text,
    step_back_dose,
)
from hiptimer.core.dosing.findings import weekly_averages as weekly_averages
from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.session.steps import Side
from hiptimer.i18n import _, after_colon

# Higher is more cautious; used to pick one recommendation for both sides of an exercise.
SEVERITY = {
    DoseAction.PROGRESS: 0,
    DoseAction.STAY: 1,
    DoseAction.STEP_BACK: 2,
    DoseAction.SEE_CLINICIAN: 3,
}


@dataclass(frozen=True)
class Recommendation:
    """What to do with one exercise and side next time, and why, in plain words."""

    exercise_id: str
    side: Side | None
    action: DoseAction
    current: Dose
    proposed: Dose | None  # None: keep the dose as it is
    reason: str
    rule: str  # a machine tag such as "progress.reps" or "missing.morning"
    session_id: int | None = None  # the session the recommendation follows
    # The highest rating of this side's last session: of two sides told the same thing, the
    # one that hurt more is the more cautious to name (per_exercise).
    last_pain: int | None = None

    def changes(self) -> tuple[FieldChange, ...]:
        """The dose fields the proposal changes, for recording the decision."""
        if self.proposed is None:
            return ()
        fields = ("rung", "sets", "reps", "hold_s")
        return tuple(
            FieldChange(f, getattr(self.current, f), getattr(self.proposed, f))
            for f in fields
            if getattr(self.current, f) != getattr(self.proposed, f)
        )


def recommend(
    history: ExerciseHistory, ex: Exercise, settings: PainRuleSettings = DEFAULT_SETTINGS
) -> Recommendation:
    """The recommendation for one exercise and side, from its recent sessions.

    Precedence: see a clinician, then step back, then stay (pain, morning, unfinished
    sets, missing data), then progress.
    """
    s, current, exposures = settings, Dose.of(ex), history.exposures
    last = exposures[-1] if exposures else None

    def rec(
        action: DoseAction, found: find.Finding, proposed: Dose | None = None
    ) -> Recommendation:
        session = last.session_id if last else None
        pain = last.max_pain if last else None
        return Recommendation(
            ex.id, history.side, action, current, proposed, found.reason, found.rule, session, pain
        )

    if last is None:
        return rec(DoseAction.STAY, find.Finding("none", _("No sessions of this exercise yet.")))
    clinician = find.clinician(exposures, s)
    if last.dose != current:
        # The dose changed after the last session (a decision taken, or an edit): the rules
        # wait for a session at the new dose rather than judging it by the old one.
        if clinician:
            return rec(DoseAction.SEE_CLINICIAN, find.also(clinician, find.until_then()))
        changed = _(
            "The dose changed after your last session (from {old} to {new}); do a session at "
            "the new dose first."
        ).format(old=dose_text(last.dose, ex), new=dose_text(current, ex))
        return rec(DoseAction.STAY, find.Finding("stay.dose_changed", changed))
    back = find.step_back(last, s)
    if back:
        target = step_back_dose(history, ex, s)
        smallest = _("This is already the smallest dose: rest this exercise until it settles.")
        if clinician:
            until = _("Until then, if you do this exercise, use {dose}.")
            extra = " ".join(
                (
                    _("Seeing someone comes first, before lowering the dose."),
                    back.reason,
                    until.format(dose=dose_text(target, ex)) if target else smallest,
                )
            )
            return rec(DoseAction.SEE_CLINICIAN, find.also(clinician, extra), target)
        back_to = _("Next time, go back to {dose}.")
        then = back_to.format(dose=dose_text(target, ex)) if target else smallest
        return rec(DoseAction.STEP_BACK, find.also(back, then), target)
    if clinician:
        return rec(DoseAction.SEE_CLINICIAN, find.also(clinician, find.until_then()))
    stay = find.stay(last, s) or find.missing(last)
    if stay:
        return rec(DoseAction.STAY, stay)
    found, new = find.progress(history, ex, s)
    return rec(DoseAction.PROGRESS if new else DoseAction.STAY, found, new)


def recommend_routine(
    routine: Routine,
    histories: Iterable[ExerciseHistory],
    settings: PainRuleSettings = DEFAULT_SETTINGS,
) -> list[Recommendation]:
    """Recommendations for the active exercises that have a history, in routine order."""
    by_key = {(h.exercise_id, h.side): h for h in histories}
    # A re-test is measured, not dosed: no suggestion changes its standard time.
    active = {ex.id: ex for ex in routine.active_exercises if ex.test is None}
    order = {ex_id: i for i, ex_id in enumerate(active)}
    sides = {Side.RIGHT: 0, Side.LEFT: 1, None: 2}
    # Only the sides the exercise is done with now: after a move to a variant done on each
    # side (or back), the history kept under the other sides is not this variant's.
    keys = sorted(
        (k for k in by_key if k[0] in active and (k[1] is None) != active[k[0]].has_sides),
        key=lambda k: (order[k[0]], sides[k[1]]),
    )
    return [recommend(by_key[k], routine.exercise(k[0]), settings) for k in keys]


def per_exercise(recommendations: Iterable[Recommendation]) -> list[Recommendation]:
    """One recommendation per exercise: the most cautious of its sides.

    The routine holds one dose for both sides, so a side that needs to stay (or step back)
    keeps the other side from progressing.
    """
    chosen: dict[str, Recommendation] = {}
    reasons: dict[str, set[str]] = {}
    for r in recommendations:
        best = chosen.get(r.exercise_id)
        if best is None or _caution(r) > _caution(best):
            chosen[r.exercise_id] = r
        reasons.setdefault(r.exercise_id, set()).add(r.reason)
    judged = Counter(r.exercise_id for r in recommendations)
    return [
        _side_named(r, len(reasons[r.exercise_id]) > 1 or judged[r.exercise_id] == 1)
        for r in chosen.values()
    ]


def _caution(rec: Recommendation) -> tuple[int, int]:
    """How cautious a side's suggestion is: by its action, then by how much the side hurt
    (both sides to stay, the right at 3 and the left at 4, named the right's 3)."""
    return SEVERITY[rec.action], -1 if rec.last_pain is None else rec.last_pain


def _side_named(rec: Recommendation, its_own: bool) -> Recommendation:
    """The reason of an exercise done on each side, said of the side it is about: of `rec`'s
    side where it is that side's own (the other side's differs, or was not judged), else of
    each side. "Not every set was done (0 of 2 sets done, 2 skipped)" counts one side's sets
    of a stretch done 2 x each side, and without a side it read as the whole exercise's
    (the summary listed 4 sets skipped)."""
    if rec.side is None:
        return rec
    if not its_own:
        named = _("Each side: {reason}")
    elif rec.side is Side.RIGHT:
        named = _("Right side: {reason}")
    else:
        named = _("Left side: {reason}")
    # The side's colon, then the sentence as the language writes it after one.
    return replace(rec, reason=named.format(reason=after_colon(rec.reason)))


def needs_morning_checkin(
    last_session_date: dt.date | None, today: dt.date, already_recorded: bool
) -> bool:
    """Ask for the morning check-in: the app opens on the day after a session without one."""
    if last_session_date is None or already_recorded:
        return False
    last = (
        last_session_date.date()
        if isinstance(last_session_date, dt.datetime)
        else last_session_date
    )
    day = today.date() if isinstance(today, dt.datetime) else today
    return day - last == dt.timedelta(days=1)

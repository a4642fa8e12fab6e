"""Pain-guided dosing: from recent sessions of one exercise and side to one recommendation.

The rules follow the pain-monitoring model (Silbernagel et al. 2007): pain during exercise
of 0-2/10 is safe, up to 5/10 acceptable, above 5/10 too much, and the next morning decides
whether to go on. A change of 2 points on the 0-10 scale is the smallest one that matters
to a patient (Farrar et al. 2001). Everything here is plain data in, plain data out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

# Doses, the settings and the session records live in dose_steps; pain_rules
# re-exports them for its importers.
from hiptimer.core.dosing.dose_steps import (
    DEFAULT_SETTINGS,
    Dose,
    ExerciseHistory,
    Exposure,
    FieldChange,
    PainRuleSettings,
    climbed_dose,
    progressed_dose,
    step_back_dose,
)
from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.session.steps import Side


class DoseAction(str, Enum):
    PROGRESS = "progress"
    STAY = "stay"
    STEP_BACK = "step_back"
    SEE_CLINICIAN = "see_clinician"


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


@dataclass(frozen=True)
class _Finding:
    rule: str
    reason: str


# -- the rules --------------------------------------------------------------------------


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B}"


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def weekly_averages(
    exposures: Sequence[Exposure], s: PainRuleSettings = DEFAULT_SETTINGS
) -> tuple[float, float] | None:
    """Average highest pain in the week before the last week and in the last week.

    The last week is the `trend_window_days` days ending with the last session; None
    when either week has no rated session.
    """
    if not exposures:
        return None
    end, window = exposures[-1].date, s.trend_window_days
    recent: list[int] = []
    earlier: list[int] = []
    for e in exposures:
        age = (end - e.date).days
        if e.max_pain is None or age < 0:
            continue
        if age < window:
            recent.append(e.max_pain)
        elif age < 2 * window:
            earlier.append(e.max_pain)
    if not recent or not earlier:
        return None
    return _mean(earlier), _mean(recent)


def _clinician(exposures: Sequence[Exposure], s: PainRuleSettings) -> _Finding | None:
    run = exposures[-s.high_pain_sessions_for_clinician :]
    too_much = s.acceptable_pain_max
    if len(run) == s.high_pain_sessions_for_clinician and all(
        e.max_pain is not None and e.max_pain > too_much for e in run
    ):
        return _Finding(
            "clinician.pain_run",
            f"Pain went above {too_much} in each of your last {len(run)} sessions of this "
            "exercise. Please have your hip checked by a physiotherapist or doctor before "
            "you go on.",
        )
    weeks = weekly_averages(exposures, s)
    # Rounded so that averages such as 2.4 - 0.5 compare as the 1.9 they are.
    if weeks is not None and round(weeks[1] - weeks[0], 6) >= s.weekly_rise_for_clinician:
        return _Finding(
            "clinician.trend",
            f"Your average pain in this exercise rose from {weeks[0]:.1f} to {weeks[1]:.1f} "
            "over the last two weeks. When pain gets worse instead of better, have your hip "
            "checked by a physiotherapist or doctor.",
        )
    return None


def _step_back(last: Exposure, s: PainRuleSettings) -> _Finding | None:
    if last.max_pain is not None and last.max_pain > s.acceptable_pain_max:
        return _Finding(
            "step_back.pain",
            f"Pain went above {s.acceptable_pain_max} (it reached {last.max_pain}) on "
            f"{_day(last.date)}, which is more than this exercise should cause.",
        )
    rise = last.morning_rise
    if rise is not None and rise >= s.important_change:
        return _Finding(
            "step_back.morning",
            f"Your hip was {rise} points worse the morning after {_day(last.date)} "
            f"({last.morning_pain} instead of {last.prev_morning_pain}).",
        )
    return None


def _stay(last: Exposure, s: PainRuleSettings) -> _Finding | None:
    if last.max_pain is not None and last.max_pain > s.safe_pain_max:
        return _Finding(
            "stay.pain",
            f"Pain reached {last.max_pain} on {_day(last.date)}. That is acceptable, but before "
            f"doing more it should stay at {s.safe_pain_max} or below, so keep the same dose "
            "for now.",
        )
    rise = last.morning_rise
    if rise is not None and rise > 0:
        return _Finding(
            "stay.morning",
            f"Your hip was a little worse the morning after {_day(last.date)} "
            f"({last.morning_pain} instead of {last.prev_morning_pain}), so keep the same "
            "dose until it settles.",
        )
    if not last.all_sets_done:
        return _Finding(
            "stay.incomplete",
            f"Not every set was done on {_day(last.date)}, so keep the same dose for now.",
        )
    return None


def _gaps(e: Exposure) -> list[str]:
    """What is missing to judge a session, in words; empty when nothing is."""
    gaps = []
    if e.max_pain is None:
        gaps.append("a pain rating for its sets")
    elif e.unrated_sets:
        plural = "s" if e.unrated_sets > 1 else ""
        gaps.append(f"a pain rating for {e.unrated_sets} set{plural}")
    if e.morning_pain is None:
        gaps.append("the next-morning check-in")
    if e.prev_morning_pain is None:
        gaps.append("a morning check-in from before it to compare with")
    return gaps


def _missing(last: Exposure) -> _Finding | None:
    gaps = _gaps(last)
    if not gaps:
        return None
    if last.max_pain is None or last.unrated_sets:
        rule = "missing.pain"
    elif last.morning_pain is None:
        rule = "missing.morning"
    else:
        rule = "missing.baseline"
    return _Finding(
        rule,
        f"Missing for the session on {_day(last.date)}: {' and '.join(gaps)}. Without that "
        "the app can't tell how your hip took this exercise, so the dose stays the same.",
    )


def _is_good(e: Exposure, current: Dose, s: PainRuleSettings) -> bool:
    rise = e.morning_rise
    return (
        e.dose == current
        and e.all_sets_done
        and not e.unrated_sets
        and e.max_pain is not None
        and e.max_pain <= s.safe_pain_max
        and rise is not None
        and rise <= 0
    )


def _also(found: _Finding, more: str) -> _Finding:
    return dataclasses.replace(found, reason=found.reason + more)


def _times(n: int) -> str:
    return "twice" if n == 2 else f"{n} times"


def _gain(old: Dose, new: Dose) -> str:
    if new.rung != old.rung:
        return f"the next step: {new.text}"
    if new.reps != old.reps:
        return f"{new.reps} reps"
    if new.hold_s != old.hold_s:
        return f"{new.hold_s or 0:g} s holds"
    return f"{new.sets} sets"


def _progress(
    history: ExerciseHistory, ex: Exercise, s: PainRuleSettings
) -> tuple[_Finding, Dose | None]:
    current = Dose.of(ex)
    good = f"Pain stayed at {s.safe_pain_max} or below and your hip was no worse the next morning"
    needed = history.exposures[-s.sessions_to_progress :]
    if len(needed) < s.sessions_to_progress or not all(_is_good(e, current, s) for e in needed):
        gaps = [g for e in needed[:-1] if e.dose == current for g in _gaps(e)]
        note = f" (An earlier session is missing {' and '.join(gaps)}.)" if gaps else ""
        return _Finding(
            "stay.once",
            f"{good}. Keep this dose until that happens {_times(s.sessions_to_progress)} in a "
            f"row; then it will be time for a little more.{note}",
        ), None
    new = progressed_dose(ex, s) or climbed_dose(ex)
    if new is None:
        return _Finding(
            "stay.top",
            f"{good}, and this exercise is at the most HipTimer suggests for it "
            f"({current.text}). Keep it there, and ask your physiotherapist about a harder "
            "version.",
        ), None
    if new.rung != current.rung:
        kind = "load" if _adds_load(ex) else "ladder"
        return _Finding(
            f"progress.{kind}",
            f"{good}, {_times(s.sessions_to_progress)} in a row at the most HipTimer suggests "
            f"for it ({current.text}): ready for {_gain(current, new)}.",
        ), new
    kind = (
        "reps" if new.reps != current.reps else "hold" if new.hold_s != current.hold_s else "sets"
    )
    return _Finding(
        f"progress.{kind}",
        f"{good}, {_times(s.sessions_to_progress)} in a row: ready for {_gain(current, new)}.",
    ), new


def _adds_load(ex: Exercise) -> bool:
    """Whether the next rung is the same movement with more weight (an ankle weight, say)."""
    up = ex.ladder[ex.rung + 1]
    before = ex.load.amount if ex.load is not None else 0
    return up.load is not None and up.load.amount > before and up.sides is ex.sides


def recommend(
    history: ExerciseHistory, ex: Exercise, settings: PainRuleSettings = DEFAULT_SETTINGS
) -> Recommendation:
    """The recommendation for one exercise and side, from its recent sessions.

    Precedence: see a clinician, then step back, then stay (pain, morning, unfinished
    sets, missing data), then progress.
    """
    s, current, exposures = settings, Dose.of(ex), history.exposures
    last = exposures[-1] if exposures else None

    def rec(action: DoseAction, found: _Finding, proposed: Dose | None = None) -> Recommendation:
        session = last.session_id if last else None
        return Recommendation(
            ex.id, history.side, action, current, proposed, found.reason, found.rule, session
        )

    if last is None:
        return rec(DoseAction.STAY, _Finding("none", "No sessions of this exercise yet."))
    clinician = _clinician(exposures, s)
    if last.dose != current:
        # The dose changed after the last session (a decision taken, or an edit): the rules
        # wait for a session at the new dose rather than judging it by the old one.
        if clinician:
            return rec(
                DoseAction.SEE_CLINICIAN, _also(clinician, " Keep the dose as it is until then.")
            )
        changed = (
            f"The dose changed after your last session (from {last.dose.text} to "
            f"{current.text}); do a session at the new dose first."
        )
        return rec(DoseAction.STAY, _Finding("stay.dose_changed", changed))
    back = _step_back(last, s)
    if back:
        target = step_back_dose(history, ex, s)
        smallest = "This is already the smallest dose: rest this exercise until it settles."
        if clinician:
            extra = f" Seeing someone comes first, before lowering the dose. {back.reason} " + (
                f"Until then, if you do this exercise, use {target.text}." if target else smallest
            )
            return rec(DoseAction.SEE_CLINICIAN, _also(clinician, extra), target)
        then = f"Next time, go back to {target.text}." if target else smallest
        return rec(DoseAction.STEP_BACK, _also(back, f" {then}"), target)
    if clinician:
        return rec(
            DoseAction.SEE_CLINICIAN, _also(clinician, " Keep the dose as it is until then.")
        )
    stay = _stay(last, s) or _missing(last)
    if stay:
        return rec(DoseAction.STAY, stay)
    found, new = _progress(history, ex, s)
    return rec(DoseAction.PROGRESS if new else DoseAction.STAY, found, new)


def recommend_routine(
    routine: Routine,
    histories: Iterable[ExerciseHistory],
    settings: PainRuleSettings = DEFAULT_SETTINGS,
) -> list[Recommendation]:
    """Recommendations for the active exercises that have a history, in routine order."""
    by_key = {(h.exercise_id, h.side): h for h in histories}
    active = {ex.id: ex for ex in routine.active_exercises}
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
    for r in recommendations:
        best = chosen.get(r.exercise_id)
        if best is None or SEVERITY[r.action] > SEVERITY[best.action]:
            chosen[r.exercise_id] = r
    return list(chosen.values())


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

"""Dose arithmetic for the pain rules: doses, sessions at a dose, and the steps up and back.

A step up stays within the exercise's ceiling; at the ceiling the next step is the next rung of
its ladder, at that rung's own starting dose. A step back may go down a rung.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from hiptimer.core.routines.ladder import at_rung, ceiling_of, next_rung
from hiptimer.core.routines.model import Exercise, Kind, Rung, SideMode, seconds_text, with_sides
from hiptimer.core.session.set_outcome import SetCounts
from hiptimer.core.session.steps import Side
from hiptimer.i18n import _, n_


@dataclass(frozen=True)
class PainRuleSettings:
    """Every threshold of the rules, with its clinical default."""

    safe_pain_max: int = 2  # Silbernagel 2007: 0-2/10 during exercise is safe
    acceptable_pain_max: int = 5  # up to 5/10 acceptable, above is too much
    important_change: int = 2  # Farrar 2001: the smallest change that matters
    sessions_to_progress: int = 2  # good sessions in a row at the same dose
    high_pain_sessions_for_clinician: int = 3  # sessions running above acceptable
    weekly_rise_for_clinician: float = 2.0  # rise of the weekly average pain
    trend_window_days: int = 7  # a "week" for the weekly average
    reps_step: int = 2  # reps added when progressing, up to the ceiling
    reps_step_back: int = 2  # reps taken off when stepping back, down to the range bottom
    hold_step_s: float = 5
    long_hold_from_s: float = 120  # a hold this long is a timed activity (a walk, cardio) ...
    long_hold_step_s: float = 60  # ... and changes by a minute at a time
    min_hold_s: float = 5


DEFAULT_SETTINGS = PainRuleSettings()


def rules_for(pain_limit: int) -> PainRuleSettings:
    """The rules with the user's pain limit (File > Settings): a limit below the model's 5,
    set on a physiotherapist's advice, is the rules' "too much" as well, so a rating that asked
    stop / lower / continue is never called acceptable afterwards; a higher limit does not
    loosen them. Never below the safe range, where nothing would be acceptable."""
    d = DEFAULT_SETTINGS
    too_much = max(d.safe_pain_max, min(d.acceptable_pain_max, pain_limit))
    return dataclasses.replace(d, acceptable_pain_max=too_much)


@dataclass(frozen=True)
class Dose:
    """The dose fields the rules change: the rung of the ladder, sets, and reps or hold seconds.

    `name` is the variant's name on an exercise with a ladder, for the words; it is not
    compared.
    """

    sets: int
    reps: int | None = None
    hold_s: float | None = None
    rung: int = 0
    name: str = field(default="", compare=False)

    @classmethod
    def of(cls, ex: Exercise) -> Dose:
        name = ex.name if ex.ladder else ""
        if ex.kind is Kind.HOLD:
            return cls(ex.sets, hold_s=ex.hold_s, rung=ex.rung, name=name)
        return cls(ex.sets, reps=ex.reps, rung=ex.rung, name=name)

    @classmethod
    def of_rung(cls, rung: Rung, number: int, kind: Kind) -> Dose:
        if kind is Kind.HOLD:
            return cls(rung.sets, hold_s=rung.hold_s, rung=number, name=rung.name)
        return cls(rung.sets, reps=rung.reps, rung=number, name=rung.name)

    @property
    def amount(self) -> str:
        """'3 x 12 reps', '3 x 35 s' or '3 x 1 min' in the language in use, without the
        variant's name; a hold written as the library and the session write it."""
        if self.reps is not None:
            text = n_("{sets} x {n} rep", "{sets} x {n} reps", self.reps)
            return text.format(sets=self.sets, n=self.reps)
        return f"{self.sets} x {seconds_text(self.hold_s or 0)}"

    @property
    def text(self) -> str:
        """'3 x 12 reps' or '3 x 35 s'; 'Single-leg bridge, 2 x 8 reps' on a ladder."""
        if not self.name:
            return self.amount
        return _("{variant}, {dose}").format(variant=self.name, dose=self.amount)

    def is_lower_than(self, other: Dose) -> bool:
        """On a lower rung, or on the same rung less in one field and more in none."""
        if self.rung != other.rung:
            return self.rung < other.rung
        pairs: list[tuple[float, float]] = [(self.sets, other.sets)]
        for mine, theirs in ((self.reps, other.reps), (self.hold_s, other.hold_s)):
            if (mine is None) != (theirs is None):
                return False
            if mine is not None and theirs is not None:
                pairs.append((mine, theirs))
        return all(a <= b for a, b in pairs) and any(a < b for a, b in pairs)


class FieldChange(NamedTuple):
    """One changed dose field, as the history store's dose_changes rows record it."""

    field: str
    old: float | None
    new: float | None


@dataclass(frozen=True)
class Exposure:
    """One session of one exercise on one side, reduced to what the rules look at."""

    session_id: int
    date: dt.date
    dose: Dose  # the planned dose at the start of the session
    all_sets_done: bool
    max_pain: int | None  # highest rating of the rated sets; None when none was rated
    morning_pain: int | None  # the morning after this session
    prev_morning_pain: int | None  # the last morning check-in before this session
    unrated_sets: int = 0  # sets done without a pain rating
    counts: SetCounts | None = None  # this exercise's sets by outcome, when known

    @property
    def morning_rise(self) -> int | None:
        """How much worse the morning after was than the morning before (negative: better)."""
        if self.morning_pain is None or self.prev_morning_pain is None:
            return None
        return self.morning_pain - self.prev_morning_pain


@dataclass(frozen=True)
class ExerciseHistory:
    """The recent sessions of one exercise and side, oldest first.

    `dose_history` lists the doses the exercise has had, oldest first (the current one may
    be included); when empty, the planned doses of the exposures stand in for it.
    """

    exercise_id: str
    side: Side | None
    exposures: tuple[Exposure, ...]
    dose_history: tuple[Dose, ...] = ()


def hold_step(hold_s: float, s: PainRuleSettings = DEFAULT_SETTINGS) -> float:
    """Seconds a hold changes by: 5 s, or a minute for a long timed activity."""
    return s.long_hold_step_s if hold_s >= s.long_hold_from_s else s.hold_step_s


def progressed_dose(ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS) -> Dose | None:
    """The next dose up within the ceiling: more reps or a longer hold, then one more set.

    None at the ceiling (or above it, where the user put the dose): see climbed_dose.
    """
    dose, top = Dose.of(ex), ceiling_of(ex)
    if ex.kind is Kind.REPS:
        reps = dose.reps or 0
        if top.reps is not None and reps < top.reps:
            return dataclasses.replace(dose, reps=min(reps + s.reps_step, top.reps))
    else:
        hold = dose.hold_s or 0
        if top.hold_s is not None and hold < top.hold_s:
            return dataclasses.replace(dose, hold_s=min(hold + hold_step(hold, s), top.hold_s))
    if top.sets is not None and dose.sets < top.sets:
        return dataclasses.replace(dose, sets=dose.sets + 1)
    return None


def climbed_dose(ex: Exercise) -> Dose | None:
    """The next rung of the ladder at its own starting dose; None at the top or without one."""
    rung = next_rung(ex)
    return None if rung is None else Dose.of_rung(rung, ex.rung + 1, ex.kind)


def reduced_dose(ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS) -> Dose | None:
    """A smaller dose: fewer reps (not below the range) or a shorter hold, else one set less;
    at the smallest dose of a rung, the rung below at the dose it holds."""
    dose = Dose.of(ex)
    if ex.kind is Kind.REPS:
        bottom = ex.reps_range[0] if ex.reps_range is not None else 1
        if (dose.reps or 0) > bottom:
            return dataclasses.replace(dose, reps=max((dose.reps or 0) - s.reps_step_back, bottom))
    elif (dose.hold_s or 0) > s.min_hold_s:
        hold = dose.hold_s or 0
        return dataclasses.replace(dose, hold_s=max(hold - hold_step(hold, s), s.min_hold_s))
    if dose.sets > 1:
        return dataclasses.replace(dose, sets=dose.sets - 1)
    if ex.rung > 0:
        return Dose.of(at_rung(ex, ex.rung - 1))
    return None


def step_back_dose(
    history: ExerciseHistory, ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS
) -> Dose | None:
    """The last earlier dose lower than the current one (a lower rung counts), else a reduced one.

    An earlier dose that no longer fits the exercise (a rep range or a ladder edited since)
    is passed over.
    """
    current = Dose.of(ex)
    earlier = history.dose_history or tuple(e.dose for e in history.exposures)
    for dose in reversed(earlier):
        if _fits(dose, ex) and dose.is_lower_than(current):
            return _named(dose, ex)
    return reduced_dose(ex, s)


def _fits(dose: Dose, ex: Exercise) -> bool:
    """Whether the exercise can still take this dose: its rung exists, its reps are in range."""
    if dose.rung == ex.rung:
        low_high = ex.reps_range
    elif 0 <= dose.rung < len(ex.ladder):
        low_high = ex.ladder[dose.rung].reps_range
    else:
        return False
    return low_high is None or dose.reps is None or low_high[0] <= dose.reps <= low_high[1]


def dose_text(dose: Dose, ex: Exercise) -> str:
    """`dose` as the cards and the library write it: '1 x 4 s each side' where `ex`, on the
    dose's rung, is done on each side (a reason read '1 x 4 s', as if in all), '2 x 8 reps
    each side, alternating' where its sides alternate."""
    return with_sides(dose.text, sides_of(dose, ex))


def sides_of(dose: Dose, ex: Exercise | None) -> SideMode:
    """How the sides of `ex` are done on the dose's rung; the exercise decides, never the side
    a suggestion was judged on (a history row from before sides were kept has none)."""
    if ex is None:  # not in the routine (any more): nothing to say of its sides
        return SideMode.NONE
    return ex.ladder[dose.rung].sides if dose.rung != ex.rung and _has_rung(ex, dose) else ex.sides


def _has_rung(ex: Exercise, dose: Dose) -> bool:
    return 0 <= dose.rung < len(ex.ladder)


def _named(dose: Dose, ex: Exercise) -> Dose:
    """The dose with its rung's name, as the words show it."""
    if not ex.ladder:
        return dose
    return dataclasses.replace(
        dose, name=ex.ladder[dose.rung].name if dose.rung != ex.rung else ex.name
    )

"""What each pain rule finds in the recent sessions of an exercise, and says about it.

The thresholds are PainRuleSettings (dose_steps); rules.py decides which finding wins.
The reasons are sentences in the language in use, whole, so a translator can reorder them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hiptimer.core.dosing.dose_steps import (
    DEFAULT_SETTINGS,
    Dose,
    ExerciseHistory,
    Exposure,
    PainRuleSettings,
    climbed_dose,
    dose_text,
    progressed_dose,
)
from hiptimer.core.history.wording import pain_number
from hiptimer.core.routines.model import Exercise
from hiptimer.i18n import _, day_month, decimal, joined, n_


@dataclass(frozen=True)
class Finding:
    """What one rule found: its machine tag and the reason in words."""

    rule: str
    reason: str


def day_text(d: dt.date) -> str:
    """'3 March' in the language in use (strftime's %B is always English)."""
    return day_month(d)


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


def clinician(exposures: Sequence[Exposure], s: PainRuleSettings) -> Finding | None:
    run = exposures[-s.high_pain_sessions_for_clinician :]
    too_much = s.acceptable_pain_max
    if len(run) == s.high_pain_sessions_for_clinician and all(
        e.max_pain is not None and e.max_pain > too_much for e in run
    ):
        return Finding(
            "clinician.pain_run",
            n_(
                "Pain went above {limit} in your last session of this exercise. Please have "
                "your hip checked by a physiotherapist or doctor before you go on.",
                "Pain went above {limit} in each of your last {n} sessions of this exercise. "
                "Please have your hip checked by a physiotherapist or doctor before you go on.",
                len(run),
            ).format(limit=too_much, n=len(run)),
        )
    weeks = weekly_averages(exposures, s)
    # Rounded so that averages such as 2.4 - 0.5 compare as the 1.9 they are.
    if weeks is not None and round(weeks[1] - weeks[0], 6) >= s.weekly_rise_for_clinician:
        return Finding(
            "clinician.trend",
            _(
                "Your average pain in this exercise rose from {before} to {after} over the "
                "last two weeks. When pain gets worse instead of better, have your hip checked "
                "by a physiotherapist or doctor."
            ).format(before=pain_number(weeks[0]), after=pain_number(weeks[1])),
        )
    return None


def step_back(last: Exposure, s: PainRuleSettings) -> Finding | None:
    if last.max_pain is not None and last.max_pain > s.acceptable_pain_max:
        return Finding(
            "step_back.pain",
            _(
                "Pain went above {limit} (it reached {pain}) on {day}, which is more than "
                "this exercise should cause."
            ).format(limit=s.acceptable_pain_max, pain=last.max_pain, day=day_text(last.date)),
        )
    rise = last.morning_rise
    if rise is not None and rise >= s.important_change:
        return Finding(
            "step_back.morning",
            n_(
                "Your hip was {n} point worse the morning after {day} ({pain} instead of "
                "{before}).",
                "Your hip was {n} points worse the morning after {day} ({pain} instead of "
                "{before}).",
                rise,
            ).format(
                n=rise,
                day=day_text(last.date),
                pain=last.morning_pain,
                before=last.prev_morning_pain,
            ),
        )
    return None


def stay(last: Exposure, s: PainRuleSettings) -> Finding | None:
    if last.max_pain is not None and last.max_pain > s.safe_pain_max:
        return Finding(
            "stay.pain",
            _(
                "Pain reached {pain} on {day}. That is acceptable, but before doing more it "
                "should stay at {safe} or below, so keep the same dose for now."
            ).format(pain=last.max_pain, day=day_text(last.date), safe=s.safe_pain_max),
        )
    rise = last.morning_rise
    if rise is not None and rise > 0:
        return Finding(
            "stay.morning",
            _(
                "Your hip was a little worse the morning after {day} ({pain} instead of "
                "{before}), so keep the same dose until it settles."
            ).format(
                day=day_text(last.date), pain=last.morning_pain, before=last.prev_morning_pain
            ),
        )
    if not last.all_sets_done:
        if last.counts is not None:  # the sets by outcome, as every view counts them
            return Finding(
                "stay.incomplete",
                _(
                    "Not every set was done on {day} ({sets}), so keep the same dose for now."
                ).format(day=day_text(last.date), sets=last.counts.text()),
            )
        return Finding(
            "stay.incomplete",
            _("Not every set was done on {day}, so keep the same dose for now.").format(
                day=day_text(last.date)
            ),
        )
    return None


def missing_parts(e: Exposure) -> list[str]:
    """What is missing to judge a session, in words; empty when nothing is."""
    gaps = []
    if e.max_pain is None:
        gaps.append(_("a pain rating for its sets"))
    elif e.unrated_sets:
        n = e.unrated_sets
        gaps.append(n_("a pain rating for {n} set", "a pain rating for {n} sets", n).format(n=n))
    if e.morning_pain is None:
        gaps.append(_("the next-morning check-in"))
    if e.prev_morning_pain is None:
        gaps.append(_("a morning check-in from before it to compare with"))
    return gaps


def missing(last: Exposure) -> Finding | None:
    gaps = missing_parts(last)
    if not gaps:
        return None
    if last.max_pain is None or last.unrated_sets:
        rule = "missing.pain"
    elif last.morning_pain is None:
        rule = "missing.morning"
    else:
        rule = "missing.baseline"
    return Finding(
        rule,
        _(
            "Missing for the session on {day}: {gaps}. Without that the app can't tell how "
            "your hip took this exercise, so the dose stays the same."
        ).format(day=day_text(last.date), gaps=joined(gaps)),
    )


def is_good(e: Exposure, current: Dose, s: PainRuleSettings) -> bool:
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


def also(found: Finding, more: str) -> Finding:
    """The finding with one more sentence after its own."""
    return dataclasses.replace(found, reason=f"{found.reason} {more}")


def until_then() -> str:
    return _("Keep the dose as it is until then.")


def times_text(n: int) -> str:
    return _("twice") if n == 2 else n_("{n} time", "{n} times", n).format(n=n)


def gain_text(ex: Exercise, old: Dose, new: Dose) -> str:
    if new.rung != old.rung:
        return _("the next step: {dose}").format(dose=dose_text(new, ex))
    if new.reps != old.reps and new.reps is not None:
        return n_("{n} rep", "{n} reps", new.reps).format(n=new.reps)
    if new.hold_s != old.hold_s:
        return _("{n} s holds").format(n=decimal(new.hold_s or 0))
    return n_("{n} set", "{n} sets", new.sets).format(n=new.sets)


def progress(
    history: ExerciseHistory, ex: Exercise, s: PainRuleSettings
) -> tuple[Finding, Dose | None]:
    current = Dose.of(ex)
    safe, times = s.safe_pain_max, times_text(s.sessions_to_progress)
    needed = history.exposures[-s.sessions_to_progress :]
    if len(needed) < s.sessions_to_progress or not all(is_good(e, current, s) for e in needed):
        gaps = [g for e in needed[:-1] if e.dose == current for g in missing_parts(e)]
        note = _("(An earlier session is missing {gaps}.)").format(gaps=joined(gaps))
        return Finding(
            "stay.once",
            _(
                "Pain stayed at {safe} or below and your hip was no worse the next morning. "
                "Keep this dose until that happens {times} in a row; then it will be time for "
                "a little more."
            ).format(safe=safe, times=times)
            + (f" {note}" if gaps else ""),
        ), None
    new = progressed_dose(ex, s) or climbed_dose(ex)
    if new is None:
        return Finding(
            "stay.top",
            _(
                "Pain stayed at {safe} or below and your hip was no worse the next morning, "
                "and this exercise is at the most HipTimer suggests for it ({dose}). Keep it "
                "there, and ask your physiotherapist about a harder version."
            ).format(safe=safe, dose=dose_text(current, ex)),
        ), None
    if new.rung != current.rung:
        kind = "load" if adds_load(ex) else "ladder"
        return Finding(
            f"progress.{kind}",
            _(
                "Pain stayed at {safe} or below and your hip was no worse the next morning, "
                "{times} in a row at the most HipTimer suggests for it ({dose}): ready for "
                "{next}."
            ).format(
                safe=safe,
                times=times,
                dose=dose_text(current, ex),
                next=gain_text(ex, current, new),
            ),
        ), new
    kind = (
        "reps" if new.reps != current.reps else "hold" if new.hold_s != current.hold_s else "sets"
    )
    return Finding(
        f"progress.{kind}",
        _(
            "Pain stayed at {safe} or below and your hip was no worse the next morning, "
            "{times} in a row: ready for {dose}."
        ).format(safe=safe, times=times, dose=gain_text(ex, current, new)),
    ), new


def adds_load(ex: Exercise) -> bool:
    """Whether the next rung is the same movement with more weight (an ankle weight, say)."""
    up = ex.ladder[ex.rung + 1]
    before = ex.load.amount if ex.load is not None else 0
    return up.load is not None and up.load.amount > before and up.sides is ex.sides

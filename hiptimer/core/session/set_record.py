"""What a set's record says: the dose planned, what was done, and whether it counts as done."""

from __future__ import annotations

from datetime import datetime

from hiptimer.core.routines.model import Exercise, Kind, Measure
from hiptimer.core.session.events import SetRecord
from hiptimer.core.session.steps import Step
from hiptimer.core.session.view import reps_done


def set_record(
    ex: Exercise,
    step: Step,
    *,
    index: int,
    elapsed: float,
    count: int,
    early: bool,
    skipped: bool,
    started: datetime,
    ended: datetime,
    adjustments: list[str],
) -> SetRecord:
    """The record of one set of `ex`, ended after `elapsed` seconds with `count` reps pressed.

    A hold or set ended early keeps what was done (seconds held, reps reached); one that ran
    to its end is the planned dose, done.
    """
    planned_hold = ex.hold_s if ex.kind is Kind.HOLD else None
    planned_reps = ex.reps if ex.kind is Kind.REPS else None
    actual_hold: float | None = None
    actual_reps: int | None = None
    result: float | None = None
    if ex.kind is Kind.HOLD:
        actual_hold = round(elapsed, 1) if early or skipped else planned_hold
        completed = not early and not skipped
        if ex.test is not None and not skipped:
            result, completed = _result(ex.test.measure, actual_hold, count, early)
    else:
        actual_reps = reps_done(ex, elapsed, count) if early or skipped else planned_reps
        completed = not skipped and (actual_reps or 0) >= (planned_reps or 0)
    return SetRecord(
        index=index,
        exercise_id=ex.id,
        exercise_name=ex.name,
        side=step.side,
        set_number=step.set_number,
        planned_hold_s=planned_hold,
        actual_hold_s=actual_hold,
        planned_reps=planned_reps,
        actual_reps=actual_reps,
        completed=completed,
        skipped=skipped,
        started_at=started,
        # The wall clock may have been set back during the set: never end before the start.
        ended_at=max(ended, started),
        adjustment="; ".join(adjustments),
        result=result,
        result_unit=ex.test.result_unit if ex.test is not None else "",
    )


def _result(
    measure: Measure, held: float | None, count: int, early: bool
) -> tuple[float | None, bool]:
    """A re-test's result and whether the set counts as done.

    A stance ends when the user ends it: the time held is the result, and the set is done.
    A count is a result only over the whole time (one ended early is partly done, no
    result). A measured value is typed in after the set, and its time is only the time
    allowed to measure: ending it once measured (Right arrow) is done, not partly done.
    """
    if measure is Measure.TIME:
        return held, True
    if measure is Measure.COUNT:
        return (None, False) if early else (float(count), True)
    return None, True

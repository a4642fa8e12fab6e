"""A small, known history recorded through the real store API, shared by the history tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import (
    Exercise,
    Kind,
    Measure,
    Retest,
    Routine,
    Schedule,
    SideMode,
)
from hiptimer.core.routines.writer import exercise_to_data
from tests.harness import hold, routine

Pains = list[int | None]  # one rating per set; None: not rated

HIPS = Routine(
    id="hips",
    title="Hips",
    exercises=(
        Exercise(id="bridge", name="Bridge", kind=Kind.REPS, reps=10, sets=2),
        Exercise(id="clam", name="Clamshell", kind=Kind.HOLD, hold_s=30, sides=SideMode.EACH),
    ),
    schedule=Schedule(3, 4),
)
STRETCH = Routine(
    id="stretch",
    title="Stretches",
    exercises=(Exercise(id="hamstring", name="Hamstring stretch", kind=Kind.HOLD, hold_s=60),),
    schedule=Schedule(7, 7),
)


@dataclass(frozen=True)
class Weeks:
    """The days the history falls on, counted back from `today`.

    Each test gets its own (the `weeks` fixture reads the date when the test starts), so a run
    that crosses midnight does not compare yesterday's weeks with today's date.
    """

    today: date

    @property
    def monday(self) -> date:
        """Monday of this week."""
        return self.today - timedelta(days=self.today.weekday())

    @property
    def week1(self) -> date:
        """Monday two full weeks before this one."""
        return self.monday - timedelta(days=14)

    @property
    def week2(self) -> date:
        """Monday of last week."""
        return self.monday - timedelta(days=7)


@dataclass(frozen=True)
class Recorded:
    """What was recorded: session ids by (routine, day), newest last."""

    ids: dict[tuple[str, date], int]

    def id(self, routine_id: str, day: date) -> int:
        return self.ids[(routine_id, day)]


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def record(
    store: HistoryStore,
    routine: Routine,
    day: date,
    pains: dict[tuple[str, str | None], Pains],
    *,
    reps: int = 10,
    note: str | None = None,
    end_reason: str = "completed",
) -> int:
    """One session: for each (exercise, side) one set per pain given, 40 s apart."""
    start = at(day)
    planned = sum(len(p) for p in pains.values())
    sid = store.begin_session(routine.id, routine.title, 1, {}, start, sets_planned=planned)
    when = start
    for (ex_id, side), ratings in pains.items():
        ex = routine.exercise(ex_id)
        for number, pain in enumerate(ratings, start=1):
            hold = ex.hold_s if ex.kind is Kind.HOLD else None
            count = reps if ex.kind is Kind.REPS else None
            store.add_set(
                sid,
                StoredSet(
                    ex_id, ex.name, number, when, when + timedelta(seconds=30), side=side,
                    planned_hold_s=hold, actual_hold_s=hold, planned_reps=count,
                    actual_reps=count, pain=pain,
                ),
            )  # fmt: skip
            when += timedelta(seconds=40)
    store.finish_session(sid, end_reason, when, note=note)
    return sid


def fill(store: HistoryStore, weeks: Weeks) -> Recorded:
    """Hips on Mon and Wed of week 1, Mon, Wed and Fri of week 2; stretches on Tue of week 2.

    Pain falls over time; the bridge dose goes from 10 to 12 reps in week 2.
    """
    ids: dict[tuple[str, date], int] = {}
    week1, week2 = weeks.week1, weeks.week2
    plan: list[tuple[date, int, Pains, Pains, Pains, str | None]] = [
        (week1, 10, [5, 6], [4], [3], "Sore, took it easy"),
        (week1 + timedelta(days=2), 10, [4, 4], [3], [2], None),
        (week2, 12, [3, 3], [2], [None], None),
        (week2 + timedelta(days=2), 12, [2, 3], [1], [1], "Much better"),
        (week2 + timedelta(days=4), 12, [2, 2], [1], [0], None),
    ]
    for day, reps, bridge, right, left, note in plan:
        pains = {("bridge", None): bridge, ("clam", "right"): right, ("clam", "left"): left}
        ids[("hips", day)] = record(store, HIPS, day, pains, reps=reps, note=note)
    day = week2 + timedelta(days=1)
    ids[("stretch", day)] = record(store, STRETCH, day, {("hamstring", None): [1]})
    return Recorded(ids)


def knee_to_wall_checks(store: HistoryStore, weeks: Weeks, cm: tuple[float, ...]) -> None:
    """Knee-to-wall checks on the days of weeks 1 and 2, recorded as the app records them:
    the session's doses hold the test as the routine wrote it ("lower is better")."""
    check = routine(
        hold("knee-to-wall", 60, name="Knee to wall", test=Retest(Measure.VALUE, "cm", "lower")),
        id="knee-check",
    )
    doses = {ex.id: exercise_to_data(ex) for ex in check.exercises}
    for n, value in enumerate(cm):
        when = at(weeks.week1 + timedelta(days=3 * n))
        sid = store.begin_session(check.id, "Check", 1, doses, when, sets_planned=1)
        store.add_set(sid, StoredSet("knee-to-wall", "Knee to wall", 1, when, when,
                                     planned_hold_s=60, actual_hold_s=1.4, result=value,
                                     result_unit="cm"))  # fmt: skip

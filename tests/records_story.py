"""Generated session stories, written through the history store's own write path, with the
figures each story should show everywhere worked out on the side (tests/ui/history/
test_records_agree.py compares every surface with them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from hiptimer.core.history.records import StoredSet
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.session.events import SetRecord
from hiptimer.core.session.steps import Side

# (id, name, kind, sides): names a CSV must quote; one in Spanish, one right to left.
EXERCISES = (
    ("bridge", "Bridge, slow", "reps", False),
    ("clam", 'Clam "hold"', "hold", True),
    ("puente", "Puente de glúteos", "reps", False),
    ("stretch", "تمدد الورك", "hold", False),
)
NOTES = ("", "Felt stiff, then fine.", 'Knee "clicked"\nno pain', "ألم خفيف، ثم تحسن", "=1+1")
RANK = {"done": 2, "partly": 1, "skipped": 0}
DAY0 = datetime(
    2025, 3, 3, tzinfo=timezone.utc
)  # a Monday; Madrid moves to summer time on 30 March


@dataclass(frozen=True)
class Try:
    """One attempt at a set: what happened, its rating, and how long it took."""

    outcome: str  # done, partly, skipped
    pain: int | None
    seconds: float


@dataclass(frozen=True)
class PlannedSet:
    exercise: int  # index into EXERCISES
    number: int
    side: str | None
    tries: tuple[Try, ...]  # more than one: Back repeated it
    adjusted: bool  # the dose was changed (+) before this set


@dataclass(frozen=True)
class Story:
    """One session: when it began (wall clock, with a fraction of a second), its sets in
    order, where it stopped to be resumed, and how it ended."""

    started_at: datetime
    sets: tuple[PlannedSet, ...]
    planned: int
    end: str  # an end_reason, 'partial' (discarded after a stop) or 'unfinished'
    resume_after: int | None  # sets recorded before a stop the session was resumed from
    stop_s: float
    tail_s: float  # from the last set to the end
    note: str
    title: str

    def timeline(self) -> tuple[list[tuple[PlannedSet, Try, datetime, datetime]], datetime]:
        """Each try with its start and end, and the session's end (wall clock)."""
        at = self.started_at + timedelta(seconds=7.3)
        out = []
        for n, planned in enumerate(self.sets):
            if n == self.resume_after:
                at += timedelta(seconds=self.stop_s)
            for attempt in planned.tries:
                out.append((planned, attempt, at, at + timedelta(seconds=attempt.seconds)))
                at += timedelta(seconds=attempt.seconds + 21.6)
        return out, at - timedelta(seconds=21.6) + timedelta(seconds=self.tail_s)

    # -- the figures every surface should show --------------------------------------

    def counts(self) -> tuple[int, int, int, int]:
        """Done, partly done, skipped, not reached: each set once, by its best try."""
        best: dict[tuple[int, int, str | None], int] = {}
        for s in self.sets:
            key = (s.exercise, s.number, s.side)
            for t in s.tries:
                best[key] = max(best.get(key, -1), RANK[t.outcome])
        tally = [sum(1 for v in best.values() if v == r) for r in (2, 1, 0)]
        return tally[0], tally[1], tally[2], max(0, self.planned - len(best))

    def tries(self) -> list[Try]:
        return [t for s in self.sets for t in s.tries]

    def pains(self) -> list[int]:
        """Every rating given, each try's own (a set done again keeps both)."""
        return [t.pain for s in self.sets for t in s.tries if t.pain is not None]

    def whole_seconds(self) -> float:
        """The session's time as the history keeps it: whole seconds, a stop left out."""
        tries, end = self.timeline()
        if self.end == "unfinished" or self.end == "partial":
            end = tries[-1][3] if tries else self.started_at
        total = _whole(end) - _whole(self.started_at)
        if self.resume_after is not None and self.resume_after < len(self.sets):
            before = [t for t in tries if self.sets.index(t[0]) < self.resume_after]
            last = before[-1][3] if before else self.started_at
            resumed = tries[len(before)][2]
            total -= _whole(resumed) - _whole(last)
        return max(0.0, total)


def _whole(when: datetime) -> float:
    return when.replace(microsecond=0).timestamp()


@st.composite
def stories(draw: st.DrawFn, day: int) -> Story:
    # Some sessions only ended early or skipped (a day with no set done in full), some mixed.
    mix = draw(st.sampled_from((("done", "done", "partly", "skipped"), ("partly", "skipped"))))
    tries = st.builds(
        Try,
        st.sampled_from(mix),
        st.one_of(st.none(), st.sampled_from((0, 10)), st.integers(0, 10)),
        # A short session now and then: a second's rounding then shows in what is said.
        st.floats(0.5, draw(st.sampled_from((4, 95))), allow_nan=False),
    )
    sets = []
    for index, (_id, _name, _kind, sides) in enumerate(EXERCISES):
        for number in range(1, draw(st.integers(0, 2)) + 1):
            for side in ("right", "left") if sides else (None,):
                attempts = draw(st.lists(tries, min_size=1, max_size=2))
                sets.append(PlannedSet(index, number, side, tuple(attempts), draw(st.booleans())))
    end = draw(
        st.sampled_from(("completed", "ended_early", "interrupted", "partial", "unfinished"))
    )
    # Late in the evening sometimes: the session runs past local midnight.
    start = DAY0 + timedelta(days=day, hours=draw(st.sampled_from((6, 21, 22))))
    start += timedelta(seconds=draw(st.floats(0, 3599.99, allow_nan=False)))
    return Story(
        started_at=start,
        sets=tuple(sets),
        planned=len(sets) + draw(st.integers(0, 2)),
        end=end,
        # Resumed after a stop: only a session with a set recorded can be (docs/history.md).
        resume_after=draw(st.one_of(st.none(), st.integers(1, max(1, len(sets) - 1)))),
        stop_s=draw(st.floats(30, 40_000, allow_nan=False)),
        tail_s=draw(st.floats(0, 60, allow_nan=False)),
        note=draw(st.sampled_from(NOTES)),
        title=draw(st.sampled_from(("Hips, daily", "Caderas «suave»"))),
    )


def histories() -> st.SearchStrategy[list[Story]]:
    """One to three sessions, on days apart (Back, doses changed, resumed, past midnight)."""
    return st.integers(1, 3).flatmap(
        lambda n: st.tuples(*(stories(day=2 * i) for i in range(n))).map(list)
    )


def _stored(planned: PlannedSet, attempt: Try, began: datetime, ended: datetime) -> StoredSet:
    ex_id, name, kind, _sides = EXERCISES[planned.exercise]
    hold = 35.0 if planned.adjusted else 30.0
    n = 12 if planned.adjusted else 10
    done, skipped = attempt.outcome == "done", attempt.outcome == "skipped"
    return StoredSet(
        exercise_id=ex_id, exercise_name=name, set_number=planned.number, side=planned.side,
        started_at=began, ended_at=ended,
        planned_hold_s=hold if kind == "hold" else None,
        actual_hold_s=None if kind != "hold" or skipped else (hold if done else round(hold / 3, 1)),
        planned_reps=n if kind == "reps" else None,
        actual_reps=None if kind != "reps" or skipped else (n if done else n // 2),
        completed=done, skipped=skipped,
        adjustment=("hold 30 -> 35 s" if kind == "hold" else "reps 10 -> 12")
        if planned.adjusted else None,
    )  # fmt: skip


def write(
    store: HistoryStore,
    story: Story,
    doses: dict[str, object],
    at_stop: Callable[[int], None] = lambda _sid: None,
) -> int:
    """Record the story as the app does: begin, each set then its rating, a resumption after
    a stop (`at_stop` runs at the stop, with the session's id), the end; returns its id."""
    tries, end = story.timeline()
    sid = store.begin_session(
        "hips", story.title, 1, doses, story.started_at,
        sets_planned=story.planned,
    )  # fmt: skip
    first_after_stop = sum(len(s.tries) for s in story.sets[: story.resume_after or 0])
    for n, (planned, attempt, began, ended) in enumerate(tries):
        if story.resume_after is not None and n == first_after_stop and n > 0:
            at_stop(sid)
            store.mark_resumed(sid, began)
        set_id = store.add_set(sid, _stored(planned, attempt, began, ended))
        if attempt.pain is not None:
            store.rate_set(set_id, attempt.pain)
    if story.end == "partial":
        store.mark_partial(sid)
        if story.note:
            store.set_note(sid, story.note)
    elif story.end != "unfinished":
        store.finish_session(sid, story.end, end, story.note or None)
    return store.saved_id(sid)


def engine_records(story: Story, after: int = 0) -> list[SetRecord]:
    """The story's tries from the `after`th on, as the engine reports them to the voice."""
    tries, _end = story.timeline()
    out = []
    for i, (planned, attempt, began, ended) in enumerate(tries[after:]):
        s = _stored(planned, attempt, began, ended)
        out.append(SetRecord(
            i, s.exercise_id, s.exercise_name, None if s.side is None else Side(s.side),
            s.set_number, s.planned_hold_s, s.actual_hold_s, s.planned_reps, s.actual_reps,
            s.completed, s.skipped, began, ended, attempt.pain,
        ))  # fmt: skip
    return out

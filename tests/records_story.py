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
class Stop:
    """The app stopped (killed, the computer off) after the story's first `after` sets and
    was resumed `stop_s` seconds after it last ran. Two stops after the same set: the
    resumed app was stopped again before a set ended (the second resumption)."""

    after: int
    stop_s: float


@dataclass(frozen=True)
class Story:
    """One session: when it began (wall clock, with a fraction of a second), its sets in
    order, where it stopped to be resumed, and how it ended."""

    started_at: datetime
    sets: tuple[PlannedSet, ...]
    planned: int
    end: str  # an end_reason, 'partial' (discarded after a stop) or 'unfinished'
    stops: tuple[Stop, ...]  # in order; a stop after every set ends with a resumption
    tail_s: float  # from the last set (or the last resumption) to the end
    note: str
    title: str

    def walk(
        self,
    ) -> tuple[list[tuple[PlannedSet, Try, datetime, datetime]], datetime, list[datetime]]:
        """Each try with its start and end, the session's end, and each resumption."""
        at = self.started_at + timedelta(seconds=7.3)
        out = []
        resumptions: list[datetime] = []
        for n in range(len(self.sets) + 1):
            for stop in self.stops:
                if stop.after == n:  # resumed at the next set's start
                    at += timedelta(seconds=stop.stop_s)
                    resumptions.append(at)
            if n == len(self.sets):
                break
            for attempt in self.sets[n].tries:
                out.append((self.sets[n], attempt, at, at + timedelta(seconds=attempt.seconds)))
                at += timedelta(seconds=attempt.seconds + 21.6)
        last_stop = self.stops[-1].after if self.stops else None
        after_all = resumptions[-1] if last_stop == len(self.sets) else at - timedelta(seconds=21.6)
        return out, after_all + timedelta(seconds=self.tail_s), resumptions

    def timeline(self) -> tuple[list[tuple[PlannedSet, Try, datetime, datetime]], datetime]:
        """Each try with its start and end, and the session's end (wall clock)."""
        tries, end, _resumptions = self.walk()
        return tries, end

    def resumptions(self) -> list[datetime]:
        return self.walk()[2]

    def tries_before(self, stop: int) -> int:
        """The tries recorded before the `stop`th stop (0: the first)."""
        return sum(len(s.tries) for s in self.sets[: self.stops[stop].after])

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

    def whole_seconds(self, stops_seen: int | None = None) -> float:
        """The session's time as the history keeps it: whole seconds, each stop left out
        once, from when the session last ran (a set's end, or the resumption before, or its
        start) to its resumption. `stops_seen`: as it stood at that stop, before resuming."""
        tries, end, resumptions = self.walk()
        moments = sorted([(t[3], False) for t in tries] + [(r, True) for r in resumptions])
        start = last = _whole(self.started_at)
        stopped, seen = 0.0, 0
        for moment, resumed in moments:  # in the order they happened, then to the second
            when = _whole(moment)
            if resumed:
                if seen == stops_seen:
                    break
                stopped += max(0.0, when - last)
                seen += 1
            last = max(last, when)
        unended = stops_seen is not None or self.end in ("unfinished", "partial")
        return max(0.0, (last if unended else _whole(end)) - start - stopped)


def _whole(when: datetime) -> float:
    return when.replace(microsecond=0).timestamp()


def stops(sets: int) -> st.SearchStrategy[tuple[Stop, ...]]:
    """Up to three stops, each resumed; stopped again after a resumption with or without a
    set between. Only a session with a set recorded is resumed (docs/history.md)."""
    stop = st.builds(Stop, st.integers(1, max(1, sets)), st.floats(30, 40_000, allow_nan=False))
    return st.lists(stop, max_size=3 if sets else 0).map(
        lambda found: tuple(sorted(found, key=lambda s: s.after))
    )


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
        stops=draw(stops(len(sets))),
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
    at_stop: Callable[[int, int], None] = lambda _sid, _stop: None,
) -> int:
    """Record the story as the app does: begin, each set then its rating, a resumption after
    each stop (`at_stop` runs at the stop, with the session's id and the stop's number), the
    end; returns its id."""
    tries, end, resumptions = story.walk()
    sid = store.begin_session(
        "hips", story.title, 1, doses, story.started_at,
        sets_planned=story.planned,
    )  # fmt: skip
    done = iter(tries)
    for n in range(len(story.sets) + 1):
        for number, stop in enumerate(story.stops):
            if stop.after == n:
                at_stop(sid, number)
                store.mark_resumed(sid, resumptions[number])
        if n == len(story.sets):
            break
        for _try in story.sets[n].tries:
            planned, attempt, began, ended = next(done)
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

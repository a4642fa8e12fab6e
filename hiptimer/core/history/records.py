"""The history's row types as the queries return them, and how times are stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import NamedTuple

from hiptimer.core.session.set_outcome import Outcome, SetCounts, attempt_outcome


def to_db_time(when: datetime) -> str:
    """ISO 8601 in UTC with offset, e.g. '2025-03-01T07:30:00+00:00'; naive means local time."""
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def opt_time(text: str | None) -> datetime | None:
    return None if text is None else from_db_time(text)


@dataclass(frozen=True)
class StoredSet:
    """One set as it was done; `id` and `seq` are filled in when read back from the store."""

    exercise_id: str
    exercise_name: str
    set_number: int
    started_at: datetime
    ended_at: datetime
    side: str | None = None
    planned_hold_s: float | None = None
    actual_hold_s: float | None = None
    planned_reps: int | None = None
    actual_reps: int | None = None
    completed: bool = True
    skipped: bool = False
    pain: int | None = None
    pain_choice: str | None = None
    adjustment: str | None = None
    id: int | None = None
    seq: int | None = None
    result: float | None = None  # a re-test's result, in result_unit
    result_unit: str | None = None
    # Values HipTimer could not read in the file, emptied when it opened it (the row as it
    # was is in set_aside): 'pain' for a corrupt rating. The set still counts by its outcome.
    unreadable: tuple[str, ...] = ()
    # No rating, on purpose (K, or "no rating" chosen in History): read back, never written
    # from here (skip_rating and correct_pain set it), so a K reads apart from a question the
    # stop cut off.
    pain_skipped: bool = False

    @property
    def outcome(self) -> Outcome:
        """This attempt's outcome (a set done again after Back has one row per attempt)."""
        return attempt_outcome(self.completed, self.skipped)


@dataclass(frozen=True)
class SessionSummary:
    """A session with the aggregates of its sets (times are aware datetimes in UTC)."""

    id: int
    routine_id: str
    routine_title: str
    routine_revision: int
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None  # None: never finished (the app stopped mid-session)
    note: str
    sets_planned: int | None
    sets_recorded: int  # rows: a set done again after Back is one row per attempt
    counts: SetCounts  # each planned set once, by its outcome (hiptimer.core.session.set_outcome)
    max_pain: int | None
    avg_pain: float | None
    last_set_ended_at: datetime | None
    morning_pain: int | None
    morning_stiffness: int | None
    morning_at: datetime | None
    not_representative: bool = False  # marked so in History: left out of pain figures and rules
    corrections: int = 0  # values changed after they were recorded (the trail: corrections())
    stopped_s: float = 0.0  # resumed: how long it was stopped (not part of its time)
    resumed_at: datetime | None = None  # when it was last resumed (None: never, or unknown)

    @property
    def sets_done(self) -> int:
        """Sets done in full (each set once)."""
        return self.counts.done

    @property
    def sets_skipped(self) -> int:
        return self.counts.skipped

    @property
    def exercised(self) -> bool:
        """A set was done or partly done: the session counts for adherence."""
        return self.counts.begun > 0

    @property
    def duration_s(self) -> float | None:
        """From start to end, less the time a resumed session was stopped. An unfinished
        session ends where it last ran: its last set's end, or its last resumption if later
        (the stop before that is in stopped_s: ending at the set took it off twice). None
        before a set."""
        end = self.ended_at
        if end is None:
            if self.last_set_ended_at is None:
                return None
            end = max(self.last_set_ended_at, self.resumed_at or self.last_set_ended_at)
        # Never negative, whatever the file says (a wall clock set back, an edited row).
        return max(0.0, (end - self.started_at).total_seconds() - self.stopped_s)


@dataclass(frozen=True)
class DoseChange:
    """An accepted or declined recommendation, or a kept quick adjustment."""

    id: int
    session_id: int | None
    routine_id: str
    exercise_id: str
    side: str | None
    field: str
    old_value: float | None
    new_value: float | None
    reason: str
    accepted: bool
    decided_at: datetime
    decided_by: str = "suggestion"  # 'suggestion' answered, or a change kept from a 'session'


@dataclass(frozen=True)
class Correction:
    """A value changed after it was recorded: what it was, what it became, when and where.

    `field`: 'pain' (of the set `set_id`), 'note' or 'not_representative' (of the session).
    Values are as stored: a rating as text ('7'), None for no rating; '1'/'0' for the mark.
    `source`: 'session' (changed on the pain screen right after) or 'history' (later).
    """

    id: int
    session_id: int
    set_id: int | None
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    source: str
    corrected_at: datetime


class PainPoint(NamedTuple):
    started_at: datetime
    avg_pain: float
    max_pain: int
    session_id: int
    ratings: int


class DosePoint(NamedTuple):
    started_at: datetime
    planned_hold_s: float | None
    planned_reps: int | None
    session_id: int


class MorningPoint(NamedTuple):
    """The next-morning check-in after a session: when it was given, and its scores."""

    session_started: datetime
    at: datetime
    pain: int | None
    stiffness: int | None
    session_id: int


class RetestResult(NamedTuple):
    """One re-test's result: which test (and side), when, the number and its unit, and
    which way is better as the session recorded the test ("higher" or "lower"; None for a
    session that did not record it)."""

    started_at: datetime
    session_id: int
    exercise_id: str
    exercise_name: str
    side: str | None
    result: float
    unit: str
    better: str | None = None


class WeekCount(NamedTuple):
    week_start: date  # a Monday, local time
    sessions: int

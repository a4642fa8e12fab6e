"""Every dose change of a period and who decided it (no Qt): the log, and what it lacks.

The history logs the user's answers to HipTimer's suggestions and the doses kept from a
session. A dose can also change outside them: the routine edited in the editor, or a new
routine file from the clinician. Such a change shows as a planned dose that differs from one
session to the next with no logged decision to explain it, and is listed as that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from hiptimer.core.history.queries import DoseChange, DosePoint, HistoryQueries
from hiptimer.core.history.review import local_day
from hiptimer.i18n import N_, translate

# Who decided, as a code the report words in its language: the user accepting or declining
# HipTimer's suggestion, the user keeping a change made during a session, or a change of the
# routine that no decision in the log explains (the editor, a routine file).
ACCEPTED, DECLINED, KEPT, ROUTINE = "accepted", "declined", "kept", "routine"
_DECIDED = {
    ("suggestion", True): ACCEPTED,
    ("suggestion", False): DECLINED,
    ("session", True): KEPT,
    ("session", False): DECLINED,
}
# The log's reason for a dose kept from a session: the same English words in every row (the
# CSV's contract), put in the report's language when read, as no one was shown it in another.
KEPT_REASON = N_("changed during the session and kept for next time")


@dataclass(frozen=True)
class DoseEvent:
    """One dose change (or a suggestion declined) in words, for the report."""

    when: datetime
    exercise: str  # its name
    side: str | None
    field: str  # 'sets', 'reps' or 'hold_s'
    old: float | None
    new: float | None
    decided_by: str  # ACCEPTED, DECLINED, KEPT or ROUTINE
    reason: str  # HipTimer's words when the suggestion was made; KEPT_REASON in the language

    @property
    def applied(self) -> bool:
        """False for a suggestion declined: the dose stayed as it was."""
        return self.decided_by != DECLINED


def logged(changes: Iterable[DoseChange], names: Mapping[str, str]) -> list[DoseEvent]:
    """The logged decisions, in words, oldest first."""
    return [
        DoseEvent(
            c.decided_at,
            names.get(c.exercise_id, c.exercise_id),
            c.side,
            c.field,
            c.old_value,
            c.new_value,
            _DECIDED.get((c.decided_by, c.accepted), DECLINED),
            translate(KEPT_REASON) if c.reason == KEPT_REASON else c.reason,
        )
        for c in changes
    ]


def _value(point: DosePoint) -> tuple[str, float] | None:
    if point.planned_hold_s is not None:
        return "hold_s", float(point.planned_hold_s)
    if point.planned_reps is not None:
        return "reps", float(point.planned_reps)
    return None


def unlogged(
    doses: Iterable[DosePoint], changes: Iterable[DoseChange], exercise_id: str, name: str
) -> list[DoseEvent]:
    """Changes of an exercise's planned dose between sessions that no accepted decision
    explains (a decision between the two sessions that set the new value)."""
    accepted = [c for c in changes if c.accepted and c.exercise_id == exercise_id]
    found: list[DoseEvent] = []
    before: DosePoint | None = None
    for point in doses:
        if before is not None:
            old, new = _value(before), _value(point)
            if old is not None and new is not None and old[0] == new[0] and old[1] != new[1]:
                explained = any(
                    c.field == new[0]
                    and c.new_value == new[1]
                    and before.started_at <= c.decided_at <= point.started_at
                    for c in accepted
                )
                if not explained:
                    found.append(
                        DoseEvent(point.started_at, name, None, new[0], old[1], new[1], ROUTINE, "")
                    )
        before = point
    return found


def dose_events(
    store: HistoryQueries,
    exercises: Iterable[tuple[str, str]],
    routine_id: str | None,
    first: date,
    last: date,
    sessions: Mapping[int, str],
) -> list[DoseEvent]:
    """Every dose change of these (exercise id, name) in [first, last], oldest first: the
    logged decisions and the changes no decision explains. `sessions`: the period's
    sessions and their routines (an exercise of two routines is followed in each)."""
    names = dict(exercises)
    changes = store.dose_changes(routine_id)
    events = [e for e in logged(changes, names) if first <= local_day(e.when) <= last]
    for ex_id, name in names.items():
        series = store.exercise_dose_series(ex_id)
        for rid in sorted(set(sessions.values())):
            doses = [d for d in series if sessions.get(d.session_id) == rid]
            mine = [c for c in changes if c.routine_id == rid]
            found = unlogged(doses, mine, ex_id, name)
            events += [e for e in found if first <= local_day(e.when) <= last]
    return sorted(events, key=lambda e: e.when)

"""From the history store to the pain rules' input: recent exposures and past doses per exercise."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hiptimer.core.dosing import rules as pain_rules
from hiptimer.core.dosing.dose_steps import Dose, ExerciseHistory, Exposure, PainRuleSettings
from hiptimer.core.history.queries import DoseChange, HistoryQueries, from_db_time, to_db_time
from hiptimer.core.routines.loader import exercise_from_data
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.session.set_outcome import count_sets
from hiptimer.core.session.steps import Side

# The rules look at the last few sessions (progress: 2, clinician: 3) and at two weeks of
# them (the weekly trend): the newest RECENT_SESSIONS of the routine are read, more when
# the two weeks hold more (twice a day), never more than MAX_SESSIONS.
RECENT_SESSIONS = 12
MAX_SESSIONS = 60

Key = tuple[str, Side | None]


@dataclass(frozen=True)
class _Session:
    id: int
    started_at: datetime
    doses: dict[str, Any]  # exercise id -> the exercise's data as the session began
    morning_pain: int | None


@dataclass(frozen=True)
class _Set:
    session_id: int
    exercise_id: str
    side: Side | None
    set_number: int
    planned_hold_s: float | None
    planned_reps: int | None
    completed: bool
    skipped: bool
    pain: int | None


# -- reading: four queries whatever the length of the history --------------------------


def _connection(store: HistoryQueries) -> sqlite3.Connection:
    return store._conn  # the store's own connection; only read here


def _recent_sessions(
    store: HistoryQueries, routine_id: str, s: PainRuleSettings, every: bool = False
) -> list[_Session]:
    """The routine's recent sessions (`every`: all of them), oldest first (index
    sessions_by_routine); a session the user marked not representative is left out, as if
    it had not been done."""
    rows = _connection(store).execute(
        "SELECT id, started_at, doses_json, morning_pain FROM sessions WHERE routine_id = ?"
        " AND not_representative = 0 ORDER BY started_at DESC, id DESC LIMIT ?",
        (routine_id, -1 if every else MAX_SESSIONS),
    )
    sessions = [_Session(r[0], from_db_time(r[1]), json.loads(r[2] or "{}"), r[3]) for r in rows]
    if sessions and not every:
        cutoff = sessions[0].started_at - timedelta(days=2 * s.trend_window_days)
        sessions = [
            x for i, x in enumerate(sessions) if i < RECENT_SESSIONS or x.started_at >= cutoff
        ]
    return sessions[::-1]


def _sets(store: HistoryQueries, session_ids: Sequence[int]) -> list[_Set]:
    """The sets of these sessions, in the order they were done."""
    if not session_ids:
        return []
    marks = ", ".join("?" * len(session_ids))
    rows = _connection(store).execute(
        "SELECT session_id, exercise_id, side, set_number, planned_hold_s, planned_reps,"
        f" completed, skipped, pain FROM sets WHERE session_id IN ({marks})"
        " ORDER BY session_id, seq",
        tuple(session_ids),
    )
    return [
        _Set(
            r[0], r[1], Side(r[2]) if r[2] else None, r[3], r[4], r[5], bool(r[6]), bool(r[7]), r[8]
        )
        for r in rows
    ]


def _checkins(store: HistoryQueries, since: datetime) -> list[tuple[datetime, int]]:
    """Morning check-ins with a pain score (any routine), oldest first: the last one up to
    `since` and every later one."""
    rows = _connection(store).execute(
        "SELECT morning_at, morning_pain FROM sessions WHERE morning_pain IS NOT NULL"
        " AND morning_at >= coalesce((SELECT max(morning_at) FROM sessions"
        " WHERE morning_pain IS NOT NULL AND morning_at <= ?), '') ORDER BY morning_at",
        (to_db_time(since),),
    )
    return [(from_db_time(at), pain) for at, pain in rows]


# -- building --------------------------------------------------------------------------


def _planned_dose(session: _Session, sets: Sequence[_Set]) -> Dose:
    """The dose as the session began; from its first set when the session kept no doses."""
    data = session.doses.get(sets[0].exercise_id)
    ex = exercise_from_data(data) if isinstance(data, dict) else None
    if ex is not None:
        return Dose.of(ex)  # on the rung the session was done on
    if isinstance(data, dict) and isinstance(data.get("sets"), int):
        if data.get("kind") == Kind.HOLD.value:
            return Dose(data["sets"], hold_s=data.get("hold_s"))
        return Dose(data["sets"], reps=data.get("reps"))
    first = sets[0]
    count = max(x.set_number for x in sets)
    if first.planned_reps is not None:
        return Dose(count, reps=first.planned_reps)
    return Dose(count, hold_s=first.planned_hold_s)


def _previous_morning(checkins: Sequence[tuple[datetime, int]], start: datetime) -> int | None:
    """The last check-in up to the session's start (times are whole seconds: the same second
    means the check-in came first, since it is asked before the library)."""
    i = bisect_right([at for at, _ in checkins], start)
    return checkins[i - 1][1] if i > 0 else None


def _exposure(
    session: _Session, sets: Sequence[_Set], checkins: Sequence[tuple[datetime, int]]
) -> Exposure:
    dose = _planned_dose(session, sets)
    counts = count_sets(sets, dose.sets)  # each set once, as every view counts it
    pains = [x.pain for x in sets if x.pain is not None]
    return Exposure(
        session_id=session.id,
        date=session.started_at.astimezone().date(),
        dose=dose,
        all_sets_done=counts.done >= dose.sets,
        counts=counts,
        max_pain=max(pains) if pains else None,
        morning_pain=session.morning_pain,
        prev_morning_pain=_previous_morning(checkins, session.started_at),
        unrated_sets=sum(1 for x in sets if not x.skipped and x.pain is None),
    )


def _decisions(changes: Iterable[DoseChange]) -> list[list[DoseChange]]:
    """Accepted changes grouped by decision (the rows of one Accept), oldest first."""
    groups: dict[tuple[datetime, int | None], list[DoseChange]] = defaultdict(list)
    for c in changes:
        if c.accepted:
            groups[(c.decided_at, c.session_id)].append(c)
    return [groups[k] for k in sorted(groups, key=lambda k: k[0])]


def _with(dose: Dose, values: dict[str, float | None]) -> Dose:
    fields = {f: (int(v) if f != "hold_s" and v is not None else v) for f, v in values.items()}
    return dataclasses.replace(dose, **fields)  # type: ignore[arg-type]


def _holds(dose: Dose, group: Sequence[DoseChange]) -> bool:
    """Whether `dose` has every field as the decision `group` left it."""
    return all(getattr(dose, c.field, None) == c.new_value for c in group)


def dose_history(
    ex: Exercise, changes: Iterable[DoseChange], planned: Iterable[tuple[datetime, Dose]]
) -> tuple[Dose, ...]:
    """The doses the exercise has had, oldest first: accepted changes and sessions' doses.

    A change records only the fields it changed; the others are taken from the dose after
    it, working back from the routine's present dose. A change whose result the dose after
    it does not hold was undone outside the log since (Reset to original, an edit): its dose
    was thrown away, so it is passed over, and a step back never aims at it; a dose a
    session ran at stays, from `planned`.
    """
    dated: list[tuple[datetime, Dose]] = list(planned)
    after = Dose.of(ex)
    for group in reversed(_decisions(c for c in changes if c.exercise_id == ex.id)):
        if not _holds(after, group):
            continue
        new = _with(after, {c.field: c.new_value for c in group})
        old = _with(new, {c.field: c.old_value for c in group})
        dated += [(group[0].decided_at, old), (group[0].decided_at, new)]
        after = old
    doses: list[Dose] = []
    for _, dose in sorted(dated, key=lambda pair: pair[0]):
        if not doses or doses[-1] != dose:
            doses.append(dose)
    return tuple(doses)


def _sides_now(ex: Exercise, side: Side | None) -> tuple[Side | None, ...]:
    """Where a set counts in the exercise's history as it is done now.

    A set counts on its own side; a set without a side (a variant done with both legs, a
    bridge) counts on each side of a variant done side by side (the single-leg bridge after
    it), and a set on one side counts for a variant without sides. So the history of an
    exercise goes on across the rungs of its ladder, whichever way each is done.
    """
    if ex.has_sides:
        return (side,) if side is not None else (Side.RIGHT, Side.LEFT)
    return (None,)


def exercise_histories(
    store: HistoryQueries,
    routine: Routine,
    settings: PainRuleSettings = pain_rules.DEFAULT_SETTINGS,
    *,
    every: bool = False,
) -> dict[Key, ExerciseHistory]:
    """The recent history of each exercise (and side) of the routine that has one; `every`:
    the whole history (the report works the warnings out again at each session)."""
    sessions = _recent_sessions(store, routine.id, settings, every)
    if not sessions:
        return {}
    by_id = {x.id: x for x in sessions}
    grouped: dict[Key, dict[int, list[_Set]]] = defaultdict(lambda: defaultdict(list))
    wanted = {ex.id: ex for ex in routine.exercises}
    for x in _sets(store, list(by_id)):
        if x.exercise_id in wanted:
            for side in _sides_now(wanted[x.exercise_id], x.side):
                grouped[(x.exercise_id, side)][x.session_id].append(x)
    checkins = _checkins(store, sessions[0].started_at)
    changes = store.dose_changes(routine.id)
    result: dict[Key, ExerciseHistory] = {}
    for (ex_id, side), per_session in grouped.items():
        ordered = [(by_id[sid], sets) for sid, sets in per_session.items()]
        ordered.sort(key=lambda pair: (pair[0].started_at, pair[0].id))
        exposures = tuple(_exposure(session, sets, checkins) for session, sets in ordered)
        planned = [
            (session.started_at, e.dose) for (session, _), e in zip(ordered, exposures, strict=True)
        ]
        doses = dose_history(routine.exercise(ex_id), changes, planned)
        result[(ex_id, side)] = ExerciseHistory(ex_id, side, exposures, doses)
    return result


def routine_recommendations(
    store: HistoryQueries,
    routine: Routine,
    settings: PainRuleSettings = pain_rules.DEFAULT_SETTINGS,
) -> list[pain_rules.Recommendation]:
    """One recommendation per exercise of the routine that has a history, in routine order."""
    histories = exercise_histories(store, routine, settings).values()
    return pain_rules.per_exercise(pain_rules.recommend_routine(routine, histories, settings))

"""HipTimer's advice over a period, for the clinician's report: the warnings to see a
clinician, worked out again at each session, and the dose suggestions declined or waiting.

The history keeps the answers to dose suggestions (dose_changes), not the advice itself. A
warning to see a clinician asks for no answer, so none is logged; it depends only on the pain
ratings and their days (findings.clinician), so it is found again exactly: at each session,
from the sessions up to it. A suggestion still waiting is the one the library offers now
(waiting.Unanswered). An accepted suggestion changed the dose: the report lists it there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time

from hiptimer.core.dosing import decisions
from hiptimer.core.dosing import findings as find
from hiptimer.core.dosing.dose_steps import PainRuleSettings, rules_for
from hiptimer.core.dosing.inputs import exercise_histories, routine_recommendations
from hiptimer.core.history.advice import DECLINED, WAITING, WARNING, Advice
from hiptimer.core.history.queries import DoseChange, HistoryQueries
from hiptimer.core.history.review import local_day
from hiptimer.core.routines.model import Routine

Started = Mapping[int, datetime]  # the period's sessions: id -> when each began


def advice_in(
    store: HistoryQueries,
    routines: Iterable[Routine],
    first: date,
    last: date,
    started: Started,
    pain_limit: int,
) -> list[Advice]:
    """The advice that followed the sessions of [first, last] for these routines, oldest
    first. `started`: the period's sessions; `pain_limit`: the user's, as the rules use it."""
    settings = rules_for(pain_limit)
    found: list[Advice] = []
    for routine in routines:
        changes = store.dose_changes(routine.id)
        found += _warnings(store, routine, settings, first, last, started)
        found += _declined(changes, routine, first, last, started)
        found += _waiting(store, routine, settings, changes, first, last, started)
    return sorted(found, key=lambda a: a.advised_at)


def _began(started: Started, session_id: int, day: date) -> datetime:
    return started.get(session_id) or datetime.combine(day, time(12)).astimezone()


def _warnings(
    store: HistoryQueries,
    routine: Routine,
    s: PainRuleSettings,
    first: date,
    last: date,
    started: Started,
) -> list[Advice]:
    """Each run of sessions after which an exercise warned to see a clinician: one row, its
    first session's, with how often it came again and how many sessions followed."""
    active = {ex.id: ex for ex in routine.active_exercises if ex.test is None}
    days: dict[str, dict[int, date]] = defaultdict(dict)  # exercise -> its sessions' days
    warned: dict[str, dict[int, tuple[set[str | None], str]]] = defaultdict(dict)
    for (ex_id, side), history in exercise_histories(store, routine, s, every=True).items():
        ex = active.get(ex_id)
        if ex is None or (side is None) == ex.has_sides:  # as recommend_routine leaves out
            continue
        for i, exposure in enumerate(history.exposures):
            days[ex_id][exposure.session_id] = exposure.date
            if not first <= exposure.date <= last:
                continue
            finding = find.clinician(history.exposures[: i + 1], s)
            if finding is not None:
                sides, reason = warned[ex_id].setdefault(
                    exposure.session_id, (set(), finding.reason)
                )
                sides.add(side.value if side is not None else None)
    found = []
    for ex_id, by_session in warned.items():
        order = sorted((d, sid) for sid, d in days[ex_id].items() if d <= last)
        sessions = [sid for _, sid in order]
        run: list[int] = []
        for i, sid in enumerate([*sessions, None]):
            if sid is not None and sid in by_session:
                run.append(sid)
                continue
            if run:
                sides, reason = by_session[run[0]]
                one_side = next(iter(sides)) if len(sides) == 1 else None
                found.append(
                    Advice(
                        _began(started, run[0], days[ex_id][run[0]]),
                        active[ex_id].name,
                        one_side,
                        WARNING,
                        reason,
                        repeated=len(run) - 1,
                        sessions_since=len(sessions) - i,
                    )
                )
                run = []
    return found


def _declined(
    changes: Iterable[DoseChange], routine: Routine, first: date, last: date, started: Started
) -> list[Advice]:
    """Each suggestion the user said Not now to (its rows share one time and session)."""
    groups: dict[tuple[datetime, str, int | None], list[DoseChange]] = defaultdict(list)
    for c in changes:
        if c.decided_by == "suggestion" and not c.accepted:
            groups[(c.decided_at, c.exercise_id, c.session_id)].append(c)
    found = []
    for (at, ex_id, session_id), rows in groups.items():
        advised = started.get(session_id, at) if session_id is not None else at
        if not first <= local_day(advised) <= last:
            continue
        found.append(
            Advice(
                advised,
                _name(routine, ex_id),
                rows[0].side,
                DECLINED,
                rows[0].reason,
                tuple((c.field, c.old_value, c.new_value) for c in rows),
                answered_at=at,
            )
        )
    return found


def _waiting(
    store: HistoryQueries,
    routine: Routine,
    s: PainRuleSettings,
    changes: Iterable[DoseChange],
    first: date,
    last: date,
    started: Started,
) -> list[Advice]:
    """The suggestions that wait for Accept or Not now, as the library counts them."""
    waiting = decisions.unanswered(routine_recommendations(store, routine, s), changes)
    found = []
    for rec in waiting:
        advised = started.get(rec.session_id) if rec.session_id is not None else None
        if advised is None or not first <= local_day(advised) <= last:
            continue
        found.append(
            Advice(
                advised,
                _name(routine, rec.exercise_id),
                rec.side.value if rec.side is not None else None,
                WAITING,
                rec.reason,
                tuple((c.field, c.old, c.new) for c in rec.changes()),
            )
        )
    return found


def _name(routine: Routine, exercise_id: str) -> str:
    known = {ex.id: ex.name for ex in routine.exercises}
    return known.get(exercise_id, exercise_id)

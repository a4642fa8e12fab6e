"""Resuming a session the app never finished: which sets are done, and with which doses."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from hiptimer.core.history.names import exercise_name, routine_name
from hiptimer.core.history.queries import SessionSummary, StoredSet
from hiptimer.core.history.wording import set_label
from hiptimer.core.routines.copy_texts import words_aside
from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    Exercise,
    Kind,
    Routine,
    dose_text,
)
from hiptimer.core.routines.validation import RoutineError
from hiptimer.core.session.dose_adjust import (
    DosesInForce,
    can_lower,
    in_force_from_data,
    lowered_change,
    with_reps,
)
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.steps import SetKey, Side
from hiptimer.i18n import _, day_month, n_

log = logging.getLogger(__name__)


class ResumeSource(Protocol):
    """The part of hiptimer.core.history.store.HistoryStore that resuming reads and writes."""

    def unfinished_sessions(self) -> list[SessionSummary]: ...
    def session_sets(self, session_id: int) -> list[StoredSet]: ...
    def session_doses(self, session_id: int) -> dict[str, Any]: ...
    def session_doses_now(self, session_id: int) -> Any: ...
    def rating_awaited(self, session_id: int) -> int | None: ...
    def mark_partial(self, session_id: int) -> None: ...


@dataclass(frozen=True)
class ResumePlan:
    """How to go on with the newest unfinished session, and what to do with older ones."""

    session: SessionSummary
    routine: Routine  # what to run: the session's exercises with the session's doses
    done_sets: tuple[SetKey, ...]  # (exercise id, set number, side) already recorded
    from_session: tuple[str, ...]  # exercises whose dose today differs: the session's is used
    older: tuple[SessionSummary, ...]  # older unfinished sessions, to keep as partial
    earlier: tuple[SetRecord, ...] = ()  # the sets recorded before it stopped, for the summary
    # +, - and Lower during it: the doses it goes on at.
    in_force: DosesInForce = field(default_factory=DosesInForce)
    # The history's id of the last set, when the stop came on its pain question: asked first.
    to_rate_id: int | None = None
    # The library's routines of these sessions and the session's doses as it began: what
    # the offer names them by, as History does (names.py), not the names they were done under.
    library: Mapping[str, Routine] = field(default_factory=dict)
    began: Mapping[str, Any] = field(default_factory=dict)

    def title(self, session: SessionSummary) -> str:
        """A session's routine as History names it: the library's title in the language in use."""
        return routine_name(self.library, session.routine_id, session.routine_title)

    def name(self, exercise_id: str, recorded: str) -> str:
        """An exercise as History names this session's sets (names.exercise_name)."""
        rid = self.session.routine_id
        return exercise_name(self.library, rid, exercise_id, recorded, self.began)

    @property
    def to_rate(self) -> SetRecord | None:
        """The last set before the stop, if its rating is to be asked for first."""
        return self.earlier[-1] if self.to_rate_id is not None and self.earlier else None

    @property
    def rating_asked(self) -> tuple[SetRecord, int] | None:
        """That set and its id in the history, to write its rating to."""
        record = self.to_rate
        return None if record is None or self.to_rate_id is None else (record, self.to_rate_id)

    @property
    def sets_done(self) -> int:
        return len(self.done_sets)

    @property
    def earlier_s(self) -> float:
        """How long the session ran before it stopped: from its start to when it last ran
        (its last set's end, or its last resumption if later), less its earlier stops, as
        History counts its time."""
        return self.session.duration_s or 0.0  # None: no set was recorded

    @property
    def resumable(self) -> bool:
        """False when nothing of the session's plan can be rebuilt (no routine, no doses)."""
        return bool(self.routine.active_exercises)


def done_sets(records: Iterable[StoredSet]) -> list[SetKey]:
    """Each set the session recorded, once, in order.

    A recorded set ended while the app was running and the user moved past it, whether it
    was done in full, ended early or skipped; resuming must not do it (or record it) again.
    """
    seen: dict[SetKey, None] = {}
    for record in records:
        seen.setdefault((record.exercise_id, record.set_number, record.side), None)
    return list(seen)


def earlier_records(records: Iterable[StoredSet]) -> tuple[SetRecord, ...]:
    """The sets recorded before the interruption as the engine records a set, so that the
    summary of the resumed session counts the whole session. They are not in the engine's
    record list: their `index` counts back from -1."""
    stored = list(records)
    return tuple(
        SetRecord(
            index=i - len(stored),
            exercise_id=r.exercise_id,
            exercise_name=r.exercise_name,
            side=None if r.side is None else Side(r.side),
            set_number=r.set_number,
            planned_hold_s=r.planned_hold_s,
            actual_hold_s=r.actual_hold_s,
            planned_reps=r.planned_reps,
            actual_reps=r.actual_reps,
            completed=r.completed,
            skipped=r.skipped,
            started_at=r.started_at,
            ended_at=r.ended_at,
            pain=r.pain,
            pain_choice=None if r.pain_choice is None else PainChoice(r.pain_choice),
            adjustment=r.adjustment or "",
            result=r.result,
            result_unit=r.result_unit or "",
            pain_skipped=r.pain_skipped,
        )
        for i, r in enumerate(stored)
    )


def doses_in_force(routine: Routine, records: Iterable[StoredSet]) -> DosesInForce:
    """The doses the session had reached when it stopped, from its recorded sets.

    Each set records the dose planned for it and the quick changes in force (+ and -, which
    change this set and the later ones, and Lower). The last set of an exercise therefore
    holds its dose then; a Lower chosen after that set's rating took a third off after it was
    recorded, and is made again here as the engine made it. This is how a session recorded
    before sessions.doses_now_json was is resumed (see written_in_force).
    """
    last = {r.exercise_id: r for r in records}
    doses: dict[str, Exercise] = {}
    changes: dict[str, tuple[str, ...]] = {}
    for ex in routine.exercises:
        record = last.get(ex.id)
        if record is None:
            continue
        dose = _as_recorded(ex, record)
        made = [c for c in (record.adjustment or "").split("; ") if c]
        if record.pain_choice == PainChoice.LOWER.value and can_lower(dose):
            lower = lowered_change(dose)
            dose = lower.dose
            made.append(lower.text)
        if dose != ex:
            doses[ex.id] = dose
        if made:
            changes[ex.id] = tuple(made)
    return DosesInForce(doses, changes)


def written_in_force(
    history: ResumeSource, session_id: int, routine: Routine, records: list[StoredSet]
) -> DosesInForce:
    """The doses the session had reached as written at its last change (+, - or Lower), which
    may be in a set the app never finished; from its recorded sets where none was written (no
    change made, a session older than the column, or a value that no longer reads)."""
    try:
        data = history.session_doses_now(session_id)
        if data is not None:
            return in_force_from_data({ex.id: ex for ex in routine.exercises}, data)
    except (KeyError, ValueError) as exc:  # ValueError: not JSON, or not what was written
        log.warning("Session %s has no readable doses reached: %s", session_id, exc)
    return doses_in_force(routine, records)


def _as_recorded(ex: Exercise, record: StoredSet) -> Exercise:
    """The exercise at the dose its set recorded."""
    if ex.kind is Kind.HOLD:
        hold = record.planned_hold_s
        changed = hold is not None and hold != ex.hold_s
        return ex.with_dose(hold_s=float(hold or 0)) if changed else ex
    reps = record.planned_reps
    return with_reps(ex, reps) if reps and reps != ex.reps else ex


def exercise_from_data(data: Any) -> Exercise | None:
    """An exercise as the history stored it (the loader's form), or None if it no longer reads."""
    wrapper = {
        "format": FORMAT_MARKER,
        "version": FORMAT_VERSION,
        "id": "resume",
        "title": "resume",
        "exercises": [data],
    }
    try:
        return routine_from_data(wrapper, "<session doses>").exercises[0]
    except (RoutineError, IndexError) as exc:
        log.warning("A stored dose could not be read back: %s", exc)
        return None


def session_routine(
    session: SessionSummary,
    doses: dict[str, Any],
    current: Routine | None,
    order: Iterable[str] = (),
) -> tuple[Routine, list[str]]:
    """The routine to resume and the names of exercises whose dose came from the session.

    The session's exercises are the plan, in its order: one it did not have (disabled then,
    or added since) is left out, and a dose changed since the session started is put back as
    it was. The order is that of `order` (the exercise ids of its recorded sets), then of
    `doses` (the routine's as the session began; by id in a session recorded before
    HipTimer kept it). Without the routine (deleted since) the session's doses alone make one.
    """
    stored = {ex_id: exercise_from_data(data) for ex_id, data in doses.items()}
    ids = list(dict.fromkeys([*(i for i in order if i in stored), *stored]))
    if current is None:
        exercises = tuple(ex for i in ids if (ex := stored[i]) is not None)
        routine = Routine(
            id=session.routine_id,
            title=session.routine_title,
            exercises=exercises,
            revision=session.routine_revision,
        )
        return routine, []
    # The file's exercises where it still has them; one it lost since comes from the session,
    # in its place (it was put after the file's own: a deleted exercise interrupted by a kill
    # came back after the ones the session had not reached yet).
    now = {ex.id: ex for ex in current.exercises}
    changed: list[str] = []
    planned: list[Exercise] = []
    for ex_id in ids:
        then, ex = stored[ex_id], now.get(ex_id)
        if ex is not None and (then is None or words_aside(then) == words_aside(ex)):
            planned.append(dataclasses.replace(ex, enabled=True))
        elif then is not None:
            recorded = then.name if ex is None else ex.name  # named as History names it
            changed.append(exercise_name({current.id: current}, current.id, ex_id, recorded, doses))
            planned.append(dataclasses.replace(then, enabled=True))
    left_out = [
        dataclasses.replace(ex, enabled=False) for ex in current.exercises if ex.id not in doses
    ]
    return dataclasses.replace(current, exercises=(*planned, *left_out)), changed


def plan_resume(
    history: ResumeSource, find_routine: Callable[[str], Routine | None]
) -> ResumePlan | None:
    """The plan for the newest unfinished session, or None when every session has an end."""
    unfinished = history.unfinished_sessions()
    if not unfinished:
        return None
    newest, *older = unfinished
    records = history.session_sets(newest.id)
    try:
        doses = history.session_doses(newest.id)
    except (KeyError, ValueError) as exc:  # ValueError: doses_json is not JSON
        log.warning("Session %s has no readable doses: %s", newest.id, exc)
        doses = {}
    current = find_routine(newest.routine_id)
    ids = {s.routine_id for s in older} - {newest.routine_id}
    library = {r.id: r for r in [current, *map(find_routine, ids)] if r is not None}
    changed: list[str] = []
    if not doses and current is not None:
        routine = current
    else:
        order = [r.exercise_id for r in records]
        routine, changed = session_routine(newest, doses, current, order)
    return ResumePlan(
        newest, routine, tuple(done_sets(records)), tuple(changed), tuple(older),
        earlier_records(records), written_in_force(history, newest.id, routine, records),
        history.rating_awaited(newest.id), library, doses,
    )  # fmt: skip


def when_text(moment: datetime, today: date) -> str:
    """'today at 08:05', 'yesterday at 19:30' or 'Monday 3 March at 08:05' in local time."""
    local = moment.astimezone()
    clock = f"{local:%H:%M}"
    days = (today - local.date()).days
    if days == 0:
        return _("today at {time}").format(time=clock)
    if days == 1:
        return _("yesterday at {time}").format(time=clock)
    day = day_month(local.date(), weekday=True, year=local.year != today.year)
    return _("{day} at {time}").format(day=day, time=clock)


def offer_text(plan: ResumePlan, today: date) -> str:
    """The sentence that says which session stopped and how far it got."""
    s = plan.session
    when = when_text(s.started_at, today)
    if plan.sets_done == 0:  # stopped in the get-ready or in the first set, never recorded
        return _(
            "Your session of {routine} {when} was interrupted before its first set was done."
        ).format(routine=plan.title(s), when=when)
    # As History counts them: a set skipped or ended early is not one done (S on an
    # exercise of 2 sets a side read "after 4 sets" where History said 2 done, 2 skipped).
    sets = s.counts.text(not_reached=False)
    # Translators: {sets} is History's count, "2 of 18 sets done, 1 skipped".
    text = _("Your session of {routine} {when} was interrupted with {sets}.").format(
        routine=plan.title(s), when=when, sets=sets
    )
    if (last := plan.to_rate) is None:
        return text
    # Translators: {set} is "Bridge, set 2 (right)".
    asked = _("It stopped before you rated {set}: resuming asks for that rating first.")
    return f"{text} {asked.format(set=_label(plan, last))}"


def details_lines(
    plan: ResumePlan, today: date, limit: int | None = None, keys: tuple[str, str] = ("-", "S")
) -> list[str]:
    """What else the user should know: a rating above `limit` (the pain limit) left without
    its choice, doses put back, doses changed during the session, older sessions kept as
    partial. `keys`: the keys that take 5 s or a rep off a set and skip an exercise, as the
    window's key map names them."""
    lines = [] if limit is None else _unanswered(plan, limit, keys)
    if plan.from_session:
        names = ", ".join(plan.from_session)
        lines.append(_("It resumes with the doses it started with ({names}).").format(names=names))
    if plan.in_force.doses:
        # In the routine's order: the history keeps them by id, sorted.
        changed = plan.in_force.doses
        ids = [x.id for x in plan.routine.exercises if x.id in changed]
        ordered = [changed[key] for key in ids + sorted(changed.keys() - set(ids))]
        doses = "; ".join(f"{plan.name(ex.id, ex.name)} {dose_text(ex)}" for ex in ordered)
        lines.append(_("It goes on at the doses changed during it: {doses}.").format(doses=doses))
    if plan.older:
        whens = "; ".join(
            _("{routine}, {when}").format(
                routine=plan.title(o), when=when_text(o.started_at, today)
            )
            for o in plan.older
        )
        n = len(plan.older)
        lines.append(
            n_(
                "An older interrupted session was kept as partial, with its sets: {sessions}.",
                "{n} older interrupted sessions were kept as partial, with their sets: {sessions}.",
                n,
            ).format(n=n, sessions=whens)
        )
    return lines


def _unanswered(plan: ResumePlan, limit: int, keys: tuple[str, str]) -> list[str]:
    """The last set before the stop, rated above the limit with no Stop, Lower or Continue
    chosen yet (the app stopped on that question): nothing chose for the user, so say so."""
    if not plan.earlier:
        return []
    last = plan.earlier[-1]
    if last.pain is None or last.pain <= limit or last.pain_choice is not None:
        return []
    return [
        _(
            "{set} was rated {pain}/10, above your limit of {limit}, and the stop came before "
            "you chose Stop, Lower or Continue: it goes on at the dose it had. During a set, "
            "{less} takes 5 s or a rep off it and {skip} skips the rest of the exercise."
        ).format(
            set=_label(plan, last),
            pain=last.pain,
            limit=limit,
            less=keys[0],
            skip=keys[1],
        )
    ]


def keep_older_as_partial(history: ResumeSource, plan: ResumePlan) -> None:
    """Close every older unfinished session as partial (only the newest is offered)."""
    for session in plan.older:
        history.mark_partial(session.id)


def _label(plan: ResumePlan, record: SetRecord) -> str:
    """'Bridge, set 2 (right)', as History names a set."""
    side = None if record.side is None else record.side.value
    return set_label(plan.name(record.exercise_id, record.exercise_name), record.set_number, side)

"""The user's answer to a dose recommendation: a yes saves the routine, every answer is logged."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.words import is_offer
from hiptimer.core.history.dose_log import KEPT_REASON
from hiptimer.core.history.queries import DoseChange
from hiptimer.core.routines import user_routines
from hiptimer.core.routines.ladder import at_rung, keep_ceiling
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.saved_now import latest
from hiptimer.i18n import _


class RoutineChanged(ValueError):
    """The routine saved now is not the one a suggestion was made for: nothing is saved."""


class DecisionLog(Protocol):
    """The part of the history store that keeps decisions."""

    def record_dose_change(
        self,
        routine_id: str,
        exercise_id: str,
        field: str,
        old_value: float | None,
        new_value: float | None,
        *,
        accepted: bool,
        decided_at: datetime,
        side: str | None = None,
        reason: str = "",
        session_id: int | None = None,
        decided_by: str = "suggestion",
    ) -> int: ...


def apply(routine: Routine, recommendation: Recommendation) -> Routine:
    """The user's version of the routine with the proposed dose and the next revision.

    A built-in routine becomes a user routine with the same id (so it overrides the
    built-in in the library) and `based_on` naming the built-in.
    """
    r = recommendation
    if r.proposed is None:
        raise ValueError(f"The recommendation for {r.exercise_id!r} proposes no new dose")
    if r.exercise_id not in {e.id for e in routine.exercises}:
        # The file changed since the session (another editor, a synced copy): the card says so.
        raise RoutineChanged(
            _("this exercise is no longer in the routine: it was removed or renamed since.")
        )
    ex = routine.exercise(r.exercise_id)
    if Dose.of(ex) != r.current:
        raise RoutineChanged(
            _("the suggestion was made for {was}, but the routine now has {now}.").format(
                was=r.current.text, now=Dose.of(ex).text
            )
        )
    if r.proposed.rung == ex.rung:
        moved, changes = ex, {c.field: c.new for c in r.changes()}
    else:  # onto another rung, at the proposed dose whole
        moved = at_rung(ex, r.proposed.rung)
        changes = {f: getattr(r.proposed, f) for f in ("sets", "reps", "hold_s")}
    changed = moved.with_dose(**changes)
    if moved is ex:  # a step back on the same rung leaves a ceiling left out where it was
        changed = keep_ceiling(ex, changed)
    updated = routine.replace_exercise(changed)
    if routine.builtin:
        return dataclasses.replace(
            updated, revision=routine.revision + 1, based_on=routine.id, builtin=False, path=""
        )
    return dataclasses.replace(updated, revision=routine.revision + 1)


def accept(log: DecisionLog | None, routine: Routine, rec: Recommendation, at: datetime) -> Routine:
    """Save the proposed dose in the user's version of the routine, log the yes; returns it.

    Raises RoutineChanged when the routine's dose changed since the recommendation was made,
    or the exercise left it (nothing is saved or logged then), and OSError when the file
    cannot be written.
    """
    current = latest(routine)
    changed = apply(current, rec)
    # apply() also makes the user's version (revision, based_on, no path); save_user_version
    # does that itself, the same way the editor saves, so it gets the change alone.
    change_only = dataclasses.replace(
        changed,
        revision=current.revision,
        based_on=current.based_on,
        builtin=current.builtin,
        path=current.path,
    )
    saved = user_routines.save_and_reload(change_only)
    _log(log, current.id, rec, accepted=True, at=at)
    return saved


def decline(log: DecisionLog | None, routine_id: str, rec: Recommendation, at: datetime) -> None:
    """Log a "not now": the routine stays as it is."""
    _log(log, routine_id, rec, accepted=False, at=at)


def _log(
    log: DecisionLog | None, routine_id: str, rec: Recommendation, *, accepted: bool, at: datetime
) -> None:
    if log is None:
        return
    for change in rec.changes():
        log.record_dose_change(
            routine_id,
            rec.exercise_id,
            change.field,
            change.old,
            change.new,
            accepted=accepted,
            decided_at=at,
            side=rec.side.value if rec.side is not None else None,
            reason=rec.reason,
            session_id=rec.session_id,
        )


def declined_at(rec: Recommendation, changes: Iterable[DoseChange]) -> datetime | None:
    """When the user said "not now" to this very suggestion, else None: the same change of the
    same exercise, following the same session (the same evidence; a later session or rating
    makes another suggestion). `changes`: the routine's logged decisions (one Not now is a
    row per field changed, at one time)."""
    if rec.session_id is None or not rec.changes():
        return None
    wanted = {(c.field, c.old, c.new) for c in rec.changes()}
    answers: dict[datetime, set[tuple[str, float | None, float | None]]] = defaultdict(set)
    for c in changes:
        ours = c.session_id == rec.session_id and c.exercise_id == rec.exercise_id
        if ours and not c.accepted and c.decided_by == "suggestion":
            answers[c.decided_at].add((c.field, c.old_value, c.new_value))
    return next((at for at, fields in answers.items() if fields == wanted), None)


def changed_at(rec: Recommendation, changes: Iterable[DoseChange]) -> datetime | None:
    """When the user already changed this exercise's dose after the suggestion's session (a
    suggestion accepted, or the session's dose kept), else None. That answered whatever the
    session suggested for it, even once the routine went back to its old dose (Reset to
    original): the suggestion is not asked again; a later session is judged anew."""
    if rec.session_id is None:
        return None
    return next(
        (
            c.decided_at
            for c in changes
            if c.accepted and c.session_id == rec.session_id and c.exercise_id == rec.exercise_id
        ),
        None,
    )


def unanswered(
    recs: Iterable[Recommendation], changes: Iterable[DoseChange]
) -> list[Recommendation]:
    """The suggestions that still wait for Accept or Not now: a new dose offered now (not one
    waiting for the morning) that was not declined, nor answered by a dose changed after the
    same session. An accepted one, or a dose kept instead, leaves the routine at another dose,
    and the rules then wait for a session at it."""
    logged = list(changes)
    return [
        rec
        for rec in recs
        if is_offer(rec) and declined_at(rec, logged) is None and changed_at(rec, logged) is None
    ]


def log_kept(
    log: DecisionLog | None,
    routine_id: str,
    changes: list[user_routines.DoseChange],
    at: datetime,
    session_id: int | None = None,
) -> None:
    """Log the doses changed during a session that the user kept for next time."""
    if log is None:
        return
    for change in changes:
        if change.field not in ("hold_s", "reps"):  # a rep range is not a dose the log holds
            continue
        if not isinstance(change.old, int | float) or not isinstance(change.new, int | float):
            continue
        log.record_dose_change(
            routine_id,
            change.exercise_id,
            change.field,
            float(change.old),
            float(change.new),
            accepted=True,
            decided_at=at,
            reason=KEPT_REASON,
            session_id=session_id,
            decided_by="session",
        )

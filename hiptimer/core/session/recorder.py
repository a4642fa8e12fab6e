"""SessionRecorder: one session's engine events as history writes, each made as it happens."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.core.session.dose_adjust import in_force_data
from hiptimer.core.session.events import (
    DoseChanged,
    Event,
    ExerciseSkipped,
    PainChoiceMade,
    PainRated,
    RatingChanged,
    RatingSkipped,
    ResultEntered,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
)
from hiptimer.core.session.session_log import SessionLog
from hiptimer.core.session.steps import Step, StepKind

log = logging.getLogger(__name__)


class SessionSource(Protocol):
    """What the recorder reads of the session engine when the session starts."""

    @property
    def steps(self) -> tuple[Step, ...]: ...
    @property
    def adjustments(self) -> dict[str, list[str]]: ...
    def live_routine(self) -> Routine: ...
    def wall_at(self, mono: float) -> datetime: ...
    def dose(self, exercise_id: str) -> Exercise: ...


def _ignore(problem: str) -> None:
    pass


class SessionRecorder:
    """Writes one session to the history as it runs; hand it every engine event.

    The start (with the doses in use and the sets planned), every set as it completes or
    is skipped, each pain rating and choice at once, and the end. Dose changes made during
    the session travel on the sets' records, and the doses reached are written at each
    change too: one made in a set the app never finished is then not lost. A failing store never stops the session: the
    error is logged and passed to `report`, and the next event is recorded as usual.
    """

    def __init__(
        self,
        history: SessionLog | None,
        engine: SessionSource,
        *,
        session_id: int | None = None,
        known_sets: Mapping[int, int] | None = None,
        report: Callable[[str], None] = _ignore,
    ) -> None:
        """`session_id`: an interrupted session being resumed, recorded into as it is;
        `known_sets`: its sets the engine may still rate (SetRecord.index -> history set id).

        `history` None records nothing (the app runs without history).
        """
        self._history = history
        self._engine = engine
        self._report = report
        self._session_id = session_id
        self._set_ids: dict[int, int] = dict(known_sets or {})  # SetRecord.index -> set id
        self._written: list[datetime] = []  # the latest time written (one at most)

    @property
    def session_id(self) -> int | None:
        """The history's id of this session, once it has one."""
        return self._session_id

    def handle(self, event: Event) -> None:
        """Record what this event changes in the history, if anything; never raises."""
        if self._history is None:
            return
        try:
            self._record(self._history, event)
        except Exception as exc:  # a failing store must not stop the session
            log.exception("The history failed on %s", type(event).__name__)
            self._report(f"The history failed: {exc}")

    def _record(self, history: SessionLog, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self._begin(history, event.routine, self._engine.wall_at(event.at))
            return
        session_id = self._session_id
        if session_id is None:
            return
        if isinstance(event, SetCompleted):
            self._add_set(history, session_id, event.record)
        elif isinstance(event, ExerciseSkipped):
            for record in event.records:
                self._add_set(history, session_id, record)
        elif isinstance(event, RatingSkipped):
            set_id = self._set_ids.get(event.record.index)
            if set_id is not None:
                history.skip_rating(set_id)
        elif isinstance(event, ResultEntered | RatingChanged | PainRated | PainChoiceMade):
            set_id = self._set_ids.get(event.record.index)
            if set_id is not None:
                self._answered(history, set_id, event)
        elif isinstance(event, DoseChanged):
            e = self._engine
            doses = {ex_id: e.dose(ex_id) for ex_id in e.adjustments}
            history.record_doses_now(session_id, in_force_data(doses, e.adjustments))
        elif isinstance(event, SessionEnded):
            # The start plus the monotonic time since (SessionEngine.wall_at), so a wall clock
            # set back or forward meanwhile changes no duration; never before what was written.
            ended = max([self._engine.wall_at(event.at), *self._written])
            history.finish_session(session_id, event.reason.value, ended)

    def _answered(
        self,
        history: SessionLog,
        set_id: int,
        event: ResultEntered | RatingChanged | PainRated | PainChoiceMade,
    ) -> None:
        """A recorded set's result, its rating or the choice above the limit, as answered."""
        record = event.record
        if isinstance(event, ResultEntered):
            history.record_result(set_id, record.result, record.result_unit)
        elif isinstance(event, RatingChanged):  # the rating given stays in the audit trail
            history.correct_pain(
                set_id, record.pain, at=self._engine.wall_at(event.at), source="session"
            )
        elif not (isinstance(event, PainRated) and event.changed):  # changed: a correction
            choice = record.pain_choice
            history.rate_set(set_id, record.pain, choice.value if choice else None)

    def _begin(self, history: SessionLog, routine: Routine, started: datetime) -> None:
        if self._session_id is not None:
            # Resuming: begun by the run that was interrupted; the stop is not its time.
            history.mark_resumed(self._session_id, started)
            return
        live = self._engine.live_routine()
        doses = {ex.id: exercise_to_data(ex) for ex in live.active_exercises}
        planned = sum(1 for step in self._engine.steps if step.kind is StepKind.WORK)
        self._written.append(started)
        self._session_id = history.begin_session(
            routine.id, routine.title, routine.revision, doses, started,
            sets_planned=planned,
        )  # fmt: skip

    def _add_set(self, history: SessionLog, session_id: int, record: SetRecord) -> None:
        self._set_ids[record.index] = history.add_set(session_id, record)
        self._written[:] = [max([*self._written, record.ended_at])]

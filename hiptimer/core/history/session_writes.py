"""A session's life as the history store writes it: its start, each set and its rating, its
end, the next morning's check-in, and a resumption or a partial end after an interruption."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from hiptimer.core.history import writes
from hiptimer.core.history.queries import RESULT_COLUMNS, SET_COLUMNS, StoredSet
from hiptimer.core.history.records import to_db_time
from hiptimer.core.history.writes import Ref, check_in, check_score
from hiptimer.core.session.events import SetRecord

# Whether the session recorded this set (exercise, side, set number) already (see queries).
_TRIED_BEFORE = (
    "EXISTS (SELECT 1 FROM sets WHERE session_id = ? AND exercise_id = ? AND side IS ?"
    " AND set_number = ?)"
)

# When an unfinished session (the row `sessions`) last ran, as a time and as a julian day: its
# last set's end, its last resumption or its start, whichever is latest.
_LAST_RAN = (
    "SELECT t FROM (SELECT ended_at AS t FROM sets WHERE session_id = sessions.id"
    " UNION ALL SELECT sessions.resumed_at UNION ALL SELECT sessions.started_at)"
    " WHERE julianday(t) IS NOT NULL ORDER BY julianday(t) DESC LIMIT 1"
)
_LAST_RAN_DAY = f"julianday(({_LAST_RAN}))"

# An ended session's doses_now_json: the offer to keep the doses it reached. The key has a
# space, so it can never be an exercise id; a session ended twice is wrapped once.
TO_KEEP = "to keep"
_OFFERED = (
    "CASE WHEN end_reason IS NOT NULL OR doses_now_json IS NULL THEN doses_now_json"
    f" ELSE '{{\"{TO_KEEP}\": ' || doses_now_json || '}}' END"
)


class SessionWrites:
    """The sessions and sets rows HistoryStore writes; it supplies `_ref`, `_new_row` and
    `_update`."""

    def _ref(self, row_id: int | None) -> int | Ref | None:
        raise NotImplementedError

    def _new_row(self, what: str, sql: str, params: tuple[Any, ...], kind: str = "") -> int:
        raise NotImplementedError

    def _update(self, what: str, sql: str, *params: Any, kind: str = "") -> None:
        raise NotImplementedError

    def begin_session(
        self,
        routine_id: str,
        routine_title: str,
        routine_revision: int,
        doses: dict[str, Any],
        started_at: datetime,
        *,
        sets_planned: int | None = None,
    ) -> int:
        """Record the start of a session with the doses in use; returns the session id."""
        return self._new_row(
            f"start of a {routine_id} session at {to_db_time(started_at)}",
            "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, doses_json,"
            " sets_planned, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                routine_id,
                routine_title,
                routine_revision,
                json.dumps(doses),  # in the routine's order: a resumed session keeps it
                sets_planned,
                to_db_time(started_at),
            ),
        )

    def add_set(self, session_id: int, record: StoredSet | SetRecord) -> int:
        """Record one finished (or ended-early, or skipped) set; returns the set id.

        Takes the store's StoredSet or the engine's (from a SetCompleted event) as it is.
        A set never ends before it began, and no duration is stored below zero.
        """
        check_in("side", record.side, writes.SIDES)
        check_score("pain", record.pain)
        check_in("pain_choice", record.pain_choice, writes.PAIN_CHOICES)
        session = self._ref(session_id)
        return self._new_row(
            f"set {record.exercise_id} {record.set_number} of session {session_id}",
            f"INSERT INTO sets (id, session_id, seq, {SET_COLUMNS}, {RESULT_COLUMNS},"
            " tried_before) VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM sets"
            " WHERE session_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            f" {_TRIED_BEFORE})",
            (
                session,
                session,
                record.exercise_id,
                record.exercise_name,
                record.set_number,
                to_db_time(record.started_at),
                to_db_time(max(record.ended_at, record.started_at)),
                record.side,
                writes.not_negative(record.planned_hold_s),
                writes.not_negative(record.actual_hold_s),
                record.planned_reps,
                record.actual_reps,
                int(record.completed),
                int(record.skipped),
                record.pain,
                record.pain_choice,
                record.adjustment or None,
                record.result,
                record.result_unit or None,
                session,
                record.exercise_id,
                record.side,
                record.set_number,
            ),
            kind=writes.SET,
        )

    def record_doses_now(self, session_id: int, doses_now: dict[str, Any]) -> None:
        """Record the doses the session has reached (+, - and Lower so far; see
        hiptimer.core.session.dose_adjust.in_force_data) the moment one changes: a set the app
        never finished is done again at them when the session is resumed."""
        self._update(
            f"dose change in session {session_id}",
            "UPDATE sessions SET doses_now_json = ? WHERE id = ?",
            *(json.dumps(doses_now, sort_keys=True), self._ref(session_id)),
        )

    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None:
        """Record the pain rating given after a set, and the choice made if it was high."""
        check_score("pain", pain)
        check_in("choice", choice, writes.PAIN_CHOICES)
        self._update(
            f"rating of set {set_id}",
            "UPDATE sets SET pain = ?, pain_choice = ?, pain_skipped = 0 WHERE id = ?",
            *(pain, choice, self._ref(set_id)),
            kind=writes.RATING,
        )

    def skip_rating(self, set_id: int) -> None:
        """The user went on without a rating (K): the set is not asked about again on resuming."""
        self._update(
            f"no rating of set {set_id}",
            "UPDATE sets SET pain = NULL, pain_choice = NULL, pain_skipped = 1 WHERE id = ?",
            self._ref(set_id),
            kind=writes.NO_RATING,
        )

    def finish_session(
        self, session_id: int, end_reason: str, ended_at: datetime, note: str | None = None
    ) -> None:
        """Record how and when a session ended; a note of None leaves the note as it is.

        A session never ends before it started (a wall clock set back meanwhile). Its doses
        now (record_doses_now) become the offer to keep them, {TO_KEEP: doses now}, until the
        user answers it (answer_doses_offer): an ended session is never resumed, and a
        HipTimer killed on the summary must ask again (hiptimer.core.dosing.doses_to_keep).
        """
        check_in("end_reason", end_reason, writes.END_REASONS)
        self._update(
            f"end of session {session_id}",
            "UPDATE sessions SET end_reason = ?1, ended_at = CASE WHEN julianday(?2)"
            " < julianday(started_at) THEN started_at ELSE ?2 END, note = coalesce(?3, note),"
            f" doses_now_json = {_OFFERED} WHERE id = ?4",
            *(end_reason, to_db_time(ended_at), note, self._ref(session_id)),
        )

    def answer_doses_offer(self, session_id: int) -> None:
        """The user answered the offer to keep an ended session's doses (Keep or Not now):
        it is not made again."""
        self._update(
            f"answer to keep the doses of session {session_id}",
            "UPDATE sessions SET doses_now_json = NULL WHERE id = ? AND end_reason IS NOT NULL",
            self._ref(session_id),
        )

    def record_morning(
        self, session_id: int, pain: int | None, stiffness: int | None, at: datetime
    ) -> None:
        """Record the next-morning check-in (pain and stiffness, 0-10) for a session."""
        check_score("morning pain", pain)
        check_score("morning stiffness", stiffness)
        self._update(
            f"morning check-in of session {session_id}",
            "UPDATE sessions SET morning_pain = ?, morning_stiffness = ?, morning_at = ?"
            " WHERE id = ?",
            *(pain, stiffness, to_db_time(at), self._ref(session_id)),
        )

    def mark_resumed(self, session_id: int, at: datetime) -> None:
        """An unfinished session goes on at `at`: the time since it last ran is a stop, left
        out of its time (`stopped_s`). It last ran at its last set's end, or at its previous
        resumption if no set ended since (killed again before one: measured from the set, the
        first stop was counted twice), or at its start."""
        self._update(
            f"resumption of session {session_id}",
            "UPDATE sessions SET stopped_s = stopped_s + max(0.0, 86400.0 * (julianday(?1)"
            f" - {_LAST_RAN_DAY})), resumed_at = CASE WHEN julianday(resumed_at) > julianday(?1)"
            " THEN resumed_at ELSE ?1 END WHERE id = ?2 AND end_reason IS NULL",
            *(to_db_time(at), self._ref(session_id)),
        )

    def mark_partial(self, session_id: int) -> None:
        """Close an unfinished session as 'partial', ending it when it last ran (its last
        set's end, or its resumption if later: mark_resumed left the time since out); its
        doses now go, as finish_session's."""
        self._update(
            f"partial end of session {session_id}",
            f"UPDATE sessions SET end_reason = 'partial', ended_at = ({_LAST_RAN}),"
            " doses_now_json = NULL WHERE id = ? AND end_reason IS NULL",
            self._ref(session_id),
        )

"""Corrections with an audit trail: a rating, a note, a session's mark or its next-morning
check-in changed afterwards.

The changed value takes the old one's place in its row, so every query, export and dose
suggestion uses it; the row in `corrections` keeps what it was, what it became, when, why
and where it was changed. Both are written in one transaction, and a change that changes
nothing writes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hiptimer.core.history.records import to_db_time
from hiptimer.core.history.writes import Ref, Write, check_in, check_score

SOURCES = ("session", "history")  # the pain screen right after rating; History later on
_AUDIT = (
    "INSERT INTO corrections (session_id, set_id, field, old_value, new_value, reason, source,"
    " corrected_at)"
)


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


class CorrectionWrites:
    """What HistoryStore writes to a set or session after it was recorded (corrections, and
    a re-test's typed result); the store supplies `_ref` and `_submit`."""

    def _ref(self, row_id: int | None) -> int | Ref | None:
        raise NotImplementedError

    def _submit(self, write: Write) -> None:
        raise NotImplementedError

    def correct_pain(
        self,
        set_id: int,
        pain: int | None,
        *,
        at: datetime,
        source: str = "history",
        reason: str = "",
    ) -> None:
        """Change (or, with None, remove) a set's rating, keeping the old one in the trail.
        A rating removed is recorded as left unrated on purpose (`pain_skipped`), as K does
        in a session: resuming does not ask for it again. A rating given clears that."""
        check_score("pain", pain)
        check_in("source", source, SOURCES)
        ref = self._ref(set_id)
        audit: tuple[Any, ...] = (_text(pain), reason, source, to_db_time(at), ref, pain)
        self._submit(
            Write(
                f"pain correction of set {set_id}",
                f"{_AUDIT} SELECT session_id, id, 'pain', CAST(pain AS TEXT), ?, ?, ?, ?"
                " FROM sets WHERE id = ? AND pain IS NOT ?",
                audit,
                more=(
                    (
                        "UPDATE sets SET pain = ?, pain_skipped = ? WHERE id = ?",
                        (pain, int(pain is None), ref),
                    ),
                ),
            )
        )

    def correct_morning(
        self,
        session_id: int,
        pain: int | None,
        stiffness: int | None,
        *,
        at: datetime,
        reason: str = "",
    ) -> None:
        """Change a session's next-morning check-in (None: no score), keeping each score that
        changes in the trail. A session with no check-in has nothing to correct: unchanged.

        One check-in is written to every session of the day before (the same `morning_at`),
        so it changes on each of them, each session's trail keeping its own scores: it stays
        one check-in, which the charts count once (series.morning_series)."""
        check_score("morning pain", pain)
        check_score("morning stiffness", stiffness)
        ref = self._ref(session_id)
        same = "morning_at = (SELECT morning_at FROM sessions WHERE id = ?)"
        trail = tuple(
            (
                f"{_AUDIT} SELECT id, NULL, '{column}', CAST({column} AS TEXT), ?, ?, 'history', ?"
                f" FROM sessions WHERE {same} AND {column} IS NOT ? ORDER BY id",
                (_text(value), reason, to_db_time(at), ref, value),
            )
            for column, value in (("morning_pain", pain), ("morning_stiffness", stiffness))
        )
        # The trail is read before the scores are replaced: it runs first.
        (first, first_params), *rest = [
            *trail,
            (
                f"UPDATE sessions SET morning_pain = ?, morning_stiffness = ? WHERE {same}",
                (pain, stiffness, ref),
            ),
        ]
        self._submit(
            Write(f"check-in of session {session_id}", first, first_params, more=tuple(rest))
        )

    def record_result(self, set_id: int, value: float | None, unit: str) -> None:
        """A re-test's result typed in after its set (None: none given)."""
        self._submit(
            Write(
                f"result of set {set_id}",
                "UPDATE sets SET result = ?, result_unit = ? WHERE id = ?",
                (value, unit or None, self._ref(set_id)),
            )
        )

    def set_note(self, session_id: int, text: str, *, at: datetime | None = None) -> None:
        """Write the session's note. Changing a note that was written (`at`: when) keeps
        the earlier text in the trail; a first note is just the note."""
        ref = self._ref(session_id)
        more: tuple[tuple[str, tuple[Any, ...]], ...] = ()
        if at is not None:
            more = (
                (
                    f"{_AUDIT} SELECT id, NULL, 'note', note, ?, '', 'history', ?"
                    " FROM sessions WHERE id = ? AND note != '' AND note != ?",
                    (text, to_db_time(at), ref, text),
                ),
            )
        # The trail is read before the note is replaced: it runs first.
        first, *rest = [*more, ("UPDATE sessions SET note = ? WHERE id = ?", (text, ref))]
        self._submit(Write(f"note of session {session_id}", first[0], first[1], more=tuple(rest)))

    def mark_representative(
        self, session_id: int, representative: bool, *, at: datetime, reason: str = ""
    ) -> None:
        """Mark a session as not representative (left out of pain figures and dose
        suggestions), or take the mark back; `reason`: the user's words, kept in the trail."""
        ref = self._ref(session_id)
        flag = 0 if representative else 1
        self._submit(
            Write(
                f"mark of session {session_id}",
                f"{_AUDIT} SELECT id, NULL, 'not_representative',"
                " CAST(not_representative AS TEXT), ?, ?, 'history', ?"
                " FROM sessions WHERE id = ? AND not_representative != ?",
                (str(flag), reason, to_db_time(at), ref, flag),
                more=(("UPDATE sessions SET not_representative = ? WHERE id = ?", (flag, ref)),),
            )
        )

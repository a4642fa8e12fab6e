"""The CSV export of the history: one line per set (its columns: csv_columns.py), times in
local ISO 8601 with the offset."""

from __future__ import annotations

import csv
import io
import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple, TextIO

from hiptimer.core.history.csv_columns import CSV_HEADER
from hiptimer.core.history.local_times import LocalTimes
from hiptimer.core.history.outcome import attempt_outcome, best_attempts, count_outcomes
from hiptimer.core.history.repair import emptied_values

# The set columns, in CSV order. A duration is never negative, whatever the file holds
# (max() of NULL is NULL). side, completed, skipped, pain and pain_choice come as one
# number (_CODE) that the tables below turn into text: each value fetched from SQLite
# costs about 0.1 us, a fifth of the ten-year export went on fetching. The schema's CHECKs,
# and the repair at every start (hiptimer.core.history.repair), allow only these values
# there. The other columns go through a cache per column type.
_CHOICES = ("", "stop", "lower", "continue")
_SIDES = ("", "right", "left")
_CODE = (
    "t.completed + 2 * t.skipped + 4 * ifnull(t.pain + 1, 0) + 48 * CASE t.pain_choice"
    " WHEN 'stop' THEN 1 WHEN 'lower' THEN 2 WHEN 'continue' THEN 3 ELSE 0 END"
    " + 192 * CASE t.side WHEN 'right' THEN 1 WHEN 'left' THEN 2 ELSE 0 END"
)
_SETS_SQL = (
    "SELECT t.exercise_id, t.exercise_name, t.set_number, max(t.planned_hold_s, 0.0),"
    f" max(t.actual_hold_s, 0.0), t.planned_reps, t.actual_reps, {_CODE}, t.adjustment,"
    " t.started_at, t.ended_at FROM sessions AS s JOIN sets AS t ON t.session_id = s.id"
    " WHERE {where} ORDER BY s.started_at, s.id, t.seq"
)
# The sessions in the same order, each with how many rows it has there (they are split by
# count: a session id on every row cost as much again as its use), whether a set was tried
# again, and whether it has a re-test result (the partial index sets_with_result answers).
# The session's time as SessionSummary.duration_s has it (History, the list), to the second.
TIME_S_SQL = (
    "CAST(max(0, round(86400 * (julianday(coalesce(s.ended_at, (SELECT max(ended_at) FROM sets"
    " WHERE session_id = s.id))) - julianday(s.started_at)) - s.stopped_s)) AS INTEGER)"
)
_SESSIONS_SQL = (
    "SELECT s.id, s.started_at, s.routine_id, s.routine_title, s.note, s.end_reason,"
    " s.sets_planned, s.morning_pain, s.morning_stiffness, s.morning_at, s.not_representative,"
    " EXISTS (SELECT 1 FROM sets WHERE session_id = s.id AND tried_before = 1),"
    " (SELECT count(*) FROM sets WHERE session_id = s.id),"
    " EXISTS (SELECT 1 FROM sets WHERE session_id = s.id AND result IS NOT NULL),"
    f" s.ended_at, {TIME_S_SQL}"
    " FROM sessions AS s WHERE {where} ORDER BY s.started_at, s.id"
)
# Only for a session with a result or a changed rating: its sets' ids, results and units (a
# unit only beside a result: a re-test ended early has neither, as docs/history.md says).
_EXTRAS_SQL = (
    "SELECT id, result, iif(result IS NULL, NULL, result_unit) FROM sets"
    " WHERE session_id = ? ORDER BY seq"
)
# Corrections are few (a handful a month): read once, looked up by set and by session.
_CORRECTIONS_SQL = (
    "SELECT session_id, set_id, field, old_value, new_value, reason, corrected_at"
    " FROM corrections ORDER BY corrected_at, id"
)
_CHUNK = 2000  # lines joined into one write
# By the code: each row's outcome (as hiptimer.core.history.outcome says), its side, and
# its fields from completed to pain_choice.
_OUTCOMES = {c + 2 * s: attempt_outcome(c == 1, s == 1) for c in (0, 1) for s in (0, 1)}
_CODES = [
    (flags + 4 * pain + 48 * choice + 192 * side, side, f"{flags & 1},{flags >> 1},", pain, choice)
    for side in range(3) for choice in range(4) for pain in range(12) for flags in range(4)
]  # fmt: skip
_SIDE_OF = {code: _SIDES[side] for code, side, *_ in _CODES}
_OUTCOME_OF = {code: _OUTCOMES[code & 3] for code, *_ in _CODES}
_VALUE_OF = {code: o.value for code, o in _OUTCOME_OF.items()}  # .value is a slow lookup
_FLAGS_OF = {
    code: f"{flags}{'' if pain == 0 else pain - 1},{_CHOICES[choice]}"
    for code, _side, flags, pain, choice in _CODES
}
_UNCHANGED = ("", "")
_FIRST = "\0not changed"  # no correction of this check-in score yet (a score is digits)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
# routine name such as '=HYPERLINK(...)' must reach the clinician as text. OWASP's advice:
# put a single quote in front. Numbers are written as numbers, so -1 stays -1.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_PLAIN = re.compile(r'[^,"\r\n]*').fullmatch  # text csv.writer writes as it is


def safe_text(value: object) -> object:
    """`value`, with a quote in front where a spreadsheet would read text as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_field(value: object) -> str:
    """One field exactly as csv.writer writes it (quoted when needed, None as empty).

    Text that a spreadsheet would run as a formula gets a quote in front (`safe_text`).
    """
    # The common cases without a csv.writer: a writer per field took 2.5 us, and a session
    # has twenty of its own fields (0.15 s of the ten-year export). Text needs quotes only
    # with the delimiter, the quote or a line end in it (QUOTE_MINIMAL).
    if value is None:
        return ""
    if type(value) is int:
        return str(value)
    if type(value) is str and not value.startswith(FORMULA_STARTS) and _PLAIN(value):
        return value
    value = safe_text(value)
    out = io.StringIO(newline="")
    # Two fields, as a lone "" is written quoted; the line end decides what needs quotes.
    csv.writer(out).writerow([value, ""])
    return out.getvalue()[:-3]


class _Session(NamedTuple):
    id: int
    head: str  # the CSV text before the set columns
    note: str  # the note field, after them
    planned: int | None
    tail: list[Any]  # session_end, then (after the counts) the morning and the corrections
    tried: int  # 1 if a set was tried more than once (after Back), else 0
    rows: int  # its sets (rows of _SETS_SQL)
    extras: bool  # a result, a changed rating or an emptied value: read _EXTRAS_SQL for it
    last: str  # the fields after the set columns: the check-in's corrections
    ending: str  # the fields after `unreadable`: the session's end and its time


class _Corrections:
    """The audit trail as the CSV shows it: per set, the rating first given and when it was
    last changed; per session, the note's, the reason of the mark, and the check-in's."""

    def __init__(self, conn: sqlite3.Connection, times: LocalTimes) -> None:
        self.pain: dict[int, tuple[str | None, str]] = {}
        self.pain_sessions: set[int] = set()
        self.note: dict[int, tuple[str | None, str]] = {}
        self.reason: dict[int, str] = {}
        # Per session: the morning pain and stiffness first given, and when last changed.
        self.morning: dict[int, tuple[str | None, str | None, str]] = {}
        for sid, set_id, field, old, new, reason, at in conn.execute(_CORRECTIONS_SQL):
            when = times.local(at)
            if field == "pain":
                self.pain[set_id] = (self.pain.get(set_id, (old, ""))[0], when)
                self.pain_sessions.add(sid)
            elif field == "note":
                self.note[sid] = (self.note.get(sid, (old, ""))[0], when)
            elif field == "not_representative":
                self.reason[sid] = reason if new == "1" else ""
            elif field in ("morning_pain", "morning_stiffness"):
                pain, stiffness, _when = self.morning.get(sid, (_FIRST, _FIRST, ""))
                if field == "morning_pain" and pain is _FIRST:
                    pain = old
                elif field == "morning_stiffness" and stiffness is _FIRST:
                    stiffness = old
                self.morning[sid] = (pain, stiffness, when)

    def morning_fields(self, sid: int) -> str:
        """',6,4,2025-03-05T10:00:00+01:00' for a changed check-in, else ',,,'."""
        pain, stiffness, when = self.morning.get(sid, (None, None, ""))
        given = [None if v is _FIRST else v for v in (pain, stiffness)]
        return "".join("," + csv_field(v) for v in (*given, when))


def _sessions(
    conn: sqlite3.Connection, times: LocalTimes, corrections: _Corrections, where: str,
    params: list[Any], kept_in: set[int],
) -> Iterator[_Session]:  # fmt: skip
    """The sessions in range in the order of _SETS_SQL, with their CSV fields around the set
    columns."""
    local = times.local
    for row in conn.execute(_SESSIONS_SQL.format(where=where), params):
        (sid, started, routine_id, title, note, end, planned, m_pain, m_stiff, m_at, aside,
         tried, rows, results, ended, time_s) = row  # fmt: skip
        as_written, changed = corrections.note.get(sid, (None, None))
        yield _Session(
            sid,
            "".join(csv_field(value) + "," for value in (sid, local(started), routine_id, title)),
            csv_field(note),
            planned,
            [end, m_pain, m_stiff, m_at and local(m_at), aside,
             corrections.reason.get(sid) if aside else None, as_written, changed],
            tried,
            rows,
            bool(results) or sid in corrections.pain_sessions or sid in kept_in,
            corrections.morning_fields(sid),
            f",{csv_field(ended and local(ended))},{csv_field(time_s)}",
        )  # fmt: skip


def write_csv(conn: sqlite3.Connection, target: TextIO, where: str, params: list[Any]) -> int:
    """Write the header and a line per set of the sessions matching `where`; returns the sets.

    Each line is what csv.writer would write for the row (minimal quoting, CRLF), but put
    together from pieces: csv.writer.writerows on the rows of ten years (200,000 sets)
    took 0.55 s of the 1 s an export may take (bench/history_scale.py, 2 cores), before a
    single time was converted, as it works character by character. Where the ten-year
    export's time goes (0.9 s in all): fetching the rows 0.4 s, putting the lines together
    0.4 s (half of it the times), writing the file 0.1 s. Every query reads one snapshot
    (one read transaction): a session recorded meanwhile by another HipTimer cannot make
    the sessions and their sets disagree.
    """
    csv.writer(target).writerow(CSV_HEADER)
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        return _write_lines(conn, target, where, params)
    finally:
        if began and conn.in_transaction:
            conn.execute("COMMIT")


def _write_lines(conn: sqlite3.Connection, target: TextIO, where: str, params: list[Any]) -> int:
    times = LocalTimes()
    corrections = _Corrections(conn, times)
    # Sets kept with an unreadable value emptied (hiptimer.core.history.repair): a handful.
    emptied = emptied_values(conn)
    unreadable = {set_id: ";".join(gone) for set_id, (_sid, gone) in emptied.items()}
    kept_in = {sid for sid, _gone in emptied.values()}
    sessions = list(_sessions(conn, times, corrections, where, params, kept_in))
    lines = _line_maker(times, corrections.pain, unreadable)
    cursor = conn.execute(_SETS_SQL.format(where=where), params)
    count = 0
    chunk: list[str] = []
    for session in sessions:
        if not session.rows:
            continue
        rows = cursor.fetchmany(session.rows)
        extras = conn.execute(_EXTRAS_SQL, (session.id,)).fetchall() if session.extras else None
        count += len(rows)
        chunk += lines(session, rows, extras)
        if len(chunk) >= _CHUNK:
            target.write("".join(chunk))
            chunk = []
    target.write("".join(chunk))
    return count


_Extras = list[tuple[int, float | None, str | None]]  # a row's set id, result and unit
_NO_EXTRAS = (None, None, None)


def _line_maker(
    times: LocalTimes, pain_trail: dict[int, tuple[str | None, str]], unreadable: dict[int, str]
) -> Callable[[_Session, list[tuple[Any, ...]], _Extras | None], list[str]]:
    """The CSV lines of one session's rows of _SETS_SQL; a field that repeats is rendered once.

    A session's rows come together: the outcome of a set done more than once, and the
    session's counts, need all of them (hiptimer.core.history.outcome).
    """
    local = times.local
    whole_hours = times.whole_hours
    # Each distinct value rendered once, by column type (1 and 1.0 are one key; SQLite's
    # column affinity keeps them apart within a column). Plain dicts: a lookup in a dict
    # subclass with __missing__ is slower, so a value not seen before is added on KeyError.
    text: dict[Any, str] = {}
    whole: dict[Any, str] = {}
    real: dict[Any, str] = {}

    def learn(values: tuple[Any, ...]) -> None:
        learnt = False
        for cache, columns in ((text, (0, 1, 8, 12)), (whole, (2, 5, 6)), (real, (3, 4, 11))):
            for i in columns:
                if values[i] not in cache:
                    cache[values[i]] = csv_field(values[i])
                    learnt = True
        if not learnt:  # not a value the repair at start lets through: never loop on it
            raise ValueError(f"set {values[0]!r} {values[2]}: side, pain or flags out of range")

    def lines(session: _Session, rows: list[tuple[Any, ...]], extras: _Extras | None) -> list[str]:
        if session.tried:  # a set tried more than once: its best try counts
            keyed = [((r[0], r[2], _SIDE_OF[r[7]]), _OUTCOME_OF[r[7]]) for r in rows]
            decides = set(best_attempts(keyed).values())
            counted = ["1" if i in decides else "0" for i in range(len(rows))]
            outcomes = [keyed[i][1] for i in sorted(decides)]
        else:  # each set once: every row counts (most sessions; 250,000 rows in ten years)
            counted = ["1"] * len(rows)
            outcomes = [_OUTCOME_OF[r[7]] for r in rows]
        counts = count_outcomes(outcomes, session.planned)
        end, *rest = session.tail
        tail = ",".join(
            csv_field(v)
            for v in (
                end, counts.planned if session.planned is not None else None, counts.done,
                counts.partly_done, counts.skipped, counts.not_reached, *rest,
            )
        )  # fmt: skip
        head, note, last = session.head, session.note, session.last
        out: list[str] = []
        append = out.append
        # The fields from the note to the result of a row that counts and whose rating was
        # not changed, by its (completed, skipped) flags.
        after = [f"{note},{_VALUE_OF[flags]},1,,,{tail}," for flags in range(4)]
        # zip stops at the rows: the extras of a plain session repeat "none" for each.
        more = extras if extras is not None else itertools.repeat(_NO_EXTRAS)
        for row, count, (set_id, result, unit) in zip(rows, counted, more, strict=False):
            (ex, name, number, hold, held, reps, done, code, adjustment, started, ended) = row
            # The times of a whole-hour offset inline (local() for the others): a method call
            # for each of 500,000 times took a fifth of the export.
            hour = whole_hours[started[:13]]
            if hour is None or started[19:] != "+00:00":
                started = local(started)
            else:
                started = f"{hour[0]}{started[13:19]}{hour[1]}"
            hour = whole_hours[ended[:13]]
            if hour is None or ended[19:] != "+00:00":
                ended = local(ended)
            else:
                ended = f"{hour[0]}{ended[13:19]}{hour[1]}"
            if count == "1" and set_id not in pain_trail:
                rest_of_line = after[code & 3]
            else:
                as_given, changed = (
                    _UNCHANGED if set_id is None else pain_trail.get(set_id, _UNCHANGED)
                )
                # The rating as given is the audit trail's text: another tool may have
                # written anything there, so it is a field like the others.
                rest_of_line = (
                    f"{note},{_VALUE_OF[code]},{count},{csv_field(as_given)},{changed},{tail},"
                )
            while True:
                try:
                    append(
                        f"{head}{text[ex]},{text[name]},{_SIDE_OF[code]},{whole[number]},"
                        f"{real[hold]},{real[held]},{whole[reps]},{whole[done]},"
                        f"{_FLAGS_OF[code]},{text[adjustment]},{started},{ended},"
                        f"{rest_of_line}{real[result]},{text[unit]}{last},"
                        f"{unreadable.get(set_id, '') if set_id is not None else ''}"
                        f"{session.ending}\r\n"
                    )
                    break
                except KeyError:
                    learn((*row, result, unit))
        return out

    return lines

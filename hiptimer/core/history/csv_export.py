"""The CSV export of the history: one line per set, times in local ISO 8601 with the offset."""

from __future__ import annotations

import csv
import io
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any, NamedTuple, TextIO

from hiptimer.core.history.outcome import attempt_outcome, best_attempts, count_outcomes

# One row per set. (name, meaning) pairs: the header and the documentation in one place.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("session_id", "Number of the session (the same for every set of one session)"),
    ("session_started", "When the session started: ISO 8601 local time with UTC offset"),
    ("routine_id", "Identifier of the routine"),
    ("routine_title", "Title of the routine when the session was done"),
    ("exercise_id", "Identifier of the exercise within the routine"),
    ("exercise", "Name of the exercise when the session was done"),
    ("side", "'right', 'left', or empty for exercises without sides"),
    ("set_number", "Set number within the exercise, from 1"),
    ("planned_hold_s", "Planned hold in seconds (hold exercises), else empty"),
    ("actual_hold_s", "Seconds actually held, else empty"),
    ("planned_reps", "Planned repetitions (rep exercises), else empty"),
    ("actual_reps", "Repetitions actually done, else empty"),
    ("completed", "1 if the set was done in full, 0 if it was ended early or skipped"),
    ("skipped", "1 if the set was skipped, else 0"),
    ("pain", "Pain rating after the set, 0 (none) to 10 (worst), empty if not rated"),
    ("pain_choice", "What was chosen after a pain warning: 'stop', 'lower', 'continue' or empty"),
    ("adjustment", "Quick dose adjustments in force, e.g. 'hold 30 -> 35 s', or empty"),
    ("set_started", "When the set started: ISO 8601 local time with UTC offset"),
    ("set_ended", "When the set ended: ISO 8601 local time with UTC offset"),
    ("session_note", "The note written for the session, or empty"),
    ("outcome", "This attempt: 'done' (in full), 'partly_done' (ended early) or 'skipped'"),
    ("counted", "1 on the one row per set that decides its outcome (the best attempt), else 0"),
    ("pain_as_given", "The rating first given, when it was changed later, else empty"),
    ("pain_changed_at", "When the rating was last changed (ISO 8601 local), else empty"),
    (
        "session_end",
        "How the session ended: completed, ended_early, interrupted, partial, or empty",
    ),
    ("sets_planned", "Sets the session was to have, if known"),
    ("sets_done", "Of those, done in full (each set once)"),
    ("sets_partly_done", "Begun and ended early"),
    ("sets_skipped", "Skipped"),
    ("sets_not_reached", "Not reached: the session ended before them"),
    ("morning_pain", "Pain at the next-morning check-in, 0-10, or empty"),
    ("morning_stiffness", "Stiffness at the next-morning check-in, 0-10, or empty"),
    ("morning_at", "When the check-in was given (ISO 8601 local), or empty"),
    ("not_representative", "1 if the user marked the session as not representative, else 0"),
    ("not_representative_reason", "The reason given with that mark, or empty"),
    ("note_as_written", "The note as first written, when it was changed later, else empty"),
    ("note_changed_at", "When the note was last changed (ISO 8601 local), else empty"),
    (
        "result",
        "A re-test's result (movements counted, seconds held, a value measured), else empty",
    ),
    ("result_unit", "The result's unit: 's' for seconds, else the routine's (e.g. 'stands', 'cm')"),
)

# The set columns, in CSV order. A duration is never negative, whatever the file holds
# (max() of NULL is NULL). side, completed, skipped, pain and pain_choice go into the
# line as they are (the schema's CHECKs allow only numbers or fixed words there); the others
# through a _Fields cache per column type.
_SETS_SQL = (
    "SELECT s.id, t.exercise_id, t.exercise_name, ifnull(t.side, ''), t.set_number,"
    " max(t.planned_hold_s, 0.0), max(t.actual_hold_s, 0.0), t.planned_reps, t.actual_reps, t.completed, t.skipped,"
    " ifnull(t.pain, ''), ifnull(t.pain_choice, ''), t.adjustment, t.started_at, t.ended_at, t.id,"
    " t.result, t.result_unit, t.tried_before"
    " FROM sessions AS s JOIN sets AS t ON t.session_id = s.id"
    " WHERE {where} ORDER BY s.started_at, s.id, t.seq"
)
_SESSIONS_SQL = (
    "SELECT s.id, s.started_at, s.routine_id, s.routine_title, s.note, s.end_reason,"
    " s.sets_planned, s.morning_pain, s.morning_stiffness, s.morning_at, s.not_representative"
    " FROM sessions AS s WHERE {where}"
)
# Corrections are few (a handful a month): read once, looked up by set and by session.
_CORRECTIONS_SQL = (
    "SELECT session_id, set_id, field, old_value, new_value, reason, corrected_at"
    " FROM corrections ORDER BY corrected_at, id"
)
_CHUNK = 2000  # lines joined into one write
# Each row's outcome by its (completed, skipped) flags, as hiptimer.core.history.outcome says.
_OUTCOMES = {(c, s): attempt_outcome(c == 1, s == 1) for c in (0, 1) for s in (0, 1)}
_VALUES = {o: o.value for o in _OUTCOMES.values()}  # an enum's .value is a slow lookup
_UNCHANGED = ("", "")

_Hour = tuple[int, str, str, str]  # minutes to add, local hour, the hour after it, offset


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
# routine name such as '=HYPERLINK(...)' must reach the clinician as text. OWASP's advice:
# put a single quote in front. Numbers are written as numbers, so -1 stays -1.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """`value`, with a quote in front where a spreadsheet would read text as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_field(value: object) -> str:
    """One field exactly as csv.writer writes it (quoted when needed, None as empty).

    Text that a spreadsheet would run as a formula gets a quote in front (`safe_text`).
    """
    value = safe_text(value)
    out = io.StringIO(newline="")
    # Two fields, as a lone "" is written quoted; the line end decides what needs quotes.
    csv.writer(out).writerow([value, ""])
    return out.getvalue()[:-3]


class _Fields(dict[Any, str]):
    """Each distinct value of a column rendered once by csv.writer.

    Use one per column type: 1 and 1.0 are the same key. SQLite's column affinity keeps
    them apart within one column (an INTEGER column turns 1.0 into 1, a REAL one 1 into 1.0).
    """

    def __missing__(self, value: Any) -> str:
        self[value] = text = csv_field(value)
        return text


def _local_iso(text: str) -> str:
    return datetime.fromisoformat(text).astimezone().isoformat(timespec="seconds")


class LocalTimes(dict[str, "_Hour | None"]):
    """Stored UTC times as local time with offset, the offset worked out once per UTC hour.

    A stored time looks like '2025-03-30T00:59:30+00:00' (to_db_time). Keyed by its first
    13 characters, each hour holds what to add to the minutes (0 unless the offset has
    minutes, as +05:30 or -03:30), the local hour as text before and after the minutes carry
    over, and the offset. Anything else goes through datetime: times in another form, and
    hours whose offset differs between their first and last second (a DST change on the
    half hour, as Adelaide's at 16:30 UTC) or has seconds (local mean time before ~1900).
    That assumes the offset does not change and change back within one hour.
    The offset comes from datetime.astimezone(), so it follows TZ as of time.tzset().
    """

    def __missing__(self, key: str) -> _Hour | None:
        try:
            start = datetime.fromisoformat(key + ":00:00+00:00")
        except ValueError:
            hour = None  # not a time: the fallback raises the error
        else:
            hour = _hour(start)
        self[key] = hour
        return hour

    def local(self, text: str) -> str:
        """'2025-03-30T01:00:30+00:00' -> '2025-03-30T03:00:30+02:00' in Europe/Berlin."""
        hour = self[text[:13]]
        if hour is None or text[19:] != "+00:00":
            return _local_iso(text)
        shift, head, next_head, offset = hour
        if not shift:
            return f"{head}{text[13:19]}{offset}"
        minute = int(text[14:16]) + shift
        if minute >= 60:
            return f"{next_head}:{minute - 60:02d}{text[16:19]}{offset}"
        return f"{head}:{minute:02d}{text[16:19]}{offset}"


def _hour(start: datetime) -> _Hour | None:
    """How the UTC hour from `start` (aware) maps to local time, or None if it does not."""
    first = start.astimezone()
    offset = first.utcoffset()
    if offset is None or offset % timedelta(minutes=1) or offset != _offset_at_end(start):
        return None
    minutes = offset // timedelta(minutes=1)
    shift = minutes % 60  # also for negative offsets: -03:30 is -4 h then +30 min
    head = start.replace(tzinfo=None) + timedelta(minutes=minutes - shift)
    next_head = head + timedelta(hours=1)
    return shift, head.isoformat()[:13], next_head.isoformat()[:13], first.isoformat()[19:]


def _offset_at_end(start: datetime) -> timedelta | None:
    return (start + timedelta(seconds=3599)).astimezone().utcoffset()


class _Session(NamedTuple):
    head: str  # the CSV text before the set columns
    note: str  # the note field, after them
    planned: int | None
    tail: list[Any]  # session_end, then (after the counts) the morning and the corrections


class _Corrections:
    """The audit trail as the CSV shows it: per set, the rating first given and when it was
    last changed; per session, the note's, and the reason of the mark."""

    def __init__(self, conn: sqlite3.Connection, times: LocalTimes) -> None:
        self.pain: dict[int, tuple[str | None, str]] = {}
        self.note: dict[int, tuple[str | None, str]] = {}
        self.reason: dict[int, str] = {}
        for sid, set_id, field, old, new, reason, at in conn.execute(_CORRECTIONS_SQL):
            when = times.local(at)
            if field == "pain":
                self.pain[set_id] = (self.pain.get(set_id, (old, ""))[0], when)
            elif field == "note":
                self.note[sid] = (self.note.get(sid, (old, ""))[0], when)
            elif field == "not_representative":
                self.reason[sid] = reason if new == "1" else ""


class _Sessions(dict[int, _Session]):
    """Per session, its CSV fields around the set columns.

    `load` reads the sessions in range at once; one that appears between that query and
    the query of the sets (another HipTimer recording now) is read when first asked for.
    """

    def __init__(self, conn: sqlite3.Connection, times: LocalTimes) -> None:
        super().__init__()
        self._conn = conn
        self._times = times
        self.corrections = _Corrections(conn, times)

    def load(self, where: str, params: list[Any]) -> None:
        for row in self._conn.execute(_SESSIONS_SQL.format(where=where), params):
            self._add(*row)

    def __missing__(self, session_id: int) -> _Session:
        row = self._conn.execute(_SESSIONS_SQL.format(where="s.id = ?"), (session_id,))
        return self._add(*row.fetchone())

    def _add(
        self, sid: int, started: str, routine_id: str, title: str, note: str, end: str | None,
        planned: int | None, m_pain: int | None, m_stiff: int | None, m_at: str | None,
        aside: int,
    ) -> _Session:  # fmt: skip
        fields = (sid, self._times.local(started), routine_id, title)
        as_written, changed = self.corrections.note.get(sid, (None, None))
        self[sid] = session = _Session(
            "".join(csv_field(value) + "," for value in fields),
            csv_field(note),
            planned,
            [end, m_pain, m_stiff, m_at and self._times.local(m_at), aside,
             self.corrections.reason.get(sid) if aside else None, as_written, changed],
        )  # fmt: skip
        return session


def write_csv(conn: sqlite3.Connection, target: TextIO, where: str, params: list[Any]) -> int:
    """Write the header and a line per set of the sessions matching `where`; returns the sets.

    Each line is what csv.writer would write for the row (minimal quoting, CRLF), but put
    together from pieces: csv.writer.writerows on the rows of ten years (200,000 sets)
    took 0.55 s of the 1 s an export may take (bench/history_scale.py, 2 cores), before a
    single time was converted, as it works character by character.
    """
    csv.writer(target).writerow([name for name, _ in CSV_COLUMNS])
    lines = _line_maker(conn, where, params)
    cursor = conn.execute(_SETS_SQL.format(where=where), params)
    count = 0
    chunk: list[str] = []
    for _sid, rows in itertools.groupby(_rows(cursor), key=itemgetter(0)):
        group = list(rows)
        count += len(group)
        chunk += lines(group)
        if len(chunk) >= _CHUNK:
            target.write("".join(chunk))
            chunk = []
    target.write("".join(chunk))
    return count


def _rows(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(_CHUNK):
        yield from rows


def _line_maker(
    conn: sqlite3.Connection, where: str, params: list[Any]
) -> Callable[[list[tuple[Any, ...]]], list[str]]:
    """The CSV lines of one session's rows of _SETS_SQL; a field that repeats is rendered once.

    A session's rows come together: the outcome of a set done more than once, and the
    session's counts, need all of them (hiptimer.core.history.outcome).
    """
    times = LocalTimes()
    local = times.local
    sessions = _Sessions(conn, times)
    sessions.load(where, params)
    pain_trail = sessions.corrections.pain
    text, whole, real = _Fields(), _Fields(), _Fields()

    def lines(rows: list[tuple[Any, ...]]) -> list[str]:
        session = sessions[rows[0][0]]
        outcomes = [_OUTCOMES[(r[9], r[10])] for r in rows]
        if any(r[19] for r in rows):  # a set tried more than once: its best try counts
            keyed = [((r[1], r[4], r[3]), o) for r, o in zip(rows, outcomes, strict=True)]
            decides = set(best_attempts(keyed).values())
            counted = ["1" if i in decides else "0" for i in range(len(rows))]
        else:  # each set once: every row counts (most sessions; 250,000 rows in ten years)
            decides = set(range(len(rows)))
            counted = ["1"] * len(rows)
        counts = count_outcomes((outcomes[i] for i in decides), session.planned)
        end, *rest = session.tail
        tail = ",".join(
            csv_field(v)
            for v in (
                end, counts.planned if session.planned is not None else None, counts.done,
                counts.partly_done, counts.skipped, counts.not_reached, *rest,
            )
        )  # fmt: skip
        head, note, out = session.head, session.note, []
        for row, outcome, count in zip(rows, outcomes, counted, strict=True):
            (_, ex, name, side, number, hold, held, reps, done, completed, skipped, pain,
             choice, adjustment, started, ended, set_id, result, unit, _tried) = row  # fmt: skip
            as_given, changed = pain_trail.get(set_id, _UNCHANGED)
            out.append(
                f"{head}{text[ex]},{text[name]},{side},{whole[number]},{real[hold]},"
                f"{real[held]},{whole[reps]},{whole[done]},{completed},{skipped},{pain},{choice},"
                f"{text[adjustment]},{local(started)},{local(ended)},{note},"
                f"{_VALUES[outcome]},{count},{as_given or ''},{changed},{tail},"
                f"{real[result]},{text[unit]}\r\n"
            )
        return out

    return lines

"""The CSV lines of a session's sets, put together from pieces rendered once (csv_export
reads the rows and writes the lines)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, NamedTuple

from hiptimer.core.history.csv_fields import csv_field
from hiptimer.core.history.local_times import LocalTimes
from hiptimer.core.session.set_outcome import attempt_outcome, best_attempts, count_outcomes

# side, completed, skipped, pain_skipped, pain and pain_choice come from SQLite as one number (CODE_SQL)
# that the tables below turn into text: each value fetched from SQLite costs about 0.1 us,
# a fifth of the ten-year export went on fetching. The schema's CHECKs, and the repair at
# every start (hiptimer.core.history.repair), allow only these values there. The other
# columns go through a cache per column type.
_CHOICES = ("", "stop", "lower", "continue")
_SIDES = ("", "right", "left")
CODE_SQL = (
    "t.completed + 2 * t.skipped + 4 * (t.pain IS NULL AND t.pain_skipped IS 1)"
    " + 8 * ifnull(t.pain + 1, 0) + 96 * CASE t.pain_choice"
    " WHEN 'stop' THEN 1 WHEN 'lower' THEN 2 WHEN 'continue' THEN 3 ELSE 0 END"
    " + 384 * CASE t.side WHEN 'right' THEN 1 WHEN 'left' THEN 2 ELSE 0 END"
)
# The set columns, in CSV order, as line_maker reads them. A duration is never negative,
# whatever the file holds (max() of NULL is NULL). Their CSV text made by SQLite instead
# (||, replace, printf: 4 values a row) doubled the fetch (docs/performance.md, session 17).
SETS_COLUMNS = (
    "t.exercise_id, t.exercise_name, t.set_number, max(t.planned_hold_s, 0.0),"
    f" max(t.actual_hold_s, 0.0), t.planned_reps, t.actual_reps, {CODE_SQL}, t.adjustment,"
    " t.started_at, t.ended_at"
)
# By the code: each row's outcome (as hiptimer.core.session.set_outcome says), its side, and
# its fields from completed to pain_choice. Its bits 0-2 (code & 7) are completed, skipped and
# a rating left out on purpose (the last column, pain_skipped).
_OUTCOMES = {c + 2 * s: attempt_outcome(c == 1, s == 1) for c in (0, 1) for s in (0, 1)}
_CODES = [
    (flags + 8 * pain + 96 * choice + 384 * side, side, f"{flags & 1},{flags >> 1 & 1},", pain, choice)
    for side in range(3) for choice in range(4) for pain in range(12) for flags in range(8)
]  # fmt: skip
_SIDE_OF = {code: _SIDES[side] for code, side, *_ in _CODES}
_OUTCOME_OF = {code: _OUTCOMES[code & 3] for code, *_ in _CODES}
_VALUE_OF = {code: o.value for code, o in _OUTCOME_OF.items()}  # .value is a slow lookup
_FLAGS_OF = {
    code: f"{flags}{'' if pain == 0 else pain - 1},{_CHOICES[choice]}"
    for code, _side, flags, pain, choice in _CODES
}
_UNCHANGED = ("", "")


class SessionFields(NamedTuple):
    """A session's CSV fields around its sets' columns, and what its lines need to know."""

    id: int
    head: str  # the CSV text before the set columns
    note: str  # the note field, after them
    planned: int | None
    tail: list[Any]  # session_end, then (after the counts) the morning and the corrections
    tried: int  # 1 if a set was tried more than once (after Back), else 0
    rows: int  # its sets (rows of csv_export's sets query)
    extras: bool  # a result, a changed rating or an emptied value: its sets' extras are read
    last: str  # the fields after the set columns: the check-in's corrections
    ending: str  # the fields after `unreadable`: the session's end and its time


_Extras = list[tuple[int, float | None, str | None]]  # a row's set id, result and unit
_NO_EXTRAS = (None, None, None)


def line_maker(
    times: LocalTimes, pain_trail: dict[int, tuple[str | None, str]], unreadable: dict[int, str]
) -> Callable[[SessionFields, list[tuple[Any, ...]], _Extras | None], list[str]]:
    """The CSV lines of one session's rows of csv_export's sets query (SETS_COLUMNS); a field that repeats is rendered once.

    A session's rows come together: the outcome of a set done more than once, and the
    session's counts, need all of them (hiptimer.core.session.set_outcome).
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

    def at_hour(text: str, hour_of: str, here: str, offset: str) -> tuple[str, str, str, str]:
        """`text` in local time, and the UTC hour, local hour and offset that the next time
        in the same hour can take inline (those given, unless `text` has a whole-hour offset
        and the stored form)."""
        hour = whole_hours[text[:13]]
        if hour is None or text[19:] != "+00:00":
            return local(text), hour_of, here, offset
        return f"{hour[0]}{text[13:19]}{hour[1]}", text[:13], hour[0], hour[1]

    # A set's own fields (exercise to adjustment), by the 9 values that make them.
    middles: dict[tuple[Any, ...], str] = {}

    def middle(key: tuple[Any, ...]) -> str:
        (ex, name, number, hold, held, reps, done, code, adjustment) = key
        while True:
            try:
                made = (
                    f"{text[ex]},{text[name]},{_SIDE_OF[code]},{whole[number]},"
                    f"{real[hold]},{real[held]},{whole[reps]},{whole[done]},"
                    f"{_FLAGS_OF[code]},{text[adjustment]}"
                )
                break
            except KeyError:
                learn((*key, None, None, None, None))
        middles[key] = made
        return made

    def lines(
        session: SessionFields, rows: list[tuple[Any, ...]], extras: _Extras | None
    ) -> list[str]:
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
        if extras is None and not session.tried:
            # Each set once, no result, no rating changed, nothing emptied (most sessions):
            # all after the times is the session's, by the flags; the set's own fields
            # come rendered whole from `middles`, by the values that make them.
            # By the code's low bits: after[completed, skipped] to pain_skipped.
            ends = [f"{after[i & 3]},{last},{session.ending},{i >> 2}\r\n" for i in range(8)]
            # The times inline, by the UTC hour of the time before (a session's sets share
            # one or two): the hour's lookup for each of 500,000 times was two thirds of
            # putting the lines together (docs/performance.md, session 16).
            hour_of = here = offset = ""
            for row in rows:
                key = row[:9]
                try:
                    mid = middles[key]
                except KeyError:
                    mid = middle(key)
                started, ended = row[9], row[10]
                if started[:13] == hour_of == ended[:13] and started[19:] == "+00:00" == ended[19:]:
                    append(
                        f"{head}{mid},{here}{started[13:19]}{offset},"
                        f"{here}{ended[13:19]}{offset},{ends[row[7] & 7]}"
                    )
                else:  # a new hour, or a time not in the stored form
                    started, hour_of, here, offset = at_hour(started, hour_of, here, offset)
                    ended, hour_of, here, offset = at_hour(ended, hour_of, here, offset)
                    append(f"{head}{mid},{started},{ended},{ends[row[7] & 7]}")
            return out
        # A set tried again, a result, a changed rating, a value emptied: row by row.
        # zip stops at the rows: the extras of a session without them repeat "none".
        more = extras if extras is not None else itertools.repeat(_NO_EXTRAS)
        for row, count, (set_id, result, unit) in zip(rows, counted, more, strict=False):
            mid, code = middles.get(row[:9]) or middle(row[:9]), row[7]
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
                        f"{head}{mid},{local(row[9])},{local(row[10])},"
                        f"{rest_of_line}{real[result]},{text[unit]}{last},"
                        f"{unreadable.get(set_id, '') if set_id is not None else ''}"
                        f"{session.ending},{code >> 2 & 1}\r\n"
                    )
                    break
                except KeyError:
                    learn((*row, result, unit))
        return out

    return lines

"""The CSV export's set fields made by SQLite instead of Python: the fetch, A/B in one process.

Session 17 (docs/performance.md): would SQLite building a set's CSV text (exercise to
adjustment) in the query, so Python fetches 4 values a row instead of 11, make the ten-year
export cheaper? Each variant's query is fetched whole, alternating, and its CPU time
(time.process_time) taken; the SQL text is first checked against csv_field on hostile values
and on every row of the history (None where SQLite cannot render a number as Python does).

    uv run python bench/csv_sql_lines.py [--keep DIR] [--rounds 7]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hiptimer.core.history.csv_fields import csv_field
from hiptimer.core.history.csv_lines import CODE_SQL, SETS_COLUMNS

_ORDER = (
    "FROM sessions AS s JOIN sets AS t ON t.session_id = s.id ORDER BY s.started_at, s.id, t.seq"
)


def text_sql(x: str) -> str:
    """csv_field of a text column in SQL: a quote before a formula start, then CSV quoting."""
    safe = f"iif(substr({x}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)), '''' || {x}, {x})"
    return (
        f"CASE WHEN {x} IS NULL THEN '' WHEN instr({x}, ',') OR instr({x}, '\"')"
        f" OR instr({x}, char(10)) OR instr({x}, char(13))"
        f" THEN '\"' || replace({safe}, '\"', '\"\"') || '\"' ELSE {safe} END"
    )


def real_sql(x: str) -> str:
    """repr() of a REAL where it is a whole number of tenths below 1e15, else NULL (printf's
    '%.1f' and '%!.15g' round 0.30000000000000004 to 0.3; 1e16 is '1.0e+16' to SQLite)."""
    return (
        f"CASE WHEN {x} IS NULL THEN '' WHEN abs({x}) < 1e15"
        f" AND {x} = CAST(round({x} * 10) AS INTEGER) / 10.0 THEN printf('%.1f', {x}) END"
    )


def whole_sql(x: str) -> str:
    return f"ifnull({x}, '')"


MIDDLE_SQL = " || ',' || ".join(
    [
        text_sql("t.exercise_id"),
        text_sql("t.exercise_name"),
        "ifnull(t.side, '')",
        whole_sql("t.set_number"),
        real_sql("max(t.planned_hold_s, 0.0)"),
        real_sql("max(t.actual_hold_s, 0.0)"),
        whole_sql("t.planned_reps"),
        whole_sql("t.actual_reps"),
        "t.completed || ',' || t.skipped",
        whole_sql("t.pain"),
        "ifnull(t.pain_choice, '')",
        text_sql("t.adjustment"),
    ]
)
_PLAIN = (
    "t.exercise_id, t.exercise_name, t.side, t.set_number, max(t.planned_hold_s, 0.0),"
    " max(t.actual_hold_s, 0.0), t.planned_reps, t.actual_reps, t.completed, t.skipped,"
    " t.pain, t.pain_choice, t.adjustment"
)


def _int_sql(x: str, top: int) -> str:
    return f"typeof({x}) = 'integer' AND {x} BETWEEN 0 AND {top}"


# The next idea (not SQL text, integer arithmetic only): set number, planned and actual reps
# packed with the code into one integer, NULL (then Python would read the row as now) where
# a value is not a small whole number. Fetched: 8 values a row.
PACKED_SQL = (
    f"CASE WHEN {_int_sql('t.set_number', 4095)}"
    f" AND (t.planned_reps IS NULL OR {_int_sql('t.planned_reps', 4094)})"
    f" AND (t.actual_reps IS NULL OR {_int_sql('t.actual_reps', 4094)})"
    f" THEN {CODE_SQL} + 576 * (t.set_number + 4096 * (ifnull(t.planned_reps + 1, 0)"
    " + 4095 * ifnull(t.actual_reps + 1, 0))) END"
)
# Fewer rows instead of fewer values: each column of a session's sets joined by SQLite
# (group_concat; reals through quote(), which is exact), one row a session for Python to split.
_EACH = ["t.exercise_id", "t.exercise_name", "t.set_number", "quote(max(t.planned_hold_s, 0.0))",
         "quote(max(t.actual_hold_s, 0.0))", "t.planned_reps", "t.actual_reps", f"({CODE_SQL})",
         "t.adjustment", "t.started_at", "t.ended_at"]  # fmt: skip
_INNER = ", ".join(f"{c} AS c{i}" for i, c in enumerate(_EACH))
_JOINED = ", ".join(f"group_concat(ifnull(c{i}, ''), char(31))" for i in range(len(_EACH)))
GROUPED_SQL = (
    f"SELECT {_JOINED} FROM (SELECT s.id AS sid, s.started_at AS st, {_INNER} {_ORDER})"
    " GROUP BY sid ORDER BY min(st), sid"
)
# name: (query, how many leading values key a set's fields in Python, None: no lookup)
VARIANTS: dict[str, tuple[str, int | None]] = {
    "now: 11 values a row": (f"SELECT {SETS_COLUMNS} {_ORDER}", 9),
    "SQL-made set fields + code + 2 times": (
        f"SELECT {MIDDLE_SQL}, {CODE_SQL}, t.started_at, t.ended_at {_ORDER}",
        None,
    ),
    "the same, times as one value": (
        f"SELECT {MIDDLE_SQL}, {CODE_SQL}, t.started_at || ',' || t.ended_at {_ORDER}",
        None,
    ),
    "numbers packed in one integer: 8 values": (
        "SELECT t.exercise_id, t.exercise_name, max(t.planned_hold_s, 0.0),"
        f" max(t.actual_hold_s, 0.0), t.adjustment, {PACKED_SQL}, t.started_at, t.ended_at"
        f" {_ORDER}",
        6,
    ),
    "each column joined per session (fetch only)": (GROUPED_SQL, None),
    "floor: 4 plain values a row": (
        f"SELECT t.exercise_id, {CODE_SQL}, t.started_at, t.ended_at {_ORDER}",
        None,
    ),
}

HOSTILE = ["plain", "", "a, b", 'say "hi"', "two\nlines", "cr\r", "=1+1", "+x", "-x", "@x",
           "\tx", "accent é", "it's", '="a,b"']  # fmt: skip
REALS = [None, 0.0, 23.4, 30.0, 0.1 + 0.2, 1e15, 1e16, 1e-5, 123456789.123, -2.5, 0.05]


def check(conn: sqlite3.Connection) -> tuple[int, int]:
    """The SQL text against csv_field, for hostile values and every row: (rows, fallbacks)."""
    for value in HOSTILE:
        made = conn.execute(f"SELECT {text_sql('?1')}", (value,)).fetchone()[0]
        assert made == csv_field(value), (value, made)
    for number in REALS:
        made = conn.execute(f"SELECT {real_sql('?1')}", (number,)).fetchone()[0]
        assert made is None or made == csv_field(number), (number, made)
    rows = conn.execute(f"SELECT {MIDDLE_SQL}, {_PLAIN} {_ORDER}").fetchall()
    fallbacks = 0
    for made, *values in rows:
        if made is None:
            fallbacks += 1
        else:
            assert made == ",".join(csv_field(v) for v in values), (made, values)
    return len(rows), fallbacks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="the folder of history_scale.py --keep")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hiptimer-csvsql-"))
    path = folder / "history.sqlite3"
    if not path.exists():
        from history_scale import ROUTINE_ID, fill

        from hiptimer.core.routines.catalog import load_catalog

        fill(path, load_catalog().find(ROUTINE_ID), 3650)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows, fallbacks = check(conn)
    print(f"SQL text equal to csv_field on {rows} rows ({fallbacks} left to Python)")
    cpu: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for name, (sql, key_len) in VARIANTS.items():
            start = time.process_time()
            fetched = conn.execute(sql).fetchall()
            cpu.setdefault(name, []).append(time.process_time() - start)
            if key_len is not None:  # and csv_lines' lookup of a set's fields by its values
                seen: dict[tuple[object, ...], str] = {}
                for row in fetched:
                    key = row[:key_len]
                    if key not in seen:
                        seen[key] = ""
                cpu.setdefault(f"  + the lookup by {key_len} values", []).append(
                    time.process_time() - start
                )
            del fetched
    print(f"{'variant':<44} {'min ms':>7} {'median ms':>10}")
    for name, samples in cpu.items():
        low, mid = 1000 * min(samples), 1000 * statistics.median(samples)
        print(f"{name:<44} {low:7.0f} {mid:10.0f}")
    now = statistics.median(cpu["  + the lookup by 9 values"])
    made = statistics.median(cpu["SQL-made set fields + code + 2 times"])
    print(f"SUMMARY SQL-made set fields {1000 * made:.0f} ms against {1000 * now:.0f} ms now")
    return 0


if __name__ == "__main__":
    sys.exit(main())

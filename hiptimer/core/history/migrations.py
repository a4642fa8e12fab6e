"""The history's schema, version by version: each migration as the statements it runs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from hiptimer.core.history import session_totals

Migration = Callable[[sqlite3.Connection], None]


def _statements(*sql: str) -> Migration:
    """A migration that runs these statements in order (inside the caller's transaction)."""

    def run(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return run


# Version 1: sessions and the sets done in them.
_V1 = _statements(
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_title TEXT NOT NULL,
        routine_revision INTEGER NOT NULL,
        doses_json TEXT NOT NULL DEFAULT '{}',
        sets_planned INTEGER,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT
            CHECK (end_reason IN ('completed', 'ended_early', 'interrupted', 'partial')),
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE sets (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        exercise_id TEXT NOT NULL,
        exercise_name TEXT NOT NULL,
        side TEXT CHECK (side IN ('right', 'left')),
        set_number INTEGER NOT NULL,
        planned_hold_s REAL,
        actual_hold_s REAL,
        planned_reps INTEGER,
        actual_reps INTEGER,
        completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        pain INTEGER CHECK (pain BETWEEN 0 AND 10),
        pain_choice TEXT CHECK (pain_choice IN ('stop', 'lower', 'continue')),
        adjustment TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
    )
    """,
    # UNIQUE (session_id, seq) doubles as the "sets of a session, in order" index. The two
    # below cover the per-session aggregates (session list) and per-exercise pain series,
    # so those queries never read the sets table itself.
    "CREATE INDEX sets_by_session ON sets (session_id, completed, skipped, pain, ended_at)",
    "CREATE INDEX sets_by_exercise ON sets (exercise_id, session_id, side, pain)",
    "CREATE INDEX sessions_by_started ON sessions (started_at)",
    "CREATE INDEX sessions_by_routine ON sessions (routine_id, started_at)",
)

# Version 2: the next-morning check-in and the log of dose changes.
_V2 = _statements(
    "ALTER TABLE sessions ADD COLUMN morning_pain INTEGER CHECK (morning_pain BETWEEN 0 AND 10)",
    "ALTER TABLE sessions ADD COLUMN morning_stiffness INTEGER"
    " CHECK (morning_stiffness BETWEEN 0 AND 10)",
    "ALTER TABLE sessions ADD COLUMN morning_at TEXT",
    """
    CREATE TABLE dose_changes (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        routine_id TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        side TEXT CHECK (side IN ('right', 'left')),
        field TEXT NOT NULL,
        old_value REAL,
        new_value REAL,
        reason TEXT NOT NULL DEFAULT '',
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        decided_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX dose_changes_by_exercise ON dose_changes (routine_id, exercise_id, decided_at)",
)

# Version 3: corrections with their audit trail (a rating, a note, the mark "not
# representative" changed after the fact), who decided a dose change, re-test results, and
# the sets of a session indexed by set (the
# outcome counts, hiptimer.core.history.outcome, read the index alone). A correction names
# its session and set without a foreign key: a row set aside (repair) must never take the
# audit trail with it; repair sets aside a correction whose session or set is gone instead.
_V3 = _statements(
    "ALTER TABLE sessions ADD COLUMN not_representative INTEGER NOT NULL DEFAULT 0"
    " CHECK (not_representative IN (0, 1))",
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        set_id INTEGER,
        field TEXT NOT NULL CHECK (field IN ('pain', 'note', 'not_representative')),
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'history' CHECK (source IN ('session', 'history')),
        corrected_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX corrections_by_session ON corrections (session_id, corrected_at)",
    # Who decided a dose change: the user answering HipTimer's suggestion (every row before
    # this version), or the user keeping a change made during a session.
    "ALTER TABLE dose_changes ADD COLUMN decided_by TEXT NOT NULL DEFAULT 'suggestion'"
    " CHECK (decided_by IN ('suggestion', 'session'))",
    # A functional re-test's result (reps counted, seconds held, a value measured) and its unit.
    "ALTER TABLE sets ADD COLUMN result REAL",
    "ALTER TABLE sets ADD COLUMN result_unit TEXT",
    "CREATE INDEX sets_with_result ON sets (session_id) WHERE result IS NOT NULL",
    # 1 on a row whose set (exercise, side, set number) the session recorded before (Back
    # repeats a set): where a session has one, its outcome counts are made in Python; else
    # the sums over the index below are the counts (hiptimer.core.history.outcome).
    "ALTER TABLE sets ADD COLUMN tried_before INTEGER NOT NULL DEFAULT 0"
    " CHECK (tried_before IN (0, 1))",
    "UPDATE sets SET tried_before = 1 WHERE EXISTS (SELECT 1 FROM sets AS e"
    " WHERE e.session_id = sets.session_id AND e.exercise_id = sets.exercise_id"
    " AND e.side IS sets.side AND e.set_number = sets.set_number AND e.seq < sets.seq)",
    "DROP INDEX IF EXISTS sets_by_session",
    "CREATE INDEX sets_by_session_set ON sets"
    " (session_id, completed, skipped, pain, ended_at, tried_before)",
)

# Version 4: a next-morning check-in (pain, stiffness) can be corrected with a trail, as a
# rating can. SQLite cannot change a CHECK: the corrections table is made again with the two
# new fields allowed, its rows copied as they are (ids kept), and its index made again.
_V4 = _statements(
    """
    CREATE TABLE corrections_v4 (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        set_id INTEGER,
        field TEXT NOT NULL CHECK (field IN ('pain', 'note', 'not_representative',
                                             'morning_pain', 'morning_stiffness')),
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'history' CHECK (source IN ('session', 'history')),
        corrected_at TEXT NOT NULL
    )
    """,
    "INSERT INTO corrections_v4 SELECT id, session_id, set_id, field, old_value, new_value,"
    " reason, source, corrected_at FROM corrections",
    "DROP TABLE corrections",
    "ALTER TABLE corrections_v4 RENAME TO corrections",
    "CREATE INDEX corrections_by_session ON corrections (session_id, corrected_at)",
)

# Version 5: how long a resumed session was stopped (the app killed, the computer off), so
# that its time in History leaves the stop out, as the summary at its end does.
_V5 = _statements(
    "ALTER TABLE sessions ADD COLUMN stopped_s REAL NOT NULL DEFAULT 0 CHECK (stopped_s >= 0)",
)

# Version 6: the doses a running session has reached (+, - and Lower), written at each change,
# so that a change made in a set the app never finished (killed, a power cut) is resumed too:
# no set row holds it yet. Empty: no change made (or a session older than this version).
_V6 = _statements("ALTER TABLE sessions ADD COLUMN doses_now_json TEXT")

# Version 7: each session's set aggregates kept by triggers (session_totals.py), so the
# sessions list reads a row a session instead of every set of ten years.
_V7 = _statements(session_totals.CREATE_TABLE, *session_totals.TRIGGERS, *session_totals.COUNT_ALL)

# Version 8: when a session was last resumed. A stop is measured from the last moment the
# session is known to have run: its last set's end, or its resumption if none ended since.
# Without it, a session killed again before a set after its resumption had its first stop
# counted again in the second (a 31 s session shown as 19 s). Empty: never resumed, or
# resumed by a HipTimer before this version.
_V8 = _statements("ALTER TABLE sessions ADD COLUMN resumed_at TEXT")

# Version 9: a set left unrated on purpose (K on its pain question), told apart from one whose
# question the app was killed on: only that one is asked for again when the session resumes.
# 0 for every set already there (before this version the two could not be told apart).
_V9 = _statements(
    "ALTER TABLE sets ADD COLUMN pain_skipped INTEGER NOT NULL DEFAULT 0"
    " CHECK (pain_skipped IN (0, 1))"
)

# Schema version N is reached by applying MIGRATIONS[:N]. Never edit a released migration:
# append a new one.
MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9)

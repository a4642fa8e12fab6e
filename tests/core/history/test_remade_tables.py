"""A side table with the wrong columns is set aside row by row and made again, not the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import open_history
from tests.core.history.damaged_files import damage, sound_history
from tests.core.history.stored import T0, a_session, a_set, read

pytestmark = pytest.mark.usefixtures("fresh_backup_memory")


@pytest.mark.parametrize(
    ("remake", "rows"),
    [
        (
            [
                "DROP TABLE corrections",
                "CREATE TABLE corrections (x)",
                "INSERT INTO corrections VALUES (7)",
            ],
            1,
        ),
        (["DROP TABLE corrections", "CREATE VIEW corrections AS SELECT 1 AS x"], 0),
        (["DROP TABLE corrections", "CREATE INDEX corrections ON sets (id)"], 0),
        (["DROP TABLE dose_changes", "CREATE TABLE dose_changes (a, b)"], 0),
        (["DROP TABLE session_totals", "CREATE TABLE session_totals (n)"], 0),
    ],
)
def test_the_sessions_and_ratings_stay_and_the_table_is_made_again(
    tmp_path: Path, remake: list[str], rows: int
) -> None:
    # A tester's file: `corrections` made again with other columns. The whole history was
    # moved aside for it (the window's history then empty), or, with an index under its
    # name, could not be opened at all (every rating kept in memory only).
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    for sql in remake:
        damage(db, sql)
    table = remake[0].split()[-1]
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        notice = store.status.notice or ""
        # Named (a user with two data folders could not tell which), and where its rows went.
        assert notice.startswith(f"The history {db} lacked {table}; HipTimer added it.")
        assert [s.id for s in store.list_sessions()] == [3, 2, 1]
        assert [s.pain for s in store.session_sets(2)] == [2]
        sid = a_session(store, T0.replace(day=10))
        store.rate_set(store.add_set(sid, a_set(start=T0.replace(day=10))), 4)
        store.correct_pain(1, 3, at=T0.replace(day=11))
        store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=T0)
        if rows:
            assert f"{table} row 1 (its table had other columns)" in notice
            went = f"The row that was under {table} is kept in that file's set_aside table."
            assert went in notice
    assert read(db, "SELECT pain FROM sets ORDER BY id") == [(3,), (2,), (2,), (4,)]
    kept = read(db, "SELECT source, row_json FROM set_aside")
    assert [(s, json.loads(j)) for s, j in kept] == [(table, {"x": 7})] * rows
    assert read(db, "SELECT count(*) FROM session_totals") == [(4,)]
    assert not list(tmp_path.glob("history.sqlite3.corrupt-*"))
    assert len(list(tmp_path.glob("history.sqlite3.bak-*"))) == 1
    with open_history(db) as again:  # mended once: the next start is quiet
        assert again.status.notice is None


def test_a_sessions_table_with_other_columns_still_moves_the_file_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "DROP TABLE sessions")
    damage(db, "CREATE TABLE sessions (x)")
    with open_history(db) as store:
        assert "was moved to" in (store.status.notice or "")
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*[0-9]"))) == 1

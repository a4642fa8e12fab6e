"""A history whose version number contradicts its tables (a table dropped, a number set back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import open_history
from tests.core.history.damaged_files import damage, sound_history
from tests.core.history.stored import T0, a_session, a_set, read

LATEST = history_schema.SCHEMA_VERSION


pytestmark = pytest.mark.usefixtures("fresh_backup_memory")


@pytest.mark.parametrize("claimed", range(1, LATEST))
def test_a_dropped_table_under_an_older_version_number_is_added_and_nothing_is_lost(
    tmp_path: Path, claimed: int
) -> None:
    # A tester dropped `corrections` and the number said 3: the migration to 4 read the
    # table and failed ("no such table: corrections"), after a backup, at every start; the
    # window then kept every rating in memory only. Any claimed version: its migration
    # trips over what the file already has (duplicate column) or lacks.
    db = tmp_path / "history.sqlite3"
    sound_history(db, corrected=True)
    damage(db, "DROP TABLE corrections")
    damage(db, f"PRAGMA user_version = {claimed}")
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert store.status.notice == f"The history {db} lacked corrections; HipTimer added it."
        assert [s.id for s in store.list_sessions()] == [3, 2, 1]
        sid = a_session(store, T0.replace(day=10))
        store.rate_set(store.add_set(sid, a_set(start=T0.replace(day=10))), 4)
        store.correct_pain(1, 3, at=T0.replace(day=11))
    assert read(db, "SELECT pain FROM sets ORDER BY id") == [(3,), (1,), (1,), (4,)]
    assert read(db, "PRAGMA user_version") == [(LATEST,)]
    assert len(list(tmp_path.glob(f"history.sqlite3.bak-v{claimed}-*"))) == 1
    assert not list(tmp_path.glob("history.sqlite3.corrupt-*"))


def test_a_version_set_back_on_a_whole_file_is_quietly_taken_from_its_tables(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "PRAGMA user_version = 5")  # the file has version 9's columns already
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert store.status.notice is None
        assert [s.id for s in store.list_sessions()] == [3, 2, 1]
    assert read(db, "PRAGMA user_version") == [(LATEST,)]

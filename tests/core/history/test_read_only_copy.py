"""Tests of a history in a read-only data folder that this HipTimer would have to migrate:
shown as it is (read into memory with mode=ro), not as an empty history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiptimer.core.history import read_only_copy
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState, ReadOnlyCopy
from hiptimer.core.history.store import open_history
from tests.core.history.old_files import read_only_mount, version_6_file
from tests.core.history.stored import T0, a_session, a_set, read
from tests.history_generated import generate


def test_an_old_history_in_a_read_only_folder_is_shown_as_it_is_and_saved_to_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app was upgraded and the folder is read-only: the migration cannot run, and the
    # window showed an empty history (an in-memory stand-in) with no word why.
    db = tmp_path / "history.sqlite3"
    before = version_6_file(db)
    read_only_mount(monkeypatch, tmp_path)
    store = open_history(db)
    status = store.status
    assert status.state is HistoryState.NOT_SAVING and status.folder_read_only
    assert status.read_only == ReadOnlyCopy(update=(6, history_schema.SCHEMA_VERSION))
    assert store.list_sessions() == before
    assert status.notice == (
        f"The history in {tmp_path} is shown as it is, read-only: this HipTimer must update "
        f"its format (version 6 to {history_schema.SCHEMA_VERSION}) before it can save there, "
        "and the folder is read-only. New sessions are not saved there until the folder can "
        "be written."
    )
    sid = a_session(store, T0.replace(year=2030))
    store.rate_set(store.add_set(sid, a_set(start=T0.replace(year=2030))), 4)
    assert len(store.list_sessions()) == 31  # this run's session beside the old ones
    assert read(db, "PRAGMA user_version") == [(6,)]  # the file untouched
    assert not list(tmp_path.glob("*.bak-*"))

    monkeypatch.undo()  # the folder can be written again: migrated, and the session saved
    assert store.retry()
    # The read-only words went with the copy: whatever reads the notice later is not told
    # that nothing is saved (the strip reads it once, at opening).
    assert store.status.notice is None and store.status.read_only is None
    store.close()
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert read(db, "SELECT count(*) FROM sessions") == [(31,)]
    assert read(db, "SELECT pain FROM sets WHERE session_id = 31") == [(4,)]


def test_a_current_history_in_a_read_only_folder_is_shown_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No -shm beside it: SQLite could not read it in place (docs/history.md)."""
    db = tmp_path / "history.sqlite3"
    with generate(db, sessions=20) as store:
        before = list(store.list_sessions())
    read_only_mount(monkeypatch, tmp_path)
    with open_history(db) as store:
        assert store.list_sessions() == before
        assert store.status.read_only == ReadOnlyCopy(update=None)
        assert store.status.notice == (
            f"The history in {tmp_path} is shown as it is, read-only: the folder is "
            "read-only, so new sessions are not saved there until it can be written."
        )


def test_a_history_that_cannot_be_read_in_a_read_only_folder_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"not a database at all" * 100)
    read_only_mount(monkeypatch, tmp_path)
    with open_history(db) as store:
        assert store.list_sessions() == [] and store.status.read_only is None
        notice = store.status.notice or ""
        assert notice.startswith(
            f"The history in {tmp_path} cannot be shown: the folder is read-only, and "
            "HipTimer could not read the file there (file is not a database)."
        )


@pytest.mark.parametrize("wal", [False, True], ids=["no -wal", "a -wal file"])
def test_without_its_shm_the_file_is_read_alone_unless_a_wal_holds_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wal: bool
) -> None:
    """On a read-only mount mode=ro cannot make the -shm ('unable to open database file',
    as seen on a read-only bind mount): immutable=1 reads the file alone, which is the
    whole history only when no -wal file holds sets not yet in it."""
    db = tmp_path / "history.sqlite3"
    before = version_6_file(db)
    if wal:
        Path(f"{db}-wal").write_bytes(b"")
    read_only_mount(monkeypatch, tmp_path)
    back_up = read_only_copy._back_up

    def mount(uri: str, memory: sqlite3.Connection) -> None:
        if "immutable=1" not in uri:
            raise sqlite3.OperationalError("unable to open database file")
        back_up(uri, memory)

    monkeypatch.setattr(read_only_copy, "_back_up", mount)
    with open_history(db) as store:
        notice = store.status.notice or ""
        if wal:
            assert store.list_sessions() == []
            assert notice.startswith(f"The history in {tmp_path} cannot be shown: ")
        else:
            assert store.list_sessions() == before
            assert notice.startswith(f"The history in {tmp_path} is shown as it is, read-only")

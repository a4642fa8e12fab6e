"""bench/history_scale.py leaves a kept data folder (--keep) a clean history: its timed set
commits' session is removed, not left unfinished."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiptimer.core.history.store import open_history
from tests.bench_scripts import bench
from tests.harness import short_routine


def test_the_timed_commits_leave_no_session_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their session stayed unfinished: HipTimer on the kept folder offered to resume it (200
    # sets of a bridge, today), and each run of the bench added one more.
    scale = bench("history_scale", monkeypatch)
    with open_history(tmp_path / "history.sqlite3") as store:
        times = scale.commit_times(store, short_routine(), 3)
        assert len(times) == 3 and all(ms >= 0 for ms in times)
        assert store.unfinished_sessions() == [] and store.list_sessions() == []
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:  # nor any of their sets
        tables = ("sets", "sessions", "session_totals")
        assert [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables] == [0] * 3
    conn.close()

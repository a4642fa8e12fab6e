"""bench/screenshot_states.py writes the histories the README's screenshots show: the week of
library-plan.png and the session that checkin.png's morning asks about."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from hiptimer.core.history.store import HistoryStore, open_history
from tests.bench_scripts import bench


def written(
    kind: str, now: datetime, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> HistoryStore:
    """The history the script writes for `kind` as of `now`, opened."""
    bench("screenshot_states", monkeypatch).write_history(kind, folder, now)
    return open_history(folder / "history.sqlite3")


def test_the_week_is_mon_tue_wed_and_fri_of_the_week_of_now_each_checked_in_next_morning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # library-plan.png: 'This week: 5 of 8 ... (Mon ✓ Tue ✓ Wed ½ Thu – Fri ✓ ...)' on a Sunday
    # evening, and no check-in asked over the library.
    sunday_evening = datetime(2026, 12, 6, 22, 53).astimezone()
    with written("week", sunday_evening, tmp_path, monkeypatch) as store:
        sessions = store.list_sessions()
        days = sorted(
            (s.started_at.astimezone(sunday_evening.tzinfo).date(), s.routine_id) for s in sessions
        )
        assert days == [
            (date(2026, 11, 30), "daily-hip-stretches"),
            (date(2026, 11, 30), "hip-strengthening"),
            (date(2026, 12, 1), "daily-hip-stretches"),
            (date(2026, 12, 2), "daily-hip-stretches"),
            (date(2026, 12, 4), "daily-hip-stretches"),
        ]
        assert all(s.morning_at is not None for s in sessions)
        assert store.unfinished_sessions() == []


def test_yesterdays_session_waits_for_this_mornings_check_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    morning = datetime(2026, 12, 7, 9, 0).astimezone()
    with written("yesterday", morning, tmp_path, monkeypatch) as store:
        [session] = store.list_sessions()
        assert session.routine_id == "daily-hip-stretches"
        assert store.sessions_needing_morning_checkin(date(2026, 12, 7)) == session

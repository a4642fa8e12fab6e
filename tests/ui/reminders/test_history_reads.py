"""What the reminders read from the history: which routine was done on which day."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hiptimer.core.clock import SystemLocalTime
from hiptimer.core.history.records import StoredSet
from hiptimer.core.history.store import open_history
from hiptimer.ui.reminders.history_reads import history_done

MONDAY = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def test_a_session_with_only_a_set_ended_early_counts_as_done(tmp_path: Path) -> None:
    """The week line and the reminders count a session as History's adherence does: with a
    set done or partly done (docs/reminders.md); one begun and only skipped does not."""
    with open_history(tmp_path / "history.sqlite3") as store:
        for day, (completed, skipped) in enumerate(((False, False), (False, True))):
            began = MONDAY + timedelta(days=day)
            sid = store.begin_session("hips", "Hips", 1, {}, began, sets_planned=1)
            ended = began + timedelta(seconds=20)
            store.add_set(sid, StoredSet("clam", "Clam", 1, began, ended, completed=completed,
                                         skipped=skipped))  # fmt: skip
            store.finish_session(sid, "ended_early", ended)
        local = SystemLocalTime()
        done = history_done(lambda: store, local)(MONDAY - timedelta(days=1))
        adherence = sum(w.sessions for w in store.weekly_adherence())
    assert done == {("hips", local.day_of(MONDAY))}
    assert adherence == 1

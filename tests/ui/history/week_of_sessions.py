"""A week of the built-in routines in a history store, for the sessions list's tests."""

from __future__ import annotations

from datetime import timedelta

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from tests.history_data import Weeks, at

# The built-in routines' titles (a routine's title is never translated), a week of them.
WEEK = ("Daily hip stretches", "Hip strengthening", "Daily hip stretches", "Hip strengthening")


def a_week(store: HistoryStore, weeks: Weeks) -> None:
    """A session a day of the built-in routines, 24 minutes each, the last with a note."""
    for day, title in enumerate(WEEK):
        start = at(weeks.today - timedelta(days=len(WEEK) - day), 8 + day)
        sid = store.begin_session(f"r{day}", title, 1, {}, start, sets_planned=1)
        store.add_set(sid, StoredSet("bridge", "Bridge", 1, start, start + timedelta(seconds=30)))
        note = "Knee a little sore after the bridges" if day == len(WEEK) - 1 else None
        store.finish_session(sid, "completed", start + timedelta(minutes=24), note=note)

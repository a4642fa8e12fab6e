"""Histories for the sessions list's large-print tests: sessions of 25 sets, some partly
done, and the built-in routine's as the demo history records them."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiptimer import i18n
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from tests.history_data import HIPS, Weeks, at


def add_session(
    store: HistoryStore,
    start: datetime,
    done: int,
    partly: int,
    end: str,
    length: int = 0,
    title: str = HIPS.title,
    routine_id: str = HIPS.id,
) -> int:
    """A session of HIPS (or `routine_id`), 25 sets planned: `done` done and `partly` partly
    done, 40 s a set (`length` minutes in all where given)."""
    sid = store.begin_session(routine_id, title, 1, {}, start, sets_planned=25)
    when = start
    for n in range(done + partly):
        store.add_set(sid, StoredSet(
            "bridge", "Bridge", n + 1, when, when + timedelta(seconds=30), planned_reps=10,
            actual_reps=10 if n < done else 6, completed=n < done, pain=2,
        ))  # fmt: skip
        when += timedelta(seconds=40)
    store.finish_session(sid, end, max(when, start + timedelta(minutes=length)))
    return sid


def built_in_titles(store: HistoryStore, weeks: Weeks) -> int:
    """Sessions of the built-in routine the demo history records (bench/history_demo.py),
    its title as recorded in the language in use: the newest. Its own id, which the window's
    library (HIPS, STRETCH) has not: under HIPS's id it read "Hips", as the library names it."""
    title = "Fortalecimiento de cadera" if i18n.language() == "es" else "Hip strengthening"
    rid = "hip-strengthening"
    for back in range(1, 8):
        add_session(store, at(weeks.today - timedelta(days=back), 8 + back), 24, 1, "completed",
                    title=title, routine_id=rid)  # fmt: skip
    return add_session(store, at(weeks.today, 9), 15, 0, "ended_early", title=title, routine_id=rid)

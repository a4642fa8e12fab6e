"""The offer to keep a session's changed doses as the history keeps it until it is answered."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hiptimer.core.dosing.doses_to_keep import WaitingDoses, doses_to_keep
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine
from tests.harness import hold, quick_routine, reps

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
ROUTINE = quick_routine(hold("clam", hold_s=30), reps("bridge", n=10))
REACHED = {"clam": {"hold_s": 35.0, "changes": ["hold 30 -> 35 s"]}}


def ended_with(store: HistoryStore, doses_now: object, routine: Routine = ROUTINE) -> int:
    sid = store.begin_session(routine.id, routine.title, routine.revision, {}, T0)
    store.record_doses_now(sid, doses_now)  # type: ignore[arg-type]
    store.finish_session(sid, "completed", T0 + timedelta(minutes=5))
    return sid


def test_the_doses_a_session_ended_at_wait_to_be_kept(tmp_path: Path) -> None:
    with open_history(tmp_path / "h.sqlite3") as store:
        sid = ended_with(store, REACHED)
        offer = doses_to_keep(store, ROUTINE)
        assert offer is not None and offer.session_id == sid and offer.base is ROUTINE
        assert [str(c) for c in offer.changes] == ["Clam: hold 30 s \u2192 35 s"]
        assert offer.live.exercise("clam").hold_s == 35 and offer.live.exercise("bridge").reps == 10
        store.answer_doses_offer(sid)
        assert doses_to_keep(store, ROUTINE) is None


def test_no_offer_once_the_routine_was_saved_or_a_later_session_began(tmp_path: Path) -> None:
    with open_history(tmp_path / "h.sqlite3") as store:
        ended_with(store, REACHED)
        newer = dataclasses.replace(ROUTINE, revision=ROUTINE.revision + 1)
        assert doses_to_keep(store, newer) is None  # a Keep, an Accept or an edit since
        store.begin_session(ROUTINE.id, ROUTINE.title, ROUTINE.revision, {}, T0 + timedelta(1))
        assert doses_to_keep(store, ROUTINE) is None  # running (or later ended): its own


def test_doses_back_where_they_began_or_unreadable_offer_nothing(tmp_path: Path) -> None:
    with open_history(tmp_path / "h.sqlite3") as store:
        ended_with(store, {"clam": {"hold_s": 30.0, "changes": ["a", "b"]}})
        assert doses_to_keep(store, ROUTINE) is None
    with open_history(tmp_path / "bad.sqlite3") as store:
        sid = ended_with(store, REACHED)
        conn = sqlite3.connect(store.path)
        with conn:
            conn.execute("UPDATE sessions SET doses_now_json = '{' WHERE id = ?", (sid,))
        conn.close()
        assert WaitingDoses().of(store, ROUTINE) is None  # not JSON: no offer, no harm

"""A step back after the routine went back to its original dose (Reset to original): worked
out from the routine as it is, never towards a dose the user threw away, and not asked again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.decisions import log_kept, unanswered
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.inputs import dose_history, exercise_histories, routine_recommendations
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.routines.user_routines import DoseChange as KeptChange
from hiptimer.core.routines.writer import exercise_to_data

HOLD = Exercise("hold", "Side hold", Kind.HOLD, sets=1, hold_s=25)
ORIGINAL = Routine("hips", "Hips", (HOLD,))
KEPT = Routine("hips", "Hips", (HOLD.with_dose(hold_s=17),))
START = datetime(2026, 3, 2, 9).astimezone()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def painful_session_kept_lower(store: HistoryStore) -> int:
    """A session at 25 s rated 7, its dose lowered to 17 s (Lower) and kept for next time."""
    planned = {HOLD.id: exercise_to_data(HOLD)}
    sid = store.begin_session("hips", "Hips", 1, planned, START)
    done = START + timedelta(seconds=30)
    store.add_set(sid, StoredSet("hold", "Side hold", 1, START, done, planned_hold_s=25, pain=7))
    store.finish_session(sid, "completed", done)
    kept = [KeptChange("hold", "Side hold", "hold_s", 25, 17)]
    log_kept(store, "hips", kept, done + timedelta(minutes=1), session_id=sid)
    return sid


def test_with_the_kept_dose_the_rules_wait_for_a_session_at_it(store: HistoryStore) -> None:
    painful_session_kept_lower(store)
    recs = routine_recommendations(store, KEPT)
    assert not [r for r in recs if r.action is DoseAction.STEP_BACK]


def test_after_a_reset_no_step_back_aims_at_the_dose_thrown_away(store: HistoryStore) -> None:
    # Reset to original put 25 s back: the step back aimed at the kept 17 s and was offered
    # again, unanswered, though the user had answered it by keeping 17 s.
    painful_session_kept_lower(store)
    [history] = exercise_histories(store, ORIGINAL).values()
    assert history.dose_history == (Dose(1, hold_s=25),)  # 17 s was never done
    recs = routine_recommendations(store, ORIGINAL)
    [rec] = [r for r in recs if r.action is DoseAction.STEP_BACK]
    assert rec.proposed == Dose(1, hold_s=20)  # worked out from 25 s: 5 s less
    assert unanswered(recs, store.dose_changes("hips")) == []  # answered after that session


def test_a_dose_done_at_stays_in_the_history_after_an_edit() -> None:
    """A decision the routine no longer holds is passed over; the doses sessions ran at stay."""
    from hiptimer.core.history.queries import DoseChange

    at = START + timedelta(days=1)
    kept = DoseChange(1, 1, "hips", "hold", None, "hold_s", 25, 17, "", True, at)
    done_at_17 = [(at + timedelta(days=1), Dose(1, hold_s=17))]
    assert dose_history(HOLD.with_dose(hold_s=30), [kept], done_at_17) == (Dose(1, hold_s=17),)
    assert dose_history(HOLD, [kept], []) == ()

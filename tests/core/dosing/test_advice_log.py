"""HipTimer's advice over a period, for the clinician's report: the warnings to see a
clinician found again at each session, the suggestions declined and those still waiting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.advice_log import advice_in
from hiptimer.core.dosing.decisions import decline
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.history.advice import DECLINED, WAITING, WARNING
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.session.steps import Side
from tests.history_data import HIPS, Pains, record


def _sessions(store: HistoryStore, first: date, bridge: list[Pains]) -> list[int]:
    """A Hips session a day, the bridge rated as given, the clamshell at 1 on each side."""
    return [
        record(
            store,
            HIPS,
            first + timedelta(days=n),
            {("bridge", None): pains, ("clam", "right"): [1], ("clam", "left"): [1]},
        )
        for n, pains in enumerate(bridge)
    ]


def test_warnings_declines_and_waiting_suggestions_are_found_with_their_days(
    tmp_path: Path,
) -> None:
    first = date.today() - timedelta(days=10)
    with open_history(tmp_path / "h.sqlite3") as store:
        ids = _sessions(store, first, [[7, 7], [7, 6], [8, 7], [7, 7], [2, 2], [2, 2], [7, 7]])
        started = {s.id: s.started_at for s in store.list_sessions()}
        declined_at = started[ids[4]] + timedelta(hours=1)
        back = Recommendation(
            "clam", Side.RIGHT, DoseAction.STEP_BACK, Dose(2, hold_s=30), Dose(2, hold_s=25),
            "Pain went above 5.", "step_back.pain", session_id=ids[4],
        )  # fmt: skip
        decline(store, "hips", back, declined_at)
        found = advice_in(store, [HIPS], first, date.today(), started, pain_limit=5)

    warnings = [a for a in found if a.answer == WARNING]
    # Pain above 5 in three sessions running: after the 3rd and again after the 4th; then two
    # easy sessions and one more above 5 (no run of three: no warning, a step back instead).
    (warning,) = warnings
    assert warning.advised_at == started[ids[2]] and warning.exercise == "Bridge"
    assert warning.repeated == 1 and warning.sessions_since == 3
    assert "physiotherapist or doctor" in warning.reason
    (declined,) = [a for a in found if a.answer == DECLINED]
    assert (declined.advised_at, declined.answered_at) == (started[ids[4]], declined_at)
    assert declined.changes == (("hold_s", 30, 25),) and declined.side == "right"
    (waiting,) = [a for a in found if a.answer == WAITING]
    assert waiting.advised_at == started[ids[6]] and waiting.exercise == "Bridge"
    assert waiting.changes  # a step back, offered now: not answered yet
    assert [a.advised_at for a in found] == sorted(a.advised_at for a in found)


def test_a_warning_before_the_period_is_not_the_periods(tmp_path: Path) -> None:
    first = date.today() - timedelta(days=10)
    with open_history(tmp_path / "h.sqlite3") as store:
        _sessions(store, first, [[7], [7], [7], [1]])
        started = {s.id: s.started_at for s in store.list_sessions()}
        later = advice_in(store, [HIPS], first + timedelta(days=3), date.today(), started, 5)
        all_of_it = advice_in(store, [HIPS], first, date.today(), started, 5)
    assert not [a for a in later if a.answer == WARNING]
    assert [a.answer for a in all_of_it if a.answer == WARNING] == [WARNING]


def test_a_lower_pain_limit_warns_sooner(tmp_path: Path) -> None:
    first = date.today() - timedelta(days=10)
    with open_history(tmp_path / "h.sqlite3") as store:
        _sessions(store, first, [[4], [4], [4]])
        started = {s.id: s.started_at for s in store.list_sessions()}
        at_five = advice_in(store, [HIPS], first, date.today(), started, 5)
        at_three = advice_in(store, [HIPS], first, date.today(), started, 3)
    assert not [a for a in at_five if a.answer == WARNING]
    assert [a.answer for a in at_three if a.answer == WARNING] == [WARNING]

"""The re-tests tab's pain line: the exercise sessions' pain, not the re-test sessions' own."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import open_history
from hiptimer.core.routines.model import Measure, Retest
from hiptimer.ui.history.retests_pane import RetestsPane
from tests.harness import hold, routine
from tests.history_data import HIPS, at, record

CHECK = routine(
    hold("chair-stand", 30, name="Chair stand", test=Retest(Measure.COUNT, "stands")),
    id="check",
    title="Check",
)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_pain_beside_a_re_test_leaves_the_re_test_sessions_own_ratings_out(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Seen under Xvfb on 3 months of demo history: the dotted 'average pain per session'
    dropped to 1-2 on each monthly check's day, the chair stand's own rating, between
    exercise sessions at 4-5: a dip that read as the pain easing on the test days."""
    first = date(2026, 3, 2)
    with open_history(tmp_path / "history.sqlite3") as store:
        for day in (0, 2, 4):
            record(store, HIPS, first + timedelta(days=day), {("bridge", None): [5, 4]})
        when = at(first + timedelta(days=3))
        sid = store.begin_session("check", "Check", 1, {}, when, sets_planned=1)
        store.add_set(sid, StoredSet("chair-stand", "Chair stand", 1, when, when, pain=1,
                                     planned_hold_s=30, actual_hold_s=30, result=12,
                                     result_unit="stands"))  # fmt: skip
        store.finish_session(sid, "completed", when + timedelta(minutes=1))
        pane = RetestsPane(store, {"check": CHECK, "hips": HIPS})
        qtbot.addWidget(pane)
        pane.set_sessions(store.list_sessions(), None, None)
        assert pane.chart.results.count() == 1  # the re-test's result is charted
        pains = [pane.chart.pain.at(i).y() for i in range(pane.chart.pain.count())]
        assert pains == [4.5, 4.5, 4.5]  # the three exercise sessions; no 1 among them

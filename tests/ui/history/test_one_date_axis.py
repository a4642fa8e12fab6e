"""The Pain and dose tab's two charts of one period run over one date range."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.window import TAB_PAIN, HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, at, fill


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.mark.parametrize("width", [1268, 1012, 948])
@pytest.mark.parametrize("mornings", [False, True])
def test_the_pain_and_dose_charts_share_one_date_range(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, width: int, mornings: bool
) -> None:
    """The pain chart's dates ran to 9 Dec, the dose chart's beside it to 7 Dec, for one
    period: each rounded its own range to its own number of dates, and the pain chart's
    took in the next mornings' check-ins. Read side by side, one session sat at two places."""
    recorded = fill(store, weeks)
    if mornings:  # the last session's morning after: a day past the last dose
        last = weeks.week2 + timedelta(days=4)
        store.record_morning(recorded.id("hips", last), 2, 3, at(last, 8) + timedelta(days=1))
    window = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(window)
    window.setMinimumSize(1, 1)
    window.show()
    window.resize(width, 724)
    window.tabs.setCurrentIndex(TAB_PAIN)
    pane = window.pain_pane
    assert pane is not None
    for exercise in ("bridge", "clam"):
        pane.choose(exercise)
        for _ in range(3):  # the window's layout, then each chart's own
            QApplication.processEvents()
        pain, dose = pane.pain_chart.x_axis, pane.dose_chart.x_axis
        assert dose.tickCount() <= pain.tickCount()
        assert (pain.min(), pain.max()) == (dose.min(), dose.max()), (
            exercise,
            pain.min().toString(),
            pain.max().toString(),
            dose.min().toString(),
            dose.max().toString(),
        )

"""History's "today" after the computer's time zone changed while HipTimer runs."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import HistoryWindow
from tests import zones
from tests.history_data import HIPS


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")
def test_today_is_the_new_zone_s_day(qtbot: QtBot, tmp_path: Path) -> None:
    # UTC-11 and UTC+14 are a day apart at every moment. The window's today (its presets'
    # last day, the adherence's current week) stayed on the zone HipTimer started in.
    store = open_history(tmp_path / "history.sqlite3")
    with zones.read_as(zones.ZONES["Pacific/Pago_Pago"]):
        window = HistoryWindow(store, [HIPS])  # the real wall clock
        qtbot.addWidget(window)
        window.destroyed.connect(store.close)
        os.environ["TZ"] = zones.ZONES["Pacific/Kiritimati"]  # changed on the computer
        east = datetime.now(timezone.utc) + timedelta(hours=14)
        assert window.today() == east.date()

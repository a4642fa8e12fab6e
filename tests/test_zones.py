"""Tests of the run's time zone (tests/zones.py): every worker is in the zone the run chose."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from tests import zones


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")
def test_this_worker_keeps_the_zone_of_the_run() -> None:
    zone = os.environ[zones.ENV]
    if zone == zones.SYSTEM:
        pytest.skip("the machine's own zone was asked for")
    for month in (1, 7):  # winter and summer: DST rules too, not just today's offset
        moment = datetime(2026, month, 1, 12, tzinfo=timezone.utc)
        assert moment.astimezone().utcoffset() == moment.astimezone(ZoneInfo(zone)).utcoffset()


def test_a_zone_asked_for_is_used_and_the_posix_rules_match_the_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(zones.ENV, "Pacific/Pago_Pago")
    assert zones.choose() == "Pacific/Pago_Pago"
    monkeypatch.delenv(zones.ENV)
    assert zones.choose() in zones.ZONES
    if not hasattr(time, "tzset"):
        return
    saved = os.environ.get("TZ")
    try:
        for name, rules in zones.ZONES.items():  # the fallback without zone files
            os.environ["TZ"] = rules
            time.tzset()
            for month in (1, 4, 7, 10):
                moment = datetime(2026, month, 1, 12, tzinfo=timezone.utc)
                want = moment.astimezone(ZoneInfo(name)).utcoffset()
                assert moment.astimezone().utcoffset() == want, (name, month)
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()

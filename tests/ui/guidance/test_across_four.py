"""A session that runs across 04:00, when the check-in's day begins: asked about the next morning."""

from __future__ import annotations

from datetime import time

import pytest

from hiptimer.ui.keys import Mode
from tests.ui.guided import Days, K, until_local
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")

LOW = [0, 1]  # stretch, then sit to stand


def test_a_session_across_4_is_not_asked_about_minutes_after_it(days: Days) -> None:
    """Seen under faketime: begun at 03:59:45, its summary at 04:00:18 said "tomorrow
    morning", and Enter showed "How does your hip feel this morning? The morning after: ..."
    about sets done a minute before, which the dose rules would have judged by."""
    until_local(days, time(3, 59, 50))
    days.session(LOW)
    assert days.wall().astimezone().time() >= time(4)
    assert "We'll know tomorrow morning" in days.panel().note.text()
    days.key(K.Key_Return)
    assert days.mode() is Mode.LIBRARY  # as the note said: not now
    until_local(days, time(7, 30))
    assert days.window is not None
    days.window.hide()
    days.window.show()  # the window back later that morning: still the same day
    assert days.mode() is Mode.LIBRARY
    until_local(days, time(7, 30))  # the morning after the session's end: asked now
    days.open()
    assert days.mode() is Mode.CHECKIN
    days.check_in(0, 0)
    [session] = days.history.list_sessions()
    assert session.morning_pain == 0

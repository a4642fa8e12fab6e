"""The morning check-in names last night's routine as History does (names.py)."""

from __future__ import annotations

from datetime import timedelta

from hiptimer.core.history.queries import StoredSet
from hiptimer.ui.keys import Mode
from tests.ui.guided import Days


def test_a_session_recorded_in_english_is_asked_about_in_spanish(spanish: None, days: Days) -> None:
    # The check-in read "La mañana después: Hip strengthening", the title recorded in
    # English, where History and the library say "Fortalecimiento de cadera".
    at = days.wall()
    sid = days.history.begin_session("hip-strengthening", "Hip strengthening", 1, {}, at)
    days.history.add_set(sid, StoredSet("bridge", "Bridge", 1, at, ended_at=at, pain=2))
    days.history.finish_session(sid, "completed", at + timedelta(minutes=20))
    days.next_morning()
    assert days.mode() is Mode.CHECKIN
    window = days.window
    assert window is not None and window.guidance is not None
    checkin = window.guidance.checkin
    assert checkin is not None
    about = checkin.about.text()
    assert "Fortalecimiento de cadera" in about and "Hip strengthening" not in about

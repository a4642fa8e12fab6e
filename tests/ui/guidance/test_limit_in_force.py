"""The summary judges a session by the pain limit it ran with, not one changed meanwhile."""

from __future__ import annotations

import pytest

from hiptimer.core.dosing.actions import DoseAction
from tests.ui.guided import Days, K
from tests.ui.sessions import advance_until, no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def test_a_limit_lowered_during_a_session_waits_for_the_next(days: Days) -> None:
    # A 4 carried on under the limit of 5; the user then set 3 in Settings mid-session,
    # and the summary said "Pain went above 3 (it reached 4)": step back.
    days.start()
    days.settings.update(pain_limit=3)  # Settings: "from the next session on"
    days.rate_sets([0, 4])  # no question for the 4: the session kept its limit of 5
    panel = days.panel()
    assert all(c.rec.action is not DoseAction.STEP_BACK for c in panel.cards)
    assert "above 3" not in " ".join(c.reason.text() for c in panel.cards)
    # The next session runs with the new limit (the 4 asks what to do), and is judged by it.
    days.next_morning()
    days.key(K.Key_K)  # no check-in today
    days.session([0, 4])
    [card] = days.panel().cards
    assert card.rec.action is DoseAction.STEP_BACK
    assert card.reason.text().startswith("Pain went above 3 (it reached 4)")

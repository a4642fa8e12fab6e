"""The tours' stops and what each shows are one list: a stop added to one is added to both."""

from __future__ import annotations

from tests.ui.tour import STOPS
from tests.ui.tour_stops import SHOWS


def test_every_stop_says_what_it_shows() -> None:
    # Each tour asserts SHOWS at its stops (tour_stops.at_stops); the screen-fit test checks
    # that every stop of STOPS was visited in every look.
    assert list(SHOWS) == list(STOPS)
    assert len(set(STOPS)) == len(STOPS)

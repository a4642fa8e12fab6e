"""Tests of the summary's Pain cell for a set left unrated on purpose (K) and one never asked."""

from __future__ import annotations

from hiptimer.core.clock import FakeClock
from hiptimer.core.history.records import StoredSet
from hiptimer.core.history.resume import earlier_records
from hiptimer.core.session.events import EndReason
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.summary_page import SessionResult, record_row
from tests.harness import advance_until, fake_engine, hold, routine

PAIN = 5  # the Pain column of a summary row


def test_a_set_left_unrated_reads_no_rating_as_history_does() -> None:
    """user27: K on the pain question left the summary's Pain cell empty, as for a question
    the session never reached, while History (and the CSV's pain_skipped) said *no rating*
    for the same set; the two ended on one screen after another."""
    clock = FakeClock()
    r = routine(hold("a", hold_s=5, sets=4))
    engine = fake_engine(r, clock)
    engine.start()
    for answer in ("skip", "rate", "rate-then-skip", "skip-again"):
        advance_until(clock, lambda: engine.step.kind is StepKind.PAIN, engine.update)
        if answer == "skip":
            assert engine.skip_pain()
        elif answer == "rate":
            assert engine.rate_pain(2)
        elif answer == "rate-then-skip":  # Backspace in the rest after it, then K
            assert engine.rate_pain(3)
            assert engine.change_rating()
            assert engine.skip_pain()
        else:  # the last set: K ends the session
            assert engine.skip_pain()
    assert engine.ended is EndReason.COMPLETED
    result = SessionResult(r, tuple(engine.records), EndReason.COMPLETED, 60.0)
    rows = [record_row(rec)[PAIN] for rec in result.records]
    assert rows == ["no rating", "2/10", "no rating", "no rating"]


def test_a_resumed_sessions_earlier_sets_keep_their_no_rating() -> None:
    """The summary of a resumed session counts the sets before the stop from the history:
    a set left unrated there reads *no rating* too, one whose question the stop cut off
    (never answered) stays empty."""
    from datetime import datetime, timezone

    now = datetime(2030, 1, 2, 9, 30, tzinfo=timezone.utc)
    kept = StoredSet("a", "A", 1, now, now, planned_hold_s=5, actual_hold_s=5, pain_skipped=True)
    cut = StoredSet("a", "A", 2, now, now, planned_hold_s=5, actual_hold_s=5)
    rows = [record_row(rec)[PAIN] for rec in earlier_records([kept, cut])]
    assert rows == ["no rating", ""]

"""Tests of a stored set's words for what was done, and of the store and the CSV counting sets
by the one definition of an outcome (tested in tests/core/session/test_set_outcome.py)."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiptimer.core.history.outcome import done_text
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import open_history
from hiptimer.core.session.set_outcome import count_sets

T0 = datetime(2025, 3, 3, 8, tzinfo=timezone.utc)


def attempt(
    number: int = 1, *, done: bool = True, skipped: bool = False, side: str | None = None
) -> StoredSet:
    return StoredSet("bridge", "Bridge", number, T0, T0, side=side, planned_reps=10,
                     actual_reps=10 if done else 4, completed=done, skipped=skipped)  # fmt: skip


def test_a_set_says_what_was_done_and_how_it_ended() -> None:
    assert done_text(attempt(1, done=False)) == "4 reps (partly done)"
    assert done_text(attempt(1, skipped=True)) == "skipped"
    assert done_text(attempt(1), counted=False) == "10 reps \u00b7 not counted"


def test_a_re_test_says_its_result_where_a_set_says_its_time() -> None:
    def test(held: float, result: float | None, unit: str, **kw: object) -> StoredSet:
        return StoredSet("t", "Test", 1, T0, T0, planned_hold_s=30, actual_hold_s=held,
                         result=result, result_unit=unit, **kw)  # type: ignore[arg-type]  # fmt: skip

    assert done_text(test(30, 12, "stands")) == "12 stands"  # not "30 s"
    assert done_text(test(1.4, 12.7, "cm")) == "12.7 cm"  # typed in; the set took 1.4 s
    assert done_text(test(17.3, 17.3, "s")) == "17.3 s"
    # A chair stand ended early has no result; a measured value not typed in (K) neither.
    assert done_text(test(10, None, "stands", completed=False)) == "no result (partly done)"
    assert done_text(test(1.4, None, "cm")) == "no result"
    assert done_text(test(0, None, "cm", skipped=True, completed=False)) == "skipped"
    assert done_text(test(30, 12, "stands"), counted=False) == "12 stands \u00b7 not counted"


ATTEMPTS = st.lists(
    st.tuples(st.integers(1, 3), st.sampled_from([None, "right"]), st.booleans(), st.booleans()),
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions=st.lists(st.tuples(ATTEMPTS, st.none() | st.integers(0, 8)), max_size=3))
def test_the_store_and_the_csv_count_as_the_definition(
    sessions: list[tuple[list[tuple[int, str | None, bool, bool]], int | None]],
) -> None:
    """The session list counts in SQL (with Python where a set was tried twice), the CSV
    while it writes: both give what count_sets gives for the same attempts."""
    with tempfile.TemporaryDirectory() as folder, open_history(Path(folder) / "h.db") as store:
        expected = {}
        for n, (tries, planned) in enumerate(sessions):
            start = T0 + timedelta(days=n)
            sid = store.begin_session("hips", "Hips", 1, {}, start, sets_planned=planned)
            records = [
                StoredSet(
                    "bridge",
                    "Bridge",
                    number,
                    start,
                    start,
                    side=side,
                    completed=done,
                    skipped=skipped,
                    planned_reps=5,
                    actual_reps=5,
                )
                for number, side, done, skipped in tries
            ]
            for r in records:
                store.add_set(sid, r)
            expected[sid] = count_sets(records, planned)
        assert {s.id: s.counts for s in store.list_sessions()} == expected
        out = io.StringIO(newline="")
        store.export_csv(out)
        for row in csv.DictReader(io.StringIO(out.getvalue())):
            counts = expected[int(row["session_id"])]
            assert (
                int(row["sets_done"]),
                int(row["sets_partly_done"]),
                int(row["sets_skipped"]),
                int(row["sets_not_reached"]),
            ) == (counts.done, counts.partly_done, counts.skipped, counts.not_reached)

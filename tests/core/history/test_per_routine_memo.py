"""Tests of hiptimer.core.history.per_routine_memo: a value per routine, never kept past a
write to the history."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest

from hiptimer.core.history.per_routine_memo import PerRoutineMemo
from hiptimer.core.history.records import SessionSummary
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine
from tests.harness import hold, quick_routine

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
A = quick_routine(hold("clam", hold_s=30))
B = dataclasses.replace(A, id="other")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def note_from_elsewhere(store: HistoryStore, text: str) -> None:
    """Another copy of HipTimer writes to the same file."""
    other = sqlite3.connect(store.path)
    with other:
        other.execute("UPDATE sessions SET note = ?", (text,))
    other.close()


class Reads:
    """The last session of a routine, read from the history; counts the reads."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.count = 0

    def of(self, routine: Routine) -> Callable[[], SessionSummary | None]:
        def read() -> SessionSummary | None:
            self.count += 1
            return self.store.last_session_for(routine.id)

        return read


def test_kept_until_this_store_or_another_program_writes(store: HistoryStore) -> None:
    memo: PerRoutineMemo[SessionSummary | None] = PerRoutineMemo()
    reads = Reads(store)
    assert memo.get(store, A, reads.of(A)) is None
    assert memo.get(store, A, reads.of(A)) is None and reads.count == 1
    sid = store.begin_session(A.id, A.title, A.revision, {}, T0)
    last = memo.get(store, A, reads.of(A))
    assert last is not None and last.id == sid and reads.count == 2
    note_from_elsewhere(store, "from elsewhere")
    last = memo.get(store, A, reads.of(A))
    assert last is not None and last.note == "from elsewhere" and reads.count == 3


def test_a_write_while_reading_makes_the_next_look_read_again(store: HistoryStore) -> None:
    # The value read saw the history before the write: keeping it as if after would keep a
    # stale value until the next write.
    memo: PerRoutineMemo[SessionSummary | None] = PerRoutineMemo()
    store.begin_session(A.id, A.title, A.revision, {}, T0)

    def read_then_written_to() -> SessionSummary | None:
        seen = store.last_session_for(A.id)
        note_from_elsewhere(store, "written meanwhile")
        return seen

    assert memo.get(store, A, read_then_written_to) is not None
    last = memo.get(store, A, lambda: store.last_session_for(A.id))
    assert last is not None and last.note == "written meanwhile"


def test_read_again_for_another_routine_or_another_also(store: HistoryStore) -> None:
    memo: PerRoutineMemo[int] = PerRoutineMemo()
    reads = Reads(store)

    def counted(routine: Routine) -> Callable[[], int]:
        read = reads.of(routine)
        return lambda: (read(), reads.count)[1]

    assert memo.get(store, A, counted(A), also=5) == 1
    assert memo.get(store, dataclasses.replace(A), counted(A), also=5) == 1  # equal: kept
    assert memo.get(store, A, counted(A), also=3) == 2  # the pain limit changed, say
    assert memo.get(store, dataclasses.replace(A, revision=2), counted(A), also=3) == 3
    assert memo.get(store, B, counted(B), also=3) == 4  # each routine its own
    assert memo.get(store, dataclasses.replace(A, revision=2), counted(A), also=3) == 3


def test_a_read_that_fails_keeps_nothing(store: HistoryStore) -> None:
    memo: PerRoutineMemo[int] = PerRoutineMemo()

    def locked() -> int:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError):
        memo.get(store, A, locked)
    assert memo.get(store, A, lambda: 7) == 7


def test_a_store_opened_anew_is_read_again(tmp_path: Path) -> None:
    memo: PerRoutineMemo[int] = PerRoutineMemo()
    with open_history(tmp_path / "h.sqlite3") as first:
        assert memo.get(first, A, lambda: 1) == 1
    with open_history(tmp_path / "h.sqlite3") as again:
        assert memo.get(again, A, lambda: 2) == 2


def test_never_a_stale_value_whatever_the_order_of_writes_and_looks(
    store: HistoryStore,
) -> None:
    """Writes by the store and by another program, routines changed and looks, in a random
    order: every look gives what a fresh read gives."""
    memo: PerRoutineMemo[SessionSummary | None] = PerRoutineMemo()
    pick = random.Random(18)
    routines = [A, B, dataclasses.replace(A, revision=2)]
    sessions: list[int] = []
    for step in range(300):
        action = pick.randrange(5)
        at = T0 + timedelta(minutes=step)
        routine = pick.choice(routines)
        if action == 0:
            sessions.append(store.begin_session(routine.id, routine.title, 1, {}, at))
        elif action == 1 and sessions:
            store.finish_session(pick.choice(sessions), "completed", at)
        elif action == 2:
            note_from_elsewhere(store, f"note {step}")
        else:
            fresh = store.last_session_for(routine.id)
            assert memo.get(store, routine, partial(store.last_session_for, routine.id)) == fresh

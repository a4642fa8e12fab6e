"""Tests of hiptimer.core.dosing.waiting: suggestions counted again only after a change."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer.core.dosing import waiting
from hiptimer.core.dosing.decisions import decline
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine
from tests.core.dosing.bridge_advice import BRIDGE, BRIDGE_UP, NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The routines whose suggestions were made; each made one step up of the bridge after
    the routine's last session (the rules themselves are tested in test_rules.py)."""
    made: list[str] = []

    def recommend(store: HistoryQueries, routine: Routine, rules: object) -> list[Recommendation]:
        made.append(routine.id)
        last = store.last_session_for(routine.id)
        return [dataclasses.replace(BRIDGE_UP, session_id=last.id)] if last else []

    monkeypatch.setattr(waiting, "routine_recommendations", recommend)
    return made


MINE = Routine("mine", "Mine", (BRIDGE,))


def test_counted_once_until_the_history_changes(store: HistoryStore, counted: list[str]) -> None:
    unanswered = waiting.Unanswered()
    sid = store.begin_session("mine", "Mine", 1, {}, NOW)
    assert len(unanswered.of(store, MINE, 5)) == 1
    assert len(unanswered.of(store, MINE, 5)) == 1
    assert counted == ["mine"]
    store.finish_session(sid, "completed", NOW)  # a session ends
    assert len(unanswered.of(store, MINE, 5)) == 1 and len(counted) == 2
    decline(store, "mine", dataclasses.replace(BRIDGE_UP, session_id=sid), NOW)  # answered
    assert unanswered.of(store, MINE, 5) == [] and len(counted) == 3
    assert unanswered.of(store, MINE, 5) == [] and len(counted) == 3


def test_counted_again_for_another_limit_routine_or_program(
    store: HistoryStore, counted: list[str]
) -> None:
    unanswered = waiting.Unanswered()
    store.begin_session("mine", "Mine", 1, {}, NOW)
    unanswered.of(store, MINE, 5)
    unanswered.of(store, MINE, 3)  # the pain limit changed in Settings
    unanswered.of(store, dataclasses.replace(MINE, revision=2), 3)  # a dose kept, say
    assert len(counted) == 3
    other = sqlite3.connect(store.path)  # another copy of HipTimer writes
    with other:
        other.execute("UPDATE sessions SET note = 'from elsewhere'")
    other.close()
    unanswered.of(store, dataclasses.replace(MINE, revision=2), 3)
    assert len(counted) == 4


def test_a_history_that_cannot_be_read_offers_nothing_and_is_read_again(
    store: HistoryStore, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unanswered = waiting.Unanswered()
    store.begin_session("mine", "Mine", 1, {}, NOW)

    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as mp:
        mp.setattr(HistoryQueries, "dose_changes", locked)
        assert len(unanswered.of(store, MINE, 5)) == 1  # as before: every offer counts
    assert len(unanswered.of(store, MINE, 5)) == 1 and len(counted) == 2  # not kept


def test_an_unreadable_history_is_logged_by_one_reader_whoever_asks(
    store: HistoryStore, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The library's count (Unanswered) and the suggestion cards and check-in (read_or) said
    # the same warning from two modules; one place says it now.
    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(HistoryQueries, "changes", locked)
    assert waiting.Unanswered().of(store, MINE, 5) == []
    assert waiting.read_or(store.changes, None) is None
    said = [(r.name, r.getMessage()) for r in caplog.records]
    text = "Could not read the history for dose suggestions: database is locked"
    assert said == [("hiptimer.core.dosing.waiting", text)] * 2

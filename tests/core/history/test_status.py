"""Tests for the history status port: fields for the window, one sentence for logs and the CLI."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hiptimer.core.history.status import DEGRADED, HistoryState, HistoryStatus

DB = Path("/data/history.sqlite3")


def test_saving_has_nothing_to_say() -> None:
    status = HistoryStatus(HistoryState.OK, DB)
    assert status.saving and status.message is None
    assert (status.reason, status.pending, status.notice) == ("", 0, None)


def test_not_saving_keeps_the_reason_apart_from_the_sentence() -> None:
    status = HistoryStatus(HistoryState.NOT_SAVING, DB, "database or disk is full", pending=3)
    assert not status.saving and status.reason == "database or disk is full"
    assert status.message == DEGRADED.format(reason="database or disk is full")
    assert status.message.startswith("Saving history failed: database or disk is full;")


def test_off_says_why_in_the_databases_own_words() -> None:
    status = HistoryStatus.off(DB, "The history database was made by a newer HipTimer.")
    assert status.state is HistoryState.OFF and status.path == DB and not status.saving
    assert status.message == "The history database was made by a newer HipTimer."


def test_a_status_is_a_value() -> None:
    status = HistoryStatus(HistoryState.OK, DB)
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.pending = 2  # type: ignore[misc]
    assert status == HistoryStatus(HistoryState.OK, DB)

"""Today's reminder state on disk: round trip, and a damaged file starts afresh."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.plan.state_file import load_state, save_state


def test_the_state_goes_to_disk_and_back(tmp_path: Path) -> None:
    when = datetime(2026, 1, 5, 18, 10, tzinfo=timezone.utc)
    state = ReminderState(date(2026, 1, 5), {"a"}, {"b"}, {"c": when}, when, {"d": (when, when)})
    path = tmp_path / "reminders-today.json"
    assert save_state(path, state)
    assert load_state(path) == state
    assert load_state(tmp_path / "missing.json") == ReminderState()


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"day": "yesterday"}',
        '{"fired": "a"}',
        '{"snoozed": {"a": "2026-01-05T18:00"}}',  # no offset
        '{"overnight": {"a": "2026-01-05T18:00+01:00"}}',
        '{"overnight": {"a": {"planned": "2026-01-05T23:50+01:00"}}}',
        '{"fired": [' + ",".join(['"a"'] * 201) + "]}",
    ],
)
def test_a_damaged_file_starts_afresh(tmp_path: Path, text: str) -> None:
    path = tmp_path / "reminders-today.json"
    path.write_text(text)
    assert load_state(path) == ReminderState()


def test_a_folder_that_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert not save_state(blocker / "reminders-today.json", ReminderState())

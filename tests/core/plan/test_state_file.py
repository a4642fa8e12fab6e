"""Today's reminder state on disk: round trip, and a damaged file starts afresh."""

from __future__ import annotations

import errno
import logging
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.plan import state_file
from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.plan.state_file import load_state, save_state
from tests.read_only import fake_read_only


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


@pytest.mark.parametrize(
    ("read_only", "refusal", "left_to_the_window"),
    [
        (True, errno.EIO, True),  # the window names the folder read-only: its words say why
        (False, errno.EACCES, False),  # a writable folder: the window says nothing of this
        (False, errno.EROFS, False),
    ],
    ids=["read-only folder, EIO", "writable folder, EACCES", "writable folder, EROFS"],
)
def test_only_a_folder_the_window_calls_read_only_keeps_its_line_off_the_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    read_only: bool,
    refusal: int,
    left_to_the_window: bool,
) -> None:
    """The window's words for a read-only folder come from safe_write.read_only_folder;
    the log line said as much on the terminal by the write's errno instead, so an EACCES in
    a folder the window called writable went unsaid anywhere but the log file (tidy13)."""
    if read_only:
        fake_read_only(monkeypatch, tmp_path)

    def refused(path: Path) -> Any:
        raise OSError(refusal, "refused", str(path))

    monkeypatch.setattr(state_file, "replacing_text", refused)
    with caplog.at_level(logging.WARNING, logger=state_file.__name__):
        assert not save_state(tmp_path / state_file.FILE_NAME, ReminderState())
    (record,) = caplog.records
    assert getattr(record, "said_in_the_window", False) is left_to_the_window

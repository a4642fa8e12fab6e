"""Today's reminder state on disk: round trip, and a damaged file starts afresh, moved aside."""

from __future__ import annotations

import errno
import logging
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.plan import state_file
from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.plan.state_file import load_state, read_state, save_state
from hiptimer.core.safe_read import UnreadableFile
from tests.read_only import fake_read_only

NOW = datetime(2026, 12, 6, 19, 25)


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
def test_a_damaged_file_starts_afresh_and_is_moved_aside_never_overwritten(
    tmp_path: Path, text: str
) -> None:
    """It used to be ignored and then written over at the first look (contract17): moved
    aside instead, with a dated name, as the settings file and the history are."""
    path = tmp_path / "reminders-today.json"
    path.write_text(text)
    read = read_state(path, NOW)
    assert read.state == ReminderState() and not read.keep_off
    aside = tmp_path / "reminders-today.json.damaged-20261206-192500"
    assert aside.read_text() == text and not path.exists()
    assert read.notice is not None
    notice = read.notice()
    assert str(path) in notice and str(aside) in notice and "start afresh" in notice
    assert save_state(path, ReminderState(day=date(2026, 12, 6)))  # a new file, the old kept
    assert aside.read_text() == text


def test_a_file_too_large_or_a_folder_in_its_place_is_moved_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "reminders-today.json"
    path.write_bytes(b" " * (state_file.MAX_BYTES + 1))
    first = read_state(path, NOW)
    assert first.notice is not None and "at most 64 KiB" in first.notice()
    path.mkdir()
    second = read_state(path, NOW)
    assert second.notice is not None and "is a folder" in second.notice()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "reminders-today.json.damaged-20261206-192500",
        "reminders-today.json.damaged-20261206-192500-2",
    ]


def test_a_damaged_file_that_cannot_be_moved_aside_is_never_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reminders-today.json"
    path.write_text("not json")

    def refused(path: Path, now: datetime) -> Path:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(state_file, "move_aside", refused)
    read = read_state(path, NOW)
    assert read.keep_off and read.notice is not None
    assert "nor moved aside (Permission denied)" in read.notice()
    assert path.read_text() == "not json"


def test_a_file_that_cannot_be_read_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission (root reads any file, so the refusal is faked): it may hold today's
    state, so it is kept, never written over, as an unreadable settings file is."""
    path = tmp_path / "reminders-today.json"
    path.write_text("{}")

    def refused(path: Path, limit: int) -> str:
        raise UnreadableFile("cannot read the file (Permission denied)")

    monkeypatch.setattr(state_file, "read_small_text", refused)
    read = read_state(path, NOW)
    assert read.keep_off and read.notice is not None
    assert "Permission denied" in read.notice() and "not saved over" in read.notice()
    assert path.read_text() == "{}" and list(tmp_path.iterdir()) == [path]


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


def test_a_state_with_nothing_to_keep_gives_no_text() -> None:
    """Nothing shown, snoozed or skipped and no pause gives what a missing file gives: the
    reminders wrote (and fsynced) such a file at every start."""
    when = datetime(2026, 1, 5, 18, 10, tzinfo=timezone.utc)
    assert state_file.kept_text(ReminderState()) is None
    assert state_file.kept_text(ReminderState(day=date(2026, 1, 5))) is None
    kept = [
        ReminderState(date(2026, 1, 5), fired={"a"}),
        ReminderState(date(2026, 1, 5), skipped={"a"}),
        ReminderState(date(2026, 1, 5), snoozed={"a": when}),
        ReminderState(date(2026, 1, 5), paused_until=when),
        ReminderState(date(2026, 1, 5), overnight={"a": (when, when)}),
    ]
    for state in kept:
        assert state_file.kept_text(state) == state_file.state_text(state)


def test_a_data_folder_that_is_a_file_is_named_and_left_to_the_window(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """HIPTIMER_HOME naming a file: the terminal printed "Cannot save .../reminders-today.json:
    File exists" beside the strip that says the data folder is a file (README: reminders not
    saved go to the log alone, as the history's line does)."""
    blocker = tmp_path / "data"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger=state_file.__name__):
        assert not save_state(blocker / state_file.FILE_NAME, ReminderState())
    (record,) = caplog.records
    assert record.getMessage().endswith(f"{blocker} is a file, not a folder")
    assert getattr(record, "said_in_the_window", False) is True

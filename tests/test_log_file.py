"""The log file: warnings kept in the data folder, one old log beside it, never a block on a FIFO."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer import log_file


@pytest.fixture(autouse=True)
def stopped() -> Iterator[None]:
    yield
    log_file.stop()


def test_warnings_go_to_the_log_and_to_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = log_file.start(tmp_path)
    assert path == tmp_path / "hiptimer.log"
    logging.getLogger("hiptimer.test").warning("Speech is off: %s", "no player")
    logging.getLogger("hiptimer.test").info("not kept")
    text = path.read_text(encoding="utf-8")
    assert "WARNING hiptimer.test: Speech is off: no player" in text
    assert "not kept" not in text
    assert "WARNING:hiptimer.test:Speech is off: no player" in capsys.readouterr().err


def test_a_second_start_takes_the_place_of_the_first(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    log_file.start(tmp_path / "a")
    log_file.start(tmp_path / "b")
    assert len(root.handlers) == len(before) + 2  # standard error and one file, not two
    logging.getLogger("hiptimer.test").warning("second")
    assert "second" not in (tmp_path / "a" / "hiptimer.log").read_text(encoding="utf-8")
    assert "second" in (tmp_path / "b" / "hiptimer.log").read_text(encoding="utf-8")
    log_file.stop()
    assert root.handlers == before


def test_a_long_log_becomes_the_old_one_at_the_next_start(tmp_path: Path) -> None:
    (tmp_path / "hiptimer.log.1").write_text("older\n")
    (tmp_path / "hiptimer.log").write_text("x" * (log_file.MAX_BYTES + 1))
    path = log_file.start(tmp_path)
    assert path is not None and path.stat().st_size == 0
    assert (tmp_path / "hiptimer.log.1").stat().st_size == log_file.MAX_BYTES + 1
    (tmp_path / "hiptimer.log").write_text("short\n")
    log_file.stop()
    log_file.start(tmp_path)  # a short log is appended to
    assert (tmp_path / "hiptimer.log").read_text() == "short\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_log_s_place_gets_no_log_and_no_wait(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "hiptimer.log")  # opening it to write would wait for a reader
    assert log_file.start(tmp_path) is None


def test_a_folder_that_cannot_hold_a_log_gets_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert log_file.start(tmp_path / "missing") is None
    logging.getLogger("hiptimer.test").warning("still said")
    assert "still said" in capsys.readouterr().err


class _FullDisk:
    """A log file's stream on a full disk: every write is refused."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_log_the_disk_refuses_is_said_once_not_a_traceback_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """HIPTIMER_HOME on a full 64 KiB tmpfs: each warning printed "--- Logging error ---" and
    a traceback of some thirty lines on standard error, beside the warning itself."""
    path = log_file.start(tmp_path)
    handlers = logging.getLogger().handlers
    [to_file] = [h for h in handlers if getattr(h, "baseFilename", None) == str(path)]
    assert isinstance(to_file, logging.FileHandler)
    was = to_file.setStream(_FullDisk())  # type: ignore[arg-type]
    assert was is not None
    was.close()
    for n in range(3):
        logging.getLogger("hiptimer.test").warning("History can't be saved (%d)", n)
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert err.count(f"hiptimer: cannot write the log {path}: ") == 1
    assert "No space left on device" in err
    assert err.count("WARNING:hiptimer.test:History can't be saved") == 3  # still said

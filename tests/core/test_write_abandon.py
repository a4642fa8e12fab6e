"""Tests of abandoning a file being written on another thread (the history window closed
while its export ran): nothing is put under the final name."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hiptimer.core.safe_write import replacing_text
from hiptimer.core.write_abandon import Abandon, Abandoned


def test_an_abandoned_write_leaves_the_old_file_and_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "history.csv"
    target.write_text("an older export")
    abandon = Abandon()
    with abandon.watching(), pytest.raises(Abandoned), replacing_text(target) as fh:
        fh.write("half of ten years")
        abandon.abandon()  # the window closes while the thread writes
    assert target.read_text() == "an older export"
    assert [p.name for p in tmp_path.iterdir()] == ["history.csv"]


def test_a_write_not_watched_or_not_abandoned_goes_ahead(tmp_path: Path) -> None:
    abandon = Abandon()
    abandon.abandon()  # another thread's: this one does not watch it
    with replacing_text(tmp_path / "a.csv") as fh:
        fh.write("a")
    kept = Abandon()
    with kept.watching(), replacing_text(tmp_path / "b.csv") as fh:
        fh.write("b")
    assert (tmp_path / "a.csv").read_text() == "a" and (tmp_path / "b.csv").read_text() == "b"


def test_what_a_thread_watches_does_not_reach_another_thread(tmp_path: Path) -> None:
    abandon = Abandon()
    abandon.abandon()
    with abandon.watching():
        other = threading.Thread(target=lambda: (tmp_path / "x").write_text("x"))
        other.start()
        other.join()
        written: list[Path] = []

        def write() -> None:
            with replacing_text(tmp_path / "y.csv") as fh:
                fh.write("y")
            written.append(tmp_path / "y.csv")

        thread = threading.Thread(target=write)
        thread.start()
        thread.join()
    assert written and written[0].read_text() == "y"

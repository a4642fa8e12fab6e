"""Tests of abandoning a file being written on another thread (the history window closed
while its export ran): nothing is put under the final name."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hiptimer.core.safe_write import replacing_text
from hiptimer.core.write_abandon import Abandon, Abandoned, abandon_all, stop_if_abandoned


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


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_abandon_removes_the_file_beside_at_once(tmp_path: Path) -> None:
    # Not once the writer has run to its end: an app that quits kills its thread before then.
    target = tmp_path / "history.csv"
    abandon = Abandon()
    with abandon.watching(), pytest.raises(Abandoned), replacing_text(target) as fh:
        fh.write("half of ten years")
        assert len(beside(tmp_path)) == 1
        abandon.abandon()
        assert beside(tmp_path) == []  # while the writer still writes
        fh.write(" and the rest")
    assert list(tmp_path.iterdir()) == []


def test_a_write_begun_after_abandon_makes_nothing(tmp_path: Path) -> None:
    abandon = Abandon()
    abandon.abandon()
    with abandon.watching(), pytest.raises(Abandoned), replacing_text(tmp_path / "a.csv") as fh:
        fh.write("a")
    assert list(tmp_path.iterdir()) == []


def test_abandon_all_removes_what_other_threads_write_beside_now(tmp_path: Path) -> None:
    # The app quits mid-export: its daemon thread dies with the process, the file beside not.
    target = tmp_path / "history.csv"
    target.write_text("an older export")
    writing, go_on = threading.Event(), threading.Event()
    ended: list[BaseException] = []

    def export() -> None:
        try:
            with Abandon().watching(), replacing_text(target) as fh:
                fh.write("half")
                writing.set()
                assert go_on.wait(60)
        except BaseException as exc:
            ended.append(exc)

    thread = threading.Thread(target=export, daemon=True)
    thread.start()
    assert writing.wait(60) and len(beside(tmp_path)) == 1
    abandon_all()
    assert beside(tmp_path) == [] and target.read_text() == "an older export"
    go_on.set()
    thread.join()
    assert [type(e) for e in ended] == [Abandoned]
    assert [p.name for p in tmp_path.iterdir()] == ["history.csv"]
    abandon_all()  # nothing watched any more: nothing to do


def test_stop_if_abandoned_stops_only_a_watched_writer_once_abandoned() -> None:
    # The command line's export has nothing watching it: it never stops short.
    stop_if_abandoned()
    abandon = Abandon()
    with abandon.watching():
        stop_if_abandoned()  # not abandoned yet: goes on
        abandon.abandon()
        with pytest.raises(Abandoned):
            stop_if_abandoned()
    stop_if_abandoned()  # outside the block, this thread writes for no one else

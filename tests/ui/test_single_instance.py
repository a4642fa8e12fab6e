"""One copy per data folder: the lock, the hand-over of a second start's request, stale locks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from pytestqt.qtbot import QtBot

from hiptimer.ui.single_instance import LOCK_NAME, FirstCopy, Request, claim, server_name


def test_the_name_is_the_same_for_every_path_to_one_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    assert server_name(tmp_path / "data") == server_name(tmp_path / "link")
    assert server_name(tmp_path / "data") != server_name(tmp_path)


def test_a_request_survives_the_wire_and_junk_is_harmless() -> None:
    request = Request("/some/routine.json", True)
    assert Request.decode(request.encode()) == request
    assert Request.decode(b"\xff not json") == Request()
    assert Request.decode(b'["a list"]') == Request()


def test_a_second_start_hands_its_request_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = claim(tmp_path, Request())
    assert isinstance(first, FirstCopy)
    received: list[Request] = []
    first.requested.connect(received.append)
    # The second copy is another process: its blocking hand-over must not block our loop.
    code = (
        "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from hiptimer.ui.single_instance import Request, claim;"
        "app = QCoreApplication([]);"
        f"got = claim(Path({str(tmp_path)!r}), Request('daily-hip-stretches', True));"
        "sys.exit(0 if got is True else 3)"
    )
    second = subprocess.Popen([sys.executable, "-c", code])
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.returncode == 0
    assert received == [Request("daily-hip-stretches", True)]
    first.release()


def test_a_lock_left_by_a_killed_copy_is_taken_over(tmp_path: Path) -> None:
    # A lock file naming a process that no longer exists, as a SIGKILL leaves it.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    host = os.uname().nodename
    (tmp_path / LOCK_NAME).write_text(f"{dead}\nhiptimer\n{host}\n")
    first = claim(tmp_path, Request())
    assert isinstance(first, FirstCopy)
    assert not QLockFile(str(tmp_path / LOCK_NAME)).tryLock(0)  # now it is ours
    first.release()

"""One copy per data folder: the lock, the hand-over of a second start's request, stale locks
and sockets, and a holder that does not answer (the second window reads only)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from hiptimer.core.instance import LOCK_NAME, Outcome, Request, instance_key
from hiptimer.ui import single_instance
from hiptimer.ui.single_instance import FirstCopy, claim

# The first lines of a script that claims a data folder in a process of its own.
CLAIMING = (
    "import sys\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from hiptimer.core.instance import Outcome, Request\n"
    "from hiptimer.ui.single_instance import claim\n"
    "app = QCoreApplication([])  # as run_app makes it before the claim\n"
)


def _first(data: Path) -> FirstCopy:
    first = claim(data, Request())
    assert isinstance(first, FirstCopy)
    return first


def _second_start(data: Path, request: Request, expected: Outcome) -> subprocess.Popen[bytes]:
    """A second start in another process (its blocking hand-over must not block our loop):
    it exits 0 when its claim gives `expected`, else 3."""
    code = (
        "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from hiptimer.core.instance import Outcome, Request;"
        "from hiptimer.ui.single_instance import claim;"
        "app = QCoreApplication([]);"
        f"got = claim(Path({str(data)!r}), Request({request.routine!r}, {request.start}));"
        f"sys.exit(0 if got is Outcome.{expected.name} else 3)"
    )
    return subprocess.Popen([sys.executable, "-c", code])


def test_a_second_start_hands_its_request_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = _first(tmp_path)
    assert first.listen()
    received: list[Request] = []
    first.requested.connect(received.append)
    second = _second_start(tmp_path, Request("daily-hip-stretches", True), Outcome.HANDED_OVER)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.returncode == 0
    assert received == [Request("daily-hip-stretches", True)]
    first.release()


@pytest.mark.parametrize(
    ("request_", "busy", "expected"),
    [
        (Request("daily-hip-stretches", True), True, Outcome.BUSY),
        (Request(), True, Outcome.HANDED_OVER),  # nothing asked to open: nothing refused
        (Request("daily-hip-stretches"), False, Outcome.HANDED_OVER),
    ],
    ids=["routine-during-a-session", "plain-during-a-session", "routine-when-idle"],
)
def test_a_second_start_learns_that_a_session_kept_its_routine_from_opening(
    qtbot: QtBot, tmp_path: Path, request_: Request, busy: bool, expected: Outcome
) -> None:
    # The terminal said only "its window was brought forward" while the window refused the
    # routine ("A session is running: finish or end it ...") where the user did not look.
    first = _first(tmp_path)
    first.busy = lambda: busy
    assert first.listen()
    received: list[Request] = []
    first.requested.connect(received.append)
    second = _second_start(tmp_path, request_, expected)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.returncode == 0
    assert received == [request_]  # the window still comes forward and decides
    first.release()


def test_a_copy_let_go_while_a_second_start_is_still_connected_ends_cleanly(
    tmp_path: Path,
) -> None:
    # Each accepted socket's readyRead held a lambda on the FirstCopy: a copy no longer
    # referenced lived on through it until the second start hung up, and the socket's
    # deleteLater then freed the copy, its server and that socket a second time (a segfault of
    # an xdist worker after the BUSY test). In a process of its own: a crash must not take
    # this worker with it.
    code = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtNetwork import QLocalSocket\n"
        "from hiptimer.core.instance import Request\n"
        "from hiptimer.ui.single_instance import claim\n"
        "app = QCoreApplication([])\n"
        "first = claim(Path(sys.argv[1]), Request())\n"
        "assert first.listen()\n"
        "asked = []\n"
        "first.requested.connect(asked.append)\n"
        "second = QLocalSocket()\n"
        "second.connectToServer(first.name)\n"
        "assert second.waitForConnected(5000)\n"
        "second.write(Request('daily-hip-stretches').encode())\n"
        "second.flush()\n"
        "while not asked:\n"
        "    app.processEvents()\n"
        "first.release()\n"
        "gone = []\n"
        "first.destroyed.connect(lambda: gone.append(True))\n"
        "del first\n"
        "print('gone' if gone else 'kept', flush=True)\n"
        "second.abort()  # hangs up: the first copy's socket is deleted later\n"
        "for _ in range(50):\n"
        "    app.processEvents()\n"
        "    QCoreApplication.sendPostedEvents()\n"
        "print('ended', flush=True)\n"
    )
    offscreen = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True, text=True, timeout=60, env=offscreen,
    )  # fmt: skip
    assert (done.returncode, done.stdout.split()) == (0, ["gone", "ended"]), done.stderr


def test_a_lock_left_by_a_killed_copy_is_taken_over(tmp_path: Path) -> None:
    # A lock file naming a process that no longer exists, as a SIGKILL leaves it.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    host = os.uname().nodename
    (tmp_path / LOCK_NAME).write_text(f"{dead}\nhiptimer\n{host}\n")
    first = _first(tmp_path)
    assert not QLockFile(str(tmp_path / LOCK_NAME)).tryLock(0)  # now it is ours
    first.release()


def test_a_socket_left_by_a_killed_copy_is_removed_and_taken_over(
    qapp: object, tmp_path: Path
) -> None:  # qapp: the server's socket notifier needs this thread's event dispatcher
    # The socket file stays when its copy is killed: bound once, never unlinked.
    path = Path(QDir.tempPath()) / instance_key(tmp_path)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()
    assert path.exists()
    first = _first(tmp_path)
    try:
        assert first.listen(), first.porter and first.porter.error
    finally:
        first.release()


def test_a_holder_that_takes_the_request_and_never_answers_gives_a_read_only_start(
    qapp: object, tmp_path: Path
) -> None:
    # The holder is this process, busy (its event loop does not run): hung, or stopped.
    held = QLockFile(str(tmp_path / LOCK_NAME))
    assert held.tryLock(0)
    name = instance_key(tmp_path)
    QLocalServer.removeServer(name)
    server = QLocalServer()
    assert server.listen(name)
    started = time.monotonic()
    try:
        assert claim(tmp_path, Request()) is Outcome.READ_ONLY
    finally:
        server.close()
        held.unlock()
    assert time.monotonic() - started < single_instance.ANSWER_MS / 1000 + 1.5


def test_a_holder_that_never_listens_gives_a_read_only_start(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "STARTING_S", 0.3)
    held = QLockFile(str(tmp_path / LOCK_NAME))
    assert held.tryLock(0)
    try:
        assert claim(tmp_path, Request()) is Outcome.READ_ONLY
    finally:
        held.unlock()


def test_a_fifo_at_the_locks_place_does_not_hang_the_start(qapp: object, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / LOCK_NAME)  # the lock's reader would wait for a writer for ever
    code = (
        "from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from hiptimer.core.instance import Request; from hiptimer.ui.single_instance import claim;"
        f"app = QCoreApplication([]); print(type(claim(Path({str(tmp_path)!r}), Request())).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "FirstCopy", done.stderr


def test_a_folder_where_the_lock_goes_is_moved_aside_and_the_lock_made(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Without a lock only the socket tells, and a second start in the moment before the first
    # listened became a second full copy on the same history (review finding).
    (tmp_path / LOCK_NAME).mkdir()
    (tmp_path / LOCK_NAME / "kept.txt").write_text("someone's")
    first = _first(tmp_path)
    assert first.moved_aside is not None and first.moved_aside.name.startswith(LOCK_NAME)
    assert (first.moved_aside / "kept.txt").read_text() == "someone's"  # moved, not deleted
    assert (tmp_path / LOCK_NAME).is_file()  # the lock, held
    assert first.listen()
    code = (
        "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from hiptimer.core.instance import Outcome, Request;"
        "from hiptimer.ui.single_instance import claim;"
        f"app = QCoreApplication([]); got = claim(Path({str(tmp_path)!r}), Request());"
        "sys.exit(0 if got is Outcome.HANDED_OVER else 3)"
    )
    second = subprocess.Popen([sys.executable, "-c", code])
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    first.release()
    assert second.returncode == 0


def test_without_a_lock_a_copy_that_does_not_answer_still_gives_a_read_only_start(
    qapp: object, tmp_path: Path
) -> None:
    # A folder where the lock goes, and a copy beside it (running without a lock): only the
    # socket tells. A first copy that is hung (or stopped) took the request and said nothing; this
    # start became a full copy, offered that copy's live session for resume and wrote it twice.
    (tmp_path / LOCK_NAME).mkdir()
    name = instance_key(tmp_path)
    QLocalServer.removeServer(name)
    server = QLocalServer()
    assert server.listen(name)
    try:
        assert claim(tmp_path, Request()) is Outcome.READ_ONLY
        assert (tmp_path / LOCK_NAME).is_dir()  # not moved from under the copy beside it
    finally:
        server.close()


def test_taking_the_lock_loads_no_qtnetwork() -> None:
    # QtNetwork costs the start-up 10-20 ms: it loads once the window listens, after it shows.
    code = (
        CLAIMING + "first = claim(Path(sys.argv[1]), Request(None, False))\n"
        "print(type(first).__name__, 'PySide6.QtNetwork' in sys.modules)\n"
        "first.listen()\n"
        "print('PySide6.QtNetwork' in sys.modules)\n"
        "first.release()\n"
    )
    offscreen = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(os.environ["HIPTIMER_HOME"]))],
        capture_output=True, text=True, check=True, timeout=60, env=offscreen,
    )  # fmt: skip
    assert out.stdout.split("\n")[:2] == ["FirstCopy False", "True"]


def test_a_folder_that_cannot_hold_the_lock_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A read-only data folder: the log (printed on the terminal at start-up) said 'No lock in
    DIR (LockError.PermissionError)'. As root only a read-only mount refuses the lock: faked."""
    monkeypatch.setattr(QLockFile, "tryLock", lambda self, timeout=0: False)
    monkeypatch.setattr(QLockFile, "error", lambda self: QLockFile.LockError.PermissionError)
    first = claim(tmp_path, Request())
    assert isinstance(first, FirstCopy)
    assert caplog.messages == [
        f"Cannot make the lock {LOCK_NAME} in the data folder {tmp_path}: the folder cannot be"
        " written (read-only, or not yours). HipTimer runs without it; to save your history and"
        " settings, make the folder writable, or start HipTimer with --data-dir and a folder"
        " you can write."
    ]
    first.release()


def test_a_data_folder_that_is_a_file_is_named_as_such(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """HIPTIMER_HOME naming a file: the terminal said "Cannot make DIR: [Errno 17] File
    exists: 'DIR'" at start-up, where the window's strip says the folder is a file."""
    data = tmp_path / "data"
    data.write_text("a file", encoding="utf-8")
    first = claim(data, Request())
    assert isinstance(first, FirstCopy)
    assert caplog.messages == [
        f"Cannot make the data folder {data}: {data} is a file, not a folder. HipTimer runs"
        f" without its lock {LOCK_NAME} and saves nothing there; move that file away, or start"
        " HipTimer with --data-dir and a folder you can write."
    ]
    first.release()


class ClaimingStart:
    """A start in another process that claims `data` for a routine, prints "waiting" when the
    running copy says it is starting, then what the claim gave (FirstCopy, or the Outcome's
    name) and, as a first copy, whether it could listen."""

    CODE = (
        CLAIMING + "said = lambda: print('waiting', flush=True)\n"
        "got = claim(Path(sys.argv[1]), Request('daily-hip-stretches'), said)\n"
        "if isinstance(got, Outcome):\n"
        "    print(got.name, flush=True)\n"
        "else:\n"
        "    print(type(got).__name__, got.listen(), flush=True)\n"
        "    got.release()\n"
    )

    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE, str(data)], stdout=subprocess.PIPE, bufsize=0
        )
        assert self.process.stdout is not None
        os.set_blocking(self.process.stdout.fileno(), False)
        self.out = b""

    def said(self) -> list[str]:
        assert self.process.stdout is not None
        with contextlib.suppress(BlockingIOError):  # nothing more said yet
            self.out += os.read(self.process.stdout.fileno(), 4096)
        return self.out.decode().splitlines()

    def end(self) -> list[str]:
        self.process.wait(timeout=60)
        said = self.said()
        assert self.process.stdout is not None
        self.process.stdout.close()
        return said


@pytest.mark.parametrize(("busy", "expected"), [(False, "HANDED_OVER"), (True, "BUSY")])
def test_a_start_while_the_first_copy_is_starting_waits_for_its_answer(
    qtbot: QtBot, tmp_path: Path, busy: bool, expected: str
) -> None:
    # The window listens as soon as its routines are listed, then opens its services (seconds
    # on a loaded host): a start meanwhile is told to wait, and its request waits until the
    # window is ready (it gave up after STARTING_S and read only, session 21's finding).
    first = _first(tmp_path)
    first.busy = lambda: busy
    assert first.listen(starting=True)
    received: list[Request] = []
    first.requested.connect(received.append)
    second = ClaimingStart(tmp_path)
    try:
        qtbot.waitUntil(lambda: second.said() == ["waiting"], timeout=30_000)
        qtbot.waitUntil(lambda: first.held == 1)  # passed to this thread, and held there
        assert received == []
        first.ready()
        assert received == [Request("daily-hip-stretches")]
        assert second.end() == ["waiting", expected]
    finally:
        first.release()


def test_a_start_told_to_wait_takes_the_folder_once_the_starting_copy_is_killed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # SIGKILL in the middle of the first copy's start: the start that waited for it takes the
    # lock and the socket it left, rather than waiting READY_S and reading only.
    code = (
        CLAIMING + "first = claim(Path(sys.argv[1]), Request())\n"
        "print(first.listen(starting=True), flush=True)\n"
        "app.exec()  # never ready: held in its start\n"
    )
    starting = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert starting.stdout is not None
    try:
        assert starting.stdout.readline().strip() == "True"
        second = ClaimingStart(tmp_path)
        qtbot.waitUntil(lambda: second.said() == ["waiting"], timeout=30_000)
        starting.kill()
        starting.wait(timeout=60)  # (reaped: a zombie's pid still holds the lock)
        assert second.end() == ["waiting", "FirstCopy True"]
    finally:
        starting.kill()
        starting.wait(timeout=60)
        starting.stdout.close()

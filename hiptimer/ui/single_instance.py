"""One HipTimer per data folder: a second start hands its request to the running window.

Two copies on one history would each think the other's live session was interrupted, and
a resume could write a set twice. The first copy holds a lock file in the data folder
(QLockFile: a lock whose process is gone is taken over, so a killed copy never blocks the
next start) and, once its routines are listed, listens on a local socket named after the
folder, on a thread of its own (hiptimer.ui.instance_porter). A second start finds the lock
held, sends "come forward, and maybe open this routine" over the socket and exits. While the
first copy is still starting (its services open after the list's paint) it is told to wait,
and its request waits until the window can take it. A holder that never listens, or listens
but does not answer (hung, stopped), gets a read-only second window instead of a second writer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from hiptimer.core.instance import (
    LOCK_NAME,
    Outcome,
    Request,
    clear_foreign_lock,
    instance_key,
    lock_path,
    move_folder_aside,
)
from hiptimer.core.safe_write import make_folder

if TYPE_CHECKING:  # QtNetwork loads when a socket is needed: after the list's paint, for
    # the first copy (listen), or to hand a request over to the copy that runs
    from PySide6.QtNetwork import QLocalSocket

    from hiptimer.ui.instance_porter import Porter

log = logging.getLogger(__name__)

CONNECT_MS = 500
# A copy that accepted the request answers within milliseconds from its event loop; one
# that has not answered in this long is hung or stopped.
ANSWER_MS = 1500
# A holder that does not listen yet may still be building its window (it listens once its
# routines are listed, see FirstCopy.listen); it gets this long before this start gives up
# and reads only.
STARTING_S = 5.0
# A holder that said "wait" (it is starting: its services open) gets this long to answer:
# they take 2.4-5 s on a loaded host (session 21). Past it, it counts as hung.
READY_S = 30.0


class FirstCopy(QObject):
    """The running copy's side: holds the lock, listens, and passes requests on.

    Signals: requested(Request) when another start asked this window to come forward.
    """

    requested = Signal(object)

    def __init__(
        self,
        lock: QLockFile | None,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        moved_aside: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock = lock  # None: the folder cannot hold one (read-only, say)
        self._data_dir = data_dir
        self.moved_aside = moved_aside  # a folder found where the lock goes, and where it went
        # A session runs in the window: a routine asked for is not opened, and the start that
        # asked is told so (it said only "its window was brought forward").
        self.busy: Callable[[], bool] = lambda: False
        self.porter: Porter | None = None  # made by listen()
        self._waiting: list[tuple[int, Request]] | None = None  # while starting: not yet taken

    @property
    def name(self) -> str:
        """The socket's name: worked out when first asked (hashlib loads OpenSSL, ~2.5 ms)."""
        return instance_key(self._data_dir)

    def listen(self, *, starting: bool = False) -> bool:
        """Take requests from now on. `starting`: the window cannot take them yet (its services
        open next): a second start is told to wait, and its request waits until ready()."""
        from PySide6.QtCore import Qt

        from hiptimer.ui.instance_porter import Porter

        if self.porter is not None:  # (already, as a copy without a lock does at once)
            return not self.porter.error
        self._waiting = [] if starting else None
        self.porter = Porter(self.name, starting=starting)
        # Queued: answered from this (the window's) thread, once its event loop runs, so that
        # a hung window still reads as hung to a start after it has started.
        self.porter.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        if not self.porter.start():
            log.warning("Cannot listen on %s: %s", self.name, self.porter.error)
            return False
        return True

    @property
    def locked(self) -> bool:
        """Whether this copy holds the folder's lock (without one, only its socket tells)."""
        return self._lock is not None

    @property
    def held(self) -> int:
        """How many requests wait for ready()."""
        return len(self._waiting or ())

    def ready(self) -> None:
        """The window can take requests now: those that waited are answered and passed on."""
        waiting, self._waiting = self._waiting or [], None
        if self.porter is not None:
            self.porter.starting = False
        for number, request in waiting:
            self._answer(number, request)

    def _arrived(self, number: int, request: Request) -> None:
        if self._waiting is not None:
            self._waiting.append((number, request))
        else:
            self._answer(number, request)

    def _answer(self, number: int, request: Request) -> None:
        busy = request.routine is not None and not request.quiet and self.busy()
        if self.porter is not None:
            self.porter.answer(number, b"busy" if busy else b"ok")
        self.requested.emit(request)

    def release(self) -> None:
        porter, self.porter = self.porter, None
        if porter is not None:
            porter.stop()  # a start still told to wait hangs up, and tries the lock again
        if self._lock is not None:
            self._lock.unlock()


def claim(
    data_dir: Path, request: Request, waiting: Callable[[], None] = lambda: None
) -> FirstCopy | Outcome:
    """Become the first copy (returns it, not yet listening), or hand `request` to the
    running one (HANDED_OVER), or find one running that does not answer (READ_ONLY).
    `waiting` is called when the running copy is still starting and says to wait for it.

    A folder where the lock goes is moved aside (FirstCopy.moved_aside), when no copy answers
    beside it, so that the lock can be made. A data folder where no lock can be made
    (read-only, or that folder could not be moved) hands over to a copy that answers, reads only beside one that listens and does not
    answer (its live session must not be offered for resume and written twice), and
    otherwise gives a FirstCopy without a lock.
    """
    deadline = time.monotonic() + STARTING_S

    def told_to_wait() -> None:
        nonlocal deadline  # and should it hang up (closed, or killed), the lock is tried again
        deadline = time.monotonic() + READY_S + STARTING_S
        waiting()

    moved = None
    if lock_path(data_dir).is_dir():  # a copy may run without a lock beside it: ask first
        if (outcome := _asked(instance_key(data_dir), request, data_dir, waiting)) is not None:
            return outcome
        moved = move_folder_aside(lock_path(data_dir))
    lock = _lock_for(data_dir)
    if lock is None:
        return _without_lock(instance_key(data_dir), request, data_dir, waiting)
    while True:
        if lock.tryLock(0):
            return FirstCopy(lock, data_dir, moved_aside=moved)
        name = instance_key(data_dir)
        if lock.error() != QLockFile.LockError.LockFailedError:  # cannot write the folder
            log.warning("%s", no_lock_text(data_dir, lock.error()))
            return _without_lock(name, request, data_dir, waiting)
        if (outcome := _asked(name, request, data_dir, told_to_wait)) is not None:
            return outcome
        if time.monotonic() > deadline:
            log.warning("The copy holding %s never listened", data_dir)
            return Outcome.READ_ONLY
        time.sleep(0.1)


def no_lock_text(data_dir: Path, error: QLockFile.LockError) -> str:
    """Why no lock could be made, and what to do, in words ("LockError.PermissionError" was
    printed raw on the terminal: nothing configures logging yet when the lock is claimed)."""
    why = "an error the system did not name"
    if error == QLockFile.LockError.PermissionError:
        why = "the folder cannot be written (read-only, or not yours)"
    return (
        f"Cannot make the lock {LOCK_NAME} in the data folder {data_dir}: {why}. HipTimer"
        " runs without it; to save your history and settings, make the folder writable, or"
        " start HipTimer with --data-dir and a folder you can write."
    )


def no_folder_text(data_dir: Path, error: OSError) -> str:
    """Why the data folder could not be made, in words, and what to do ("Cannot make DIR:
    [Errno 17] File exists" was printed where the window's strip says it is a file)."""
    in_the_way = isinstance(error, NotADirectoryError)
    return (
        f"Cannot make the data folder {data_dir}: {error.strerror or error}. HipTimer runs"
        f" without its lock {LOCK_NAME} and saves nothing there; "
        + ("move that file away, or start" if in_the_way else "start")
        + " HipTimer with --data-dir and a folder you can write."
    )


def _without_lock(
    name: str, request: Request, data_dir: Path, waiting: Callable[[], None]
) -> FirstCopy | Outcome:
    """Without a lock, the socket alone tells whether a copy runs."""
    outcome = _asked(name, request, data_dir, waiting)
    return FirstCopy(None, data_dir) if outcome is None else outcome


def _asked(
    name: str, request: Request, data_dir: Path, waiting: Callable[[], None]
) -> Outcome | None:
    """HANDED_OVER when the running copy answered (BUSY: a session runs there), READ_ONLY
    when it took the request and said nothing (hung, or stopped), None when nobody listens
    (or the copy hung up without an answer: it quit, or was killed)."""
    answer = _hand_over(name, request, waiting)
    if answer is None:
        return None
    if not answer:
        log.warning("The copy running on %s took the request but did not answer", data_dir)
        return Outcome.READ_ONLY
    return Outcome.BUSY if answer == b"busy" else Outcome.HANDED_OVER


def _lock_for(data_dir: Path) -> QLockFile | None:
    """The folder's lock, not yet taken; None when the folder cannot hold one."""
    try:
        make_folder(data_dir)  # names a file in the way, not the system's "File exists"
    except OSError as exc:
        log.warning("%s", no_folder_text(data_dir, exc))
        return None
    path = lock_path(data_dir)
    if not clear_foreign_lock(path):
        return None
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    return lock


def _hand_over(name: str, request: Request, waiting: Callable[[], None]) -> bytes | None:
    """The running copy's answer (b"ok", b"busy"; b"": it took the request and said
    nothing). None: nobody listens under `name`, or it hung up without answering. A copy
    that is starting says "wait" first (`waiting` is called), and answers within READY_S."""
    from PySide6.QtNetwork import QLocalSocket

    from hiptimer.ui.instance_porter import WAIT

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(request.encode())
    socket.flush()
    answer = _next_line(socket, ANSWER_MS / 1000)
    if answer == WAIT:
        waiting()
        answer = _next_line(socket, READY_S)
    socket.abort()
    return answer


def _next_line(socket: QLocalSocket, within_s: float) -> bytes | None:
    """The next line the running copy wrote (b"": none within `within_s`); None: it hung up."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + within_s
    while not socket.canReadLine():
        left_ms = int((deadline - time.monotonic()) * 1000)
        if left_ms <= 0:
            return b""
        if not socket.waitForReadyRead(left_ms) and not socket.canReadLine():
            connected = socket.state() == QLocalSocket.LocalSocketState.ConnectedState
            return b"" if connected else None
    return bytes(socket.readLine(16).data()).strip() or b"ok"

"""One HipTimer per data folder: a second start hands its request to the running window.

Two copies on one history would each think the other's live session was interrupted, and
a resume could write a set twice. The first copy holds a lock file in the data folder
(QLockFile: a lock whose process is gone is taken over, so a killed copy never blocks the
next start) and, once its window is built, listens on a local socket named after the
folder. A second copy finds the lock held, sends "come forward, and maybe open this
routine" over the socket and exits. A holder that never listens, or listens but does not
answer (hung, stopped), gets a read-only second window instead of a second writer.
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
    MAX_MESSAGE,
    Outcome,
    Request,
    clear_foreign_lock,
    instance_key,
    lock_path,
    move_folder_aside,
)
from hiptimer.core.safe_write import make_folder

if TYPE_CHECKING:  # QtNetwork loads when a socket is needed: after the window shows, for
    # the first copy (listen), or to hand a request over to the copy that runs
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 500
# A copy that accepted the request answers within milliseconds from its event loop; one
# that has not answered in this long is hung or stopped.
ANSWER_MS = 1500
# A holder that does not listen yet may still be building its window (listening waits for
# it, see FirstCopy.listen); it gets this long before this start gives up and reads only.
STARTING_S = 5.0


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
        self.server: QLocalServer | None = None  # made by listen()

    @property
    def name(self) -> str:
        """The socket's name: worked out when first asked (hashlib loads OpenSSL, ~2.5 ms)."""
        return instance_key(self._data_dir)

    def listen(self) -> bool:
        """Take requests from now on. Call it once the window can answer: a second start
        that connects earlier would wait for the event loop, and could take that for a hang."""
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)
        name = self.name
        QLocalServer.removeServer(name)  # a socket file left by a killed copy
        if not self.server.listen(name):
            log.warning("Cannot listen on %s: %s", name, self.server.errorString())
            return False
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            # A method, not a lambda holding this object: kept by the socket's connection, the
            # lambda kept an unreferenced FirstCopy alive until the socket's deleteLater, whose
            # destructor then freed it, its server and that socket again: a segfault.
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)

    def _ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine() and socket.bytesAvailable() < MAX_MESSAGE:
            return
        request = Request.decode(bytes(socket.readLine(MAX_MESSAGE).data()))
        busy = request.routine is not None and not request.quiet and self.busy()
        socket.write(b"busy\n" if busy else b"ok\n")
        socket.flush()
        self.requested.emit(request)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        if self._lock is not None:
            self._lock.unlock()


def claim(data_dir: Path, request: Request) -> FirstCopy | Outcome:
    """Become the first copy (returns it, not yet listening), or hand `request` to the
    running one (HANDED_OVER), or find one running that does not answer (READ_ONLY).

    A folder where the lock goes is moved aside (FirstCopy.moved_aside), when no copy answers
    beside it, so that the lock can be made. A data folder where no lock can be made
    (read-only, or that folder could not be moved) hands over to a copy that answers, reads only beside one that listens and does not
    answer (its live session must not be offered for resume and written twice), and
    otherwise gives a FirstCopy without a lock.
    """
    moved = None
    if lock_path(data_dir).is_dir():  # a copy may run without a lock beside it: ask first
        if (outcome := _asked(instance_key(data_dir), request, data_dir)) is not None:
            return outcome
        moved = move_folder_aside(lock_path(data_dir))
    lock = _lock_for(data_dir)
    if lock is None:
        return _without_lock(instance_key(data_dir), request, data_dir)
    deadline = time.monotonic() + STARTING_S
    while True:
        if lock.tryLock(0):
            return FirstCopy(lock, data_dir, moved_aside=moved)
        name = instance_key(data_dir)
        if lock.error() != QLockFile.LockError.LockFailedError:  # cannot write the folder
            log.warning("%s", no_lock_text(data_dir, lock.error()))
            return _without_lock(name, request, data_dir)
        if (outcome := _asked(name, request, data_dir)) is not None:
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


def _without_lock(name: str, request: Request, data_dir: Path) -> FirstCopy | Outcome:
    """Without a lock, the socket alone tells whether a copy runs."""
    outcome = _asked(name, request, data_dir)
    return FirstCopy(None, data_dir) if outcome is None else outcome


def _asked(name: str, request: Request, data_dir: Path) -> Outcome | None:
    """HANDED_OVER when the running copy answered (BUSY: a session runs there), READ_ONLY
    when it took the request and said nothing (hung, or stopped), None when nobody listens."""
    answer = _hand_over(name, request)
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


def _hand_over(name: str, request: Request) -> bytes | None:
    """The running copy's answer (b"ok", b"busy"; b"": it took the request and said
    nothing). None: nobody listens under `name`."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(request.encode())
    socket.flush()
    answer = b""
    if socket.waitForReadyRead(ANSWER_MS):
        answer = bytes(socket.readLine(16).data()).strip() or b"ok"
    socket.abort()
    return answer

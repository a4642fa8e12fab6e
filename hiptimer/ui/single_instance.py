"""One HipTimer per data folder: a second start hands its request to the running window.

Two copies on one history would each think the other's live session was interrupted, and
a resume could write a set twice. The first copy holds a lock file in the data folder
(QLockFile: a lock whose process is gone is taken over, so a killed copy never blocks the
next start) and listens on a local socket named after the folder. A second copy finds the
lock held, sends "raise, and maybe open this routine" over the socket and exits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "hiptimer.lock"
CONNECT_MS = 500
HANDOVER_S = 5.0  # a first copy still starting up gets this long to open its socket
MAX_MESSAGE = 64 * 1024


def server_name(data_dir: Path) -> str:
    """The local socket's name: the same for every path to one folder, short enough for
    a Unix socket path."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"hiptimer-{key}"


@dataclass(frozen=True)
class Request:
    """What a second start asked for: a routine (a path or id) and whether to start it."""

    routine: str | None = None
    start: bool = False

    def encode(self) -> bytes:
        return json.dumps({"routine": self.routine, "start": self.start}).encode() + b"\n"

    @classmethod
    def decode(cls, raw: bytes) -> Request:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        routine = data.get("routine")
        return cls(routine if isinstance(routine, str) else None, data.get("start") is True)


class FirstCopy(QObject):
    """The running copy's side: holds the lock, listens, and passes requests on.

    Signals: requested(Request) when another start asked this window to come forward.
    """

    requested = Signal(object)

    def __init__(self, lock: QLockFile, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket file left by a killed copy
        if not self.server.listen(name):
            log.warning("Cannot listen on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine() and socket.bytesAvailable() < MAX_MESSAGE:
            return
        raw = bytes(socket.readLine(MAX_MESSAGE).data())
        socket.write(b"ok\n")
        socket.flush()
        self.requested.emit(Request.decode(raw))

    def release(self) -> None:
        self.server.close()
        self._lock.unlock()


def claim(data_dir: Path, request: Request) -> FirstCopy | bool:
    """Become the first copy (returns it), or hand `request` to the running one (True), or
    find one running that does not answer (False: the caller says so and stops).

    A data folder where no lock can be made (read-only) gives a FirstCopy without a lock:
    nothing is written there anyway.
    """
    _can_make(data_dir)  # a folder that cannot be made is handled by the lock's error
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    name = server_name(data_dir)
    deadline = time.monotonic() + HANDOVER_S
    while True:
        if lock.tryLock(0):
            return FirstCopy(lock, name)
        if lock.error() != QLockFile.LockError.LockFailedError:  # cannot write the folder
            log.warning(
                "No lock in %s (%s): no guard against a second copy", data_dir, lock.error()
            )
            return FirstCopy(lock, name)
        if _hand_over(name, request):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _can_make(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return True


def _hand_over(name: str, request: Request) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(request.encode())
    socket.flush()
    answered = socket.waitForReadyRead(CONNECT_MS * 4)
    socket.disconnectFromServer()
    return answered

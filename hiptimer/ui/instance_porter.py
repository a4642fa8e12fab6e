"""The running copy's door for second starts: a local server on a thread of its own, so that a
start is answered "wait" while the window is still starting and its own thread is busy."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from hiptimer.core.instance import MAX_MESSAGE, Request

log = logging.getLogger(__name__)

OPEN_S = 5.0  # how long start() waits for the thread to listen (a few ms when idle)
# Said at once to a start while this copy is starting: its window answers once it can.
WAIT = b"wait"


class Porter(QObject):
    """Listens under `name` on its own thread and passes each request on, numbered; writes
    the answer the window gives for that number. While `starting`, it says WAIT at once.

    Signals: arrived(int, Request) a request read, from the porter's thread (connect it queued).
    """

    arrived = Signal(int, object)
    _answering = Signal(int, object)
    _closing = Signal()

    def __init__(self, name: str, *, starting: bool) -> None:
        super().__init__()
        self.name = name
        self.starting = starting  # read on the porter's thread, set on the window's
        self.error = ""  # why it could not listen
        self._listening = threading.Event()
        self._server: QLocalServer | None = None
        self._sockets: dict[int, QLocalSocket] = {}
        self._count = 0
        self._thread = QThread()
        self._thread.setObjectName("hiptimer-porter")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._open)
        self._answering.connect(self._write, Qt.ConnectionType.QueuedConnection)
        self._closing.connect(self._close, Qt.ConnectionType.QueuedConnection)

    def start(self) -> bool:
        """Start the thread and wait until it listens; False (with `error`) if it cannot."""
        if QCoreApplication.instance() is None:  # its thread's event loop would never run
            self.error = "no application"
            return False
        self._thread.start()
        if not self._listening.wait(OPEN_S):
            self.error = f"no answer from its thread in {OPEN_S:g} s"
        return not self.error

    def answer(self, number: int, answer: bytes) -> None:
        """The window's answer to request `number` (from any thread)."""
        self._answering.emit(number, answer)

    def stop(self) -> None:
        """Stop listening, hang up, and end the thread (from the window's thread)."""
        if self._thread.isRunning():
            self._closing.emit()
            self._thread.wait()

    @Slot()
    def _open(self) -> None:
        server = QLocalServer(self)
        server.newConnection.connect(self._accept)
        QLocalServer.removeServer(self.name)  # a socket file left by a killed copy
        if not server.listen(self.name):
            self.error = server.errorString()
        self._server = server
        self._listening.set()

    @Slot()
    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._count += 1
            socket.setObjectName(str(self._count))
            self._sockets[self._count] = socket
            # Methods, not lambdas holding this object (see FirstCopy._accept's segfault).
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(self._gone)

    @Slot()
    def _ready(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if not socket.canReadLine() and socket.bytesAvailable() < MAX_MESSAGE:
            return
        request = Request.decode(bytes(socket.readLine(MAX_MESSAGE).data()))
        if self.starting:
            socket.write(WAIT + b"\n")
            socket.flush()
        self.arrived.emit(int(socket.objectName()), request)

    @Slot()
    def _gone(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._sockets.pop(int(socket.objectName()), None)
            socket.deleteLater()

    @Slot(int, object)
    def _write(self, number: int, answer: bytes) -> None:
        socket = self._sockets.get(number)
        if socket is not None:  # (a start that hung up meanwhile: nobody to tell)
            socket.write(answer + b"\n")
            socket.flush()

    @Slot()
    def _close(self) -> None:
        if self._server is not None:
            self._server.close()
        for socket in list(self._sockets.values()):  # (abort() may call _gone at once)
            socket.abort()
        self._sockets.clear()
        self.deleteLater()  # with its server and sockets, on this thread as it ends
        QThread.currentThread().quit()

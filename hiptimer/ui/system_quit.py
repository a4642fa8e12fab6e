"""Logout, shutdown and termination signals turned into one Qt signal, delivered at once.

Python runs a signal handler only between bytecodes, and Qt's event loop sleeps in C++ for
as long as nothing happens, so a SIGTERM could wait until the next timer. The signal module
writes each signal's number to a pipe (a socket on Windows; `signal.set_wakeup_fd`), which a
QSocketNotifier watches: the loop wakes at once and the request is handled in the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Iterable
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:  # (its Python class made at import: 0.6 M instructions before the list's paint)
    import socket

    from PySide6.QtGui import QSessionManager

log = logging.getLogger(__name__)

# SIGTERM: a shutdown or `kill`; SIGHUP: the terminal or the session went away; SIGINT: Ctrl+C.
HANDLED = tuple(
    s
    for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None), signal.SIGINT)
    if s is not None
)


class SystemQuit(QObject):
    """Emits `requested` when the system asks HipTimer to end: a termination signal, or the
    desktop's logout (QGuiApplication.commitDataRequest).

    `uninstall()` puts the previous signal handlers back.

    Signals: requested(str) with what asked ("SIGTERM", "logout", ...).
    """

    requested = Signal(str)

    def __init__(self, app: QGuiApplication, signals: Iterable[signal.Signals] = HANDLED) -> None:
        super().__init__(app)
        self._reader, self._writer = _wakeup_pair()
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {s: signal.signal(s, self._note) for s in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        app.commitDataRequest.connect(self.logout)

    @staticmethod
    def _note(signum: int, frame: FrameType | None) -> None:
        """The Python-level handler: nothing to do, the wakeup fd already carries the number."""

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        for number in data:
            with contextlib.suppress(ValueError):
                name = signal.Signals(number).name
                if signal.Signals(number) in self._previous:
                    log.info("%s received: ending the session and quitting", name)
                    self.requested.emit(name)
                    return

    def logout(self, manager: QSessionManager | None) -> None:
        """The desktop is logging out or shutting down (QGuiApplication.commitDataRequest)."""
        log.info("The desktop session is ending: ending the session and quitting")
        self.requested.emit("logout")

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


class _PipeEnd:
    """One end of a non-blocking pipe, read and closed as a socket's end is."""

    def __init__(self, fd: int) -> None:
        os.set_blocking(fd, False)  # set_wakeup_fd refuses a blocking one
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def recv(self, size: int) -> bytes:
        return os.read(self._fd, size)  # nothing waiting: BlockingIOError, an OSError

    def close(self) -> None:
        # Once only, as a socket's close is: a second os.close could close another file that
        # has been given the same number since.
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _wakeup_pair() -> tuple[_PipeEnd | socket.socket, _PipeEnd | socket.socket]:
    """The wakeup fd's two ends: a pipe where there are pipes. Importing `socket` makes its
    four enums of every AF_/SOCK_/MSG_/AI_ constant (13 M instructions, ~1 % of a returning
    user's start until the first paint; docs/performance.md); Windows wants a socket."""
    if os.name == "posix":
        reader, writer = os.pipe()  # not inherited by child processes (PEP 446)
        return _PipeEnd(reader), _PipeEnd(writer)
    import socket

    pair = socket.socketpair()
    for end in pair:
        end.setblocking(False)
    return pair

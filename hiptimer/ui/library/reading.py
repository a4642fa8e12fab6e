"""Work on a thread of its own (hiptimer.core.routines.read_apart), its end handed to the GUI
thread by a queued signal: the library's routines read, their lengths computed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from hiptimer.core.routines.read_apart import ReadApart


class LibraryReading(QObject):
    """`load()` run on a daemon thread; `read` is emitted on the GUI thread once it has ended,
    unless stop() came first. Made without a parent: the thread keeps it while it may emit,
    and a window deleted meanwhile is not emitted to.

    Signals: read(LibraryReading), queued.
    """

    read = Signal(object)

    def __init__(self, load: Callable[[], Any], then: Callable[[LibraryReading], None]) -> None:
        super().__init__()
        self.read.connect(then, Qt.ConnectionType.QueuedConnection)  # never on the thread
        self._apart = ReadApart(load, lambda _apart: self.read.emit(self))

    @property
    def done(self) -> bool:
        return self._apart.done

    def stop(self) -> None:
        self._apart.stop()

    def result(self) -> Any:
        """What `load` returned (waiting for it), or the exception it raised."""
        return self._apart.result()

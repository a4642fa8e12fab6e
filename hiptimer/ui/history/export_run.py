"""A history export run on a thread of its own, so that the window answers meanwhile: ten
years of sets took 1.0-1.8 s to write as CSV and about as long as a PDF report, and the
window froze for that long (docs/performance.md, "Session 17")."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.reader import HistoryReader
from hiptimer.core.write_abandon import Abandon

# What was written (sets, pages) and what the writer raised, if anything.
Outcome = tuple[int, Exception | None]


class _Bridge(QObject):
    """Carries the export thread's outcome to the GUI thread as a queued signal.

    Signals: ended(object): (what was written: sets or pages, the exception or None).
    """

    ended = Signal(object)


class ExportRun:
    """`write(reader)` on a daemon thread, on a reader made there by `open_reader` (SQLite
    connections stay on their thread); `on_end((written, error))` is then called on the GUI
    thread, error None or what `write` raised. `on_end` should be a slot of a QObject of the
    window: Qt drops the call if that object is gone by then."""

    def __init__(
        self,
        open_reader: Callable[[], HistoryReader],
        write: Callable[[HistoryQueries], int],
        on_end: Callable[[Outcome], None],
    ) -> None:
        self._bridge = _Bridge()  # on the GUI thread, where on_end runs
        self._bridge.ended.connect(on_end)
        self._abandon = Abandon()
        self._thread = threading.Thread(
            target=self._run, args=(open_reader, write), name="history-export", daemon=True
        )
        self._thread.start()

    def _run(
        self, open_reader: Callable[[], HistoryReader], write: Callable[[HistoryQueries], int]
    ) -> None:
        outcome: Outcome
        try:
            with self._abandon.watching(), open_reader() as reader:
                outcome = (write(reader), None)
        except Exception as exc:  # said in the window, as an export on the GUI thread said it
            outcome = (0, exc)
        self._bridge.ended.emit(outcome)

    def abandon(self) -> None:
        """Never put the file in place from now on (the window closed): if it is not there
        already, it will not be, and the file beside it is removed."""
        self._abandon.abandon()

    def ended(self) -> None:
        """The outcome has been shown: let the thread end here, so that the bridge is
        deleted on the GUI thread that made it (it has nothing left to do but return)."""
        self._thread.join()

    def finish(self) -> None:
        """Wait for the export and deliver its outcome now (tests, and a bench that times it)."""
        self._thread.join()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)

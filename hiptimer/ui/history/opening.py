"""Opening the history window from the main window: on the services' history, once the
routine library has been read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from hiptimer.core.history.store import HistoryStore
from hiptimer.core.settings import SettingsStore
from hiptimer.i18n import _
from hiptimer.ui.history.split_kept import ShareKept
from hiptimer.ui.history.window import open_history_window

if TYPE_CHECKING:
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.services.ports import Services


class Library(Protocol):
    """What the history window takes of the main window's routine library (LibraryShelf)."""

    @property
    def reading(self) -> bool: ...
    def after_read(self, then: Callable[[], None]) -> None: ...
    def routines(self) -> list[Routine]: ...


def open_services_history(
    parent: QWidget,
    services: Services,
    wall: Callable[[], datetime],
    report: Callable[[str], None],
    library: Library,
    settings: SettingsStore,
) -> None:
    """Open the history window on the services' history, or report why it is not available.
    Its routines are the library's: read again, 2,000 files held the window 1-2 s; a large
    folder's read under way, it opens once that has ended, the window answering meanwhile."""

    def open_now() -> None:
        store = services.history
        if not isinstance(store, HistoryStore):
            off = services.history_off
            why = off.reason if off is not None else _("it could not be opened at start-up.")
            report(_("History is not available: {why}").format(why=why))
            return
        open_history_window(
            parent, store, library.routines(), wall=wall,
            pain_limit=lambda: settings.settings.pain_limit,  # read at each export: it may change
            split_kept=ShareKept(
                lambda: settings.settings.history_split,
                lambda share: settings.update(history_split=share),
            ),
        )  # fmt: skip

    if library.reading:
        report(_("History opens once your routines are read."))
    library.after_read(open_now)

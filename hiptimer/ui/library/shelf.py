"""The library page on the window: made anew when the routines change (the chosen routine
kept), listing the catalog with the files opened from elsewhere, and what is chosen on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptimer.ui.keys import Mode
from hiptimer.ui.library.items import LibraryItem, same_routine, with_opened, written_length
from hiptimer.ui.library.offers import LibraryOffers
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.navigator import Navigator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hiptimer.core.routines.model import Routine


class LibraryShelf:
    """Holds the window's library page. `load` reads the routines (the catalog);
    `empty` is true while the window waits for its first paint (the page is laid out
    without reading a file); a routine started on the page goes to `start`."""

    def __init__(
        self,
        nav: Navigator,
        offers: LibraryOffers,
        load: Callable[[], list[LibraryItem]],
        start: Callable[[Routine], None],
        parent: QWidget,
        empty: Callable[[], bool],
    ) -> None:
        self._nav, self._offers, self._start, self._parent = nav, offers, start, parent
        self.load = load
        self._empty = empty
        self.opened: list[Routine] = []  # files from elsewhere, listed while HipTimer runs
        # Routine lengths as written until the voice is known; then as the session runs them.
        self.estimate: Callable[[Routine], float] = written_length
        self.page = self._new_page()

    def items(self) -> list[LibraryItem]:
        return with_opened(self.load(), self.opened)

    def _new_page(self) -> LibraryPage:
        items = None if self._empty() else self.items()
        page = LibraryPage(items, self._parent, estimate=self.estimate)
        page.start_requested.connect(self._start)
        self._nav.add(page, Mode.LIBRARY)
        self._offers.attach(page)
        return page

    def reload(self) -> None:
        """A new page with the routines as they are now, the same routine chosen."""
        old, selected = self.page, self.page.selected
        self.page = self._new_page()
        if selected is not None:
            self.page.select(selected.id)
        self._nav.remove(old)

    def open(self, routine: Routine) -> None:
        """List a routine file from elsewhere (the command line), in place of its older copy."""
        self.opened = [r for r in self.opened if not same_routine(r, routine)] + [routine]

    def routines(self) -> list[Routine]:
        return [item.routine for item in self.page.items if item.routine is not None]

    def selected_routine(self) -> Routine | None:
        item = self.page.selected
        return item.routine if item is not None else None

    def selected_broken(self) -> str:
        item = self.page.selected
        return item.title if item is not None and item.broken else ""  # its file's name

"""The library page on the window: made anew when the routines change (the chosen routine
kept), listing the catalog with the files opened from elsewhere, and what is chosen on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptimer.ui.keys import Mode
from hiptimer.ui.library.items import (
    LibraryItem,
    load_library,
    named_in,
    same_routine,
    with_opened,
    written_length,
)
from hiptimer.ui.library.kept import LastTwo
from hiptimer.ui.library.offers import LibraryOffers
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.navigator import Navigator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hiptimer.core.routines.catalog import Catalog
    from hiptimer.core.routines.listing_cache import Listing, Stamp
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.library.reading import LibraryReading

log = logging.getLogger(__name__)


class LibraryShelf:
    """Holds the window's library page. `load` reads the routines (the catalog);
    `unlisted` until list_first() (a window shown first: its page is laid out without
    reading a file); a routine started on the page goes to `start`. `apart`: whether that
    first read goes to a thread (a large folder of the user's), listed then with `listed()`."""

    def __init__(
        self,
        nav: Navigator,
        offers: LibraryOffers,
        load: Callable[[], list[LibraryItem]],
        start: Callable[[Routine], None],
        parent: QWidget,
        unlisted: bool,
        apart: Callable[[], bool],
        listed: Callable[[], None],
    ) -> None:
        self._nav, self._offers, self._start, self._parent = nav, offers, start, parent
        self.load = load
        self.unlisted = unlisted  # the window's keys, drops and services wait for the list
        self._apart, self._listed = apart, listed
        self._reading: LibraryReading | None = None  # the first read, on its thread
        self._after_read: list[Callable[[], None]] = []  # after_read(), until it has ended
        self.chosen_first: Routine | None = None  # the command line's: chosen once listed
        self.named: str | None = None  # --routine ID of a large folder: found once read,
        self.chosen_named: Routine | None = None  # as this
        self._not_found: Callable[[str], None] = log.warning  # what is said when it is not
        self._starting = False  # and started (--start)
        self._catalog: Catalog | None = None  # the one the list was read from, if any
        self._read_again: LastTwo[LibraryReading] = LastTwo()  # reloads of a large folder
        self.opened: list[Routine] = []  # files from elsewhere, listed while HipTimer runs
        # Routine lengths as written until the voice is known; then as the session runs them.
        self.estimate: Callable[[Routine], float] = written_length
        self._tried_ahead = False  # the list kept by the last start, tried (_list_ahead)
        self._stamped: Stamp | None = None  # the files as they were before the first read
        self._painted: Listing | None = None  # and the list painted from the last start's
        self.page = self._new_page()

    def items(self) -> list[LibraryItem]:
        return with_opened(self.load(), self.opened)

    def _new_page(self, items: list[LibraryItem] | None = None) -> LibraryPage:
        if items is None and not self.unlisted:
            items = self.items()
        if items is not None:
            self._catalog = getattr(items, "catalog", None)
        page = LibraryPage(items, self._parent, estimate=self.estimate)
        page.start_requested.connect(self._start)
        self._nav.add(page, Mode.LIBRARY)
        self._offers.attach(page)
        return page

    def list_first(self, *, wait: bool, join: bool = True) -> bool:
        """The routines on the page laid out without them (the window's first paint): read
        now, or on a thread of their own for a large folder of the user's, where `wait` waits
        for it (a key, a session started; a read already under way only if `join`). True once
        listed, else `listed` is called then."""
        if self._reading is None:
            if not (wait or self._tried_ahead) and self._list_ahead():
                return True  # (still `unlisted`: the files are read by the next call)
            if wait or not self._apart():
                self._fill(self.items())  # (or raises: the next call reads again)
                return True
            self._start_reading()
            return False  # listed when read (_read)
        if not (wait and join):
            return False
        reading, self._reading = self._reading, None
        reading.stop()  # its signal, queued or not, lists nothing more
        try:
            self._fill(reading.result())
        finally:
            self._run_waiting()
        return True

    def _list_ahead(self) -> bool:
        """The first hand-over: the list as the last start kept it, painted, where the files
        are as they were then (listing.py); the files are read at the next hand-over, or at
        once for Start or a key. Not for a routine the command line names, nor for the tests'
        own loads."""
        self._tried_ahead = True
        if self.load is not load_library or self.opened or self.named is not None:
            return False
        from hiptimer.ui.library.listing import listed_ahead, listing_stamp

        self._stamped = listing_stamp()
        self._painted = listed_ahead(self._stamped)
        if self._painted is None:
            return False
        self.page.set_listing(self._painted, lambda: self.list_first(wait=True))
        return True

    def keep_listing(self) -> None:
        """The list read at this start, kept for the next start's first paint (once)."""
        stamped, self._stamped = self._stamped, None
        if stamped is None or self.unlisted or self.opened:
            return
        from hiptimer.ui.library.listing import keep_listing

        try:
            keep_listing(stamped, self.page.items, self._painted)
        except Exception:  # the next start reads the files, as it did before the listing
            log.exception("The library's listing could not be kept")

    @property
    def reading(self) -> bool:
        """The first read is on its thread: the page says "Reading your routines…"."""
        return self._reading is not None

    def after_read(self, then: Callable[[], None]) -> None:
        """`then()` now, or once the read on its thread has ended (listed or not)."""
        if self._reading is None:
            then()
        else:
            self._after_read.append(then)

    def stop_reading(self) -> None:
        """The app quits: a read still on its thread hands nothing over once this returns (its
        queued call would reach a window being deleted). The reading is kept, so that its
        object is never freed on the reading thread."""
        for reading in (self._reading, self._read_again.last):
            if reading is not None:
                reading.stop()
        self.page.lengths.stop()  # (a long list's lengths, computed on a thread, likewise)

    def _start_reading(self) -> None:
        from hiptimer.ui.library.reading import LibraryReading  # a large folder only

        self._reading = LibraryReading(self.items, self._read)

    def _read(self, reading: LibraryReading) -> None:
        """The read on its thread ended (on the GUI thread): list it, unless it was replaced."""
        if reading is not self._reading:
            return
        self._reading = None
        try:
            self._fill(reading.result())
        except Exception:  # the next list_first() reads again, at once (a key, the services)
            log.exception("The routines could not be read")
        else:
            self._listed()
        self._run_waiting()

    def _run_waiting(self) -> None:
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    def _fill(self, items: list[LibraryItem]) -> None:
        if self.named is not None:  # the command line's, by its id or file name
            found = named_in(items, self.named, self._not_found)
            self.chosen_first = self.chosen_named = found
            self.named = None
        self.page.set_items(items, pictures_later=True)  # Start first, its figures after
        self._catalog = getattr(items, "catalog", None)
        self.unlisted = False
        chosen, self.chosen_first = self.chosen_first, None
        if chosen is not None:
            self.page.show_routine(chosen)  # the command line's, chosen as it is listed
            self.page.starting(self._starting)  # --start: until StartOrder starts it

    def choose_first(self, routine: Routine, *, start: bool = False) -> None:
        """The routine the command line names: listed (a file from elsewhere too) and chosen
        as the list fills, not once the services have started (seconds under load); with
        `start`, its Start saying it is starting from then on."""
        self.open(routine)
        self.chosen_first, self._starting = routine, start

    def reads_apart(self) -> bool:
        """Whether the first read goes to a thread of its own (a large folder of the user's)."""
        return self.unlisted and self._apart()

    def choose_named(
        self, spec: str, report: Callable[[str], None], *, start: bool = False
    ) -> None:
        """The routine the command line names by an id or library file name, in a large
        folder read on its thread: chosen as the list fills (the window did not wait for the
        whole folder to be read: 2,000 files, 2-4 s), `report` saying why when it is not there
        or broken; `chosen_named` from then on."""
        self.named, self._not_found, self._starting = spec, report, start

    def reload(self) -> None:
        """A new page with the routines as they are now, the same routine chosen: for a large
        folder of the user's once they are read on a thread (after each session, each save:
        2,000 files held the window 1-2 s), the page on screen kept until then."""
        if self._reading is not None:  # the files changed since that read began: again
            self._reading.stop()
            self._start_reading()
        elif not self.unlisted and self._apart():
            from hiptimer.ui.library.reading import LibraryReading

            if self._read_again.last is not None:
                self._read_again.last.stop()  # (a reload under way read the folder as it was)
            self._read_again.add(LibraryReading(self.items, self._read_anew))
            return
        self._replace(self._new_page())

    def _read_anew(self, reading: LibraryReading) -> None:
        if reading is not self._read_again.last:
            return  # another reload began since
        try:
            items = reading.result()
        except Exception:  # the page shown stays; the next reload reads again
            log.exception("The routines could not be read again")
            return
        showing = self._nav.showing(self.page)
        self._replace(self._new_page(items))
        if showing:
            self._nav.show(self.page)

    def _replace(self, page: LibraryPage) -> None:
        old, selected = self.page, self.page.selected
        self.page = page
        if old.search.text:  # the search kept: the new page lists what the old one did
            page.search.find(old.search.text)
        if selected is not None:
            self.page.select(selected.id)
        old.lengths.stop()  # its rows' lengths, if still computed on a thread, go nowhere
        self._nav.remove(old)

    def open(self, routine: Routine) -> None:
        """List a routine file from elsewhere (the command line), in place of its older copy."""
        self.opened = [r for r in self.opened if not same_routine(r, routine)] + [routine]

    def catalog(self) -> Catalog:
        """The routine files as the editor takes them: as the list was read, for a large folder
        of the user's (read again, 2,000 files held the window 1.2 s); else read now."""
        if self._catalog is not None and self._apart():
            return self._catalog
        from hiptimer.core.routines.catalog import load_catalog

        return load_catalog()

    def routines(self) -> list[Routine]:
        return [item.routine for item in self.page.items if item.routine is not None]

    def selected_routine(self) -> Routine | None:
        item = self.page.selected
        return item.routine if item is not None else None

    def selected_broken(self) -> str:
        item = self.page.selected
        return item.title if item is not None and item.broken else ""  # its file's name

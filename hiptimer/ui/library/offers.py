"""The library's line of suggestions left unanswered, kept to the chosen routine, and V."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the guidance loads with the history, after the first paint
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.guidance.coordinator import Guidance
    from hiptimer.ui.library.page import LibraryPage


class LibraryOffers:
    """Counts the chosen routine's dose suggestions not answered yet, and whether its last
    session's changed doses wait to be kept, for the library page's line, and opens them (its
    Review button, or V): the doses in the summary's question, the suggestions in the
    guidance's cards. Without the guidance (the history not open yet, or off) the line stays
    hidden."""

    def __init__(self, guidance: Callable[[], Guidance | None]) -> None:
        self._guidance = guidance
        self._page: LibraryPage | None = None

    def attach(self, page: LibraryPage) -> None:
        """The library page now on the window (it is made anew when the routines change)."""
        self._page = page
        page.list.currentRowChanged.connect(lambda _row: self.refresh())
        page.suggestions.review_requested.connect(self.review)
        self.refresh()

    def _chosen(self) -> Routine | None:
        item = self._page.selected if self._page is not None else None
        return item.routine if item is not None and not item.broken else None

    def refresh(self) -> None:
        """Count again: another routine chosen, or an answer given."""
        guidance, routine = self._guidance(), self._chosen()
        count = len(guidance.unanswered(routine)) if guidance and routine else 0
        doses = (
            guidance is not None and routine is not None and guidance.doses_left.waiting(routine)
        )
        if self._page is not None:
            self._page.suggestions.show_count(count, doses=bool(doses))

    def review(self) -> None:
        """The doses left to keep first (the summary asked that first too), then the
        suggestions; the line says what is left after each."""
        guidance, routine = self._guidance(), self._chosen()
        if guidance is None or routine is None:
            return
        if guidance.doses_left.ask(routine) or not guidance.review(routine):
            self.refresh()  # answered (or elsewhere meanwhile): the line follows

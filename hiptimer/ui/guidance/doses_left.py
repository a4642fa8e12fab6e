"""The offer to keep a session's changed doses, left unanswered on its summary (HipTimer killed,
or the summary left), made again from the library (V)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from hiptimer.core.dosing.doses_to_keep import DosesToKeep, WaitingDoses
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from hiptimer.ui.guidance.suggestion_answers import AnswersHost


class DosesLeft:
    """Reads each routine's offer from the history, and asks it again with the summary's
    question; `saved` hears of the routine a Keep saved."""

    def __init__(
        self, host: AnswersHost, parent: Callable[[], QWidget], saved: Callable[[Routine], None]
    ) -> None:
        self._host = host
        self._parent = parent
        self._saved = saved
        self._waiting = WaitingDoses()  # read again only once something changed

    def waiting(self, routine: Routine) -> DosesToKeep | None:
        history = self._host.services.history
        return self._waiting.of(history, routine) if isinstance(history, HistoryStore) else None

    def ask(self, routine: Routine) -> bool:
        """Ask whether to keep the doses `routine`'s last session left changed; False when no
        offer waits (answered elsewhere meanwhile)."""
        from hiptimer.ui.editor.keep_doses import (
            log_kept_doses,
            offer_answered,
            offer_to_keep_doses,
        )

        offer = self.waiting(routine)
        if offer is None:
            return False
        history = self._host.services.history
        answered = partial(offer_answered, history, offer.session_id)
        saved = offer_to_keep_doses(self._parent(), offer.base, offer.live, answered)
        if saved is not None:
            log_kept_doses(history, offer.base, offer.live, self._host.wall(), offer.session_id)
            self._saved(saved)
        return True

"""What the services report while the window runs: start-up problems, the voice or the beeps
lost, and the history saving again (which offers the interrupted session a locked file hid at
start)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hiptimer.i18n import _
from hiptimer.ui.services.notice_watch import watch_beeps, watch_speech

if TYPE_CHECKING:
    from hiptimer.core.history.status import HistoryStatus
    from hiptimer.ui.services.notice_bar import NoticeBar
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.services.status_banner import StatusBanner
    from hiptimer.ui.session.resume_page import ResumeOffer


class WatchHost(Protocol):
    """What the watch uses of the window."""

    services: Services
    notice: NoticeBar
    banner: StatusBanner
    resume: ResumeOffer

    def show_problem(self, text: str, /) -> None: ...
    def show_status(self, text: str, ms: int, /) -> None: ...
    def idle(self) -> bool: ...  # on the library, no session, no first-run notice


class ServiceWatch:
    """Shows the services' problems on the window and follows the history's status."""

    def __init__(self, host: WatchHost) -> None:
        self._host = host
        self.offer_missed = False  # the history was not saving at start: offer when it is

    def watch(self) -> None:
        """Say what failed at start-up, and later when speech or saving stops working."""
        host = self._host
        for problem in host.services.problems:
            host.show_problem(problem)
        watch_speech(host.notice, host.services.speech)  # one notice that stays, not a modal
        watch_beeps(host.notice, host.services.beeper)  # heard the voice, but no beeps
        history = host.services.history
        if history is not None:
            history.on_status = self._history_status

    def _history_status(self, status: HistoryStatus) -> None:
        self._host.banner.refresh()  # it says why while saving fails
        if status.saving:
            self._host.show_status(_("History is being saved again."), 15000)
            if self.offer_missed:  # the start found no file to look in: look now
                self.offer_missed = False
                self._host.resume.history_back(idle=self._host.idle())

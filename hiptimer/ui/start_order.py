"""What comes first as the window opens: the notice before the first session, then the offer to
resume an interrupted session, then the routine the command line asked for (shown, or started)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Mode
from hiptimer.ui.navigator import Navigator

if TYPE_CHECKING:  # the first page needs none of these
    from PySide6.QtWidgets import QWidget

    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.first_run import FirstRunPage
    from hiptimer.ui.library.page import LibraryPage
    from hiptimer.ui.session.resume_page import ResumeOffer


class StartHost(Protocol):
    """What the order uses of the window (the main window has all of it)."""

    nav: Navigator
    settings: SettingsStore

    @property
    def library(self) -> LibraryPage: ...  # the one showing now: a reload replaces it

    resume: ResumeOffer

    def open_services(self, *, wait: bool = True) -> None: ...
    def start_session(self, routine: Routine) -> None: ...
    def show_library(self) -> None: ...


class StartOrder:
    """Puts the notice up on a first run; a routine asked for (`open_routine`) waits for the
    notice and for the answer to an offer to resume, then is shown or started.

    `--routine X` shows X in the library, chosen again whatever the answer to the offer (Discard
    otherwise chooses the interrupted session's routine). `--routine X --start` starts X: when
    the offer is about another routine that offer steps aside (ResumeOffer.step_aside) and
    comes back with the library; about X itself it asks first, and Discard then starts X.
    Asked before the services are ready (services_ready()), X is chosen at once and its Start
    says it is starting; X starts once they are, without holding the window meanwhile.
    """

    def __init__(self, host: StartHost, parent: QWidget) -> None:
        self._host = host
        self.first_run: FirstRunPage | None = None
        self._pending: Routine | None = None  # --start: begun once the notice or offer is done
        self._chosen: str | None = None  # --routine: chosen again after a Discard
        self._ready = False  # services_ready() came: the history can say what to offer
        self._when_ready: Routine | None = None  # --start before then
        if not host.settings.settings.first_run_done:
            from hiptimer.ui.first_run import FirstRunPage  # once per user: not for every start

            self.first_run = FirstRunPage(host.settings.settings.pain_limit, parent)
            self.first_run.accepted.connect(self._first_run_accepted)
            host.nav.add(self.first_run, Mode.FIRST_RUN, show=True)

    def open_routine(self, routine: Routine, *, start: bool) -> None:
        """Show a routine (from the command line); with `start`, begin it at once."""
        host = self._host
        if start and not self._ready:  # the history first: is a session of X to resume?
            host.library.show_routine(routine)
            host.library.starting(True)  # Start says so until services_ready()
            self._when_ready = routine
            return
        host.library.starting(False)  # (said since the list filled, with --start)
        host.library.show_routine(routine)
        host.resume.consider(routine)  # resuming a session of it finds it even if not listed
        # The history may open (and its offer come) only after this: remember X either way.
        self._chosen = None if start else routine.id
        if start and self.first_run is None:  # after the first run, _first_run_accepted does it
            host.open_services()  # the history first: is a session of X to resume?
            host.resume.step_aside(routine.id)  # --start X starts X; another session waits
        waits = self.first_run is not None or host.resume.showing
        self._pending = routine if start and waits else None
        if start and not waits:
            host.start_session(routine)
        elif not waits:
            host.show_library()

    def services_ready(self) -> None:
        """The voice and the history are ready: a routine the command line starts, starts."""
        self._ready = True
        routine, self._when_ready = self._when_ready, None
        if routine is not None:
            self._host.library.starting(False)
            self.open_routine(routine, start=True)

    def start_later(self, routine: Routine) -> bool:
        """A Start pressed while the command line's routine waits for the services: this
        routine starts then instead (the press is not lost). False when none waits."""
        if self._when_ready is None:
            return False
        self._when_ready = routine
        return True

    def kept_partial(self, routine_id: str) -> None:
        """The offer's Discard: on to the routine asked for, or to the library with the
        interrupted session's routine chosen (not there any more: the choice stays)."""
        if self._pending is None:
            self._host.library.select(self._chosen or routine_id)
        self._chosen = None
        self._go_on()

    def _first_run_accepted(self) -> None:
        host = self._host
        host.open_services(wait=False)  # (a large folder's read: the offer comes once it ends)
        host.settings.update(first_run_done=True)
        host.nav.remove(self.first_run)
        self.first_run = None
        offered = host.resume.offer()
        if offered and self._pending is not None:
            offered = not host.resume.step_aside(self._pending.id)
        if not offered:
            self._go_on()

    def _go_on(self) -> None:
        routine, self._pending = self._pending, None
        if routine is not None:
            self._host.start_session(routine)
        else:
            self._host.show_library()

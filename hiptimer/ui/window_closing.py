"""How the main window closes: quitting (File > Quit, the tray's Quit), for the system (logout,
a termination signal), or hidden in the tray while reminders go on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from hiptimer.ui.editor.routine_actions import RoutineActions
    from hiptimer.ui.reminders.window_reminders import WindowReminders
    from hiptimer.ui.services.status_banner import StatusBanner
    from hiptimer.ui.session.active import ActiveSession


class ClosingHost(Protocol):
    """What closing uses of the main window."""

    routine_actions: RoutineActions
    banner: StatusBanner
    reminders: WindowReminders

    @property
    def session(self) -> ActiveSession | None: ...
    def close(self) -> bool: ...


class WindowClosing:
    """The main window's ways to close, and what each lets happen on the way out."""

    def __init__(self, window: ClosingHost) -> None:
        self._window = window
        self.for_system = False  # end_by_system: close without asking
        self.quitting = False  # quit_app: close even when closing keeps HipTimer in the tray
        self.closed = False  # closed (not hidden in the tray), till shown again

    def quit_app(self) -> bool:
        """File > Quit and the tray's Quit: close, even when closing keeps it in the tray.
        False when the window stays (an editor's Cancel, unsaved history kept)."""
        self.quitting = True
        closed = self._window.close()
        if closed:
            QApplication.quit()  # with the tray kept, closing the last window does not quit
        self.quitting = False
        return closed

    def end_by_system(self) -> None:
        """Logout, shutdown or a termination signal: save what waits, end the session as
        ended by the system, and close without asking (nobody is there to answer)."""
        w = self._window
        if w.session is not None:
            from hiptimer.core.session.events import EndReason

            w.session.controller.close(EndReason.BY_SYSTEM)
        w.routine_actions.close_for_system()  # unsaved edits kept as drafts
        w.banner.retry()  # one more try for writes waiting on a failing disk
        w.banner.stop()
        self.for_system = True
        w.close()

    def may_close(self, event: QCloseEvent) -> bool:
        """Whether the window closes now: not when it goes to the tray instead, nor when the
        user keeps an editor's unsaved edits (Cancel) or keeps it open over unsaved history.
        The editors close with it, and a running session is ended (recorded as ended early)."""
        w = self._window
        if not (self.for_system or self.quitting) and w.reminders.close_to_tray(event):
            return False  # hidden in the tray: reminders go on
        # The editors first, before anything ends: their Cancel keeps everything as it was.
        # Left to Qt's quit, the main window closed first and a Cancel left only the editor.
        if not self.for_system and not w.routine_actions.close_editors():
            event.ignore()
            return False
        if not self.for_system and not w.banner.accept_close(event):
            return False  # unsaved history: the user keeps the app open
        if w.session is not None:
            w.session.controller.close()  # recorded as ended early
        if w.session is not None:
            w.session.driver.stop()
        return True

    @property
    def for_good(self) -> bool:
        """The app is quitting (or the system ends it), not only the window closing."""
        return self.quitting or self.for_system

"""How the main window closes: quitting (File > Quit, the tray's Quit), for the system (logout,
a termination signal), or hidden in the tray while reminders go on; its other windows with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent

    from hiptimer.ui.editor.routine_actions import RoutineActions
    from hiptimer.ui.reminders.window_reminders import WindowReminders
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.services.status_banner import StatusBanner
    from hiptimer.ui.session.active import ActiveSession
    from hiptimer.ui.session_flow import SessionFlow


class ClosingHost(Protocol):
    """What closing uses of the main window."""

    routine_actions: RoutineActions
    banner: StatusBanner
    reminders: WindowReminders
    flow: SessionFlow
    services: Services

    @property
    def session(self) -> ActiveSession | None: ...
    def close(self) -> bool: ...
    def window(self) -> QWidget: ...  # the main window itself, as a widget


class WindowClosing:
    """The main window's ways to close, and what each lets happen on the way out."""

    def __init__(self, window: ClosingHost) -> None:
        self._window = window
        self.for_system = False  # end_by_system: close without asking
        self.quitting = False  # quit_app: close even when closing keeps HipTimer in the tray
        self.closed = False  # closed (not hidden in the tray), till shown again

    def closed_till_shown(self, shown_again: Callable[[], None]) -> None:
        """The window has closed (not to the tray): `shown_again` runs when it is next shown."""
        if self.closed:
            return

        def shown() -> None:
            self.closed = False
            shown_again()

        self.closed = True
        _ShownAgain(self._window.window(), shown)

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
        self.close_others()  # History's note written before the last try
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
            self.close_others()  # HipTimer stays in the tray, not in a History window
            return False  # hidden in the tray: reminders go on
        if not self._closing_asked(event):
            event.ignore()
            return False  # the session goes on, as after a no to Ctrl+Q
        # The editors first, before anything ends: their Cancel keeps everything as it was.
        # Left to Qt's quit, the main window closed first and a Cancel left only the editor.
        if not self.for_system and not w.routine_actions.close_editors():
            event.ignore()
            return False
        # Then History's note saved, without closing it: one the disk refuses is among the
        # changes asked about next. Closed before the question, History abandoned an export
        # it was writing, and "Keep the app open" showed it again without it.
        self.save_others()
        if not self.for_system and not w.banner.accept_close(event):
            return False  # unsaved history: the user keeps the app open, as it was
        # Left open, History kept the app running after the main window had closed.
        self.close_others()
        if w.session is not None:
            w.session.controller.close()  # recorded as ended early
        if w.session is not None:
            w.session.driver.stop()
        return True

    def _closing_asked(self, event: QCloseEvent) -> bool:
        """The window system's close (its close button, Alt+F4) during a session asks as
        Ctrl+Q does, the session paused meanwhile; it ended the session unasked. A close from
        within HipTimer (File > Quit, asked already; the system's end; a test) does not ask."""
        w = self._window
        session = w.session
        if not event.spontaneous() or self.for_system or self.quitting or session is None:
            return True
        if QApplication.quitOnLastWindowClosed():
            return w.flow.quit_confirmed(w.window(), w.services.history, lambda: True)
        from hiptimer.ui import menus  # (by the module: tests answer its questions)

        return session.paused_while(lambda: menus.ask_to_end(w.window()))  # kept in the tray

    def close_others(self) -> list[QWidget]:
        """Close the main window's other windows on screen (History, the keyboard shortcuts),
        each saving what it holds; not the editors (close_editors asks about their edits),
        nor a modal dialog. The ones closed: hidden, not deleted, to show again as they were."""
        return [other for other in self._others() if other.close()]

    def save_others(self) -> None:
        """What the other windows on screen hold, saved now, and the windows left open."""
        from hiptimer.ui.history.window import HistoryWindow  # loaded by then if it is shown

        for other in self._others():
            if isinstance(other, HistoryWindow):
                other.save_note()

    def _others(self) -> list[QWidget]:
        editors = self._window.routine_actions.editors
        return [
            child
            for child in self._window.window().findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isWindow() and child.isVisible() and not child.isModal()
            and child.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and child not in editors
        ]  # fmt: skip

    @property
    def for_good(self) -> bool:
        """The app is quitting (or the system ends it), not only the window closing."""
        return self.quitting or self.for_system


class _ShownAgain(QObject):
    """Waits for a closed window's next Show event, then calls `then` (once).

    Watched from the close on, not by a showEvent override: the window's first Show event
    reached Python before its first paint, and made PySide build QEvent's Python class
    (16.7 M instructions before the usable screen; docs/performance.md, session 22).

    Signals: none.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == event.Type.Show:
            watched.removeEventFilter(self)
            self.deleteLater()
            self._then()
        return False

"""The reminders in the main window: the coordinator, the tray, File > Weekly plan, the
library's "today" lines, closing to the tray and start at login."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer import APP_TITLE, paths
from hiptimer.core.clock import LocalTime, SystemLocalTime
from hiptimer.core.settings import SettingsStore
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.library.items import written_length
from hiptimer.ui.reminders.delivery import no_tray_words, reminders_help
from hiptimer.ui.widgets.worded import worded_action

if TYPE_CHECKING:  # built once the services are open, or when the user opens the plan: the
    # window's first paint does without them (docs/performance.md, start-up)
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMenu

    from hiptimer.core.plan.model import DeskBreaks, WeeklyPlan
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.reminders.coordinator import Idle, ReminderCoordinator
    from hiptimer.ui.reminders.plan_dialog import PlanChoice, PlanDialog
    from hiptimer.ui.reminders.tray import ReminderTray
    from hiptimer.ui.reminders.tray_messages import Notifier
    from hiptimer.ui.services.ports import Services

log = logging.getLogger(__name__)

TRAY_FIRST_CLOSE = N_(
    "HipTimer is still running in the tray, so that your reminders come. Open it again "
    "from the tray icon; quit from the tray menu or File > Quit. (Weekly plan and "
    "reminders in the File menu turns this off.)"
)


# A NamedTuple, not a frozen dataclass: made before the library's first paint, where a
# dataclass costs ~4 M instructions more (docs/performance.md, session 24).
class ReminderParts(NamedTuple):
    """What the reminders are made of; tests replace some. `tray` False: act as if the
    desktop had none (None: ask it). `off`: another copy owns the data folder and reminds."""

    local: LocalTime | None = None
    notifier: Notifier | None = None
    idle: Idle | None = None
    tray: bool | None = None
    autostart_dir: Path | None = None
    state_path: Path | None = None
    off: bool = False


class ReminderHost(Protocol):
    """What the reminders use of the window (its Shell has all of it)."""

    @property
    def settings(self) -> SettingsStore: ...
    @property
    def services(self) -> Services: ...
    @property
    def routines(self) -> Callable[[], list[Routine]]: ...
    @property
    def session(self) -> Callable[[], object | None]: ...  # the session on screen
    @property
    def show_problem(self) -> Callable[[str], None]: ...


class WindowReminders(QObject):
    """Starts once the services are open (the history says what was done today).

    Signals: start_requested(str) with a routine to open at its get-ready (a reminder's
    Start, or the tray's); show_requested(); quit_requested().
    """

    start_requested = Signal(str)
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        host: ReminderHost,
        menu: QMenu,
        window: QWidget,
        *,
        notice: Callable[[str, str], None],
        show_today: Callable[[list[str], str], None],
        parts: ReminderParts | None = None,
    ) -> None:
        """`notice(heading, detail)` shows a lasting notice; `show_today(lines, week_words)`
        puts today's plan on the library page, with the week's marks in words."""
        super().__init__(window)
        parts = parts or ReminderParts()
        self._host, self._window, self._parts = host, window, parts
        self._notice, self._show_today = notice, show_today
        self.local = parts.local or SystemLocalTime()
        self._notifier, self._idle = parts.notifier, parts.idle
        self._desktop: Notifier | None = None  # the desktop's notifications, once opened
        self._autostart_dir = parts.autostart_dir
        self.coordinator: ReminderCoordinator | None = None
        self._said_no_tray = False
        self._no_service = ""  # the notice that reminders cannot be shown, once said
        self.tray: ReminderTray | None = None
        self.dialog: PlanDialog | None = None
        self.length: Callable[[Routine], float] = written_length
        self.action = worded_action(_("Weekly &plan and reminders\u2026"), window)
        self.action.triggered.connect(self.open_plan)
        actions = menu.actions()  # after Settings, before the line above Quit
        if len(actions) > 1:
            menu.insertAction(actions[1], self.action)
        else:
            menu.addAction(self.action)

    def services_ready(self) -> None:
        """Open the notifier and the tray and begin looking at the plan (not in a read-only
        copy: the copy that owns the folder reminds, from the history this one cannot read)."""
        if self._parts.off:
            return
        from hiptimer.ui.reminders.coordinator import ReminderCoordinator
        from hiptimer.ui.reminders.history_reads import history_done, history_last_checks

        host = self._host
        notifier = self._desktop = self._notifier or self._desktop_notifier()
        idle = self._idle or self._idle_monitor()
        self.coordinator = ReminderCoordinator(
            host.settings.settings.plan, self.local, notifier,
            history_done(lambda: host.services.history, self.local), host.routines,
            idle=idle, session_running=lambda: host.session() is not None,
            length=lambda routine: self.length(routine), state_path=self._parts.state_path,
            last_checks=history_last_checks(lambda: host.services.history, host.routines),
            parent=self,
        )  # fmt: skip
        c = self.coordinator
        c.start_requested.connect(self.start_requested.emit)
        c.show_requested.connect(self.show_requested.emit)
        c.plan_requested.connect(self._plan_from_note)
        c.remove_requested.connect(self.remove_from_plan)
        c.desk_changed.connect(lambda desk: self._save_plan(self._with_desk(desk)))
        c.problem.connect(self._reminders_problem)
        c.today_changed.connect(self.refresh_today)
        self._tray_up()
        c.start()

    def _reminders_problem(self, text: str) -> None:
        """No notification service: said once, with the no-tray notice if that came first
        (a notice replaces the one before it, and neither comes again)."""
        self._no_service = text
        if self._said_no_tray:
            self._say_no_tray()
        else:
            self._notice(_("Reminders"), text)

    def _say_no_tray(self) -> None:
        """The no-tray notice, which promises notifications only where they can be shown."""
        heading = _("Reminders") if self._no_service else _("No tray")
        self._notice(heading, no_tray_words(self._no_service))

    def _desktop_notifier(self) -> Notifier:
        """The desktop's notification service over D-Bus; where Qt has no D-Bus module, none
        (the tray's messages stand in where there is a tray)."""
        try:
            from hiptimer.ui.reminders.notifier import DBusNotifier
        except ImportError:
            from hiptimer.ui.reminders.tray_messages import NoNotifier

            return NoNotifier(_("this Qt has no D-Bus module"))
        notifier = DBusNotifier(self)
        notifier.available()  # learns now why it cannot show: the no-tray notice says it
        return notifier

    def _idle_monitor(self) -> Idle | None:
        try:
            from hiptimer.ui.reminders.idle import IdleMonitor
        except ImportError:  # no D-Bus module: desk breaks count a plain interval
            return None
        return IdleMonitor(self)

    @functools.cached_property
    def _tray_wanted(self) -> bool:
        """Whether the desktop shows tray icons: asked once the window is up (a round trip
        to the display, and the tray's wrapper types, that the first paint does without)."""
        if self._parts.tray is not None:
            return self._parts.tray
        from PySide6.QtWidgets import QSystemTrayIcon

        return QSystemTrayIcon.isSystemTrayAvailable()

    def _tray_up(self) -> None:
        """Show the tray icon where there is a tray; say so (once) where there is none but
        one is wanted (reminders on, or closing to the tray)."""
        c, s = self.coordinator, self._host.settings.settings
        assert c is not None
        wanted = s.plan.reminders or s.plan.desk.on or s.keep_in_tray
        from hiptimer.ui.reminders.tray import ReminderTray
        from hiptimer.ui.reminders.tray_messages import OrTrayMessage, TrayMessages

        if not self._tray_wanted:
            if wanted and not self._said_no_tray:
                self._said_no_tray = True
                # Known now (no session bus, no service): said with it, or the no-tray notice
                # would promise notifications until the first reminder failed to come.
                self._no_service = self._no_service or c.known_problem()
                self._say_no_tray()
            return
        from PySide6.QtGui import QIcon

        icon = QIcon(str(paths.icons_dir() / "hiptimer.svg"))
        self.tray = ReminderTray(c, self._host.routines, icon, self._window)
        self.tray.start_requested.connect(self.start_requested.emit)
        self.tray.show_requested.connect(self.show_requested.emit)
        self.tray.quit_requested.connect(self.quit_requested.emit)
        self.tray.plan_requested.connect(self.open_plan)
        # Where the desktop's notifications do not answer (from the start, or gone since), a
        # tray message: no buttons, but the reminder (the desktop's answers are connected).
        messages = TrayMessages(self.tray.icon, self)
        messages.connect_answered(c.answer)
        c.notifier = OrTrayMessage(c.notifier, messages)
        self.tray.show()
        self._quit_on_close()

    def still_today(self) -> list[str]:
        """Today's planned routines not done yet (none before services_ready, nor in a copy
        that does not remind)."""
        return self.coordinator.still_today() if self.coordinator is not None else []

    def refresh_today(self) -> None:
        if self.coordinator is not None:
            self._show_today(*self.coordinator.today())

    def session_started(self, routine_id: str) -> None:
        """A session began: its reminder's note can go, and a look now rests the desk-break
        count (a session is a break), or the tray said the old time until the next look."""
        if self.coordinator is not None:
            self.coordinator.routine_started(routine_id)
            self.coordinator.check()

    def session_ended(self) -> None:
        """A session ended: today's lines may say "done" now."""
        if self.coordinator is not None:
            self.coordinator.check()

    # ------------------------------------------------------------ closing to the tray

    def _quit_on_close(self) -> None:
        keep = self._host.settings.settings.keep_in_tray and self.tray is not None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not keep)

    def close_to_tray(self, event: QCloseEvent) -> bool:
        """Keep HipTimer in the tray when the window closes, if the user asked for that and a
        tray shows the icon; the first time, say so. True if it hid the window instead.

        A running session ends as on any close (the window closes; the app stays).
        """
        store = self._host.settings
        if self.tray is None or not store.settings.keep_in_tray:
            return False
        if not store.settings.tray_explained:
            store.update(tray_explained=True)
            self.tray.icon.showMessage(APP_TITLE, translate(TRAY_FIRST_CLOSE))
        if self._host.session() is not None:
            return False
        event.ignore()
        self._window.hide()
        return True

    def window_closed(self, quitting: bool) -> None:
        """The window closed: reminders stop, unless HipTimer stays in the tray (and is not
        quitting)."""
        if self.coordinator is None:
            return
        if quitting or self.tray is None or not self._host.settings.settings.keep_in_tray:
            self.coordinator.stop()
            if self.tray is not None:
                self.tray.hide()
            app = QApplication.instance()
            if isinstance(app, QApplication):  # the application's, not ours to keep changed
                app.setQuitOnLastWindowClosed(True)

    # ------------------------------------------------------------ the plan dialog

    def open_plan(self) -> PlanDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from hiptimer.core.plan import autostart
        from hiptimer.ui.reminders.plan_dialog import PlanDialog

        s, c, tray = self._host.settings.settings, self.coordinator, self._tray_wanted
        no_service = self._no_service or (c.problem_text() if c and c.notifier.reason else "")
        dialog = PlanDialog(
            s.plan, self._host.routines(), keep_in_tray=s.keep_in_tray,
            start_at_login=autostart.is_on(self._autostart_dir),
            tray_reason="" if tray else no_tray_words(no_service),
            login_reason="" if autostart.supported() else _(
                "Start at login is made for Linux desktops (XDG autostart) only, so far."
            ),
            idle_source=self._idle_source(), parent=self._window,
            help_text=reminders_help(self._desktop.reason if self._desktop else "", tray),
        )  # fmt: skip
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._closed(dialog, result))
        dialog.open()
        return dialog

    def _plan_from_note(self) -> None:
        """A note's "Change the plan": the window comes forward with the plan open on it."""
        self.show_requested.emit()
        self.open_plan()

    def remove_from_plan(self, routine_id: str) -> None:
        """A note's "Remove this reminder": the routine leaves the plan, which is saved."""
        plan = self._host.settings.settings.plan
        items = tuple(item for item in plan.items if item.routine_id != routine_id)
        self._save_plan(dataclasses.replace(plan, items=items))

    def _with_desk(self, desk: DeskBreaks) -> WeeklyPlan:
        """The plan saved, with a desk break's note's answer (another routine, or off)."""
        return dataclasses.replace(self._host.settings.settings.plan, desk=desk)

    def _save_plan(self, plan: WeeklyPlan, **settings: object) -> None:
        store = self._host.settings
        store.update(plan=plan, **settings)
        if store.save_error:
            self._host.show_problem(store.save_error)
        if self.coordinator is not None:
            self.coordinator.set_plan(plan)
        self.refresh_today()

    def _idle_source(self) -> str:
        idle = self.coordinator._idle if self.coordinator is not None else None
        if idle is None or idle.idle_s() is None:
            return ""
        return idle.source or "the desktop"

    def _closed(self, dialog: PlanDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        from PySide6.QtWidgets import QDialog

        if result == QDialog.DialogCode.Accepted:
            self.apply(dialog.chosen())
        dialog.deleteLater()

    def apply(self, choice: PlanChoice) -> None:
        """Save the plan and the tray choice, write or remove the autostart entry."""
        from hiptimer.core.plan.model import stamp_since

        store = self._host.settings
        plan = stamp_since(store.settings.plan, choice.plan, self.local.now())
        self._save_plan(plan, keep_in_tray=choice.keep_in_tray)
        self._set_autostart(choice.start_at_login)
        if self.coordinator is not None and self.tray is None:
            self._tray_up()  # a tray now wanted, or a notice that there is none
        self._quit_on_close()
        self.refresh_today()

    def _set_autostart(self, on: bool) -> None:
        from hiptimer.core.plan import autostart

        if not autostart.supported() or on == autostart.is_on(self._autostart_dir):
            return
        try:
            if on:
                data = str(paths.data_dir()) if paths.data_dir_chosen() else None
                autostart.turn_on(autostart.command(data), self._autostart_dir)
            else:
                autostart.turn_off(self._autostart_dir)
        except autostart.AutostartError as exc:
            self._host.show_problem(_("Start at login: {problem}").format(problem=exc))

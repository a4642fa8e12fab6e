"""The main window: its pages (held by a Navigator), one key map, the menus and the sessions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar

from hiptimer import APP_TITLE
from hiptimer.core.clock import Clock, MonotonicClock, wall_now
from hiptimer.core.settings import SettingsStore
from hiptimer.i18n import _
from hiptimer.ui.editor.routine_actions import RoutineActions
from hiptimer.ui.full_screen import toggle_full_screen
from hiptimer.ui.key_filter import WindowKeys
from hiptimer.ui.keys import Action
from hiptimer.ui.library.items import LibraryItem, load_library, many_routines
from hiptimer.ui.library.offers import LibraryOffers
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.library.returning import choose_returning
from hiptimer.ui.library.shelf import LibraryShelf
from hiptimer.ui.menus import WindowMenus
from hiptimer.ui.mute import set_muted
from hiptimer.ui.navigator import Navigator
from hiptimer.ui.reminders.window_reminders import ReminderParts, WindowReminders
from hiptimer.ui.service_watch import ServiceWatch
from hiptimer.ui.services.notice_bar import install_notice_bar
from hiptimer.ui.services.ports import Services
from hiptimer.ui.services.status_banner import install_status_banner
from hiptimer.ui.session.resume_page import ResumeOffer
from hiptimer.ui.session_flow import SessionFlow
from hiptimer.ui.settings.actions import SettingsActions
from hiptimer.ui.shell import Shell
from hiptimer.ui.start_order import StartOrder
from hiptimer.ui.widgets.plain_stacks import plain_stacks
from hiptimer.ui.widgets.screen_fit import fit_window
from hiptimer.ui.window_actions import perform_action
from hiptimer.ui.window_closing import WindowClosing

if TYPE_CHECKING:  # the first page needs none of these: they load when they are used
    from PySide6.QtGui import QCloseEvent, QKeyEvent  # (with QEvent's class: after the list)

    from hiptimer.core.history.resume import ResumePlan
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.first_run import FirstRunPage
    from hiptimer.ui.guidance.coordinator import Guidance
    from hiptimer.ui.session.active import ActiveSession
    from hiptimer.ui.session.summary_page import SummaryPage

log = logging.getLogger(__name__)

HISTORY_POLL_MS = 20


class MainWindow(QMainWindow):
    """Wires the pages and their coordinators together and turns keys and menu commands
    into actions; which page is on screen, and which keys it takes, is the navigator's.

    `clock` and `wall` go to every session's engine: tests pass a FakeClock. With
    `show_first` (as hiptimer.ui.app opens it) the window is built for its first paint: it
    reads the routine files and takes its keys and dropped files in open_services().

    Signals: none of its own (the coordinators' signals come here).
    """

    def __init__(
        self,
        settings: SettingsStore,
        services: Services | None = None,
        *,
        clock: Clock | None = None,
        wall: Callable[[], datetime] = wall_now,
        library: Callable[[], list[LibraryItem]] = load_library,
        read_apart: Callable[[], bool] = many_routines,  # first read on a thread (shelf)
        show_first: bool = False,
        reminders: ReminderParts | None = None,  # tests: a fake clock, notifier, no tray
    ) -> None:
        super().__init__()
        self.closing = WindowClosing(self)  # Quit, logout or a signal, or to the tray
        self.settings = settings
        self.services = services or Services()
        self.clock = clock or MonotonicClock()
        self.wall = wall
        self._services_wait = False  # opened, their history not yet: _services_ready() waits
        self._services_started = False  # _services_ready() has run
        self._voice_known = False  # lengths as written until the services are ready
        self._reminder_parts = reminders
        if not show_first:  # (else after the first paint, in open_services)
            plain_stacks()  # a tab widget's or file dialog's pages: no "layered pane" said
        self.nav = Navigator(self)
        self.flow = self._session_flow(settings, wall)
        self.setCentralWidget(self.nav.stack)
        self.notice = install_notice_bar(self)  # above the pages: no voice, and so on
        self.banner = install_status_banner(self, self.services, settings)  # data not saving
        self.setWindowTitle(APP_TITLE)
        # 1280 x 800 where the screen has room; never larger than the screen (1024 x 768 laptops,
        # 1920 x 1080 at 200 %). An explicit minimum keeps layouts from resizing the window's
        # size hints whenever a font changes (which also makes the offscreen platform warn).
        fit_window(self, QSize(1280, 800), QSize(640, 440))
        self.guidance: Guidance | None = None  # the morning check-in, then dose suggestions
        self.offers = LibraryOffers(lambda: self.guidance)  # the library's unanswered ones
        self.shelf = LibraryShelf(
            self.nav, self.offers, library, self.start_session, self,
            show_first, read_apart, lambda: self.keys.replay(self.open_services),
        )  # fmt: skip
        shell = Shell(
            self.nav, self.services, settings, wall, self.show_problem,
            self.show_status,
            self.shelf.routines, self.shelf.selected_routine, self.shelf.selected_broken,
            lambda: self.session, self.shelf.catalog,
        )  # fmt: skip
        self.keys: WindowKeys = WindowKeys(self, self.nav.key_mode, self.perform, later=show_first)
        self._build_menus(shell)  # (after the keys: their shortcuts wait with them)
        self.nav.page_changed.connect(self.banner.page_changed)  # retries a failing save
        self.resume = ResumeOffer(shell, None, self)  # reads the history once it is open
        self.resume.resume_requested.connect(self._resume)
        self.resume.title_changed.connect(self.setWindowTitle)
        self.start_order = StartOrder(self, self)  # the notice, the offer, then --routine
        self.resume.kept.connect(self.start_order.kept_partial)
        self.service_watch = ServiceWatch(self)  # problems shown, the history followed
        self._shell = shell
        if self.services.opener is None:  # opened already; else open_services() comes later
            self._services_ready()

    def open_services(self, *, wait: bool = True, listed_only: bool = False) -> None:
        """After the first paint (hiptimer.ui.app): the routines, then, unless `listed_only`
        (the list painted first), the keys and the services; `wait`: for the history and a
        large folder's read (else the services open now, the rest once it has ended)."""
        # A poll still queued when the app shut them down, or for a window closed meanwhile
        # while the editor keeps the app running: nothing starts for it (_shown_again asks again).
        if self.services.shut_down or self.closing.closed:
            self._services_wait = False
            return
        # Shown first: the routines now, or from their thread; a read that raised: again.
        if self.shelf.unlisted and not self.shelf.list_first(wait=not listed_only, join=wait):
            if not (wait or listed_only):  # History, the first-run notice's button: no wait
                self._services_wait |= self.services.open_now()
            return
        if listed_only:  # the keys too wait for the list's paint: a key meanwhile, keyPressEvent
            return
        plain_stacks()  # before any tab widget (QAccessible's enums: 16 M, after the paint)
        self.keys.install()  # (once)
        self.routine_actions.accept_drops()  # (once)
        self._services_wait |= self.services.open_now()
        if self._services_wait and (wait or self.services.history_ready):
            self._services_wait = False
            self._services_ready()
        elif self._services_wait:  # look again soon; the window answers meanwhile
            QTimer.singleShot(HISTORY_POLL_MS, self, lambda: self.open_services(wait=False))

    def _services_ready(self) -> None:
        """What the services make possible: their problems shown, an interrupted session
        offered, then the morning check-in."""
        from hiptimer.core.history.store import HistoryStore
        from hiptimer.ui.guidance.coordinator import Guidance

        self._services_started = True
        self.service_watch.watch()
        self.banner.refresh()
        self._voice_known = True
        self.lengths_changed()
        self.services.speech.connect_unavailable(lambda _reason: self.lengths_changed())
        self.settings_actions.applied.connect(lambda _settings: self.lengths_changed())
        history = self.services.history
        store = history if isinstance(history, HistoryStore) else None
        self.resume.use_history(store)
        saving = history is not None and history.status.saving
        self.service_watch.offer_missed = history is not None and not saving  # locked, say
        if self.first_run is None and self.session is None:
            self.resume.offer()  # a session interrupted last time comes before anything else
        self.guidance = Guidance(self._shell, self)
        self.guidance.routine_saved.connect(lambda _routine: self._reload_library())
        self.guidance.kept_later.connect(self._doses_kept)  # left on a summary, kept later
        self.guidance.library_requested.connect(self.show_library)
        self.guidance.start()
        self.flow.guidance = self.guidance
        self.offers.refresh()
        self.reminders.services_ready()  # the history says what was done today
        reminding = self.reminders.coordinator
        if reminding is not None and reminding.file_notice is not None:
            self.banner.also_say(reminding.file_notice())  # its file was damaged: moved aside
        if not self.shelf.opened and self.library.list.currentRow() <= 0:  # not moved meanwhile
            choose_returning(self.library.select, self.reminders.still_today(), store)
        self.start_order.services_ready()  # --start waited for the voice and the history

    def lengths_changed(self) -> None:
        """Lengths as a session started now would run it, once the voice is known and again
        when it fails or the mute or settings change: the library kept the voice's lead-ins
        after the voice failed, where the session (and its summary) ran pauses as written."""
        if not self._voice_known:
            return
        from hiptimer.ui.session.lead_ins import estimate_for

        self.shelf.estimate = estimate_for(self.settings.settings, self.services)
        self.library.set_estimate(self.shelf.estimate)
        self.reminders.length = self.shelf.estimate

    def _session_flow(self, settings: SettingsStore, wall: Callable[[], datetime]) -> SessionFlow:
        flow = SessionFlow(
            self.nav, settings, self.services, clock=self.clock, wall=wall, parent=self
        )
        flow.title_changed.connect(self.setWindowTitle)
        flow.window_named.connect(self.setAccessibleName)  # "" reads the title again
        flow.problem.connect(self.show_problem)
        flow.action_requested.connect(lambda action: self.perform(action, 0))
        flow.room_wanted.connect(lambda asking: self.notice.make_way(asking))  # made after
        flow.started.connect(lambda routine_id: self.reminders.session_started(routine_id))
        flow.ended.connect(lambda: self.reminders.session_ended())  # today may say "done" now
        flow.library_requested.connect(self.show_library)
        flow.done_requested.connect(self.close)
        flow.doses_kept.connect(self._doses_kept)
        return flow

    def _doses_kept(self, title: str) -> None:
        self.show_status(_("New doses kept for {title}.").format(title=title), 8000)
        self._reload_library()

    def idle(self) -> bool:
        """On the library, with no session and no first-run notice."""
        idle = self.session is None and self.first_run is None
        return idle and self.nav.showing(self.library)

    def _build_menus(self, shell: Shell) -> None:
        """File, Session, View and Routines; the settings put themselves first in File."""
        menus = WindowMenus(self.menuBar(), self, later=not self.keys.installed)
        self.keys.before_shortcuts = menus.fill  # (their items: made once the keys are taken)
        menus.quit_requested.connect(self.quit_asking)
        menus.action_requested.connect(lambda action: self.perform(action, 0))
        menus.history_requested.connect(self.open_history)
        menus.full_screen_requested.connect(lambda: toggle_full_screen(self))
        self.routine_actions = RoutineActions(
            shell, self.menuBar(), self, drops_later=self.shelf.unlisted
        )
        self.routine_actions.routine_changed.connect(self._routine_changed)
        self.settings_actions = SettingsActions(shell, menus.file_menu, self)
        self.settings_actions.mute_requested.connect(lambda muted: set_muted(self, muted))
        self.reminders = WindowReminders(
            shell, menus.file_menu, self, notice=self.notice.show_notice,
            show_today=lambda lines, words: self.library.show_today(lines, words),
            parts=self._reminder_parts,
        )  # fmt: skip
        self.reminders.quit_requested.connect(self.quit_app)
        menus.add_help_menu()

    # ------------------------------------------------------------ pages

    @property
    def library(self) -> LibraryPage:
        """The library page now on the window (made anew when the routines change)."""
        return self.shelf.page

    def show_library(self) -> None:
        if self.summary is not None:
            self._reload_library()  # durations and doses may have changed
        self.flow.drop_summary()
        before = self.guidance.page_before_library() if self.guidance is not None else None
        self.nav.show(before or self.library)
        self.setWindowTitle(APP_TITLE)
        self.resume.offer_deferred()  # an interrupted session that --start put aside
        self.offers.refresh()  # answered on the summary, or in a review

    @property
    def first_run(self) -> FirstRunPage | None:
        """The notice before the first session, while it is up."""
        return self.start_order.first_run

    def open_routine(self, routine: Routine, *, start: bool) -> None:
        """Show a routine (from the command line); with `start`, begin it (StartOrder)."""
        self.shelf.open(routine)
        self.start_order.open_routine(routine, start=start)

    # ------------------------------------------------------------ sessions

    @property
    def session(self) -> ActiveSession | None:
        return self.flow.session

    @property
    def summary(self) -> SummaryPage | None:
        return self.flow.summary

    def start_session(self, routine: Routine) -> None:
        if not routine.active_exercises:  # a valid file: every exercise says "enabled": false
            self.show_problem(
                _(
                    "{title} has every exercise left out, so there is nothing to start: "
                    "include one in the editor (Ctrl+E)."
                ).format(title=routine.title)
            )
            return
        if self.session is None and not self.start_order.start_later(routine):
            self.open_services()  # a key pressed before the event loop was first idle
            if not self.resume.showing:  # the history, open only now, may offer a session first
                self.flow.start(routine)

    def _resume(self, plan: ResumePlan) -> None:
        self.open_services()
        self.flow.resume(plan)

    def _routine_changed(self, routine: Routine) -> None:
        """A routine was saved or imported: show the library as it is now, with it chosen."""
        self._reload_library()
        self.library.select(routine.id)

    def _reload_library(self) -> None:
        self.shelf.reload()
        self.reminders.refresh_today()

    # ------------------------------------------------------------ actions

    def perform(self, action: Action, value: int = 0) -> None:
        """Do what a key, a button or a menu item asks for (ui/window_actions.py)."""
        perform_action(self, action, value)

    def quit_asking(self) -> None:
        """Ctrl+Q (in any of HipTimer's windows): ask first, over the window it was typed in,
        then quit (unsaved history asks instead, on closing)."""
        over = QApplication.activeWindow() or self
        self.flow.quit_confirmed(over, self.services.history, self.closing.quit_app)

    def open_history(self) -> None:
        """The history window: sessions, pain charts, adherence and exports."""
        from hiptimer.ui.history.opening import open_services_history  # QtCharts loads lazily

        self.open_services(wait=False)  # a large folder's read under way: History after it
        open_services_history(
            self, self.services, self.wall, self.show_problem, self.shelf, self.settings
        )

    def show_problem(self, text: str) -> None:
        log.warning("%s", text)
        self.show_status(text, 15000)

    def statusBar(self) -> QStatusBar:
        """QMainWindow's, as one whose messages a screen reader says (made when first asked
        for, not before the first paint)."""
        from hiptimer.ui.widgets.spoken_status import spoken_status_bar

        # Shown only while it has a message: an empty bar kept ~45 px of the workout at 150 %
        # on 1024 x 768 after M said "Sound off".
        return spoken_status_bar(self, hides_when_empty=True)

    def show_status(self, text: str, ms: int) -> None:
        """A message in the status bar for `ms`."""
        self.statusBar().showMessage(text, ms)

    def end_by_system(self) -> None:
        self.closing.end_by_system()

    def quit_app(self) -> None:
        self.closing.quit_app()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closing.may_close(event):
            super().closeEvent(event)
            self.closing.closed_till_shown(self._shown_again)
            self.reminders.window_closed(self.closing.for_good)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key typed before the window takes its keys does what it does on the screen it was
        typed on (WindowKeys.early): Enter as the safety notice appeared did nothing (Xvfb)."""
        if not self.keys.installed and self.isVisible():
            mode = self.nav.key_mode()  # not the offer to resume that the history may bring
            if self.keys.early(event, mode, self.shelf.reading, self.open_services):  # or held
                return
        super().keyPressEvent(event)

    def _shown_again(self) -> None:
        """Shown again after it was closed (a second start, while the editor kept the app
        running): what the services make possible starts now, if it never did."""
        if not self._services_started:
            self._services_wait = True
            QTimer.singleShot(0, self, lambda: self.open_services(wait=False))

"""Starting the window: the QApplication, its look, the services and the main window, and
closing them again when it closes."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from hiptimer.ui.app_setup import set_window_icon, setup_application
from hiptimer.ui.second_start import (
    claim_folder,
    come_forward,
    connect_reminders,
    display_named,
    resolve_routine,
    start_without_display,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from hiptimer.core.clock import Clock
    from hiptimer.core.instance import Outcome
    from hiptimer.core.routines.model import Routine
    from hiptimer.core.settings import SettingsStore
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.single_instance import FirstCopy


EXPOSE_POLL_MS = 3  # after_first_paint: how often to look whether the window is on screen


def run_app(
    routine: Routine | str | None = None,
    start: bool = False,
    argv: Sequence[str] | None = None,
    *,
    clock: Clock | None = None,
    wall: Callable[[], datetime] | None = None,
    services: Services | None = None,
    in_tray: bool = False,
) -> int:
    """Open the window (on a routine, started at once with `start`) and run until it closes.

    `routine` is a Routine, or an id, file name or path for the routine library. `in_tray`
    (a start at login): only the tray icon shows, or the window minimised where no tray is.
    Returns the exit status.
    """
    if _no_app_yet() and not display_named():
        return start_without_display(routine, start, in_tray)
    # Heavy imports wait until a window is really wanted (`hiptimer list` never pays for Qt).
    from PySide6.QtCore import QCoreApplication

    from hiptimer import paths
    from hiptimer.core.instance import Outcome

    app, styled = _application(argv)
    first = claim_folder(routine, start, in_tray)
    if first is Outcome.HANDED_OVER:
        return 0
    if not isinstance(first, Outcome) and not first.locked:
        # Only the socket tells that this copy runs: at once, or a start before the list's
        # paint would be a second full copy (QtNetwork and Qt's enums before the paint, ~45 ms)
        first.listen(starting=True)
    read_only = first is Outcome.READ_ONLY
    if read_only:
        print(
            f"HipTimer is already running for {paths.data_dir()} but did not answer in time"
            " (busy, or stuck); this window opens read-only and records nothing. Use the"
            " running HipTimer, or quit it and start HipTimer again.",
            file=sys.stderr,
        )
    from hiptimer import log_file

    if not read_only:  # a copy that does not own the data folder writes nothing there
        log_file.start(paths.data_dir())
    setup_application(app, styled=styled, icon=False)  # the icon: after the first paint
    from hiptimer.ui.system_quit import SystemQuit

    # From here a termination signal waits for the event loop instead of killing the app
    # half-way through starting a session; it is handled once the window is there.
    system_quit = SystemQuit(app)  # logout, shutdown, kill: save, end the session, quit

    from hiptimer.core.settings import SettingsStore

    settings = SettingsStore()
    unwatch = _apply_settings(app, settings)
    if services is None:  # the window first: speech, sounds and history open just after
        from hiptimer.ui.services.ports import later_services

        s = settings.settings
        services = later_services(
            muted=s.muted, voice=s.voice, rate=s.rate, volume=s.volume, history=not read_only
        )
    if read_only:
        _write_nothing(services)
    window = _main_window(settings, services, first, clock=clock, wall=wall)
    chosen = None
    if isinstance(routine, str) and window.shelf.reads_apart():  # not the whole folder first
        window.shelf.choose_named(routine, window.show_problem, start=start)
    else:
        chosen = resolve_routine(routine, window.show_problem)
    if chosen is not None:  # chosen as the list fills, not after the services start
        window.shelf.choose_first(chosen, start=start)
    if not read_only:  # (a damaged draft is moved aside: the other copy's folder to write)
        _tell_kept_drafts(window)
    _show(window, in_tray)
    connect_reminders(window)

    filters: list[QObject] = []

    def when_idle() -> None:
        # The routine library, the history's integrity check, the speech engine and the rest
        # take their time while the window is already on screen. So do the application's
        # event filters: the first events of each kind through Python make PySide build
        # wrapper types, ~20 ms before the first paint (docs/performance.md).
        try:
            window.open_services(wait=False, listed_only=True)  # the list and Start
        finally:  # a read that raised: no services, no keys, no second start answered
            # The rest once the list is painted: done in this same call, it held the filled
            # list off the screen until the services had started (docs/performance.md).
            # Its open_services() reads the routines again if this read raised. A large
            # folder is read on a thread: once it has ended (hiptimer.ui.library.shelf).
            window.shelf.after_read(
                lambda: watches.append(after_first_paint(window, when_listed, fallback_ms=0))
            )

    def when_listed() -> None:
        from hiptimer.ui.a11y import install_reader_filter
        from hiptimer.ui.widgets.screen_fit import install_screen_fit

        if window.library.read_first is not None:  # listed as the last start kept it:
            try:  # the files now, before anything takes a routine (library/listing.py)
                window.library.read_first()
            except Exception:  # (open_services() below reads them again)
                logging.getLogger(__name__).exception("The routines could not be read")
        window.library.draw_pictures()  # the chosen routine's figures, left blank until now
        # The window's keys: its filter held the list's paint off (115 M instructions). Before
        # the filters below, which Qt asks first, as it did when the keys came with the list.
        window.keys.install()
        set_window_icon(app)  # the title bar's icon, a moment after the window itself
        filters.append(install_screen_fit(app))  # no window or dialog past the screen's edges
        filters.append(install_reader_filter(app))  # each button's key, a field's focus
        if not isinstance(first, Outcome):  # a second start waits up to STARTING_S for this
            # Before the services, which take seconds on a loaded host (a second start gave up
            # meanwhile, and read only): it is told to wait, from a thread of the socket's own.
            first.listen(starting=True)  # QtNetwork: only now, after the list's paint (locked)
        window.open_services(wait=False)  # the history opens on a thread of its own
        if not read_only:  # what a killed save left, once the list is on screen
            window.shelf.keep_listing()  # the list, for the next start's first paint
            from hiptimer.core.stale_temps import data_folders, remove_stale_temps

            remove_stale_temps(data_folders())
        wanted = chosen or window.shelf.chosen_named  # (chosen already) an interrupted
        if wanted is not None:  # session is offered first; --start waits for the services
            window.open_routine(wanted, start=start)
        if not isinstance(first, Outcome):  # what second starts asked meanwhile, after it
            first.ready()

    watches = [after_first_paint(window, when_idle)]

    def end_for_the_system(_why: str) -> None:
        window.end_by_system()
        app.quit()

    system_quit.requested.connect(end_for_the_system)
    if not isinstance(first, Outcome):
        first.requested.connect(lambda request: come_forward(window, request))
        first.busy = lambda: window.session is not None  # as come_forward decides
    try:
        return int(app.exec())
    finally:
        for watch in watches:
            watch.stop()  # a window closed before it was ever on screen (or its list)
        window.shelf.stop_reading()  # a large folder still being read: nothing handed over
        if not isinstance(first, Outcome):
            first.release()
        system_quit.uninstall()
        for installed in filters:
            app.removeEventFilter(installed)
        unwatch()
        from hiptimer.core.write_abandon import abandon_all

        abandon_all()  # an export's daemon thread dies with us: its file beside goes now
        services.shutdown()
        log_file.stop()
        # Closing the last window and end_for_the_system each ask to quit: the second request
        # would end the next event loop of this process (tests run the app again).
        from PySide6.QtCore import QEvent  # (its class: 16.7 M, not before the list's paint)

        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def _application(argv: Sequence[str] | None) -> tuple[QApplication, bool]:
    """The QApplication (a test's own, if it made one) and whether it was made styled."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        assert isinstance(app, QApplication)
        return app, False
    # Fractional scale factors (1.25, 1.5) as they are, not rounded: only before the app.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # Fusion by name here, not by setStyle(): PySide wraps the QStyle that setStyle()
    # returns, and its first wrap of a Qt-private class costs ~10 ms before the first paint.
    return QApplication([*(argv or sys.argv[:1]), "-style", "fusion"]), True


def _apply_settings(app: QApplication, settings: SettingsStore) -> Callable[[], None]:
    """The language and the look the settings ask for (or the desktop's), before the first
    widget: every string is looked up then. Returns what stops following the desktop's look."""
    from hiptimer.ui.language import apply_language
    from hiptimer.ui.theme import apply as apply_look
    from hiptimer.ui.theme import watch_system

    s = settings.settings
    apply_language(app, s.language)
    apply_look(app, s.theme, s.text_size)
    return watch_system(app, lambda: (settings.settings.theme, settings.settings.text_size))


def _main_window(
    settings: SettingsStore,
    services: Services,
    first: FirstCopy | Outcome,
    *,
    clock: Clock | None,
    wall: Callable[[], datetime] | None,
) -> MainWindow:
    """The main window, built for its first paint, with what went wrong at the start above
    its pages. The routine files are read just after the first paint, with the services, the
    keys and the files dropped on the window."""
    from hiptimer.core.clock import wall_now
    from hiptimer.core.instance import Outcome
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.reminders.window_reminders import ReminderParts

    read_only = first is Outcome.READ_ONLY
    window = MainWindow(
        settings, services, clock=clock, wall=wall or wall_now, show_first=True,
        reminders=ReminderParts(off=True) if read_only else None,
    )  # fmt: skip
    if settings.save_error:
        window.show_problem(settings.save_error)
    if not isinstance(first, Outcome) and first.moved_aside is not None:
        from hiptimer.i18n import _

        window.show_problem(
            _("A folder was where HipTimer keeps its lock: it was moved to {path}.").format(
                path=first.moved_aside
            )
        )
    return window


def _show(window: MainWindow, in_tray: bool) -> None:
    """Show the window; a start at login leaves it in the tray (minimised where none is)."""
    if not in_tray:
        from hiptimer.ui.window_focus import KeepKeyboard

        window.show()
        KeepKeyboard(window)  # the menu shortcuts work on an X server with no window manager
        return
    from PySide6.QtWidgets import QSystemTrayIcon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()


def _no_app_yet() -> bool:
    """No QApplication made yet in this process (tests and embedders make their own)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is None


def _tell_kept_drafts(window: MainWindow) -> None:
    """Unsaved routine edits that a logout or a termination signal kept as drafts: named above
    the pages at each start, each opened in turn from there (hiptimer.ui.editor.kept_notice)."""
    from hiptimer import paths

    listed = paths.kept_drafts()
    if not listed:  # the usual start: nothing more is loaded before the first paint
        return
    from hiptimer.ui.editor.kept_notice import tell_kept_drafts

    tell_kept_drafts(window, listed)


def _write_nothing(services: Services) -> None:
    """Another copy owns the data folder: this window keeps its history closed, so it
    neither records sessions nor offers the other's live session for resume."""
    from hiptimer import paths
    from hiptimer.core.history.status import HistoryStatus
    from hiptimer.core.instance import READ_ONLY_REASON
    from hiptimer.i18n import translate

    services.history = None
    reason = translate(READ_ONLY_REASON)
    services.history_off = HistoryStatus.off(paths.history_db_path(), reason)


def after_first_paint(window: QWidget, then: Callable[[], None], fallback_ms: int = 1000) -> QTimer:
    """Call `then` once, in the first idle moment after the window was first painted.

    Qt paints a widget window while it handles its first Expose event, so once the window
    reads as exposed between two events its first picture is on screen. The window is looked
    at every few milliseconds, not watched with an event filter: the first event that crosses
    into Python makes PySide build wrapper types for every QEvent subclass, ~3 ms before
    the window is mapped (docs/performance.md). A window that is never exposed (a minimised
    start) gets `then` after fallback_ms all the same. Returns the timer that looks (stop it
    to call nothing).
    """
    from PySide6.QtCore import QTimer

    poll = QTimer(window)
    poll.setInterval(EXPOSE_POLL_MS)
    give_up = time.monotonic() + fallback_ms / 1000

    def look() -> None:
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()) or time.monotonic() >= give_up:
            poll.stop()
            then()

    poll.timeout.connect(look)
    poll.start()
    return poll

"""Starting the window: the QApplication, its look, the services and the main window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QWidget

    from hiptimer.core.clock import Clock
    from hiptimer.core.instance import Outcome, Request
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.single_instance import FirstCopy


WINDOW_ICON_PX = (16, 24, 32, 48, 64)
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
    if _no_app_yet() and not _display_named():
        return _without_display(routine, start, in_tray)
    # Heavy imports wait until a window is really wanted (`hiptimer list` never pays for Qt).
    from PySide6.QtCore import QCoreApplication, QObject, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (1.25, 1.5) as they are, not rounded: only before the app.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        # Fusion by name here, not by setStyle(): PySide wraps the QStyle that setStyle()
        # returns, and its first wrap of a Qt-private class costs ~10 ms before the first paint.
        app = QApplication([*(argv or sys.argv[:1]), "-style", "fusion"])
        styled = True
    else:
        styled = False
    assert isinstance(app, QApplication)
    from hiptimer import paths
    from hiptimer.core.instance import Outcome

    first = _claim(routine, start, in_tray)
    if first is Outcome.HANDED_OVER:
        return 0
    read_only = first is Outcome.READ_ONLY
    if read_only:
        print(
            f"HipTimer is already running for {paths.data_dir()} but does not answer; "
            "this window opens read-only and records nothing.",
            file=sys.stderr,
        )
    from hiptimer import log_file

    if not read_only:  # a copy that does not own the data folder writes nothing there
        log_file.start(paths.data_dir())
    setup_application(app, styled=styled)
    from hiptimer.ui.system_quit import SystemQuit

    # From here a termination signal waits for the event loop instead of killing the app
    # half-way through starting a session; it is handled once the window is there.
    system_quit = SystemQuit(app)  # logout, shutdown, kill: save, end the session, quit

    from hiptimer.core.clock import wall_now
    from hiptimer.core.settings import SettingsStore
    from hiptimer.ui.language import apply_language
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.services.ports import later_services

    settings = SettingsStore()
    s = settings.settings
    apply_language(app, s.language)  # before the first widget: every string is looked up then
    from hiptimer.ui.theme import apply as apply_look
    from hiptimer.ui.theme import watch_system

    apply_look(app, s.theme, s.text_size)  # the look the settings ask for, or the desktop's
    unwatch = watch_system(app, lambda: (settings.settings.theme, settings.settings.text_size))
    if services is None:  # the window first: speech, sounds and history open just after
        services = later_services(
            muted=s.muted, voice=s.voice, rate=s.rate, volume=s.volume, history=not read_only
        )
    if read_only:
        _write_nothing(services)
    # The routine files are read just after the first paint, with the services, the keys
    # and the files dropped on the window.
    from hiptimer.ui.reminders.window_reminders import ReminderParts

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
    chosen = _resolve(routine, window.show_problem)
    if not read_only:  # (a damaged draft is moved aside: the other copy's folder to write)
        _tell_kept_drafts(window)
    from hiptimer.ui.window_focus import KeepKeyboard

    if not in_tray:
        window.show()
        KeepKeyboard(window)  # the menu shortcuts work on an X server with no window manager
    else:
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            window.showMinimized()
    connect_reminders(window)

    filters: list[QObject] = []

    def when_idle() -> None:
        # The routine library, the history's integrity check, the speech engine and the rest
        # take their time while the window is already on screen. So do the application's
        # event filters: the first events of each kind through Python make PySide build
        # wrapper types, ~20 ms before the first paint (docs/performance.md).
        from hiptimer.ui.a11y import install_reader_filter
        from hiptimer.ui.widgets.screen_fit import install_screen_fit

        filters.append(install_screen_fit(app))  # no window or dialog past the screen's edges
        filters.append(install_reader_filter(app))  # each button's key, a field's focus
        window.open_services(wait=False)  # the history opens on a thread of its own
        if not isinstance(first, Outcome):  # a second start waits for this (STARTING_S)
            first.listen()  # QtNetwork: only now, and the window is there to answer
        if chosen is not None:  # after the services: an interrupted session is offered first
            window.open_routine(chosen, start=start)

    watch = after_first_paint(window, when_idle)

    def end_for_the_system(_why: str) -> None:
        window.end_by_system()
        app.quit()

    system_quit.requested.connect(end_for_the_system)
    if not isinstance(first, Outcome):
        first.requested.connect(lambda request: _come_forward(window, request))
        first.busy = lambda: window.session is not None  # as _come_forward decides
    try:
        return int(app.exec())
    finally:
        watch.stop()  # a window closed before it was ever on screen
        if not isinstance(first, Outcome):
            first.release()
        system_quit.uninstall()
        for installed in filters:
            app.removeEventFilter(installed)
        unwatch()
        services.shutdown()
        log_file.stop()
        # Closing the last window and end_for_the_system each ask to quit: the second request
        # would end the next event loop of this process (tests run the app again).
        from PySide6.QtCore import QEvent

        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def _no_app_yet() -> bool:
    """No QApplication made yet in this process (tests and embedders make their own)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is None


def _display_named() -> bool:
    """Whether Qt can find a screen: on Linux a window needs $DISPLAY or $WAYLAND_DISPLAY
    unless a platform is named ($QT_QPA_PLATFORM, offscreen in tests); elsewhere always."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _without_display(routine: Routine | str | None, start: bool, in_tray: bool) -> int:
    """No screen to open a window on (a shell over ssh, say): a copy already running takes the
    request, as with a display; else say why, not Qt's abort ("could not connect to
    display", a core dump) that a start with no display ended in."""
    from PySide6.QtCore import QCoreApplication

    from hiptimer.core.instance import Outcome

    QCoreApplication(sys.argv[:1])  # enough for the lock and the socket: no screen needed
    first = _claim(routine, start, in_tray)
    if first is Outcome.HANDED_OVER:
        return 0
    if not isinstance(first, Outcome):
        first.release()
    print(
        "hiptimer: no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not "
        "set); the commands list, show, validate, cues and history work without one",
        file=sys.stderr,
    )
    return 1


def _claim(routine: Routine | str | None, start: bool, in_tray: bool) -> FirstCopy | Outcome:
    """This copy's claim on the data folder (single_instance.claim); handed over to a copy
    already running, it says so on the terminal."""
    from hiptimer import paths
    from hiptimer.core.instance import Outcome, Request
    from hiptimer.ui.single_instance import claim

    quiet = in_tray and routine is None  # a start at login finds HipTimer already running
    first = claim(paths.data_dir(), Request(_asked(routine), start, quiet))
    if first in (Outcome.HANDED_OVER, Outcome.BUSY):
        done = "it stays as it is" if quiet else "its window was brought forward"
        if first is Outcome.BUSY:  # (the window says so too, above its session)
            done += ", but a session runs there, so no routine was opened: finish or end it first"
        print(f"HipTimer is already running for {paths.data_dir()}; {done}.")
    return Outcome.HANDED_OVER if first is Outcome.BUSY else first


def _asked(routine: Routine | str | None) -> str | None:
    """The routine as another process can find it: an id, or a path from the root."""
    if routine is None:  # (the routine model is not loaded for a plain start)
        return None
    where = routine if isinstance(routine, str) else routine.path
    if where and Path(where).is_file():
        return str(Path(where).resolve())
    return routine if isinstance(routine, str) else routine.id


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


def setup_application(app: object, *, styled: bool = False) -> None:
    """Name, icon, style and fonts of the application. `styled`: the application was made
    with the Fusion style already (run_app)."""
    from PySide6.QtWidgets import QApplication

    from hiptimer import APP_ID, paths
    from hiptimer.ui.theme import app_font, app_style_sheet

    assert isinstance(app, QApplication)
    app.setApplicationName("HipTimer")
    app.setOrganizationName("HipTimer")
    app.setDesktopFileName(APP_ID)  # packaging/linux: the icon on Wayland
    app.setWindowIcon(window_icon(paths.icons_dir() / "hicolor"))
    if not styled:
        app.setStyle("Fusion")  # the same look everywhere, so the style sheet reads the same
    app.setFont(app_font())
    app.setStyleSheet(app_style_sheet())


def window_icon(hicolor: Path) -> QIcon:
    """The windows' icon from the packaged PNGs (resources/icons/hicolor), small sizes only.

    On X11 every size of a window's icon is rendered when the window is made, before it is
    mapped: from the SVG that meant loading Qt's SVG plugin and drawing it at four sizes,
    ~3 ms before the first window (docs/performance.md). A taskbar wanting larger gets the
    desktop entry's icon (setDesktopFileName).
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from hiptimer import APP_ID

    icon = QIcon()
    for px in WINDOW_ICON_PX:
        png = hicolor / f"{px}x{px}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(px, px))
    return icon


def _resolve(routine: Routine | str | None, report: Callable[[str], None]) -> Routine | None:
    """The Routine to open, or None (the library opens) with the reason reported."""
    if not isinstance(routine, str):  # None, or a Routine already
        return routine
    try:
        return _find(routine)
    except Exception as exc:  # LookupError or RoutineError: both say what is wrong
        from hiptimer.i18n import _

        report(_("Cannot open routine {routine}: {why}").format(routine=routine, why=exc))
        return None


def _find(routine: str) -> Routine:
    from hiptimer.core.routines.catalog import load_catalog

    return load_catalog().find(routine)


def connect_reminders(window: MainWindow) -> None:
    """A reminder's Start, and the tray's, go the way of a second start's request."""
    from hiptimer.core.instance import Request

    reminders = window.reminders
    reminders.start_requested.connect(lambda rid: _come_forward(window, Request(rid, True)))
    reminders.show_requested.connect(lambda: _come_forward(window, Request()))


def _come_forward(window: MainWindow, request: Request) -> None:
    """Another start asked for this window: show it on top, and open its routine if idle
    (a quiet one, a start at login, leaves it in the tray or wherever it is)."""
    if request.quiet:
        return
    if not window.isVisible():  # in the tray
        window.show()
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    if request.routine is None:
        return
    if window.session is not None:
        from hiptimer.i18n import _

        window.show_problem(_("A session is running: finish or end it to open another routine."))
        return
    chosen = _resolve(request.routine, window.show_problem)
    if chosen is not None:
        window.open_routine(chosen, start=request.start)


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

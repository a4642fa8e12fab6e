"""Another start of HipTimer, and this copy's answer: its claim on the data folder, a request
handed over by a later start (or a reminder's Start), and a start with no display at all."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hiptimer.core.instance import Outcome, Request
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.single_instance import FirstCopy


def display_named() -> bool:
    """Whether Qt can find a screen: on Linux a window needs $DISPLAY or $WAYLAND_DISPLAY
    unless a platform is named ($QT_QPA_PLATFORM, offscreen in tests); elsewhere always."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def start_without_display(routine: Routine | str | None, start: bool, in_tray: bool) -> int:
    """No screen to open a window on (a shell over ssh, say): a copy already running takes the
    request, as with a display; else say why, not Qt's abort ("could not connect to
    display", a core dump) that a start with no display ended in."""
    from PySide6.QtCore import QCoreApplication

    from hiptimer.core.instance import Outcome

    QCoreApplication(sys.argv[:1])  # enough for the lock and the socket: no screen needed
    first = claim_folder(routine, start, in_tray)
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


def claim_folder(routine: Routine | str | None, start: bool, in_tray: bool) -> FirstCopy | Outcome:
    """This copy's claim on the data folder (single_instance.claim); handed over to a copy
    already running, it says so on the terminal."""
    from hiptimer import paths
    from hiptimer.core.instance import Outcome, Request
    from hiptimer.ui.single_instance import claim

    quiet = in_tray and routine is None  # a start at login finds HipTimer already running

    def waiting() -> None:  # (the terminal's only sign of life until the answer)
        print(f"HipTimer is still starting for {paths.data_dir()}; waiting for it.", flush=True)

    first = claim(paths.data_dir(), Request(_asked(routine), start, quiet), waiting)
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


def resolve_routine(routine: Routine | str | None, report: Callable[[str], None]) -> Routine | None:
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
    reminders.start_requested.connect(lambda rid: come_forward(window, Request(rid, True)))
    reminders.show_requested.connect(lambda: come_forward(window, Request()))


def come_forward(window: MainWindow, request: Request) -> None:
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
        _refuse_while_the_session_runs(window)
        return
    chosen = resolve_routine(request.routine, window.show_problem)
    if chosen is not None:
        window.open_routine(chosen, start=request.start)


def _refuse_while_the_session_runs(window: MainWindow) -> None:
    """Say why the routine was not opened, for as long as that is true: the session's end
    takes the words down (they stayed 15 s, over the summary and a routine opened then)."""
    from PySide6.QtCore import Qt

    from hiptimer.i18n import _

    text = _("A session is running: finish or end it to open another routine.")
    window.show_problem(text)
    bar = window.statusBar()

    def take_down() -> None:
        if bar.currentMessage() == text:  # not a message put up since
            bar.clearMessage()

    window.flow.ended.connect(take_down, Qt.ConnectionType.SingleShotConnection)

"""What each stop of the tours shows: the screen (a key mode, and the session's step) or dialog.

Each tour checks it at every stop, so a tour that moves its session on too far (past a
phase its stop names: the clock stepped straight from one change to the next) fails at
that stop instead of looking at the wrong page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from hiptimer.ui.main_window import MainWindow

Visit = Callable[[str, QWidget], None]

SHOWS: dict[str, str] = {
    "first run": "FIRST_RUN",
    "library": "LIBRARY",
    "notice": "LIBRARY",
    "settings": "SettingsDialog",
    "keyboard shortcuts": "KeysWindow",
    "about": "AboutDialog",
    "weekly plan": "PlanDialog",
    "get ready": "WORKOUT GET_READY",
    "paused": "WORKOUT GET_READY",
    "hold": "WORKOUT WORK",
    "end the session?": "QMessageBox",
    "pain": "PAIN PAIN",
    "choice": "CHOICE PAIN",
    "rest": "WORKOUT REST",
    "counting reps": "COUNTING WORK",
    "summary": "SUMMARY",
    "keep these doses?": "KeepDosesDialog",
    "history: sessions": "HistoryWindow",
    "history: pain and dose": "HistoryWindow",
    "history: adherence": "HistoryWindow",
    "history: re-tests": "HistoryWindow",
    "editor": "EditorWindow",
    "exercise picker": "ExercisePicker",
    "import clash": "QMessageBox",
    "history not saved": "QMessageBox",
    "resume": "RESUME",
    "suggestions": "SUMMARY",
    "morning check-in": "CHECKIN",
    "morning advice": "CHECKIN",
}


def shown(window: QWidget) -> str:
    """The key mode and the session's step (a main window), or the dialog's or window's class."""
    if not isinstance(window, MainWindow):
        return type(window).__name__
    mode = window.nav.key_mode().name
    session = window.session
    return mode if session is None else f"{mode} {session.driver.engine.step.kind.name}"


def at_stops(visit: Visit) -> Visit:
    """`visit`, after checking that each stop shows what SHOWS says it does."""

    def checked(name: str, window: QWidget) -> None:
        assert shown(window) == SHOWS[name], f"{name}: {shown(window)} on screen"
        visit(name, window)

    return checked

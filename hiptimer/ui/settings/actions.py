"""File > Settings: opens the dialog, then saves and applies what it chose to the running app."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from hiptimer.core.settings import Settings
from hiptimer.ui.settings.dialog import SettingsDialog, voice_service

if TYPE_CHECKING:
    from hiptimer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+,"
SAVED = "Settings saved."
# The fields the dialog shows; the others (first_run_done) are not its business.
FIELDS = ("voice", "rate", "volume", "muted", "setup_mode", "pain_limit", "setup_heard")


class SettingsActions(QObject):
    """Adds File > Settings and applies the dialog's choices when it is closed with OK.

    While the dialog is open a running session is paused (its keys cannot reach it), and it
    goes on afterwards unless it was paused already.

    Signals: applied(object) with the new Settings, after they are saved and applied.
    """

    applied = Signal(object)

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: SettingsDialog | None = None
        self._tested = False
        self.action = QAction("&Settings\u2026", window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.open)
        actions = menu.actions()
        if actions:  # first in the menu, then a line before Quit
            menu.insertAction(actions[0], self.action)
            menu.insertSeparator(actions[0])
        else:
            menu.addAction(self.action)

    def open(self) -> SettingsDialog:
        """Show the dialog (or bring it forward if it is open already)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        resume = self._pause_session()
        w = self.window
        speech = voice_service(w.services.speech)
        dialog = SettingsDialog(
            w.settings.settings, speech, w, session_running=w.session is not None
        )
        self.dialog, self._tested = dialog, False
        dialog.test_requested.connect(self.test_voice)
        dialog.finished.connect(lambda result: self._closed(dialog, result, resume))
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def test_voice(self, chosen: Settings) -> None:
        """Speak the sample sentence with the voice, rate and volume the dialog shows."""
        speech = voice_service(self.window.services.speech)
        if speech is None:
            return
        self._tested = True
        _set_voice(speech, chosen)
        speech.test_voice()

    def apply(self, new: Settings) -> None:
        """Save the changed settings and pass them on to the voice, beeps and session."""
        w = self.window
        old = w.settings.settings
        changes = {f: getattr(new, f) for f in FIELDS if getattr(new, f) != getattr(old, f)}
        if changes:
            w.settings.update(**changes)
        speech = voice_service(w.services.speech)
        voice_changed = any(f in changes for f in ("voice", "rate", "volume"))
        if speech is not None and (voice_changed or self._tested):
            _set_voice(speech, new)
        w.set_muted(new.muted)
        if "setup_heard" in changes and w.session is not None:
            # The running session writes what it has read back at its end: it must forget too.
            heard = getattr(w.session.cues, "setup_heard", None)
            if isinstance(heard, set):
                heard.clear()
        if w.settings.save_error:
            w.show_problem(w.settings.save_error)
        elif changes:
            w.statusBar().showMessage(SAVED, 5000)
        self.applied.emit(w.settings.settings)

    def _closed(self, dialog: SettingsDialog, result: int, resume: Callable[[], None]) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.apply(dialog.chosen())
        elif self._tested:  # the test spoke with the dialog's voice: back to the saved one
            speech = voice_service(self.window.services.speech)
            if speech is not None:
                _set_voice(speech, self.window.settings.settings)
        self._tested = False
        resume()
        dialog.deleteLater()

    def _pause_session(self) -> Callable[[], None]:
        """Pause a running session; returns what resumes it (nothing if it was paused)."""
        session = self.window.session
        if session is None or session.driver.view().paused:
            return _nothing
        session.driver.pause()

        def resume() -> None:
            if self.window.session is session and session.driver.view().paused:
                session.driver.resume()

        return resume


def _set_voice(speech: object, s: Settings) -> None:
    service = voice_service(speech)
    if service is None:
        return
    try:
        service.set_voice(s.voice)
        service.set_rate(s.rate)
        service.set_volume(s.volume)
    except Exception:  # a failing voice must not lose the settings
        log.exception("Could not pass the voice settings on")


def _nothing() -> None:
    pass

"""File > Settings: opens the dialog, then saves and applies what it chose to the running app."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from hiptimer import i18n
from hiptimer.core.settings import Settings, SettingsStore
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.keys import SHORTCUTS
from hiptimer.ui.language import LANGUAGE_NOTE, language_at_start
from hiptimer.ui.menu_shortcuts import set_shortcut
from hiptimer.ui.services.ports import Services, Speaker
from hiptimer.ui.widgets.worded import worded_action

if TYPE_CHECKING:  # the dialog loads when it is first opened, not with the window
    from hiptimer.core.voice.cues import CueWriter
    from hiptimer.ui.session.driver import EngineDriver
    from hiptimer.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

SHORTCUT = SHORTCUTS["settings"].sequences[0]
SAVED = N_("Settings saved.")
# The fields the dialog shows; the others (first_run_done) are not its business.
FIELDS = (
    "voice", "rate", "volume", "muted", "setup_mode", "speak_cautions", "pain_limit", "setup_heard",
    "language", "theme", "text_size",
)  # fmt: skip


class RunningSession(Protocol):
    """What the settings touch of a running session: they pause it, and it forgets setups."""

    @property
    def driver(self) -> EngineDriver: ...
    @property
    def cues(self) -> CueWriter: ...


class SettingsHost(Protocol):
    """What the settings use of the window around them."""

    @property
    def services(self) -> Services: ...
    @property
    def settings(self) -> SettingsStore: ...
    def session(self) -> RunningSession | None: ...  # the session on screen
    def show_problem(self, text: str, /) -> None: ...
    def show_message(self, text: str, ms: int, /) -> None: ...  # in the status bar


class SettingsActions(QObject):
    """Adds File > Settings and applies the dialog's choices when it is closed with OK.

    While the dialog is open a running session is paused (its keys cannot reach it), and it
    goes on afterwards unless it was paused already. `window` is the dialog's parent.

    Signals: mute_requested(bool) with the muted setting, for the voice, beeps and session;
    applied(object) with the new Settings, after they are saved and applied.
    """

    mute_requested = Signal(bool)
    applied = Signal(object)

    def __init__(self, host: SettingsHost, menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self.dialog: SettingsDialog | None = None
        self._tested = False
        self.action = worded_action(_("&Settings\u2026"), window)
        set_shortcut(self.action, "settings")
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
        host = self._host
        from hiptimer.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(
            host.settings.settings,
            host.services.speech,
            self._window,
            session_running=host.session() is not None,
        )
        self.dialog, self._tested = dialog, False
        dialog.test_requested.connect(self.test_voice)
        dialog.finished.connect(lambda result: self._closed(dialog, result, resume))
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def test_voice(self, chosen: Settings) -> None:
        """Speak the sample sentence with the voice, rate and volume the dialog shows."""
        speech = self._host.services.speech
        self._tested = True
        _set_voice(speech, chosen)
        speech.test_voice()

    def apply(self, new: Settings) -> None:
        """Save the changed settings and pass them on to the voice, beeps and session."""
        host, store = self._host, self._host.settings
        chosen, old = dataclasses.asdict(new), dataclasses.asdict(store.settings)
        changes = {f: chosen[f] for f in FIELDS if chosen[f] != old[f]}
        if changes:
            store.update(**changes)
        voice_changed = any(f in changes for f in ("voice", "rate", "volume"))
        if voice_changed or self._tested:
            _set_voice(host.services.speech, new)
        self.mute_requested.emit(new.muted)
        session = host.session()
        if "theme" in changes or "text_size" in changes:
            _apply_look(new)  # at once, to every window (each follows the look)
        if "setup_heard" in changes and session is not None:
            # The running session writes what it has read back at its end: it must forget too.
            session.cues.setup_heard.clear()
        if store.save_error:
            host.show_problem(store.save_error)
        elif changes:
            host.show_message(*_saved_words(new.language if "language" in changes else None))
        self.applied.emit(store.settings)

    def _closed(self, dialog: SettingsDialog, result: int, resume: Callable[[], None]) -> None:
        if self.dialog is dialog:
            self.dialog = None
        from PySide6.QtWidgets import QDialog

        if result == QDialog.DialogCode.Accepted:
            self.apply(dialog.chosen())
        elif self._tested:  # the test spoke with the dialog's voice: back to the saved one
            _set_voice(self._host.services.speech, self._host.settings.settings)
        self._tested = False
        resume()
        dialog.deleteLater()

    def _pause_session(self) -> Callable[[], None]:
        """Pause a running session; returns what resumes it (nothing if it was paused)."""
        session = self._host.session()
        if session is None or session.driver.view().paused:
            return _nothing
        session.driver.pause()

        def resume() -> None:
            if self._host.session() is session and session.driver.view().paused:
                session.driver.resume()

        return resume


def _saved_words(language: str | None) -> tuple[str, int]:
    """What the status bar says, and how long: a language other than the one on screen is
    named as applying at the next start, since nothing on screen changes (user25: only the
    language box's tooltip said so, and a user saw "Settings saved." and the same words)."""
    if language is None or language_at_start(language) == i18n.language():
        return translate(SAVED), 5000
    return f"{translate(SAVED)} {translate(LANGUAGE_NOTE)}", 10000


def _set_voice(speech: Speaker, s: Settings) -> None:
    try:
        speech.set_voice(s.voice)
        speech.set_rate(s.rate)
        speech.set_volume(s.volume)
    except Exception:  # a failing voice must not lose the settings
        log.exception("Could not pass the voice settings on")


def _apply_look(s: Settings) -> None:
    from PySide6.QtWidgets import QApplication

    from hiptimer.ui.theme import apply

    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply(app, s.theme, s.text_size)


def _nothing() -> None:
    pass

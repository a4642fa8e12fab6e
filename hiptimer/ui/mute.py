"""Sound on or off for the whole window: M in a session, and the settings' Mute."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hiptimer.i18n import _

if TYPE_CHECKING:
    from hiptimer.core.settings import SettingsStore
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.session.active import ActiveSession


class MuteHost(Protocol):
    """What muting uses of the main window."""

    settings: SettingsStore
    services: Services

    @property
    def session(self) -> ActiveSession | None: ...
    def show_status(self, text: str, ms: int) -> None: ...
    def lengths_changed(self) -> None: ...  # muted, the lead-ins are as written


def toggle_mute(window: MuteHost) -> None:
    """M: mute or unmute, and say which in the status bar."""
    set_muted(window, muted := not window.settings.settings.muted)
    window.show_status(_("Sound off") if muted else _("Sound on"), 3000)


def set_muted(window: MuteHost, muted: bool) -> None:
    """Mute or unmute voice and beeps, remember it, and show it on the Mute button."""
    if muted != window.settings.settings.muted:
        window.settings.update(muted=muted)
    if window.session is not None:
        window.session.set_muted(muted)
    else:
        window.services.set_muted(muted)
    window.lengths_changed()

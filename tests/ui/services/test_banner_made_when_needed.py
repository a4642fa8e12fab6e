"""The status banner makes its rows when it first has something to say, not before the
library's list is usable (docs/performance.md, session 28: the menus and the banner)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.services.status_banner import StatusBanner
from tests.ui.sessions import fake_services


class _Settings:
    """The settings store's saving, as the banner reads it."""

    def __init__(self, notice: str | None = None) -> None:
        self.save_error: str | None = None
        self.notice = notice

    def save(self) -> bool:
        return self.save_error is None


def _banner(qtbot: QtBot, settings: _Settings) -> StatusBanner:
    host = QWidget()
    qtbot.addWidget(host)
    banner = StatusBanner(fake_services(None), settings, host)
    banner.host = host  # type: ignore[attr-defined]  # (kept alive with the banner)
    host.show()
    return banner


def test_a_banner_with_nothing_to_say_makes_nothing_until_it_has(qtbot: QtBot) -> None:
    settings = _Settings()
    banner = _banner(qtbot, settings)
    banner.refresh()
    assert banner.findChildren(QWidget) == [] and banner.styleSheet() == ""
    assert banner.isHidden() and banner.texts() == []
    settings.save_error = "Settings could not be saved: disk full"
    banner.refresh()
    said = "Settings could not be saved: disk full. Your settings apply until you quit."
    assert banner.isVisible() and banner.texts() == [said]
    assert [b.text() for b in banner.findChildren(QPushButton)] == ["Try again now", "OK"]
    assert "status-banner" in banner.styleSheet()
    settings.save_error = None  # saved again: the rows stay made, hidden
    banner.refresh()
    assert banner.isHidden() and banner.texts() == []


def test_a_notice_from_the_start_is_shown_at_once(qtbot: QtBot) -> None:
    banner = _banner(qtbot, _Settings(notice="The settings file was damaged: moved aside."))
    assert banner.isVisible()
    assert banner.texts() == ["The settings file was damaged: moved aside."]
    banner.dismiss_notice()
    assert banner.isHidden() and banner.texts() == []

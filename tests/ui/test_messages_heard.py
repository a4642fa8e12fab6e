"""Messages that come up where the focus is not, said by a screen reader as they show: the
History window's status line ("Exporting…", then how it ended), the notice strip above the
pages, and the banner while history or settings cannot be saved. Each is a notification
(Orca 43 speaks one as it becomes showing), shown anew for new words and only then."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.services.notice_bar import NoticeBar
from hiptimer.ui.services.status_banner import StatusBanner
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui.history.held_export import held, save_as
from tests.ui.reader_events import notification_said, shows_of
from tests.ui.sessions import fake_services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_an_export_is_said_as_it_starts_and_as_it_ends(
    qtbot: QtBot, tmp_path: Path, weeks: Weeks, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The status line was a plain label: "Exporting…" and "Saved 21 sets to ..." were drawn,
    # and a reader heard neither unless the user went looking for them.
    with open_history(tmp_path / "history.sqlite3") as store:
        fill(store, weeks)
        window = HistoryWindow(store, [HIPS, STRETCH])
        qtbot.addWidget(window)
        window.show()
        shows = shows_of(window.status)
        writer = held(monkeypatch, "csv")
        out = tmp_path / "history.csv"
        save_as(monkeypatch, out)
        window.csv_button.click()
        assert writer.started.wait(60)
        assert notification_said(window.status) == "Exporting\u2026"
        assert shows.count == 1
        writer.go_on.set()
        window.exports.finish()
        assert notification_said(window.status) == f"Saved 21 sets to {out}."
        assert shows.count == 2
        window.close()


def test_a_notice_is_said_as_it_shows_and_a_newer_one_as_it_replaces_it(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    bar = NoticeBar(host)
    host.show()
    shows = shows_of(bar.text)
    bar.show_notice("No voice:", "espeak-ng is not installed.")
    assert notification_said(bar.text) == "No voice: espeak-ng is not installed."
    assert shows.count == 1
    bar.show_notice("Reminders", "The plan's file was damaged.")
    assert notification_said(bar.text) == "Reminders The plan's file was damaged."
    assert shows.count == 2


class _Settings:
    """The settings store's saving, as the banner reads it."""

    def __init__(self) -> None:
        self.save_error: str | None = None
        self.notice: str | None = None

    def save(self) -> bool:
        return self.save_error is None


def test_the_banner_says_what_cannot_be_saved_once_per_new_reason(qtbot: QtBot) -> None:
    settings = _Settings()
    host = QWidget()
    qtbot.addWidget(host)
    banner = StatusBanner(fake_services(None), settings, host)
    host.show()
    label = banner.settings_row.label
    shows = shows_of(label)
    settings.save_error = "Settings could not be saved: disk full"
    banner.refresh()
    said = "Settings could not be saved: disk full. Your settings apply until you quit."
    assert notification_said(label) == said and shows.count == 1
    banner.page_changed()  # refreshed at each page: the same words are not said again
    assert shows.count == 1
    settings.save_error = "Settings could not be saved: read-only file system"
    banner.refresh()
    assert notification_said(label).endswith("read-only file system. Your settings apply "
                                             "until you quit.")  # fmt: skip
    assert shows.count == 2

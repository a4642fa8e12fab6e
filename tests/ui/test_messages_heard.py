"""Messages that come up where the focus is not, said by a screen reader as they show: the
History window's status line ("Exporting…", then how it ended), the notice strip above the
pages, and the banner while history or settings cannot be saved. Each is a notification
(Orca 43 speaks one as it becomes showing), shown anew for new words and only then."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.services.notice_bar import NoticeBar
from hiptimer.ui.services.status_banner import StatusBanner
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui.history.held_export import held, save_as
from tests.ui.reader_events import notification_said, notifications_heard, shows_of
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
    shows = shows_of(bar.herald)
    bar.show_notice("No voice:", "espeak-ng is not installed.")
    assert notification_said(bar.herald) == "No voice: espeak-ng is not installed."
    assert shows.count == 1
    bar.show_notice("Reminders", "The plan's file was damaged.")
    assert notification_said(bar.herald) == "Reminders The plan's file was damaged."
    assert shows.count == 2


def test_a_notice_is_said_once_and_after_the_pain_question_only_if_it_changed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # The strip steps aside while the pain question is asked (make_way) and comes back after
    # it: shown anew, its notice was said again after every set, the same words each time.
    host = QWidget()
    qtbot.addWidget(host)
    bar = NoticeBar(host)
    host.show()
    heard = notifications_heard(qapp, host)
    try:
        bar.show_notice("No voice:", "espeak-ng is not installed.")
        assert heard.said == ["No voice: espeak-ng is not installed."]
        for _set in range(3):
            bar.make_way(True)
            bar.make_way(False)
        assert heard.said == ["No voice: espeak-ng is not installed."]
        assert bar.isVisible() and "No voice" in bar.text.text()  # on screen again
        bar.make_way(True)
        bar.show_notice("Reminders", "The plan's file was damaged.")  # while it is aside
        assert heard.said == ["No voice: espeak-ng is not installed."]  # not on screen yet
        bar.make_way(False)
        assert heard.said[1:] == ["Reminders The plan's file was damaged."]
        bar.dismiss.click()  # the one it covered comes back: new to the screen again
        assert heard.said[2:] == ["No voice: espeak-ng is not installed."]
        bar.make_way(True)
        bar.make_way(False)
        assert len(heard.said) == 3
    finally:
        qapp.removeEventFilter(heard)


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

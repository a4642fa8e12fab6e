"""Tests for the end-to-end tests' screen dump: the page's words written as they change."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QStackedWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.session.screen_dump import ENV, ScreenDump, install_screen_dump
from tests.harness import quick_routine, side_hold
from tests.ui.session.page_harness import PageHarness
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[PageHarness]:
    h = PageHarness(qtbot, quick_routine(side_hold(hold_s=30)))
    yield h
    h.driver.stop()


def read(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def test_words_that_change_with_no_new_title_are_written_as_they_show(
    page: PageHarness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dump was written only as the title changed (once a second), so a test waiting for
    # a caption, the steps (I) or "Sound off" (M) waited up to a second for the next one.
    screen = tmp_path / "screen.json"
    monkeypatch.setenv(ENV, str(screen))
    assert install_screen_dump(page.page) is not None
    page.driver.start()
    title = page.titles[-1]
    assert read(screen)["title"] == title  # a new title: written at once, as before
    page.page.show_caption("Lie on your side.")
    qtbot.waitUntil(lambda: "\u201cLie on your side.\u201d" in read(screen).get("texts", []))
    assert read(screen)["title"] == title == page.titles[-1]  # no second passed, no new title
    page.page.set_muted(True)  # M
    qtbot.waitUntil(lambda: "Sound off" in read(screen).get("texts", []))


def test_a_hidden_page_writes_nothing_over_the_shown_one(
    page: PageHarness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A session's page is hidden, then deleted, as the summary replaces it on the window: the
    # window's repaints in between must not leave the hidden page's empty screen in the file.
    screen = tmp_path / "screen.json"
    monkeypatch.setenv(ENV, str(screen))
    dump = install_screen_dump(page.page)
    assert dump is not None
    window = QStackedWidget()  # the main window's stack: the page is put in it once made
    qtbot.addWidget(window)
    window.addWidget(page.page)
    summary = QLabel("Session complete")
    window.addWidget(summary)
    window.setMinimumSize(640, 480)  # (as PageHarness: no offscreen warning on each font)
    window.resize(1280, 760)
    window.show()
    page.driver.start()
    qtbot.waitUntil(lambda: bool(read(screen).get("texts")))
    shown = read(screen)
    window.setCurrentWidget(summary)
    looks = dump.looks
    summary.setText("Session complete.")  # the window repaints
    qtbot.waitUntil(lambda: dump.looks > looks)  # looked, and wrote nothing
    assert read(screen) == shown


def test_without_the_variable_the_page_is_not_watched(
    page: PageHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dump is for the tests alone: a user's app makes no watcher and writes no file.
    monkeypatch.delenv(ENV, raising=False)
    assert install_screen_dump(page.page) is None
    assert not page.page.findChildren(ScreenDump)

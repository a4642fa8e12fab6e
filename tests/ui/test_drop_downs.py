"""Every drop-down list's arrow, in the history window, the editor and Settings: a button
as wide as a line of its text is tall, beside the text, in every look and text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.settings import Settings
from hiptimer.ui import theme
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.settings.dialog import SettingsDialog
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui.fit_checks import arrow_misfits
from tests.ui.looks import apply_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


LOOKS = ("dark", "light", "high-contrast")
SIZES = (100, 125, 150)
# Every look at every text size, for the window with the most lists (History). The arrows
# come from one set of style rules (hiptimer/ui/drop_down.py): the editor and Settings are
# checked in each look and at each size once (an editor in nine looks took ~8 s of CPU).
EVERY_LOOK = [(look, size) for look in LOOKS for size in SIZES]
EACH_ONCE = list(zip(LOOKS, SIZES, strict=True))


@pytest.fixture
def look(request: pytest.FixtureRequest, qapp: QApplication) -> str:
    """The app in this look and text size, as File > Settings sets them (put back as the next
    test starts: tests/ui/looks.py)."""
    name, text_size = request.param
    apply_look(qapp, name, text_size)
    return name


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def history(qtbot: QtBot, store: HistoryStore, weeks: Weeks) -> QWidget:
    fill(store, weeks)
    return shown(qtbot, HistoryWindow(store, [HIPS, STRETCH]))


def visible_lists(window: QWidget) -> dict[str, QComboBox]:
    return {c.accessibleName(): c for c in window.findChildren(QComboBox) if c.isVisible()}


def each_tab(window: QWidget) -> Iterator[int]:
    """Show the window's tabs one by one (a tab's pane is made as it is first shown)."""
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield index


@pytest.mark.parametrize("look", EVERY_LOOK, indirect=True, ids=map(str, EVERY_LOOK))
def test_the_history_windows_lists_have_a_whole_arrow_on_every_tab(
    qtbot: QtBot, look: str, store: HistoryStore, weeks: Weeks
) -> None:
    window = history(qtbot, store, weeks)
    seen: set[str] = set()
    problems = []
    for _tab in each_tab(window):
        problems += arrow_misfits(window)
        seen |= set(visible_lists(window))
    assert {"Exercise", "Side", "Test"} <= seen  # the tabs' lists were looked at
    assert not problems, problems


@pytest.mark.parametrize("look", EACH_ONCE, indirect=True, ids=map(str, EACH_ONCE))
def test_the_editors_lists_have_a_whole_arrow(qtbot: QtBot, look: str) -> None:
    catalog = load_catalog()
    window = shown(qtbot, EditorWindow(catalog.find("daily-hip-stretches"), catalog))
    QApplication.processEvents()
    assert any(c.isVisible() for c in window.findChildren(QComboBox))
    assert not arrow_misfits(window), arrow_misfits(window)


@pytest.mark.parametrize("look", EACH_ONCE, indirect=True, ids=map(str, EACH_ONCE))
def test_the_settings_lists_have_a_whole_arrow(qtbot: QtBot, look: str) -> None:
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert sum(c.isVisible() for c in dialog.findChildren(QComboBox)) >= 2  # theme, text size
    assert not arrow_misfits(dialog), arrow_misfits(dialog)


@pytest.mark.parametrize("look", EACH_ONCE, indirect=True, ids=map(str, EACH_ONCE))
def test_a_disabled_list_looks_greyed_in_every_look(
    qtbot: QtBot, look: str, store: HistoryStore, weeks: Weeks
) -> None:
    # In high contrast the Side list of an exercise done on both sides at once read as on:
    # white words, arrow and edge, as when it could be opened.
    window = history(qtbot, store, weeks)
    side = next(
        lists["Side"] for _tab in each_tab(window) if "Side" in (lists := visible_lists(window))
    )
    side.setEnabled(False)
    QApplication.processEvents()
    p = theme.current()
    image = side.grab().toImage()
    colours = {
        image.pixelColor(x, y).name().upper()
        for x in range(image.width())
        for y in range(image.height())
    }
    assert p.ink not in colours, (look, "words or arrow in the ink")
    assert image.pixelColor(0, image.height() // 2).name().upper() == p.disabled_border

"""The navigator: pages on one stack, the key mode of the page on screen, and page changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.keys import Mode
from hiptimer.ui.navigator import Navigator


@pytest.fixture
def nav(qtbot: QtBot) -> Iterator[Navigator]:
    window = QWidget()  # held here: qtbot only keeps a weak reference
    qtbot.addWidget(window)
    yield Navigator(window, idle=Mode.LIBRARY)


def test_a_screen_reader_passes_over_the_page_stack(nav: Navigator) -> None:
    # A plain container (AT-SPI's filler), not a "layered pane" said as the focus enters a
    # page, with no accessibility factory installed before the first paint to say so.
    nav.add(QWidget(), Mode.LIBRARY, show=True)
    stack = QAccessible.queryAccessibleInterface(nav.stack)
    assert stack is not None and stack.role() == QAccessible.Role.Client
    assert not isinstance(nav.stack, QStackedWidget)


def test_with_no_page_the_keys_are_the_idle_ones(nav: Navigator) -> None:
    assert nav.current is None
    assert nav.key_mode() is Mode.LIBRARY
    assert not nav.showing(None)


def test_the_key_mode_is_that_of_the_page_on_screen(nav: Navigator) -> None:
    library, summary = QWidget(), QWidget()
    nav.add(library, Mode.LIBRARY)
    nav.add(summary, Mode.SUMMARY)
    assert nav.current is library  # the first page added shows until another is shown
    nav.show(summary)
    assert nav.showing(summary) and not nav.showing(library)
    assert nav.key_mode() is Mode.SUMMARY
    nav.show(library)
    assert nav.key_mode() is Mode.LIBRARY


def test_a_page_whose_mode_changes_gives_a_callable(nav: Navigator) -> None:
    page = QWidget()
    mode = Mode.WORKOUT
    nav.add(page, lambda: mode, show=True)
    assert nav.key_mode() is Mode.WORKOUT
    mode = Mode.PAIN
    assert nav.key_mode() is Mode.PAIN


def test_page_changed_says_which_page_is_on_screen(nav: Navigator, qtbot: QtBot) -> None:
    first, second = QWidget(), QWidget()
    seen: list[QWidget | None] = []
    nav.page_changed.connect(seen.append)
    nav.add(first, Mode.LIBRARY)
    nav.add(second, Mode.RESUME)
    nav.show(second)
    nav.show(second)  # already on screen: no change
    assert seen == [first, second]


def test_removing_a_page_deletes_it_and_forgets_its_mode(nav: Navigator, qtbot: QtBot) -> None:
    library, checkin = QWidget(), QWidget()
    nav.add(library, Mode.LIBRARY)
    nav.add(checkin, Mode.CHECKIN, show=True)
    assert checkin in nav
    with qtbot.waitSignal(checkin.destroyed, timeout=1000):
        nav.remove(checkin)
    assert checkin not in nav
    assert nav.current is library and nav.key_mode() is Mode.LIBRARY
    nav.remove(checkin)  # gone already: nothing happens
    nav.remove(None)
    assert nav.count() == 1


def test_removing_the_page_on_screen_shows_a_neighbour(nav: Navigator) -> None:
    library, summary = QWidget(), QWidget()
    seen: list[QWidget | None] = []
    nav.add(library, Mode.LIBRARY)
    nav.add(summary, Mode.SUMMARY, show=True)
    nav.page_changed.connect(seen.append)
    nav.remove(summary)
    assert seen == [library] and nav.key_mode() is Mode.LIBRARY


def test_only_its_own_pages_can_be_shown(nav: Navigator) -> None:
    stranger = QWidget()
    with pytest.raises(ValueError, match="not one of the window's pages"):
        nav.show(stranger)
    stranger.deleteLater()

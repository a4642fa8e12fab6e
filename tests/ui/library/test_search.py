"""The library's search field on the real window (pytest-qt): Ctrl+F, typing as a filter, Down
into the list, Enter to start, Esc to clear, the line when nothing matches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.library.search import SHOWN_FROM
from hiptimer.ui.widgets.tab_order import tab_stops
from tests.harness import hold, quick_routine
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")
K = Qt.Key


def numbered(count: int) -> list[Routine]:
    base = quick_routine(hold("knee", 20, name="Knee hug"))
    return [replace(base, id=f"r{n}", title=f"Routine {n}") for n in range(count)]


ROTATION = replace(
    quick_routine(hold("rot", 20, name="Rotación de cadera")), id="rot", title="Fase 2"
)
VIEW = replace(quick_routine(hold("v", 20, name="V sit")), id="view", title="Vista lateral")


def active(app: App, qtbot: QtBot) -> LibraryPage:
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    return app.window.library


@pytest.fixture
def long_app(qtbot: QtBot) -> Iterator[App]:
    app = make_app(qtbot, *numbered(SHOWN_FROM - 2), ROTATION, VIEW)
    yield app
    app.window.close()
    app.history.close()


def find(page: LibraryPage, qtbot: QtBot, typed: str) -> None:
    """Ctrl+F on the list, then `typed` typed into the field, a key at a time."""
    qtbot.keyClick(page.list, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field(page), typed)


def field(page: LibraryPage) -> QLineEdit:
    assert page.search.box is not None
    return page.search.box.field


def listed(page: LibraryPage) -> list[str]:
    return [page.items[r].id for r in range(page.list.count()) if not page.list.isRowHidden(r)]


def test_a_long_list_shows_the_field_a_short_one_only_on_ctrl_f(qtbot: QtBot) -> None:
    long = LibraryPage([])
    qtbot.addWidget(long)
    short = make_app(qtbot, *numbered(8))
    page = active(short, qtbot)
    assert page.search.box is None  # the 8 built-ins' screen: no field
    qtbot.keyClick(page.list, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert field(page).isVisible() and field(page).hasFocus()
    qtbot.keyClick(field(page), K.Key_Escape)  # nothing typed: the field goes again
    assert not field(page).isVisible() and page.list.hasFocus()
    short.window.close()
    short.history.close()


def test_typing_keeps_the_matches_whatever_the_accents_and_down_goes_into_the_list(
    long_app: App, qtbot: QtBot
) -> None:
    page = active(long_app, qtbot)
    assert field(page).isVisible()  # SHOWN_FROM routines: there by itself
    find(page, qtbot, "rotacion")
    assert listed(page) == ["rot"] and page.selected is not None and page.selected.id == "rot"
    qtbot.keyClick(field(page), K.Key_Down)
    assert page.list.hasFocus() and page.selected.id == "rot"  # the match kept, chosen
    qtbot.keyClick(page.list, K.Key_Return)
    assert long_app.window.session is not None
    assert long_app.window.session.driver.engine.routine.id == "rot"


def test_the_screens_keys_are_typed_in_the_field(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    reviewed: list[int] = []
    long_app.window.offers.review = lambda: reviewed.append(1)  # type: ignore[method-assign]
    find(page, qtbot, "v sit")  # V reviews suggestions on the list: here, typed
    assert field(page).text() == "v sit" and reviewed == []
    assert listed(page) == ["view"]  # its exercise


def test_the_chosen_routine_stays_chosen_while_it_matches(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    page.select("r10")
    find(page, qtbot, "routine 1")
    assert listed(page) == ["r1", "r10"] and page.selected is not None
    assert page.selected.id == "r10"  # kept, though not the first match
    qtbot.keyClick(field(page), K.Key_0)
    assert listed(page) == ["r10"] and page.selected.id == "r10"


def test_nothing_matching_says_so_and_its_button_lists_all_again(
    long_app: App, qtbot: QtBot
) -> None:
    page = active(long_app, qtbot)
    find(page, qtbot, "yoga")
    box = page.search.box
    assert box is not None and listed(page) == [] and page.selected is None
    assert box.nothing.isVisible() and box.nothing.text() == "No routine matches \u201cyoga\u201d"
    assert box.nothing.textFormat() is Qt.TextFormat.PlainText  # what was typed: plain text
    assert not page.start_button.isEnabled()
    qtbot.keyClick(field(page), K.Key_Return)  # Enter starts nothing
    assert long_app.window.session is None
    box.show_all.click()
    assert len(listed(page)) == page.list.count() and not box.nothing.isVisible()
    assert page.selected is not None and page.start_button.isEnabled()


def test_esc_clears_the_search_and_gives_the_list_the_keys(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    find(page, qtbot, "vista")
    qtbot.keyClick(field(page), K.Key_Down)  # in the list, the search still applied
    assert listed(page) == ["view"]
    qtbot.keyClick(page.list, K.Key_Escape)
    assert field(page).text() == "" and len(listed(page)) == page.list.count()
    assert page.list.hasFocus() and page.selected is not None and page.selected.id == "view"
    assert field(page).isVisible()  # a long list keeps its field


def test_up_from_the_first_match_goes_back_to_the_field(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    find(page, qtbot, "routine 1")
    qtbot.keyClick(field(page), K.Key_Down)
    qtbot.keyClick(page.list, K.Key_Down)
    assert page.selected is not None and page.selected.id == "r10"  # the next match, not r2
    qtbot.keyClick(page.list, K.Key_Up)
    qtbot.keyClick(page.list, K.Key_Up)
    assert field(page).hasFocus() and page.selected.id == "r1"


def test_tab_reaches_the_field_just_before_the_list(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    stops = tab_stops(page)
    at = stops.index(field(page))
    assert page.search.box is not None
    assert stops[at + 1 : at + 3] == [page.search.box.show_all, page.list]  # (Tab skips hidden)


def test_a_routine_opened_from_elsewhere_is_shown_though_the_search_hides_it(
    long_app: App, qtbot: QtBot
) -> None:
    page = active(long_app, qtbot)
    find(page, qtbot, "vista")
    opened = replace(ROTATION, id="elsewhere", title="Opened", path="/tmp/elsewhere.json")
    page.show_routine(opened)  # `hiptimer elsewhere.json` to the running copy
    assert page.selected is not None and page.selected.id == "elsewhere"
    assert field(page).text() == "" and not page.list.isRowHidden(0)


def test_a_reload_keeps_the_search(long_app: App, qtbot: QtBot) -> None:
    page = active(long_app, qtbot)
    find(page, qtbot, "fase")
    long_app.window.shelf.reload()  # after a session, a save
    new = long_app.window.library
    assert new is not page and field(new).text() == "fase" and listed(new) == ["rot"]

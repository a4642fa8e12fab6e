"""A long routine list (2,000 files of the user's) never holds the window: its rows' lengths are
computed on a thread of their own, its rows fitted to the width those in view first and the
rest between events, and the list laid out a batch of rows at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtWidgets import QListView, QListWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines import user_routines
from hiptimer.core.routines.model import Routine
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.lengths import LENGTHS_APART
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.library.row_fitting import FIT_BATCH, LENGTH_GAP, RowFitter
from tests.harness import hold, quick_routine


def routines(count: int) -> list[Routine]:
    base = quick_routine(hold())
    return [replace(base, id=f"r{n}", title=f"Routine {n}") for n in range(count)]


def many(count: int) -> list[LibraryItem]:
    return [LibraryItem(r.id, r.title, r) for r in routines(count)]


class Lengths:
    """An estimate that says which threads asked it, for which routines."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.asked: dict[str, set[str]] = {}  # thread: routine ids

    def __call__(self, routine: Routine) -> float:
        self.asked.setdefault(threading.current_thread().name, set()).add(routine.id)
        return self.seconds

    @property
    def threads(self) -> set[str]:
        return set(self.asked)


def texts(page: LibraryPage) -> list[str]:
    """The rows' texts, each on one line (however the list's width fitted them)."""
    return [" ".join(page.list.item(row).text().split()) for row in range(page.list.count())]


def test_a_long_lists_lengths_are_computed_on_a_thread_and_shown_once_known(
    qtbot: QtBot,
) -> None:
    ten = Lengths(600)
    page = LibraryPage(many(LENGTHS_APART + 1), estimate=ten)
    qtbot.addWidget(page)
    rows = texts(page)
    assert len(rows) == LENGTHS_APART + 1 and not any("min" in row for row in rows)
    assert rows[:2] == ["Routine 0", "Routine 1"]  # titles at once, in their order
    qtbot.waitUntil(lambda: all("10 min" in row for row in texts(page)))
    assert len(ten.asked["routines-read"]) == LENGTHS_APART + 1
    assert ten.asked.get("MainThread", set()) <= {"r0"}  # only the chosen one's, its details
    twenty = Lengths(1200)
    page.set_estimate(twenty)  # the voice is known: the rows keep what they show meanwhile
    assert all("10 min" in row for row in texts(page))
    qtbot.waitUntil(lambda: all("20 min" in row for row in texts(page)))
    assert len(twenty.asked["routines-read"]) == LENGTHS_APART + 1
    assert twenty.asked.get("MainThread", set()) <= {"r0"}


def test_a_short_lists_lengths_are_shown_at_once(qtbot: QtBot) -> None:
    ten = Lengths(600)
    page = LibraryPage(many(LENGTHS_APART), estimate=ten)
    qtbot.addWidget(page)
    assert all("10 min" in row for row in texts(page))
    assert ten.threads == {threading.current_thread().name}
    page.set_estimate(Lengths(1200))
    assert all("20 min" in row for row in texts(page))


def test_lengths_computed_for_a_list_replaced_meanwhile_are_not_shown(qtbot: QtBot) -> None:
    page = LibraryPage(many(LENGTHS_APART + 1), estimate=Lengths(600))
    qtbot.addWidget(page)
    page.set_items(many(3))  # (a reload, say) before the long list's lengths came
    qtbot.wait(50)  # (not a timing: time for the replaced computation to hand anything over)
    assert texts(page) == [f"Routine {n} \u00b7 10 min" for n in range(3)]


def test_a_page_deleted_while_its_lengths_are_computed_is_not_handed_them(qtbot: QtBot) -> None:
    # The fresh clone's CI, session 26: a long list's page deleted (the test's end; a reload's
    # replaced page likewise) before its lengths came; they were handed to its deleted list
    # ("Internal C++ object (QListWidget) already deleted").
    release = threading.Event()
    slow = Lengths(600)

    def held(routine: Routine) -> float:
        if threading.current_thread().name == "routines-read":  # the details' own at once
            release.wait(5)
        return slow(routine)

    page = LibraryPage(many(LENGTHS_APART + 1), estimate=held)
    shiboken6.delete(page)
    release.set()
    qtbot.waitUntil(lambda: len(slow.asked.get("routines-read", ())) == LENGTHS_APART + 1)
    qtbot.wait(50)  # (not a timing: time for the queued hand-over, which must go nowhere)


def test_a_long_list_is_fitted_rows_in_view_first_then_between_events(qtbot: QtBot) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    view.resize(120, 300)  # too narrow for a title and its length on one line
    labels = [f"Routine {n}{LENGTH_GAP}\u00b7 10 min" for n in range(3 * FIT_BATCH)]
    view.addItems(labels)
    fitter = RowFitter(view)
    fitter.fit(labels)
    rows = [view.item(row).text() for row in range(view.count())]
    assert all("\n" in row for row in rows[:FIT_BATCH])  # the rows in view, at once
    assert not any("\n" in row for row in rows[FIT_BATCH:]) and fitter.fitting
    qtbot.waitUntil(lambda: not fitter.fitting)
    assert all("\n" in view.item(row).text() for row in range(view.count()))
    assert [view.item(row).text().split("\n")[0] for row in range(3)] == [
        "Routine 0",
        "Routine 1",
        "Routine 2",
    ]  # the order kept


def test_a_new_fit_leaves_the_batches_of_the_one_before(qtbot: QtBot) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    view.resize(120, 300)
    labels = [f"Routine {n}{LENGTH_GAP}\u00b7 10 min" for n in range(3 * FIT_BATCH)]
    view.addItems(labels)
    fitter = RowFitter(view)
    fitter.fit(labels)
    view.resize(2000, 300)  # wide: every label on one line
    fitter.fit(labels)
    qtbot.waitUntil(lambda: not fitter.fitting)
    assert not any("\n" in view.item(row).text() for row in range(view.count()))


def test_the_list_is_laid_out_a_batch_of_rows_at_a_time(qtbot: QtBot) -> None:
    page = LibraryPage(many(3))
    qtbot.addWidget(page)
    assert page.list.layoutMode() is QListView.LayoutMode.Batched


def test_the_command_lines_routine_is_found_without_resolving_every_listed_path(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved: list[str] = []

    def same_file(a: str, b: str) -> bool:
        resolved.append(a)
        return a == b

    monkeypatch.setattr(user_routines, "same_file", same_file)
    filed = [replace(r, path=f"/routines/{r.id}.json") for r in routines(LENGTHS_APART + 1)]
    items = [LibraryItem(r.id, r.title, r) for r in filed]
    page = LibraryPage(items)
    qtbot.addWidget(page)
    again = replace(filed[-1])
    page.show_routine(again)  # read again by the command line: the same file, another object
    assert page.selected is items[-1] and page.list.count() == len(items)
    assert len(resolved) == 1  # only the one with its id: 2,000 paths took 0.25-0.5 s


@pytest.fixture
def reader_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """A screen reader listening (Qt sends its accessibility events only then): the names
    told changed, (role, name), as HipTimer sends them."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    told: list[tuple[str, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.NameChanged:
            iface = event.accessibleInterface()
            assert iface is not None
            told.append((iface.role().name, iface.text(QAccessible.Text.Name)))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    was = QAccessible.isActive()
    QAccessible.setActive(True)
    yield told
    QAccessible.setActive(was)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_chosen_rows_length_coming_later_is_told_once_without_a_storm(
    qtbot: QtBot, reader_on: list[tuple[str, str]]
) -> None:
    # The list paints its titles first and a long list's lengths come after. A reader on the
    # chosen row had been told "Routine 3" and never heard its length (Orca keeps a name it
    # has read until told that it changed), while every row sent two changes of its data,
    # 4,000 accessibility events for 2,000 routines.
    page = LibraryPage(many(2000), estimate=Lengths(600))
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.list.setFocus()
    page.list.setCurrentRow(3)
    changes: list[int] = []
    page.list.model().dataChanged.connect(lambda *_args: changes.append(1))
    qtbot.waitUntil(lambda: not page.lengths.computing and not page.fitter.fitting)
    assert all("10 min" in row for row in texts(page))
    assert reader_on == [("ListItem", "Routine 3, 10 min")]  # the chosen row, once
    assert len(changes) <= 2 * 2000 // FIT_BATCH  # a batch's rows at once: Qt tells one event

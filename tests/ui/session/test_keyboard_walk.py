"""A whole session walked with the keyboard alone and read through Qt's accessibility tree:
the get-ready, a hold, switching sides, a rest, a set counted with Enter, the pain question
and the summary. Every control named and described, Tab round each page held nowhere, and
the countdown's value there for a reader who goes to it, in words, never announced as it
ticks: told at the moments that matter only (a step's start, ten seconds left)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import Rests, SideMode
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.a11y import install_reader_filter
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.harness import hold, routine, self_paced
from tests.ui.a11y_checks import accessibility_problems, unnamed_stops
from tests.ui.keyboard_checks import tab_traps
from tests.ui.reader_events import announcements_heard
from tests.ui.sessions import advance, fake_services, library_of, until_change

K = Qt.Key
RESTS = Rests(get_ready_s=25, between_sets_s=20, between_sides_s=5, after_exercise_s=5)


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[MainWindow, FakeClock]]:
    names = install_reader_filter(qapp)  # as the app does: buttons named and described
    clock = FakeClock()
    store = SettingsStore()
    store.update(first_run_done=True, setup_mode="never")
    clam = hold("clam", 30, sets=2, name="Clamshell hold", sides=SideMode.EACH)
    r = routine(clam, self_paced(n=2), rests=RESTS)
    made = MainWindow(
        store, fake_services(), clock=clock, wall=FakeWall(clock), library=library_of(r)
    )
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made, clock
    if made.session is not None:
        made.session.driver.stop()
    qapp.removeEventFilter(names)


def count_said(window: MainWindow) -> tuple[str, str]:
    """The huge number, as drawn and as a reader finds it."""
    assert window.session is not None
    big = window.session.page.big
    iface = QAccessible.queryAccessibleInterface(big)
    assert iface is not None
    return big.text(), iface.text(QAccessible.Text.Name)


def step(window: MainWindow) -> StepKind | None:
    return window.session.driver.engine.step.kind if window.session is not None else None


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_a_session_walked_by_keys_reads_well_on_every_page_and_its_count_in_words(
    window: tuple[MainWindow, FakeClock], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, clock = window
    heard = announcements_heard(monkeypatch)
    problems: dict[str, list[str]] = {}

    def visit(page: str) -> None:
        QApplication.processEvents()
        found = accessibility_problems(win) + unnamed_stops(win) + tab_traps(qtbot, win)
        problems[page] = found
        win.activateWindow()  # the keys go on to the window, as before Tab went round
        if win.session is not None and win.nav.key_mode() is not Mode.PAIN:
            win.session.page.setFocus()

    def until(kind: StepKind) -> None:
        until_change(win, clock, lambda: step(win) is kind)

    qtbot.keyClick(win, K.Key_Return)  # the library's Enter starts the routine
    assert step(win) is StepKind.GET_READY
    visit("get ready")
    # The countdown: "25" drawn, "25 seconds left." for a reader who goes to it.
    assert count_said(win) == ("25", "25 seconds left.")
    qtbot.keyClick(win, K.Key_Right)  # on to the hold
    assert step(win) is StepKind.WORK
    visit("hold")
    said = len(heard)
    assert heard[-1][0] == "Work, Clamshell hold, Set 1 of 2, Right, lasts 30 seconds."
    advance(win, clock, 25, step=0.1)  # 250 looks at the clock, as the app's timer makes
    assert count_said(win) == ("5", "5 seconds left.")  # kept up to date for the asking
    assert [line for line, _urgent in heard[said:]] == ["10 seconds left."]  # no tick said
    until(StepKind.PAIN)
    visit("pain")
    qtbot.keyClick(win, K.Key_2)
    until(StepKind.SWITCH_SIDES)
    visit("switch sides")
    assert count_said(win)[1] in ("5 seconds left.", "4 seconds left.")
    until(StepKind.WORK)
    until(StepKind.PAIN)
    qtbot.keyClick(win, K.Key_2)
    until(StepKind.REST)
    visit("rest")
    assert count_said(win) == ("20", "20 seconds left.")
    for _set in range(2):  # the second set, each side, rated
        until(StepKind.PAIN)
        qtbot.keyClick(win, K.Key_2)
    until_change(win, clock, lambda: win.nav.key_mode() is Mode.COUNTING)
    visit("counting reps")
    assert count_said(win) == ("0 / 2", "0 of 2.")
    qtbot.keyClick(win, K.Key_Return)  # Enter counts one
    assert count_said(win) == ("1 / 2", "1 of 2.")
    qtbot.keyClick(win, K.Key_Return)
    until(StepKind.PAIN)
    qtbot.keyClick(win, K.Key_2)
    until_change(win, clock, lambda: win.session is None)
    visit("summary")
    assert not any(problems.values()), "\n".join(
        f"{page}: {line}" for page, lines in problems.items() for line in lines
    )

"""The routine a returning user finds chosen in the library: today's planned one not done yet,
else the last session's, else the first listed; the command line and the user's own move win."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.records import SessionSummary
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.plan.model import EVERY_DAY, PlanItem, WeeklyPlan
from hiptimer.core.routines.model import Routine
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.library.returning import last_routine
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.reminders.window_reminders import ReminderParts
from hiptimer.ui.services.ports import Services
from tests.core.plan.clocks import BERLIN
from tests.harness import hold, quick_routine
from tests.ui.reminders.reminding import FakeIdle, FakeNotifier
from tests.ui.sessions import fake_services, library_of, no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support raise"),  # offscreen: no stacking
]

MONDAY = date(2026, 1, 5)  # the window opens at 17:00 on it, Berlin time
ALPHA = replace(quick_routine(hold("reach", hold_s=3)), id="alpha", title="Alpha")
BRIDGES = replace(quick_routine(hold("bridge", hold_s=3)), id="bridges", title="Bridges")
GENTLE = replace(quick_routine(hold("circle", hold_s=3)), id="gentle", title="Gentle")


def plan(*at_times: tuple[Routine, str], days: tuple[int, ...] = EVERY_DAY) -> WeeklyPlan:
    return WeeklyPlan(False, tuple(PlanItem(r.id, days, time) for r, time in at_times))


def done(store: HistoryStore, routine: Routine, day: date, hour: int = 9) -> None:
    """A session of `routine` on `day` at `hour` (Berlin, the window's clock: at(), on the
    machine's, put 12:00 on the next day in Kiritimati) with its one set rated 2."""
    when, ex = datetime.combine(day, time(hour), tzinfo=BERLIN), routine.exercises[0]
    sid = store.begin_session(routine.id, routine.title, 1, {}, when, sets_planned=1)
    store.add_set(sid, StoredSet(ex.id, ex.name, 1, when, when, pain=2))
    store.finish_session(sid, "completed", when)


@pytest.fixture
def history() -> Iterator[HistoryStore]:
    store = open_history(paths.history_db_path())
    done(store, ALPHA, date(2026, 1, 4))  # yesterday's session
    yield store
    store.close()


def window_on(
    qtbot: QtBot, tmp_path: Path, weekly: WeeklyPlan, services: Services, *, show: bool = True
) -> MainWindow:
    settings = SettingsStore()
    settings.update(first_run_done=True, plan=weekly)
    clock = FakeClock()
    local = FakeLocalTime(clock, datetime(2026, 1, 5, 17, 0, tzinfo=BERLIN), BERLIN)
    parts = ReminderParts(
        local, FakeNotifier(), FakeIdle(), tray=False, autostart_dir=tmp_path / "autostart",
        state_path=tmp_path / "reminders-today.json",
    )  # fmt: skip
    window = MainWindow(
        settings, services, clock=clock, wall=local.now,
        library=library_of(ALPHA, BRIDGES, GENTLE), reminders=parts,
    )  # fmt: skip
    qtbot.addWidget(window)
    if show:
        window.show()
    return window


def chosen(window: MainWindow) -> str:
    selected = window.library.selected
    assert selected is not None
    return selected.id


# (what was done today, what is planned, the routine chosen); yesterday's session: Alpha.
CASES = {
    # In the plan's order (earliest first): Bridges at 08:00 is missed, not done: still today's.
    "today's first planned": ((), plan((GENTLE, "18:00"), (BRIDGES, "08:00")), "bridges"),
    "the next one not done": (
        ((BRIDGES, 9),),
        plan((GENTLE, "18:00"), (BRIDGES, "08:00")),
        "gentle",
    ),
    # Alpha, not planned, done after the plan: the last session.
    "all done: the last session's": (
        ((BRIDGES, 9), (ALPHA, 12)),
        plan((BRIDGES, "08:00")),
        "alpha",
    ),
    "nothing planned today": ((), plan((GENTLE, "18:00"), days=(1,)), "alpha"),  # Tuesdays
}


@pytest.mark.parametrize(("today", "weekly", "expected"), CASES.values(), ids=CASES.keys())
def test_a_returning_user_finds_today_s_routine_chosen(
    qtbot: QtBot,
    tmp_path: Path,
    history: HistoryStore,
    today: tuple[tuple[Routine, int], ...],
    weekly: WeeklyPlan,
    expected: str,
) -> None:
    for routine, hour in today:
        done(history, routine, MONDAY, hour)
    window = window_on(qtbot, tmp_path, weekly, fake_services(history))
    assert chosen(window) == expected
    window.close()


def test_a_routine_named_on_the_command_line_wins(
    qtbot: QtBot, tmp_path: Path, history: HistoryStore
) -> None:
    window = window_on(qtbot, tmp_path, plan((GENTLE, "18:00")), fake_services(history))
    window.open_routine(ALPHA, start=False)  # hiptimer --routine alpha
    assert chosen(window) == "alpha"
    window.close()


def test_a_routine_the_user_chose_while_the_history_opened_stays_chosen(
    qtbot: QtBot, tmp_path: Path, history: HistoryStore
) -> None:
    def opener(services: Services) -> None:
        services.history = history

    window = window_on(qtbot, tmp_path, plan((GENTLE, "18:00")), Services(opener=opener))
    window.library.list.setCurrentRow(1)  # Bridges, by a click before the history was open
    window.open_services()
    assert window.guidance is not None  # the services are ready
    assert chosen(window) == "bridges"
    window.close()


def test_the_last_routine_is_read_from_any_history_that_lists_sessions(
    history: HistoryStore,
) -> None:
    # last_routine asks only list_sessions (returning.SessionList): a stand-in for the
    # store is read as the store is, and no history at all chooses nothing.
    done(history, GENTLE, MONDAY, 8)

    class Listed:
        def list_sessions(self, *, limit: int | None = None) -> list[SessionSummary]:
            return history.list_sessions(limit=limit)

    assert last_routine(Listed()) == last_routine(history) == "gentle"
    assert last_routine(None) is None

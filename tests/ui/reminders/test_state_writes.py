"""When the reminders write reminders-today.json: only when it would hold something else,
never at a start with nothing to keep (a recording disk stands in for the file's writes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.plan.model import WeeklyPlan
from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.plan.state_file import save_state, state_text
from hiptimer.ui.reminders import coordinator
from hiptimer.ui.reminders.coordinator import ReminderCoordinator
from tests.core.plan.clocks import BERLIN
from tests.ui.reminders.reminding import PLAN, ROUTINE, FakeNotifier

MONDAY = datetime(2026, 1, 5, 17, 0, tzinfo=BERLIN)


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the coordinator wrote to its state file (nothing reaches the disk)."""
    texts: list[str] = []

    def recording(path: Path, state: ReminderState) -> bool:
        texts.append(state_text(state))
        return True

    monkeypatch.setattr(coordinator, "save_state", recording)
    return texts


def started(
    qtbot: QtBot, tmp_path: Path, local: FakeLocalTime | None = None
) -> ReminderCoordinator:
    local = local or FakeLocalTime(FakeClock(), MONDAY, BERLIN)
    reminding = ReminderCoordinator(
        PLAN, local, FakeNotifier(), lambda since: set(), lambda: [ROUTINE],
        state_path=tmp_path / "reminders-today.json",
    )  # fmt: skip
    reminding.start()
    reminding.timer.stop()  # the test looks itself
    return reminding


def test_a_start_with_no_file_and_nothing_to_keep_writes_nothing(
    qtbot: QtBot, tmp_path: Path, written: list[str]
) -> None:
    local = FakeLocalTime(FakeClock(), MONDAY, BERLIN)
    reminding = started(qtbot, tmp_path, local)
    reminding.check()
    assert written == []  # it wrote (and fsynced) the empty state at every start
    local.clock.advance(3600)  # 18:00: the reminder is shown, which is kept
    reminding.check()
    assert len(written) == 1 and '"fired": [\n  "quick-test"\n ]' in written[0]


def test_a_file_holding_todays_state_is_not_written_again_at_start(
    qtbot: QtBot, tmp_path: Path, written: list[str]
) -> None:
    save_state(tmp_path / "reminders-today.json", ReminderState(date(2026, 1, 5), {"quick-test"}))
    started(qtbot, tmp_path).check()
    assert written == []


def test_a_state_emptied_is_written_so_a_restart_does_not_bring_it_back(
    qtbot: QtBot, tmp_path: Path, written: list[str]
) -> None:
    save_state(tmp_path / "reminders-today.json", ReminderState(date(2026, 1, 4), {"quick-test"}))
    reminding = started(qtbot, tmp_path)  # Monday: Sunday's reminder shown is over
    assert written == [state_text(ReminderState(date(2026, 1, 5)))]
    reminding.pause()
    reminding.resume()  # a pause ended early: the file must not keep it
    assert len(written) == 3 and written[-1] == written[0]


def looking(
    tmp_path: Path, local: FakeLocalTime, plan: WeeklyPlan = PLAN, *, working: bool = True
) -> tuple[ReminderCoordinator, FakeNotifier]:
    """A coordinator started at the clock's time now (`working`: its notifications show)."""
    notifier = FakeNotifier(working=working)
    reminding = ReminderCoordinator(
        plan, local, notifier, lambda since: set(), lambda: [ROUTINE],
        state_path=tmp_path / "reminders-today.json",
    )  # fmt: skip
    reminding.start()
    reminding.timer.stop()
    return reminding, notifier


def test_a_reminder_shown_nowhere_is_not_kept_so_a_restart_can_show_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """No session bus, no tray: the 18:00 reminder was shown nowhere, yet the file said it
    was, and HipTimer started again at 18:05 on a desktop with notifications never showed it."""
    local = FakeLocalTime(FakeClock(), MONDAY, BERLIN)
    blind, _unseen = looking(tmp_path, local, working=False)
    local.clock.advance(3600)  # 18:00
    blind.check()
    blind.check()  # not looked for again while this HipTimer runs
    assert blind.reminders.state.fired == {"quick-test"}
    assert not (tmp_path / "reminders-today.json").exists()  # nothing to keep
    local.clock.advance(300)  # 18:05: started again where notifications work
    again, notifier = looking(tmp_path, local)
    again.check()
    assert [n.key for n in notifier.notes] == ["quick-test@2026-01-05"]


@pytest.mark.parametrize(("at", "snooze"), [((18, 0), 10), ((23, 50), 60)])
def test_a_snooze_that_ends_shown_nowhere_is_kept_so_a_restart_can_show_it(
    qtbot: QtBot, tmp_path: Path, at: tuple[int, int], snooze: int
) -> None:
    """Snoozed, then the notification service went away: the snooze ended shown nowhere and
    was dropped from the file with it, so HipTimer started again where notifications work
    never brought it (a first reminder was kept due since session 28). After midnight too."""
    hour, minute = at
    plan = replace(PLAN, items=(replace(PLAN.items[0], at=f"{hour:02d}:{minute:02d}"),))
    local = FakeLocalTime(FakeClock(), MONDAY.replace(hour=hour, minute=minute), BERLIN)
    reminding, notifier = looking(tmp_path, local, plan)
    (note,) = notifier.notes
    reminding.answer(note.key, f"snooze-{snooze}")
    notifier.working = False  # the service went away
    notifier.reason = "no notification service answers (test)"
    local.clock.advance(snooze * 60)
    reminding.check()
    reminding.check()  # not looked for again while this HipTimer runs
    assert len(notifier.notes) == 1
    local.clock.advance(120)  # started again, two minutes later, where notifications work
    again, seen = looking(tmp_path, local, plan)
    again.check()
    assert [n.key for n in seen.notes] == [note.key]
    assert "(snoozed)" in seen.notes[0].body

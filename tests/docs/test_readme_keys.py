"""README's key table, the rows of a session, typed into the real window (pytest-qt, a fake
clock): each row's keys, read from the README, pressed in the state its heading names, must do
what its row says. A row added to these headings with no check here fails. (One start of the
real app under Xvfb types every row: tests/e2e/test_readme_keys.py.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Measure, Retest
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.steps import Side, StepKind
from hiptimer.ui.keys import POINT, Action, Mode, resolve
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.docs.readme_key_table import key_cases, keys_of, readme_rows
from tests.harness import hold, quick_routine, self_paced, side_hold
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
K = Qt.Key
KNEE = hold("knee", 20, name="Knee to wall", test=Retest(Measure.VALUE, "cm"))
ROUTINE = quick_routine(side_hold(hold_s=6), self_paced(n=3, sets=2), KNEE)


@dataclass
class Session:
    app: App
    qtbot: QtBot
    asked: list[str]

    def key(self, *keys: Qt.Key) -> None:
        self.app.key(self.qtbot, *keys)

    @property
    def mode(self) -> Mode:
        return self.app.window.nav.key_mode()

    def until(self, kind: StepKind) -> None:
        self.app.until(kind)

    def remaining(self) -> float:
        return self.app.engine.view().remaining_s or 0.0


@pytest.fixture
def session(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    app = make_app(qtbot, ROUTINE)
    asked: list[str] = []

    def keep_going(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.No.value

    monkeypatch.setattr(QMessageBox, "exec", keep_going)
    app.key(qtbot, K.Key_Return)  # the chosen routine starts
    yield Session(app, qtbot, asked)
    app.window.close()
    app.history.close()


# ---------------------------------------------------------------- the states the headings name


def right_hold(s: Session) -> None:
    s.until(StepKind.WORK)


def left_hold(s: Session) -> None:
    right_hold(s)
    s.key(K.Key_Right, K.Key_1, K.Key_Right)  # ended, rated, the switch passed
    assert s.app.engine.step.side is Side.LEFT


def pain(s: Session) -> None:
    right_hold(s)
    s.key(K.Key_Right)
    assert s.mode is Mode.PAIN


def choice(s: Session) -> None:
    pain(s)
    s.key(K.Key_7)
    assert s.mode is Mode.CHOICE


def counting(s: Session) -> None:
    right_hold(s)
    s.key(K.Key_S)
    s.until(StepKind.WORK)
    assert s.mode is Mode.COUNTING


def result(s: Session) -> None:
    counting(s)
    s.key(K.Key_S)
    s.until(StepKind.WORK)
    s.key(K.Key_Right)  # measured
    assert s.mode is Mode.RESULT


# ---------------------------------------------------------------- what each row says it does

Check = Callable[[Session, Qt.Key], None]


def pauses(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert s.app.engine.paused
    s.key(key)
    assert not s.app.engine.paused


def finishes_the_step(s: Session, key: Qt.Key) -> None:
    s.key(key)
    held = s.app.engine.records[-1].actual_hold_s
    assert s.mode is Mode.PAIN and held is not None and held < 6


def repeats_the_previous_set(s: Session, key: Qt.Key) -> None:
    s.key(key)
    step = s.app.engine.step
    assert (step.kind, step.side, step.exercise_index) == (StepKind.WORK, Side.RIGHT, 0)


def five_s(sign: int) -> Check:
    def changes(s: Session, key: Qt.Key) -> None:
        before = s.remaining()
        s.key(key)
        assert s.remaining() == pytest.approx(max(1.0, before + 5 * sign), abs=0.2)

    return changes


def skips_the_exercise(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert s.app.engine.step.exercise_index == 1


def shows_the_steps(s: Session, key: Qt.Key) -> None:
    page = s.app.window.findChild(WorkoutPage)
    assert page is not None
    button = page.controls.buttons[Action.SHOW_STEPS]
    s.key(key)
    assert button.text().startswith("Hide steps")
    s.key(key)
    assert button.text().startswith("Steps")


def changes_the_rating(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert s.mode is Mode.PAIN


def rating_changed_back(s: Session, key: Qt.Key) -> None:
    s.key(K.Key_Right, K.Key_1)  # rated: the rest after it (the switch of sides)
    assert s.app.engine.step.kind is StepKind.SWITCH_SIDES
    changes_the_rating(s, key)


def mutes(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert s.app.settings.settings.muted and s.app.services()[1].muted


def asks_to_end(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert len(s.asked) == 1 and s.app.window.session is not None  # kept going


def counts_a_rep(s: Session, key: Qt.Key) -> None:
    s.key(key)
    assert s.app.engine.view().reps_done == 1


def takes_back_a_rep(s: Session, key: Qt.Key) -> None:
    s.key(K.Key_Return, K.Key_Return, key)
    assert s.app.engine.view().reps_done == 1


def rates(s: Session, key: Qt.Key) -> None:
    found = resolve(key.value, Qt.KeyboardModifier.NoModifier, Mode.PAIN)
    assert found is not None
    s.key(key)
    rating = found[1]
    assert s.app.engine.records[-1].pain == rating and s.mode is not Mode.PAIN
    if rating > 5:  # above the limit: the choice, as the next heading says
        assert s.mode is Mode.CHOICE


def goes_on_without(s: Session, key: Qt.Key) -> None:
    mode = s.mode
    s.key(key)
    assert s.mode is not mode
    assert s.app.engine.records[-1].pain is None and s.app.engine.records[-1].result is None


def chooses(made: PainChoice) -> Check:
    def check(s: Session, key: Qt.Key) -> None:
        s.key(key)
        rated = next(r for r in s.app.engine.records if r.pain == 7)
        assert rated.pain_choice is made
        if made is PainChoice.STOP:  # "skip the rest of this exercise for today"
            assert [r.skipped for r in s.app.engine.records[rated.index + 1 :]] == [True]

    return check


def types(s: Session, key: Qt.Key) -> None:
    found = resolve(key.value, Qt.KeyboardModifier.NoModifier, Mode.RESULT)
    assert found is not None
    typed = "." if found[1] == POINT else str(found[1])
    s.key(K.Key_1, key, K.Key_5, K.Key_Return)
    assert s.app.engine.records[-1].result == float(f"1{typed}5") and s.mode is Mode.PAIN


def erases(s: Session, key: Qt.Key) -> None:
    s.key(K.Key_1, K.Key_2, key, K.Key_Return)
    assert s.app.engine.records[-1].result == 1


def saves(s: Session, key: Qt.Key) -> None:
    s.key(K.Key_7, key)
    assert s.app.engine.records[-1].result == 7 and s.mode is Mode.PAIN


SESSION = "During a session"
SELF_PACED = "Self-paced reps, and a chair stand of the monthly check"
RATING = "Rating pain after a set"
CHOICE = "After a rating above your limit"
RESULT = "A re-test's measured result"
ROWS: dict[tuple[str, str], tuple[Callable[[Session], None], Check]] = {
    (SESSION, "Space or P"): (right_hold, pauses),
    (SESSION, "Right arrow or N"): (right_hold, finishes_the_step),
    (SESSION, "Left arrow or B"): (left_hold, repeats_the_previous_set),
    (SESSION, "+"): (right_hold, five_s(+1)),
    (SESSION, "-"): (right_hold, five_s(-1)),
    (SESSION, "S"): (right_hold, skips_the_exercise),
    (SESSION, "I"): (right_hold, shows_the_steps),
    (SESSION, "Backspace"): (right_hold, rating_changed_back),
    (SESSION, "M"): (right_hold, mutes),
    (SESSION, "Esc"): (right_hold, asks_to_end),
    (SELF_PACED, "Enter"): (counting, counts_a_rep),
    (SELF_PACED, "Backspace"): (counting, takes_back_a_rep),
    (RATING, "0-9, T (10)"): (pain, rates),
    (RATING, "K or Delete"): (pain, goes_on_without),
    (CHOICE, "S"): (choice, chooses(PainChoice.STOP)),
    (CHOICE, "L"): (choice, chooses(PainChoice.LOWER)),
    (CHOICE, "C"): (choice, chooses(PainChoice.CONTINUE)),
    (CHOICE, "Backspace, Left arrow or B"): (choice, changes_the_rating),
    (RESULT, "0-9, point or comma"): (result, types),
    (RESULT, "Backspace"): (result, erases),
    (RESULT, "Enter"): (result, saves),
    (RESULT, "K or Delete"): (result, goes_on_without),
}
# Rows of these headings checked elsewhere, where their state is made more simply.
ELSEWHERE = {
    (SESSION, "Down arrow or Page Down"): "tests/ui/session/test_steps_paging.py",
}


def test_every_row_of_a_session_s_headings_has_a_check() -> None:
    headings = {SESSION, SELF_PACED, RATING, CHOICE, RESULT}
    rows = {row for row in readme_rows() if row[0] in headings}
    assert rows == set(ROWS) | set(ELSEWHERE)


def cases() -> list[object]:
    def first_and_last(heading: str, written: str) -> tuple[Qt.Key, ...]:
        keys = keys_of(heading, written)
        return keys[0], keys[-1]

    return key_cases([row for row in readme_rows() if row in ROWS], first_and_last)


@pytest.mark.parametrize(("heading", "written", "key"), cases())
def test_each_key_of_a_row_does_what_its_row_says(
    session: Session, heading: str, written: str, key: Qt.Key
) -> None:
    state, check = ROWS[(heading, written)]
    state(session)
    check(session, key)

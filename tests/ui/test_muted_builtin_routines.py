"""Muted, every built-in routine can be done from the screen alone: steps, caution, figure, seconds.

Each routine runs whole in the real window on a fake clock, rating each set and counting the
self-paced reps by keys; the screen is checked against the session every half second, and every
few seconds inside a long hold, get-ready or rest (nothing on screen changes kind there but the
seconds, which each check compares).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.figures.library import FigureLibrary, builtin_figures_dir
from hiptimer.core.figures.motion import Motion
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.session.steps import Side, StepKind, effective_tempo
from hiptimer.core.session.view import SessionView
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.session.workout_text import clock_text, is_self_paced
from tests.ui.sessions import (
    fake_services,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
    poll_session,
    tick_s,
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

BUILT_IN = sorted(paths.builtin_routines_dir().glob("*.json"))
PAIN = 2  # below every limit: the session goes on
FIGURES = FigureLibrary([builtin_figures_dir()])  # each file read once


@dataclass
class Seen:
    """What the run met, so a test that checked nothing cannot pass."""

    lead_ins: set[str] = field(default_factory=set)  # exercises whose steps were on screen
    cautions: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)  # shown in their set
    mirrored: set[str] = field(default_factory=set)
    hold_seconds: set[str] = field(default_factory=set)  # a hold's countdown or a rep's HOLD n/m
    moved: dict[str, set[Motion]] = field(default_factory=dict)


@pytest.fixture(params=BUILT_IN, ids=[p.stem for p in BUILT_IN])
def built_in(request: pytest.FixtureRequest) -> Routine:
    path: Path = request.param
    return load_routine(path, builtin=True)


@pytest.fixture
def muted() -> Iterator[None]:
    SettingsStore().update(first_run_done=True, muted=True)
    yield


def test_muted_a_whole_built_in_routine_is_on_screen(
    qtbot: QtBot, built_in: Routine, muted: None
) -> None:
    clock = FakeClock()
    window = MainWindow(
        SettingsStore(),
        fake_services(),
        clock=clock,
        wall=FakeWall(clock),
        library=library_of(built_in),
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    seen = Seen()
    try:
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert window.session is not None
        page, driver = window.session.page, window.session.driver
        poll = poll_session(window)

        def finished() -> bool:
            view = driver.view()
            if view.ended:
                return True
            if view.awaiting_pain:
                qtbot.keyClick(window, getattr(Qt.Key, f"Key_{PAIN}"))
            elif is_self_paced(view):
                check(page, view, seen)
                qtbot.keyClick(window, Qt.Key.Key_Return)  # Enter counts a rep
            else:
                check(page, view, seen)
            return False

        waited = 0.0
        while not finished():
            assert waited < 4 * 3600, "the session never ended"
            step = tick_s(driver.view())
            clock.advance(step)
            poll()
            waited += step
    finally:
        window.close()

    active = [ex for ex in built_in.active_exercises if ex.sets > 0]
    names = {ex.name for ex in active}
    assert seen.lead_ins == {ex.name for ex in active if ex.setup}
    assert seen.cautions == {ex.name for ex in active if ex.caution.strip()}
    assert seen.figures == names
    assert seen.mirrored == {ex.name for ex in active if ex.sides.value != "none"}
    held = {ex.name for ex in active if ex.kind is Kind.HOLD}
    paced = [ex for ex in active if effective_tempo(ex) is not None]
    paced_holds = {ex.name for ex in paced if _tempo_hold_s(ex) >= 2}
    assert seen.hold_seconds == held | paced_holds
    for ex in paced:
        assert {Motion.LIFT, Motion.LOWER} <= seen.moved[ex.name], ex.name


def _tempo_hold_s(ex: Exercise) -> float:
    tempo = effective_tempo(ex)
    return 0.0 if tempo is None else tempo.hold_s


def check(page: WorkoutPage, view: SessionView, seen: Seen) -> None:
    """The screen against the session at one moment."""
    ex, kind = view.exercise, view.step.kind
    if ex is None or kind in (StepKind.PAIN, StepKind.DONE):
        return
    window = page.window()
    figure = page.figure
    assert figure.isVisibleTo(window) and figure.shown.kind == "figure", ex.name
    # Big enough to see from the mat: the drawing (its box may be narrow beside the count);
    # the least, 197 px, a square figure above the count (the kneeling hip flexor release).
    tall = figure.drawn_height(figure.size())
    assert max(tall, tall * figure.aspect()) >= 190 and tall >= 40, ex.name
    if kind in (StepKind.GET_READY, StepKind.REST):
        shown = page.coaching.texts() if page.coaching.isVisibleTo(window) else []
        for i, line in enumerate(ex.setup):
            assert f"{i + 1}.  {line}" in shown, (ex.name, line)
        if ex.setup:
            seen.lead_ins.add(ex.name)
        if ex.caution.strip():
            assert any(ex.caution.strip() in text for text in shown), ex.name
            seen.cautions.add(ex.name)
        return
    if kind is not StepKind.WORK:
        return
    seen.figures.add(ex.name)
    side = view.rep_side if ex.kind is Kind.REPS else view.step.side
    if figure.shown.mirrored:
        assert side is Side.LEFT, ex.name
        seen.mirrored.add(ex.name)
    if ex.kind is Kind.HOLD:
        _check_hold(page, view, ex, seen)
    elif view.rep_phase:
        _check_paced_rep(page, view, ex, seen)


def _check_hold(page: WorkoutPage, view: SessionView, ex: Exercise, seen: Seen) -> None:
    assert page.big.isVisibleTo(page.window())
    if view.counted is not None:  # a re-test counting by key: the count is big, the time beside
        assert page.big.text() == str(view.counted), ex.name
        assert page.big_time.text() == clock_text(view.remaining_s or 0.0), ex.name
    else:
        assert page.big.text() == clock_text(view.remaining_s or 0.0), ex.name
    found = FIGURES.find(ex.id).figure
    assert found is not None
    if found.loop_s is None:  # a held pose, not a movement repeated through the hold
        assert page.figure.shown.pose == found.end, ex.name
    seen.hold_seconds.add(ex.name)


def _check_paced_rep(page: WorkoutPage, view: SessionView, ex: Exercise, seen: Seen) -> None:
    tempo = page.tempo
    assert tempo.isVisibleTo(page.window()) and tempo.text(), ex.name
    motion = Motion(view.rep_phase)
    seen.moved.setdefault(ex.name, set()).add(motion)
    found = FIGURES.find(ex.id).figure
    assert found is not None
    if motion is Motion.HOLD:  # the top of the rep, held as long as the screen counts
        assert page.figure.shown.pose == found.end, ex.name
    if motion is Motion.PAUSE:  # a pause at the bottom of the rep: the start pose
        assert page.figure.shown.pose == found.start, ex.name
    if motion is Motion.HOLD and view.rep_phase_s >= 2:
        second = min(int(view.rep_phase_elapsed_s) + 1, int(view.rep_phase_s))
        assert tempo.text() == f"HOLD {second} / {view.rep_phase_s:g}", ex.name
        seen.hold_seconds.add(ex.name)

"""CPU time of the session page's refresh (WorkoutPage.show_view) through a whole routine.

The app polls the session engine ten times a second while a session runs and redraws the
page at each poll; the UI tests step their fake clock every 0.5 s. This runs a bundled
routine on a fake clock at each of those paces, offscreen, answering each pain question
("skip") and counting each self-paced rep, and prints the CPU (`time.process_time`) per
refresh, with the page's own construction left out. CPU, not wall: the host is shared.

    uv run python bench/workout_refresh.py [--routine desk-micro-break] [--rounds 5] [--steps]

With --steps the steps stay beside the count in the sets too, as after I.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.workout_page import WorkoutPage

ROUTINES = Path(__file__).resolve().parent.parent / "resources" / "routines"


def one_run(
    app: QApplication, routine: Routine, pace_s: float, *, steps: bool = False
) -> tuple[int, float]:
    """Refreshes made and their CPU seconds, for one session run to its end at `pace_s`."""
    clock = FakeClock()
    driver = EngineDriver(SessionEngine(routine, clock=clock, wall=FakeWall(clock)))
    page = WorkoutPage(driver, muted=False)
    page.setMinimumSize(640, 480)
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    refreshes = 0
    spent = 0.0
    show_view = page.show_view

    def counted(view: object) -> None:
        nonlocal refreshes, spent
        start = time.process_time()
        show_view(view)  # type: ignore[arg-type]
        spent += time.process_time() - start
        refreshes += 1

    driver.view_changed.disconnect(page._follow)
    page.show_view = counted  # type: ignore[method-assign]
    driver.view_changed.connect(page._follow)
    driver.start()
    if steps:
        page.toggle_steps()  # I: from now on in every set
    while not driver.view().ended:
        clock.advance(pace_s)
        driver.poll()
        view = driver.view()
        if view.awaiting_pain or view.awaiting_choice:
            driver.skip_pain()
        elif view.awaiting_result:
            driver.enter_result(0)
        elif view.step.kind is StepKind.WORK and _self_paced(view.exercise):
            driver.count_rep()
    driver.stop()
    page.close()
    page.deleteLater()
    app.processEvents()
    return refreshes, spent


def _self_paced(exercise: Exercise | None) -> bool:
    return exercise is not None and bool(exercise.reps) and exercise.tempo is None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routine", default="desk-micro-break")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", action="store_true", help="the steps shown in the sets (I)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    routine = load_routine(ROUTINES / f"{args.routine}.json")
    print(f"{args.routine}: CPU per refresh of the session page, median of {args.rounds} runs")
    summary = []
    for pace in (0.1, 0.5):
        runs = [one_run(app, routine, pace, steps=args.steps) for _ in range(args.rounds)]
        each = [spent / n * 1e3 for n, spent in runs]
        print(f"  poll every {pace:.1f} s: {runs[0][0]:5d} refreshes, "
              f"{statistics.median(each):.3f} ms (min {min(each):.3f}, max {max(each):.3f})")  # fmt: skip
        summary.append(f"{pace:.1f}s={statistics.median(each):.3f}ms")
    print("SUMMARY workout_refresh " + " ".join(summary))


if __name__ == "__main__":
    main()

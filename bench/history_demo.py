"""Demo history for screenshots: three months of a real routine, recorded through the store API."""

# Writes OUT_DIR/history.sqlite3 and OUT_DIR/report.pdf; with --window it also shows the
# history window (run it under Xvfb and take the screenshot with `import -window root`):
#
#     uv run python bench/history_demo.py OUT_DIR [--days 91] [--window] [--tab N]

from __future__ import annotations

import argparse
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.model import Kind, Routine

ROUTINE_ID = "hip-strengthening"
NOTES = (
    "Right hip stiff in the morning, eased after the bridges.",
    "Good session. Monster walk still the hardest.",
    "Slept badly, kept the doses low today.",
    "Felt strong; the leg raises were easy.",
    "Sore after a long walk yesterday. Stopped the hip hikers early.",
)


def fill_demo(store: HistoryStore, routine: Routine, days: int = 91, seed: int = 3) -> int:
    """About four sessions a week ending yesterday, pain easing over time; returns sessions."""
    rng = random.Random(seed)
    today = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    reps = {ex.id: ex.reps or 10 for ex in routine.active_exercises}
    count = 0
    milestones, declined = [60, 30], False
    for back in range(days, 0, -1):
        if rng.random() > 0.58:
            continue
        began = today - timedelta(days=back) + timedelta(minutes=rng.randint(-40, 600))
        progress = 1 - back / days
        sets_planned = sum(ex.sets * (2 if ex.has_sides else 1) for ex in routine.active_exercises)
        sid = store.begin_session(routine.id, routine.title, routine.revision, {}, began,
                                  sets_planned=sets_planned)  # fmt: skip
        at = began + timedelta(seconds=10)
        stop = rng.random() < 0.1
        for ex in routine.active_exercises:
            base = 4.5 - 3 * progress + (1.5 if ex.id == "monster-walk" else 0)
            for number in range(1, ex.sets + 1):
                for side in ("right", "left") if ex.has_sides else (None,):
                    pain = max(
                        0, min(10, round(rng.gauss(base + (0.8 if side == "right" else 0), 1)))
                    )
                    hold = ex.hold_s if ex.kind is Kind.HOLD else None
                    planned = reps[ex.id] if ex.kind is Kind.REPS else None
                    end = at + timedelta(seconds=40)
                    store.add_set(sid, StoredSet(
                        ex.id, ex.name, number, at, end, side=side, planned_hold_s=hold,
                        actual_hold_s=hold, planned_reps=planned, actual_reps=planned,
                        pain=pain, pain_choice="lower" if pain > 5 else None,
                    ))  # fmt: skip
                    at = end + timedelta(seconds=25)
            if stop and ex.id == "prone-leg-raise":
                break
        reason = "ended_early" if stop else "completed"
        note = rng.choice(NOTES) if rng.random() < 0.25 else None
        store.finish_session(sid, reason, at, note=note)
        count += 1
        if milestones and back <= milestones[0]:
            milestones.pop(0)
            for ex_id in ("bridge", "straight-leg-raise"):  # progressed after good sessions
                store.record_dose_change(routine.id, ex_id, "reps", reps[ex_id], reps[ex_id] + 2,
                                         accepted=True, decided_at=at, session_id=sid,
                                         reason="pain stayed at 2 or below in the last two sessions")  # fmt: skip
                reps[ex_id] += 2
        if back <= 45 and not declined:
            declined = True
            store.record_dose_change(routine.id, "monster-walk", "reps", 15, 13, accepted=False,
                                     side="right", decided_at=at, session_id=sid,
                                     reason="pain went above 5")  # fmt: skip
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--days", type=int, default=91)
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--tab", type=int, default=0)
    parser.add_argument("--exercise", default="monster-walk")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "history.sqlite3"
    catalog = load_catalog()
    routine = catalog.find(ROUTINE_ID)
    fresh = not db.exists()
    store = open_history(db)
    if fresh:
        print(f"{fill_demo(store, routine, args.days)} sessions recorded")
    from hiptimer.ui.history.report_pdf import write_report

    if not args.window:
        pages = write_report(store, args.out / "report.pdf", catalog=catalog)
        print(f"report.pdf: {pages} pages")
        return 0
    from PySide6.QtWidgets import QApplication

    from hiptimer.ui.app import setup_application
    from hiptimer.ui.history.window import HistoryWindow

    app = QApplication(sys.argv[:1])
    setup_application(app)
    window = HistoryWindow(store, catalog)
    window.resize(1280, 800)
    window.move(0, 0)
    window.tabs.setCurrentIndex(args.tab)
    if args.tab == 1:
        window.show_pain().choose(args.exercise)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())

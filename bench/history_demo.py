"""Demo history for screenshots: three months of a real routine, recorded through the store API."""

# Writes OUT_DIR/history.sqlite3 and OUT_DIR/report.pdf; with --window it also shows the
# history window (run it under Xvfb and take the screenshot with `import -window root`):
#
#     uv run python bench/history_demo.py OUT_DIR [--days 91] [--window] [--tab N]
#         [--language es] [--size 1024x768] [--text-size 150]
#
# The language is chosen as the app chooses it: --language, else LANGUAGE, LC_ALL, LANG.

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
    """About four sessions a week ending yesterday, pain easing over time; returns sessions.

    With what a real record has: the next-morning check-in after most sessions, a set ended
    early now and then, a set skipped and done again after Back, ratings corrected (right
    after, and later in History), a note rewritten, a session marked not representative, and
    dose changes decided each way.
    """
    rng = random.Random(seed)
    today = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    reps = {ex.id: ex.reps or 10 for ex in routine.active_exercises}
    count = 0
    milestones, declined, kept = [60, 30], False, False
    slips: list[tuple[int, datetime]] = []
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
        again = count == 9  # a set skipped, then done after Back
        for ex in routine.active_exercises:
            base = 4.5 - 3 * progress + (1.5 if ex.id == "monster-walk" else 0)
            for number in range(1, ex.sets + 1):
                for side in ("right", "left") if ex.has_sides else (None,):
                    pain = max(
                        0, min(10, round(rng.gauss(base + (0.8 if side == "right" else 0), 1)))
                    )
                    hold = ex.hold_s if ex.kind is Kind.HOLD else None
                    planned = reps[ex.id] if ex.kind is Kind.REPS else None
                    done = planned
                    early = planned is not None and rng.random() < 0.03  # ended early
                    if early and planned is not None:
                        done = planned - rng.randint(2, 4)
                    end = at + timedelta(seconds=40)
                    slip = count in (14, 30) and ex.id == "bridge" and number == 1
                    if slip:
                        pain = 7  # a slip of the finger, corrected below
                    if again and ex.id == "bridge" and number == 2:
                        store.add_set(sid, StoredSet(
                            ex.id, ex.name, number, at, at, side=side, planned_reps=planned,
                            actual_reps=0, completed=False, skipped=True,
                        ))  # fmt: skip
                    set_id = store.add_set(sid, StoredSet(
                        ex.id, ex.name, number, at, end, side=side, planned_hold_s=hold,
                        actual_hold_s=hold, planned_reps=planned, actual_reps=done,
                        completed=not early, pain=pain, pain_choice="lower" if pain > 5 else None,
                    ))  # fmt: skip
                    if slip:
                        slips.append((set_id, end))
                    at = end + timedelta(seconds=25)
            if stop and ex.id == "prone-leg-raise":
                break
        reason = "ended_early" if stop else "completed"
        note = rng.choice(NOTES) if rng.random() < 0.25 else None
        store.finish_session(sid, reason, at, note=note)
        if rng.random() < 0.85:  # the check-in the next morning
            morning = began.replace(hour=7, minute=30) + timedelta(days=1)
            m_pain = max(0, min(10, round(rng.gauss(3.5 - 2.5 * progress, 0.8))))
            stiff = max(0, min(10, round(rng.gauss(4.5 - 2.5 * progress, 0.8))))
            store.record_morning(sid, m_pain, stiff, morning)
        if count == 22:  # an off day: the user marks it in History later
            store.mark_representative(sid, False, at=at + timedelta(days=2),
                                      reason="Had the flu; everything ached.")  # fmt: skip
        if count == 5 and note is None:
            store.set_note(sid, "Knees fine.", at=at)
            store.set_note(sid, "Knees fine; right hip sore on the stairs later.",
                           at=at + timedelta(hours=9))  # fmt: skip
        count += 1
        if milestones and back <= milestones[0]:
            milestones.pop(0)
            for ex_id in ("bridge", "straight-leg-raise"):  # progressed after good sessions
                store.record_dose_change(routine.id, ex_id, "reps", reps[ex_id], reps[ex_id] + 2,
                                         accepted=True, decided_at=at, session_id=sid,
                                         reason="Pain stayed at 2 or below and your hip was no worse the next morning, twice in a row.")  # fmt: skip
                reps[ex_id] += 2
        if back <= 45 and not declined:
            declined = True
            store.record_dose_change(routine.id, "monster-walk", "reps", 15, 13, accepted=False,
                                     side="right", decided_at=at, session_id=sid,
                                     reason="Pain went above 5 (it reached 7).")  # fmt: skip
        if back <= 20 and not kept:
            kept = True
            store.record_dose_change(routine.id, "hip-hiker", "reps", reps["hip-hiker"],
                                     reps["hip-hiker"] - 2, accepted=True, decided_at=at,
                                     session_id=sid, decided_by="session",
                                     reason="changed during the session and kept for next time")  # fmt: skip
            reps["hip-hiker"] -= 2
    for n, (set_id, rated) in enumerate(slips):  # a 7 typed for a 1: at once, or days later
        fixed = rated + (timedelta(seconds=4) if n == 0 else timedelta(days=3, hours=2))
        store.correct_pain(set_id, 1, at=fixed, source="session" if n == 0 else "history",
                           reason="" if n == 0 else "typed 7 for 1")  # fmt: skip
    return count


def fill_checks(store: HistoryStore, check: Routine, days: int = 91) -> int:
    """The monthly check about once a month: chair stands and one-leg stance improving."""
    today = datetime.now().astimezone().replace(hour=17, minute=0, second=0, microsecond=0)
    done = 0
    for n, back in enumerate(range(days - 6, 0, -30)):
        began = today - timedelta(days=back)
        sid = store.begin_session(check.id, check.title, check.revision, {}, began, sets_planned=3)
        at = began + timedelta(seconds=40)
        results = [("chair-stand-30s", None, 10 + 2 * n, "stands"),
                   ("single-leg-stance", "right", 12.5 + 6 * n, "s"),
                   ("single-leg-stance", "left", 15.0 + 5.5 * n, "s")]  # fmt: skip
        for ex_id, side, result, unit in results:
            ex = check.exercise(ex_id)
            held = result if unit == "s" else ex.hold_s
            end = at + timedelta(seconds=held or 30)
            store.add_set(sid, StoredSet(
                ex_id, ex.name, 1, at, end, side=side, planned_hold_s=ex.hold_s,
                actual_hold_s=held, completed=True, pain=2 if n < 2 else 1,
                result=float(result), result_unit=unit,
            ))  # fmt: skip
            at = end + timedelta(seconds=60)
        store.finish_session(sid, "completed", at)
        done += 1
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--days", type=int, default=91)
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--tab", type=int, default=0)
    parser.add_argument("--exercise", default="monster-walk")
    parser.add_argument("--language", default="", help="en or es (default: the system's)")
    parser.add_argument("--size", default="1280x800", help="the window's size, WxH")
    parser.add_argument("--text-size", type=int, default=100, help="per cent: 100, 125, 150")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from hiptimer import i18n

    # Before the catalog is read: the built-ins' names load in the language in use.
    i18n.use(i18n.choose_language(args.language))
    db = args.out / "history.sqlite3"
    catalog = load_catalog()
    routine = catalog.find(ROUTINE_ID)
    fresh = not db.exists()
    store = open_history(db)
    if fresh:
        print(f"{fill_demo(store, routine, args.days)} sessions recorded")
        print(f"{fill_checks(store, catalog.find('monthly-check'), args.days)} monthly checks")
    from hiptimer.ui.history.report_pdf import write_report

    if not args.window:
        pages = write_report(store, args.out / "report.pdf", catalog=catalog)
        print(f"report.pdf: {pages} pages")
        return 0
    from PySide6.QtWidgets import QApplication

    from hiptimer.ui import theme
    from hiptimer.ui.app_setup import setup_application
    from hiptimer.ui.history.window import HistoryWindow
    from hiptimer.ui.language import apply_language

    app = QApplication(sys.argv[:1])
    setup_application(app)
    # As the app does: Qt's own words and the dates in the language, and the text size asked.
    apply_language(app, args.language)
    theme.apply(app, "system", args.text_size)
    window = HistoryWindow(store, catalog)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.tabs.setCurrentIndex(args.tab)
    if args.tab == 1:
        window.show_pain().choose(args.exercise)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())

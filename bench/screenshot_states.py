"""The states the README's screenshots show, made for retaking them under Xvfb (bench/README.md)."""

# Not a benchmark: each command writes a data folder's history, grabs a window offscreen, or
# starts the app so a screenshot can be taken (bench/README.md, "Retaking the screenshots"):
#
#     uv run python bench/screenshot_states.py yesterday DIR   # checkin.png
#     uv run python bench/screenshot_states.py today DIR       # tray-menu.png
#     uv run python bench/screenshot_states.py week DIR --tz Pacific/Honolulu  # library-plan.png
#     QT_QPA_PLATFORM=offscreen uv run python bench/screenshot_states.py plan-dialog OUT.png
#     HIPTIMER_HOME=DIR uv run python bench/screenshot_states.py tray-menu  # under Xvfb

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog

# The week library-plan.png shows: (routine, days after the week's Monday, hour, minute).
WEEK = (
    ("hip-strengthening", 0, 7, 35),
    ("daily-hip-stretches", 0, 21, 30),
    ("daily-hip-stretches", 1, 21, 35),
    ("daily-hip-stretches", 2, 21, 40),
    ("daily-hip-stretches", 4, 21, 32),
)


def record(store: HistoryStore, routine_id: str, began: datetime, *, morning: bool) -> None:
    """One whole session of a built-in routine, every set rated 2; with `morning`, the next
    morning's check-in too (so the app does not ask for it)."""
    routine = load_catalog().find(routine_id)
    planned = sum(ex.sets * (2 if ex.has_sides else 1) for ex in routine.active_exercises)
    sid = store.begin_session(routine.id, routine.title, routine.revision, {}, began,
                              sets_planned=planned)  # fmt: skip
    at = began
    for ex in routine.active_exercises:
        for number in range(1, ex.sets + 1):
            for side in ("right", "left") if ex.has_sides else (None,):
                end = at + timedelta(seconds=40)
                store.add_set(sid, StoredSet(
                    ex.id, ex.name, number, at, end, side=side, planned_hold_s=ex.hold_s,
                    actual_hold_s=ex.hold_s, planned_reps=ex.reps, actual_reps=ex.reps,
                    completed=True, pain=2,
                ))  # fmt: skip
                at = end + timedelta(seconds=20)
    store.finish_session(sid, "completed", at)
    if morning:
        store.record_morning(sid, 2, 3, began.replace(hour=7, minute=0) + timedelta(days=1))


def write_history(kind: str, folder: Path, now: datetime) -> None:
    """The sessions of `kind` ("yesterday", "today" or "week") as of `now`, in its zone."""
    folder.mkdir(parents=True, exist_ok=True)
    store = open_history(folder / "history.sqlite3")
    zone = now.tzinfo
    if kind == "yesterday":  # no check-in yet: the app asks this morning
        began = now.replace(hour=19, minute=0, second=0, microsecond=0) - timedelta(days=1)
        record(store, "daily-hip-stretches", began, morning=False)
    elif kind == "today":
        began = now.replace(hour=7, minute=35, second=0, microsecond=0)
        record(store, "hip-strengthening", began, morning=False)
    else:
        monday = date.fromordinal(now.date().toordinal() - now.weekday())
        for routine_id, day, hour, minute in WEEK:
            when = datetime.combine(monday + timedelta(days=day), datetime.min.time(), zone)
            record(store, routine_id, when.replace(hour=hour, minute=minute), morning=True)


def grab_plan_dialog(out: Path) -> None:
    """The weekly plan dialog as a desktop with notifications, a tray and an idle monitor
    shows it (Xvfb has none of them, and the dialog says so), grabbed offscreen."""
    from PySide6.QtWidgets import QApplication

    from hiptimer.core.plan.model import DeskBreaks, PlanItem, WeeklyPlan
    from hiptimer.ui import theme
    from hiptimer.ui.app_setup import setup_application
    from hiptimer.ui.reminders.plan_dialog import PlanDialog

    app = QApplication(sys.argv[:1])
    setup_application(app)
    theme.apply(app, "system", 100)
    items = (PlanItem("daily-hip-stretches"), PlanItem("hip-strengthening", (0, 2, 4), "07:30"))
    routines = [e.routine for e in load_catalog().entries() if e.routine is not None]
    dialog = PlanDialog(WeeklyPlan(True, items, DeskBreaks(True, 45)), routines,
                        keep_in_tray=True, start_at_login=False,
                        idle_source="org.gnome.Mutter.IdleMonitor")  # fmt: skip
    dialog.show()
    dialog.resize(860, 976)
    app.processEvents()
    dialog.grab().save(str(out))


def tray_menu() -> int:
    """The app as if the desktop had a tray: 9 s after it starts, its tray menu pops up at
    the screen's top left (xwininfo -root -children gives the menu's size for the crop)."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

    from hiptimer.cli.main import main

    def pop() -> None:
        for widget in QApplication.allWidgets():
            if isinstance(widget, QMenu) and any(
                a.text() == "Show &HipTimer" for a in widget.actions()
            ):
                widget.popup(QPoint(0, 0))

    run = QApplication.exec

    def run_and_pop() -> int:
        QTimer.singleShot(9000, pop)
        return run()

    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)  # type: ignore[method-assign]
    QApplication.exec = staticmethod(run_and_pop)  # type: ignore[method-assign,assignment]
    sys.argv = ["hiptimer"]
    return main()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["yesterday", "today", "week", "plan-dialog", "tray-menu"])
    parser.add_argument("path", nargs="?", type=Path, help="the data folder, or the PNG to write")
    parser.add_argument("--tz", default="", help="the time zone for the sessions' times")
    args = parser.parse_args()
    if args.what == "tray-menu":
        return tray_menu()
    if args.path is None:
        parser.error(f"{args.what} needs a path")
    if args.what == "plan-dialog":
        grab_plan_dialog(args.path)
        return 0
    zone = ZoneInfo(args.tz) if args.tz else datetime.now().astimezone().tzinfo
    assert zone is not None
    write_history(args.what, args.path, datetime.now(zone))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

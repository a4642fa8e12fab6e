"""History at scale: ten years of daily sessions, timed from opening the store to exporting."""

# Fills a fresh database in a temporary folder with one session a day for ten years
# (3,650 sessions, 204,400 sets, every set rated), then times opening the store, opening
# the history window, drawing one chart, exporting CSV and PDF, and one durable set commit.
#
#     uv run python bench/history_scale.py [--years N] [--keep DIR] [--profile STEP]

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import math
import os
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import longest_gap, no_tick_text
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.export import export_csv
from hiptimer.core.history.queries import StoredSet, to_db_time
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.model import Kind, Routine
from hiptimer.ui.app_setup import setup_application
from hiptimer.ui.history.report_pdf import write_report
from hiptimer.ui.history.window import TAB_PAIN, HistoryWindow

Rows = list[tuple[str, float, float, str]]  # step, median ms, p95 (or worst) ms, target

ROUTINE_ID = "fai-mobility-control"
COMMITS = 200
TARGETS_MS = {"window": 200.0, "chart": 200.0, "csv": 1000.0, "commit": 10.0}
STALL_LOOP_S = 5.0  # how long window_stall runs the event loop, at most


def fill(path: Path, routine: Routine, days: int, seed: int = 7) -> tuple[int, int]:
    """One session a day ending today, in one transaction with executemany.

    Every exercise gets 4 sets (a side), each rated: pain drifts down
    over the years with noise, doses step up now and then. Returns (sessions, sets).
    """
    rng = random.Random(seed)
    open_history(path).close()  # creates the schema; the rows go in on a plain connection
    conn = sqlite3.connect(path)
    sessions: list[tuple[object, ...]] = []
    sets: list[tuple[object, ...]] = []
    start = datetime.now(timezone.utc).replace(hour=7, minute=30, second=0, microsecond=0)
    start -= timedelta(days=days - 1)
    set_id = 0
    for day in range(days):
        began = start + timedelta(days=day, minutes=rng.randint(-60, 600))
        sid = day + 1
        progress = day / max(days - 1, 1)
        at = began
        seq = 0
        for ex in routine.active_exercises:
            sides = ("right", "left") if ex.has_sides else (None,)
            for number in range(1, 5):
                for side in sides:
                    seq += 1
                    set_id += 1
                    hold = (
                        None if ex.kind is Kind.REPS else (ex.hold_s or 30) + 5 * int(4 * progress)
                    )
                    reps = None if ex.kind is Kind.HOLD else (ex.reps or 8) + 2 * int(3 * progress)
                    length = hold if hold is not None else 3 * (reps or 8)
                    pain = max(0, min(10, round(rng.gauss(4 - 3 * progress, 1.3))))
                    ended = at + timedelta(seconds=length)
                    done = rng.random() > 0.02
                    sets.append(
                        (set_id, sid, seq, ex.id, ex.name, side, number, hold,
                         hold if done else None, reps, reps if done else None, int(done), 0,
                         pain, "lower" if pain > 5 else None, None,
                         to_db_time(at), to_db_time(ended))
                    )  # fmt: skip
                    at = ended + timedelta(seconds=20)
        note = rng.choice(["", "", "", "", "Felt stiff in the morning.", "Good session."])
        sessions.append(
            (sid, routine.id, routine.title, routine.revision, json.dumps({}), seq,
             to_db_time(began), to_db_time(at), "completed", note)
        )  # fmt: skip
    with conn:
        conn.executemany("INSERT INTO sessions (id, routine_id, routine_title, routine_revision,"
                         " doses_json, sets_planned, started_at, ended_at, end_reason, note)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions)  # fmt: skip
        conn.executemany("INSERT INTO sets (id, session_id, seq, exercise_id, exercise_name, side,"
                         " set_number, planned_hold_s, actual_hold_s, planned_reps, actual_reps,"
                         " completed, skipped, pain, pain_choice, adjustment, started_at,"
                         " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                         " ?)", sets)  # fmt: skip
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return len(sessions), len(sets)


# ---------------------------------------------------------------- timing


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    action()
    return ms(time.perf_counter() - start)


def profile(label: str, action: Callable[[], object], lines: int = 18) -> None:
    """Run once under cProfile and print where the time went (--profile LABEL)."""
    prof = cProfile.Profile()
    prof.runcall(action)
    print(f"\n--- cProfile: {label} ---")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(lines)


def quick_check_ms(path: Path) -> float:
    conn = sqlite3.connect(path)
    try:
        return timed(lambda: conn.execute("PRAGMA quick_check").fetchall())
    finally:
        conn.close()


def open_window(app: QApplication, store: HistoryStore, catalog: Catalog) -> HistoryWindow:
    """Construct, show and paint the history window (on its default, the last 3 months)."""
    window = HistoryWindow(store, catalog)
    window.show()
    app.processEvents()
    window.repaint()
    return window


def window_stall(app: QApplication, folder: Path, *, wait: bool) -> tuple[float, float, int]:
    """The main window on this data folder, its services opened as in the first idle moment
    (`wait` False, as the app does: the history opens on its own thread; True: all on the
    GUI thread, as before 2026-12-05). Returns the longest gap between the ticks of a 5 ms
    timer (from the start, up to the end of the loop: on a loaded host opening the services
    outlasted the loop and the timer never ticked), the time until the services were ready
    (the check-in and the resume offer built; NaN: not within the loop), both in ms, and
    how many ticks were recorded."""
    from PySide6.QtCore import QTimer

    from hiptimer import paths
    from hiptimer.core.settings import SettingsStore
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.services.ports import later_services

    paths.set_data_dir(folder)
    settings = SettingsStore()
    settings.update(first_run_done=True, muted=True)
    services = later_services(muted=True, voice="", rate=160, volume=1.0)
    window = MainWindow(settings, services, show_first=True)
    window.show()
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    start = time.perf_counter()
    QTimer.singleShot(0, lambda: window.open_services(wait=wait))
    ready = math.nan
    while time.perf_counter() - start < STALL_LOOP_S:
        app.processEvents()
        if window.guidance is not None and math.isnan(ready):
            ready = ms(time.perf_counter() - start)
        if not math.isnan(ready) and time.perf_counter() - start > ready / 1000 + 0.3:
            break
        time.sleep(0.001)
    end = time.perf_counter()
    timer.stop()
    window.close()
    services.shutdown()
    app.processEvents()
    return ms(longest_gap(start, ticks, end)), ready, len(ticks)


def stall_during(
    app: QApplication, start_it: Callable[[], None], done: Callable[[], bool]
) -> float:
    """The longest gap (ms) between the ticks of a 5 ms timer from `start_it` (run from the
    event loop, as a click is) until `done()`: how long the window could not repaint."""
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    begun: list[float] = []

    def begin() -> None:
        begun.append(time.perf_counter())
        start_it()

    QTimer.singleShot(0, begin)
    while not begun or not done():
        app.processEvents()
        time.sleep(0.001)
    end = time.perf_counter()
    timer.stop()
    return ms(longest_gap(begun[0], [t for t in ticks if t > begun[0]], end))


def export_stalls(
    rows: Rows, app: QApplication, window: HistoryWindow, out: Path, catalog: Catalog
) -> None:
    """The window's longest stall while it exports everything it shows, as CSV and as the
    report: written on the GUI thread as before 2026-12-06 (the writer called from the event
    loop), and as the window's buttons write now, on a thread of their own."""
    from hiptimer.ui.widgets import file_dialog

    for kind, label in (("csv", "CSV export"), ("pdf", "PDF report")):
        path = out / f"stall.{kind}"
        file_dialog.get_save_file_name = lambda *a, _p=path, **k: (str(_p), "")  # type: ignore[assignment]
        before = stall_during(app, *on_gui_thread(window, kind, path, catalog))
        button = window.csv_button if kind == "csv" else window.pdf_button
        after = stall_during(app, button.click, lambda: window.exports.running is None)
        assert window.status.text().startswith("Saved"), window.status.text()
        rows.append(
            (f"{label}, All: longest stall, on the GUI thread (before)", before, math.nan, "")
        )
        rows.append((f"{label}, All: longest stall, on its own thread", after, math.nan, ""))


def on_gui_thread(
    window: HistoryWindow, kind: str, path: Path, catalog: Catalog
) -> tuple[Callable[[], None], Callable[[], bool]]:
    """The export as the window wrote it before 2026-12-06, and when it has finished."""
    f, store, done = window.filters, window.store, []

    def write() -> None:
        if kind == "csv":
            export_csv(store, path, f.since, f.until, f.routine_id)
        else:
            write_report(store, path, f.since, f.until, f.routine_id, catalog)
        done.append(True)

    return write, lambda: bool(done)


def note(rows: Rows, step: str, samples: list[float], target: str = "") -> None:
    if not samples:  # "-" in the table, not a traceback that loses the steps after it
        rows.append((step, math.nan, math.nan, target))
        return
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)
    rows.append((step, statistics.median(samples), p95, target))


def chart_steps(
    rows: Rows, app: QApplication, window: HistoryWindow, label: str, profiled: bool
) -> None:
    """The pain tab shown first (QtCharts loads), then each exercise and side chosen."""

    def show_tab() -> None:
        window.tabs.setCurrentIndex(TAB_PAIN)
        app.processEvents()
        window.repaint()

    rows.append((f"pain + dose tab first shown: {label}", timed(show_tab), math.nan, "<= 200"))
    pane = window.show_pain()
    ids = [pane.exercise.itemData(i).id for i in range(pane.exercise.count())]
    choices = [(ids[i % len(ids)], ("right", None)[i % 2]) for i in range(12)]

    def choose(ex_id: str, side: str | None) -> None:
        pane.choose(ex_id, side)
        window.repaint()

    samples = [timed(lambda c=c: choose(*c)) for c in choices]  # type: ignore[misc]
    note(rows, f"choose an exercise, redraw: {label}", samples, "<= 200")
    if profiled:
        profile(f"chart, {label}", lambda: choose(ids[0], "left"))


def one_set(n: int) -> StoredSet:
    now = datetime.now(timezone.utc)
    return StoredSet("bridge", "Bridge", n, now, now + timedelta(seconds=30), planned_reps=10,
                     actual_reps=10, pain=2)  # fmt: skip


def commit_times(store: HistoryStore, routine: Routine, count: int = COMMITS) -> list[float]:
    """`count` durable set commits (WAL, synchronous=FULL) as during a session, each timed.
    Their session is removed afterwards: left unfinished in a kept folder (--keep), the app
    offered to resume it, and each run added another."""
    sid = store.begin_session(routine.id, routine.title, 1, {}, datetime.now(timezone.utc))
    try:
        return [timed(lambda n=n: store.add_set(sid, one_set(n))) for n in range(count)]  # type: ignore[misc]
    finally:
        with contextlib.closing(sqlite3.connect(store.path)) as conn, conn:
            conn.execute("DELETE FROM sets WHERE session_id = ?", (sid,))
            conn.execute("DELETE FROM sessions WHERE id = ?", (sid,))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--keep", type=Path, help="fill (or reuse) the database in this folder")
    parser.add_argument(
        "--profile",
        choices=("open", "window", "all", "chart", "csv", "pdf"),
        action="append",
        default=[],
        help="also run this step once under cProfile (repeatable)",
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hiptimer-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.sqlite3"
    catalog = load_catalog()
    routine = catalog.find(ROUTINE_ID)
    if not path.exists():
        started = time.perf_counter()
        n_sessions, n_sets = fill(path, routine, round(args.years * 365))
        how = (
            "filled with executemany in one transaction on a plain sqlite3 connection"
            f" (schema made by open_history) in {time.perf_counter() - started:.1f} s"
        )
    else:
        n_sessions = n_sets = -1
        how = f"reused {path}"
    rows: Rows = []

    # The store: opening it runs PRAGMA quick_check, timed on its own too.
    opens = [timed(lambda: open_history(path).close()) for _ in range(5)]
    note(rows, "open store (open_history, incl. quick_check)", opens)
    note(rows, "  of which PRAGMA quick_check", [quick_check_ms(path) for _ in range(5)])
    if "open" in args.profile:
        profile("open", lambda: open_history(path).close())
    store = open_history(path)
    if n_sessions < 0:
        n_sessions = len(store.list_sessions())
    note(rows, "list_sessions(), all", [timed(store.list_sessions) for _ in range(5)])

    # The window: the first one pays for styles and fonts.
    app = QApplication(sys.argv[:1])
    setup_application(app)
    samples = []
    for _ in range(6):
        start = time.perf_counter()
        window = open_window(app, store, catalog)
        samples.append(ms(time.perf_counter() - start))
        window.close()
        window.deleteLater()
        app.processEvents()
    rows.append(("window shown, last 3 months (first window)", samples[0], math.nan, ""))
    store.close()  # the main window opens it as the app does
    for wait in (True, False):
        stall, ready, ticks = window_stall(app, folder, wait=wait)
        where = "all on the GUI thread" if wait else "history on its own thread"
        stalled = no_tick_text(ticks, stall / 1000)
        late = f" (not within {STALL_LOOP_S:g} s)" if math.isnan(ready) else ""
        step = f"main window, services opened, {where}"
        rows.append((f"{step}: longest stall{stalled}", stall, math.nan, ""))
        rows.append((f"{step}: ready after{late}", ready, math.nan, ""))
    store = open_history(path)
    note(rows, "window shown, last 3 months (the default)", samples[1:], "<= 200")
    if "window" in args.profile:
        profile("window", lambda: open_window(app, store, catalog).close())
    window = open_window(app, store, catalog)

    def click(days: int | None) -> None:
        window.apply_preset(days)
        window.repaint()

    all_clicks = []
    for _ in range(5):
        all_clicks.append(timed(lambda: click(None)))
        click(91)
    note(rows, "'All' clicked: all sessions listed", all_clicks, "<= 200")
    if "all" in args.profile:
        profile("all", lambda: click(None))
    click(91)
    chart_steps(rows, app, window, "3 months", False)
    window.close()
    window = open_window(app, store, catalog)
    click(None)
    chart_steps(rows, app, window, f"All, {args.years:g} years", "chart" in args.profile)
    out = folder / "export"
    out.mkdir(exist_ok=True)
    export_stalls(rows, app, window, out, catalog)
    window.close()

    # Exports.
    count = store.export_csv(out / "all.csv")
    csv_all = [timed(lambda: store.export_csv(out / "all.csv")) for _ in range(3)]
    note(rows, f"CSV export, everything ({count} rows)", csv_all, "<= 1000")
    since = datetime.now().astimezone().date() - timedelta(days=90)
    recent = [timed(lambda: store.export_csv(out / "recent.csv", since)) for _ in range(3)]
    note(rows, "CSV export, last 3 months", recent)
    until = since + timedelta(days=30)
    month = [timed(lambda: export_csv(store, out / "m.csv", since, until)) for _ in range(3)]
    note(rows, "CSV export, one month (with an end: filtered)", month)
    if "csv" in args.profile:
        profile("csv", lambda: store.export_csv(out / "all.csv"))
    pages = write_report(store, out / "all.pdf", catalog=catalog)
    pdf_all = [
        timed(lambda: write_report(store, out / "all.pdf", catalog=catalog)) for _ in range(3)
    ]
    note(rows, f"PDF report, everything ({pages} pages)", pdf_all)
    pdf_recent = [
        timed(lambda: write_report(store, out / "recent.pdf", since, catalog=catalog))
        for _ in range(3)
    ]
    note(rows, "PDF report, last 3 months", pdf_recent)
    if "pdf" in args.profile:
        profile("pdf", lambda: write_report(store, out / "all.pdf", catalog=catalog))

    commits = commit_times(store, routine)
    note(rows, f"one set commit, store.add_set ({COMMITS}x)", commits, "<= 10 median")
    store.close()
    report(rows, n_sessions, n_sets, args.years, how, path)
    if args.keep is None:
        shutil.rmtree(folder)  # 50 MB of made-up history; --keep DIR keeps it
    return 0


def report(rows: Rows, sessions: int, sets: int, years: float, how: str, path: Path) -> None:
    """The table and the one-line summary."""
    print(f"History at scale: {sessions} sessions, {sets if sets >= 0 else '?'} sets over"
          f" {years:g} years; {how}.")  # fmt: skip
    print(f"Database {path} ({path.stat().st_size / 1e6:.0f} MB)\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'step'.ljust(width)}  {'median ms':>10}  {'p95/max ms':>10}  target ms")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 10}  ---------")
    for step, median, p95, target in rows:
        mid, tail = ("-" if math.isnan(v) else f"{v:.1f}" for v in (median, p95))
        print(f"{step.ljust(width)}  {mid:>10}  {tail:>10}  {target}")
    by_step = {r[0]: r[1] for r in rows}
    checks = {
        "window": max(by_step["window shown, last 3 months (the default)"],
                      by_step["'All' clicked: all sessions listed"]),
        "chart": max(v for k, v in by_step.items() if k.startswith(("choose", "pain + dose"))),
        "csv": next(v for k, v in by_step.items() if k.startswith("CSV export, everything")),
        "commit": next(v for k, v in by_step.items() if k.startswith("one set commit")),
    }  # fmt: skip
    missed = [k for k, v in checks.items() if v > TARGETS_MS[k]]
    verdict = (
        "all targets met"
        if not missed
        else "MISSED " + ", ".join(f"{k} (target <= {TARGETS_MS[k]:g} ms)" for k in missed)
    )
    print(
        f"\nSUMMARY history: window {checks['window']:.0f} ms, chart {checks['chart']:.0f} ms,"
        f" CSV {checks['csv']:.0f} ms, one set commit {checks['commit']:.1f} ms median; {verdict}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

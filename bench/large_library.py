"""A large routines folder (2,000 files of the user's): the GUI thread's longest stall from the
window's show until the list is filled and the services are ready, and the commands' times."""

# Makes (or reuses, --keep) two HIPTIMER_HOMEs: 2,000 valid routine files (copies of
# hip-strengthening.json), and 1,950 valid with 50 broken ones. For each, the real app
# (`hiptimer`, and `hiptimer --routine <the last id>`) runs offscreen in a process of its own
# with a 10 ms heartbeat QTimer from the window's show until 1.5 s after the services are ready
# with the list filled; every gap over 100 ms is printed with the moments around it. Then
# `hiptimer list` and `hiptimer validate <folder>`, wall and CPU time.
#
#     uv run python bench/large_library.py [--keep DIR] [--files 2000] [--runs 1] [--voice]

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "routines" / "hip-strengthening.json"
BEAT_MS = 10
STALL_MS = 100  # a gap longer than this is listed, and is what the task calls a freeze
SETTLE_S = 1.5  # the heartbeat runs this long after the services are ready and the list filled
GIVE_UP_S = 60.0


def make_home(home: Path, valid: int, broken: int, *, voice: bool) -> None:
    """A data folder of `valid` routine files and `broken` ones (a truncated JSON each)."""
    folder = home / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    source.pop("based_on", None)
    for i in range(valid):
        routine = dict(source, id=f"gen-{i:04d}", title=f"Generated routine {i}")
        (folder / f"gen-{i:04d}.json").write_text(json.dumps(routine), encoding="utf-8")
    for i in range(broken):
        (folder / f"broken-{i:02d}.json").write_text('{"id": "b", "title": ', encoding="utf-8")
    settings = {"first_run_done": True, "muted": not voice}
    (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")


def child(args: list[str]) -> None:
    """In the app's process: the heartbeat and the moments, then `hiptimer ARGS`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from hiptimer.cli.main import main
    from hiptimer.ui import main_window as mw
    from hiptimer.ui.library import page as page_module

    t0 = time.monotonic()
    beats: list[tuple[float, float]] = []  # (monotonic, the GUI thread's CPU time)
    marks: list[tuple[float, str]] = []
    state: dict[str, object] = {}

    def mark(what: str) -> None:
        if not marks:
            beats.append((time.monotonic(), time.thread_time()))  # the heartbeat's start
        marks.append((time.monotonic(), what))
        if {"listed", "ready"} <= {w for _t, w in marks} and "end" not in state:
            state["end"] = True
            QTimer.singleShot(int(SETTLE_S * 1000), report)

    def report() -> None:
        moments = [*beats, (time.monotonic(), time.thread_time())]
        gaps = [(b[0] - a[0], b[1] - a[1], a[0]) for a, b in itertools.pairwise(moments)]
        longest = max(gaps)
        stalls = [
            {
                "ms": round(g * 1000),
                "cpu_ms": round(cpu * 1000),  # of the GUI thread: the rest waited for a core
                "at_s": round(a - marks[0][0], 3),
                "near": near(a, a + g),
            }
            for g, cpu, a in gaps
            if g * 1000 > STALL_MS
        ]
        out = {
            "shown_s": round(marks[0][0] - t0, 3),
            "marks": {w: round(t - marks[0][0], 3) for t, w in marks},
            "longest_ms": round(longest[0] * 1000),
            "longest_cpu_ms": max(round(cpu * 1000) for _g, cpu, _a in gaps),
            "beats": len(beats),
            "stalls": stalls,
            "cpu_s": round(time.process_time(), 2),
        }
        print("RESULT " + json.dumps(out), flush=True)
        os._exit(0)

    def near(begin: float, end: float) -> list[str]:
        return [w for t, w in marks if begin - 0.02 <= t <= end + 0.02]

    real_show = mw.MainWindow.show

    def show(self: mw.MainWindow) -> None:
        real_show(self)
        if "timer" in state:
            return
        mark("shown")
        timer = QTimer(self)
        timer.setInterval(BEAT_MS)
        timer.timeout.connect(lambda: beats.append((time.monotonic(), time.thread_time())))
        timer.start()
        state["timer"] = timer
        QTimer.singleShot(int(GIVE_UP_S * 1000), report)

    real_set = page_module.LibraryPage.set_items

    def set_items(self: page_module.LibraryPage, items: list, **kw: bool) -> None:
        real_set(self, items, **kw)
        if items and "listed" not in state:  # the first list (show_routine lists it again)
            state["listed"] = True
            mark(f"listed ({len(items)} rows)")
            mark("listed")

    real_ready = mw.MainWindow._services_ready

    def services_ready(self: mw.MainWindow) -> None:
        mark("services ready: begin")
        real_ready(self)
        mark("ready")

    mw.MainWindow.show = show  # type: ignore[method-assign, assignment]
    page_module.LibraryPage.set_items = set_items  # type: ignore[method-assign]
    mw.MainWindow._services_ready = services_ready  # type: ignore[method-assign]
    sys.exit(main(args))


def app_env(home: Path, tree: Path | None, pycache: Path) -> dict[str, str]:
    """The app's environment: its data folder, the tree it runs (this one by default) and a
    private bytecode cache, as an installed app has (compiling took seconds of these runs)."""
    env = dict(os.environ, HIPTIMER_HOME=str(home), PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(tree), env.get("PYTHONPATH", "")])
    return env


def run_app(env: dict[str, str], args: list[str]) -> dict:
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, __file__, "--child", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"no result (exit {done.returncode}): {done.stderr[-2000:]}")


def run_command(env: dict[str, str], args: list[str]) -> tuple[float, float, int, str]:
    """`hiptimer ARGS`: wall s, CPU s (its own and children's), exit code, last output line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "hiptimer", *args], env=env, capture_output=True, text=True
    )
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    lines = (done.stdout + done.stderr).strip().splitlines()
    return wall, cpu, done.returncode, lines[-1][:70] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="make the folders here, or reuse them")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--voice", action="store_true", help="not muted: the voice's lead-ins")
    parser.add_argument("--tree", type=Path, help="the HipTimer tree to run (an older one)")
    parser.add_argument("--child", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="hiptimer-large-"))
    homes = {"small": (10, 0), "valid": (args.files, 0), "broken": (args.files - 50, 50)}
    for name, (valid, broken) in homes.items():
        if not (base / name / "routines").is_dir():
            make_home(base / name, valid, broken, voice=args.voice)
    pycache = base / f"pycache-{(args.tree or ROOT).resolve().name}"
    run_app(app_env(base / "valid", args.tree, pycache), [])  # the bytecode cached, not timed
    worst, worst_cpu = 0, 0
    for name in homes:
        home = base / name
        env = app_env(home, args.tree, pycache)
        last = f"gen-{homes[name][0] - 1:04d}"  # the last valid file: read last by the old
        for label, app_args in (("window", []), (f"--routine {last}", ["--routine", last])):
            for _ in range(args.runs):
                out = run_app(env, app_args)
                worst = max(worst, out["longest_ms"])
                worst_cpu = max(worst_cpu, out["longest_cpu_ms"])
                listed = out["marks"].get("listed", float("nan"))
                print(
                    f"{name:6} {label:22} shown {out['shown_s']:.2f} s, listed +{listed:.2f} s, "
                    f"longest stall {out['longest_ms']} ms (GUI thread's CPU in a gap: at most "
                    f"{out['longest_cpu_ms']} ms), {out['beats']} beats, "
                    f"CPU {out['cpu_s']} s"
                )
                for stall in out["stalls"]:
                    print(
                        f"    {stall['ms']} ms ({stall['cpu_ms']} ms CPU) at +{stall['at_s']} s"
                        f" near {stall['near']}"
                    )
        files = sorted(str(f) for f in (home / "routines").iterdir())
        for label, cmd in (("list", ["list"]), ("validate", ["validate", *files])):
            wall, cpu, code, last_line = run_command(env, cmd)
            print(f"{name:6} hiptimer {label:13} {wall:.2f} s wall, {cpu:.2f} s CPU, exit {code}")
            print(f"    last line: {last_line}")
    if args.keep is None:
        shutil.rmtree(base)
    print(
        f"SUMMARY longest GUI stall {worst} ms, the GUI thread's CPU in one gap at most "
        f"{worst_cpu} ms (target <= {STALL_MS} ms)"
    )


if __name__ == "__main__":
    main()

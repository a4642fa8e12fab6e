"""What Orca says during a session: a real screen reader over AT-SPI, in a private desktop.

Under a private Xvfb and a private D-Bus session (dbus-run-session) this starts the AT-SPI
bus, Orca with its debug log, and `python -m hiptimer --routine desk-micro-break --start`
with Qt's accessibility on; it presses keys as a user would (skip the get-ready, rate the
sets, skip an exercise) and prints every line Orca would have spoken (the "SPEECH OUTPUT"
lines of its debug log; no sound card is needed), with the seconds since the app started.

It fails (exit 1) when the reader is flooded: the same kind of line (digits left out)
spoken unasked (not just after a key press) more than 5 times, as the window title's ticking clock once was ("0:57 Hamstring
stretch - HipTimer" every second). Skips, with the reason, where orca, dbus-run-session,
the AT-SPI bus launcher, Xvfb or xdotool is missing (Debian: apt install orca at-spi2-core
dbus xvfb xdotool).

    uv run python bench/screen_reader.py [--routine desk-micro-break] [--library] [--keys ...] [--history FILE]
        [--history history.sqlite3]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from startup import xvfb

ROOT = Path(__file__).resolve().parent.parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SPOKEN = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) - SPEECH OUTPUT: '(.*)'\s*(?:\{.*)?$")
# An utterance with a line break in it (a list row of two lines) goes on over the next lines
# of the log, up to its closing quote; read alone, its first line matched nothing, and the
# row was left out of what Orca was heard to say.
SPOKEN_START = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) - SPEECH OUTPUT: '(.*)$")
SPOKEN_END = re.compile(r"^\s*(.*)'\s*(?:\{.*)?$")
FLOOD = 5  # the same line (digits aside) spoken unasked more often than this is a flood
PROMPTED_S = 1.5  # what Orca says this soon after a key press, it says because of the key
# (seconds after the app started, key): a session as a user would go through it.
KEYS: list[tuple[float, str]] = [(8, "Right"), (12, "Right"), (15, "2"), (20, "s"), (26, "Right"), (30, "Right"),
        (33, "3"), (38, "space"), (42, "space")]  # fmt: skip
RUN_S = 48


def missing() -> str | None:
    for tool in ("orca", "dbus-run-session", "Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is missing"
    if not BUS_LAUNCHER.is_file():
        return f"{BUS_LAUNCHER} is missing (at-spi2-core)"
    return None


def parse_keys(spec: str | None) -> list[tuple[float, str]]:
    """ "8:Right,15:2" -> [(8.0, "Right"), (15.0, "2")]; None -> the default session."""
    if not spec:
        return KEYS
    pairs = (item.split(":", 1) for item in spec.split(","))
    return sorted((float(at), key) for at, key in pairs)


def inner(orca_log: Path, home: Path, app_args: list[str], keys: list[tuple[float, str]]) -> int:
    """Inside dbus-run-session: the AT-SPI bus, Orca, the app, the keys."""
    env = {**os.environ, "QT_ACCESSIBILITY": "1", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    bus = subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], env=env, **quiet)
    time.sleep(1)
    orca = subprocess.Popen(["orca", "--replace", f"--debug-file={orca_log}"], env=env, **quiet)
    deadline = time.monotonic() + 20
    while "Screen reader on" not in _read(orca_log) and time.monotonic() < deadline:
        time.sleep(0.2)
    app_env = {**env, "HIPTIMER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    app = subprocess.Popen([sys.executable, "-m", "hiptimer", *app_args], env=app_env, **quiet)
    print(f"APP STARTED {time.time():.3f}", flush=True)
    try:
        for at, key in keys:
            time.sleep(max(0.0, started + at - time.monotonic()))
            subprocess.run(["xdotool", "key", key], env=env, check=False)
        time.sleep(max(0.0, started + run_length(keys) - time.monotonic()))
    finally:
        for proc in (app, orca, bus):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


def run_length(keys: list[tuple[float, str]]) -> float:
    return max(RUN_S, keys[-1][0] + 6) if keys else RUN_S


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def spoken(orca_log: Path, app_started: float) -> list[tuple[float, str]]:
    """(seconds after the app started, words) for each line Orca spoke, its own start aside."""
    day = time.strftime("%Y-%m-%d", time.localtime(app_started))
    lines = []
    for (h, m, s), words in utterances(_read(orca_log)):
        at = time.mktime(time.strptime(f"{day} {h}:{m}:00", "%Y-%m-%d %H:%M:%S")) + float(s)
        if at >= app_started - 0.5:
            lines.append((at - app_started, words))
    return lines


def utterances(log: str) -> list[tuple[tuple[str, str, str], str]]:
    """((hours, minutes, seconds), words) for each SPEECH OUTPUT of an Orca debug log; the
    lines of one utterance joined by a space, as Orca pauses there."""
    found: list[tuple[tuple[str, str, str], str]] = []
    rows = iter(log.splitlines())
    for line in rows:
        whole, start = SPOKEN.match(line), SPOKEN_START.match(line)
        if whole:
            found.append(((whole[1], whole[2], whole[3]), whole[4]))
        elif start:
            words = [start.group(4)]
            for more in rows:
                end = SPOKEN_END.match(more)
                words.append((end.group(1) if end else more).strip())
                if end:
                    break
            found.append(((start[1], start[2], start[3]), " ".join(w for w in words if w)))
    return found


def floods(lines: list[tuple[float, str]], keys: list[tuple[float, str]]) -> list[tuple[str, int]]:
    """Kinds of line (digits aside) spoken unasked more than FLOOD times: not within
    PROMPTED_S of a key press (what a key makes the reader say is the user's asking)."""
    presses = [at for at, _ in keys]

    def asked(at: float) -> bool:
        return any(0 <= at - pressed <= PROMPTED_S for pressed in presses)

    said = (words for at, words in lines if not asked(at) and not words.endswith(" "))
    kinds = collections.Counter(re.sub(r"\d+", "#", words) for words in said)
    return [(kind, n) for kind, n in kinds.most_common() if n > FLOOD]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--routine", default="desk-micro-break")
    parser.add_argument("--library", action="store_true", help="start at the library, not --start")
    parser.add_argument("--keys", help='"SECONDS:KEY,..." (xdotool key names) instead of a session')
    parser.add_argument("--history", type=Path, help="a history.sqlite3 to start with (a copy)")
    parser.add_argument("--inner", nargs=2, metavar=("ORCA_LOG", "HOME"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    keys = parse_keys(args.keys)
    app_args = [] if args.library else ["--routine", args.routine, "--start"]
    if args.inner:
        return inner(Path(args.inner[0]), Path(args.inner[1]), app_args, keys)
    why = missing()
    if why:
        print(f"SUMMARY screen reader: skipped, {why}")
        return 0
    with tempfile.TemporaryDirectory(prefix="hiptimer-orca-") as tmp_name, xvfb() as display:
        tmp = Path(tmp_name)
        home, orca_log = tmp / "home", tmp / "orca.log"
        os.environ["HIPTIMER_HOME"] = str(home)
        from hiptimer.core.settings import SettingsStore

        SettingsStore().update(first_run_done=True)
        if args.history:  # the history window with sessions in it, not empty
            shutil.copy(args.history, home / "history.sqlite3")
        env = {**os.environ, "DISPLAY": display, "HOME": str(tmp), "XDG_RUNTIME_DIR": str(tmp)}
        out = subprocess.run(
            ["dbus-run-session", "--", sys.executable, __file__, *(argv or sys.argv[1:]),
             "--inner", str(orca_log), str(home)],
            env=env, capture_output=True, text=True, check=False, timeout=run_length(keys) + 60,
        ).stdout  # fmt: skip
        started = next(
            (
                float(line.split()[-1])
                for line in out.splitlines()
                if line.startswith("APP STARTED")
            ),
            None,
        )
        if started is None:
            print("SUMMARY screen reader: failed, the app did not start under dbus-run-session")
            return 1
        lines = spoken(orca_log, started)
    orca_version = subprocess.run(["orca", "--version"], capture_output=True, text=True).stdout
    start = "the library" if args.library else f"routine {args.routine}"
    print(f"{orca_version.strip()}, {start}, keys {[k for _, k in keys]}")
    for at, words in lines:
        print(f"{at:6.1f} s  {words}")
    flooded = floods(lines, keys)
    for kind, n in flooded:
        print(f"FLOOD: {kind!r} spoken {n} times")
    verdict = "flooded" if flooded else "no flood"
    print(f"SUMMARY screen reader: {len(lines)} lines in {run_length(keys):g} s, {verdict}")
    return 1 if flooded else 0


if __name__ == "__main__":
    sys.exit(main())

"""Audio timing at a real sound server: when each beep and spoken cue reaches it, against the screen.

A private PulseAudio (see soundserver.py) takes the app's sound: speech on the left channel of
the null sink `rec`, beeps on the right. The real app runs a short routine (two exercises, three
holds, rests, pain prompts answered by key) under a private Xvfb, and `parec` records
rec.monitor throughout. `xprop -spy` reports each change of the window title, which shows the
seconds left: that moment is when a second turns on screen.

Reference tones, played through the same remap sinks at moments PulseAudio reports (write time
plus pa_simple_get_latency), before and after the session, tie the recording's samples to the
monotonic clock. The same routine run on a fake clock says which beeps and phrases belong to
which second of which step; each is looked for in its channel from 0.1 s before its moment.
A phrase due while the voice was still speaking waits its turn by design and is not counted.

    uv run python bench/audio_timing.py [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import CpuShare, machine, median, table
from soundserver import RATE, Recorder, ReferencePlayer, missing, onsets, silent, sound_server
from startup import xvfb

ROOT = Path(__file__).resolve().parent.parent
TARGET_SPEECH_MS = 50.0
TARGET_BEEP_MS = 20.0
PAIN_ANSWER_S = 2.5  # the prompt is spoken before the bench "presses" 0
SNAP_S = 0.3  # the title change this close to a computed moment is that moment (they are 1 s apart)
ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "bench-timing",
    "title": "Bench timing",
    "rests": {"get_ready_s": 6, "between_sets_s": 8, "between_sides_s": 6, "after_exercise_s": 8},
    "exercises": [
        {"id": "short-hold", "name": "Short hold", "kind": "hold", "sets": 2, "hold_s": 12,
         "sides": "none"},
        {"id": "long-hold", "name": "Long hold", "kind": "hold", "sets": 1, "hold_s": 30,
         "sides": "none", "cues": ["Stand tall."]},
    ],
}  # fmt: skip
TITLE = re.compile(r"^(?:Paused )?(\d+):(\d\d) (.*) \u2014 HipTimer$")


@dataclass(frozen=True)
class Expected:
    """A sound due at a moment of the simulated session: `step` and `offset` into it."""

    kind: str  # "tick", "end chime", "start tone", or a phrase kind ("announce", "count" ...)
    channel: str  # "voice" or "beeps"
    step: int  # index of the timed step
    offset: float
    text: str = ""


def expected_sounds() -> list[Expected]:
    """Every beep and the first phrase of each moment, from the engine on a fake clock."""
    from hiptimer.core.clock import FakeClock, FakeWall
    from hiptimer.core.routines.loader import routine_from_data
    from hiptimer.core.session.engine import SessionEngine
    from hiptimer.core.session.events import Countdown, Event, PainChoice, StepStarted
    from hiptimer.core.session.steps import StepKind
    from hiptimer.core.voice.cue_script import _SimulatedUser
    from hiptimer.core.voice.cues import CueWriter

    routine = routine_from_data(ROUTINE, "bench-timing.json")
    clock = FakeClock()
    writer = CueWriter()  # the app's default settings; the routine has no setup lines
    engine = SessionEngine(
        routine, clock=clock, wall=FakeWall(clock), lead_in=writer.lead_in_seconds
    )
    found = [Expected("start tone", "beeps", 0, 0.0)]
    starts: list[float] = []
    state = {"counted_down": False, "moment": -1.0}

    def place(kind: str, channel: str, at: float, text: str = "") -> None:
        found.append(Expected(kind, channel, len(starts) - 1, at - starts[-1], text))

    def listen(event: Event) -> None:
        if (  # a timed step begins (the pain question has no time of its own)
            isinstance(event, StepStarted)
            and event.duration_s is not None
            and event.step.kind is not StepKind.PAIN
        ):
            starts.append(event.at)
        if isinstance(event, Countdown) and event.seconds_left in (3, 2, 1):
            place("tick", "beeps", event.at)
        elif isinstance(event, StepStarted) and state["counted_down"]:
            place("end chime", "beeps", event.at)
        if isinstance(event, (Countdown, StepStarted)):
            state["counted_down"] = isinstance(event, Countdown) and event.seconds_left == 1
        for phrase in writer.phrases_for(event):
            if phrase.at != state["moment"] and starts:  # the rest of a moment waits its turn
                state["moment"] = phrase.at
                place(phrase.kind, "voice", phrase.at, phrase.text)

    engine.subscribe(listen)
    user = _SimulatedUser(engine, clock, 0, PainChoice.CONTINUE)
    engine.subscribe(user.on_event)
    engine.start()
    user.run()
    return found


# ---------------------------------------------------------------- the window title


class TitleWatch:
    """`xprop -spy` on the window's _NET_WM_NAME: (monotonic time, title) of every change."""

    def __init__(self, window: str, display: str) -> None:
        self.titles: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        self._proc = subprocess.Popen(
            ["stdbuf", "-oL", "xprop", "-display", display, "-spy", "-id", window,
             "_NET_WM_NAME"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            now = time.monotonic()
            found = re.search(r'= "(.*)"\s*$', line)
            if found:
                title = _unescape(found.group(1))
                with self._changed:
                    self.titles.append((now, title))
                    self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float, after: int = 0) -> int | None:
        """Index of the first title from `after` on that matches, waiting up to timeout."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for i in range(after, len(self.titles)):
                    if re.search(pattern, self.titles[i][1]):
                        return i
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(5)


def _unescape(text: str) -> str:
    """xprop writes non-ASCII bytes as octal escapes (\\342\\200\\224 for an em dash)."""
    raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), text.encode())
    return raw.decode("utf-8", errors="replace").replace('\\"', '"')


def step_starts(titles: list[tuple[float, str]]) -> list[float]:
    """When each timed step began on screen: its seconds jump up, or follow an untimed title."""
    starts: list[float] = []
    previous: tuple[int, str] | None = None
    for at, title in titles:
        found = TITLE.match(title)
        if not found:
            previous = None
            continue
        left, name = int(found.group(1)) * 60 + int(found.group(2)), found.group(3)
        if previous is None or left > previous[0] or name != previous[1]:
            starts.append(at)
        previous = (left, name)
    return starts


# ---------------------------------------------------------------- one run


@dataclass
class Measured:
    kind: str
    text: str
    error_ms: float | None  # None: not heard in its window
    queued: bool = False  # due while the voice still spoke: waits its turn by design


def run_once(display: str, env: dict[str, str], home: Path, log: Path) -> list[Measured]:
    """One session of the bench routine in the real app, recorded; every expected sound found."""
    tmp = home.parent
    voice_ref = ReferencePlayer("voice", env)
    beep_ref = ReferencePlayer("beeps", env)
    recorder = Recorder(tmp / "rec.raw", env)
    app_env = {**env, "DISPLAY": display, "HIPTIMER_HOME": str(home), "PULSE_SINK": "voice",
               "PYTHONPATH": str(ROOT)}  # fmt: skip
    app_env.pop("QT_QPA_PLATFORM", None)
    with log.open("ab") as err:
        app = subprocess.Popen(
            [sys.executable, "-m", "hiptimer", "--routine", "bench-timing"],
            env=app_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
    titles: TitleWatch | None = None
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "HipTimer"],
            env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        window = found.stdout.split()[0]
        titles = TitleWatch(window, display)
        time.sleep(2.0)  # the window settles; the recording runs
        refs = {"voice": [voice_ref.tone()], "beeps": [beep_ref.tone()]}
        time.sleep(0.5)
        key(display, "Return")
        done = _answer_pain_until_done(titles, display)
        time.sleep(5.0)  # the summary is spoken
        refs["voice"].append(voice_ref.tone())
        refs["beeps"].append(beep_ref.tone())
        time.sleep(0.5)
        if not done:
            print("  the session did not end in time", file=sys.stderr)
    finally:
        left, right = recorder.stop()
        voice_ref.close()
        beep_ref.close()
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        if titles is not None:
            titles.close()
    return analyse(titles.titles, {"voice": left, "beeps": right}, refs)


def key(display: str, name: str) -> None:
    subprocess.run(["xdotool", "key", name], env={**os.environ, "DISPLAY": display}, check=False)


def _answer_pain_until_done(titles: TitleWatch, display: str) -> bool:
    """Rate every pain prompt 0 after PAIN_ANSWER_S; True once the session is complete."""
    seen = 0
    while True:
        index = titles.wait_for(r"^Rate pain:|^Session complete", 180, after=seen)
        if index is None:
            return False
        if titles.titles[index][1].startswith("Session complete"):
            return True
        time.sleep(PAIN_ANSWER_S)
        key(display, "0")
        seen = index + 1


def analyse(
    titles: list[tuple[float, str]],
    channels: dict[str, array[int]],
    refs: dict[str, list[float]],
) -> list[Measured]:
    """Each expected sound's onset in its channel, against its moment on screen."""
    starts = step_starts(titles)
    changes = [at for at, _ in titles]
    results: list[Measured] = []
    maps = {name: _calibrate(channels[name], refs[name]) for name in channels}
    heard = {name: onsets(samples) for name, samples in channels.items()}
    for want in expected_sounds():
        if want.kind == "summary" or want.step >= len(starts):
            continue  # the summary follows the last rating, not a second on screen
        moment = starts[want.step] + want.offset
        near = min(changes, key=lambda t: abs(t - moment))
        if abs(near - moment) <= SNAP_S:
            moment = near
        samples, (origin, per_sample) = channels[want.channel], maps[want.channel]

        def index(t: float, origin: float = origin, per_sample: float = per_sample) -> int:
            return round((t - origin) / per_sample)

        if want.channel == "voice" and not silent(
            samples, index(moment - 0.25), index(moment - 0.02)
        ):
            results.append(Measured(want.kind, want.text, None, queued=True))
            continue
        lo, hi = index(moment - 0.1), index(moment + (0.6 if want.channel == "voice" else 0.4))
        onset = next((i for i in heard[want.channel] if lo <= i <= hi), None)
        error = None if onset is None else (origin + onset * per_sample - moment) * 1000
        results.append(Measured(want.kind, want.text, error))
    return results


def _calibrate(samples: array[int], refs: list[float]) -> tuple[float, float]:
    """(monotonic time of sample 0, seconds per sample) from the first and last reference tone."""
    found = onsets(samples)
    if not found or not refs:  # a silent channel: nothing in it is heard, every sound "not heard"
        return (refs[0] if refs else 0.0), 1 / RATE
    first, last = found[0], found[-1]
    per_sample = (refs[-1] - refs[0]) / (last - first) if last > first else 1 / RATE
    return refs[0] - first * per_sample, per_sample


# ---------------------------------------------------------------- report


def report(results: list[Measured]) -> tuple[str, bool]:
    """The table per kind of sound, and whether both targets were met."""
    kinds = ["tick", "end chime", "start tone", "announce", "count", "cue"]
    rows = []
    met = True
    for kind in kinds:
        errors = [r.error_ms for r in results if r.kind == kind and r.error_ms is not None]
        missed = sum(1 for r in results if r.kind == kind and r.error_ms is None and not r.queued)
        queued = sum(1 for r in results if r.kind == kind and r.queued)
        worst = max(errors, key=abs, default=float("nan"))
        target = TARGET_BEEP_MS if kind == "tick" else TARGET_SPEECH_MS
        if kind in ("tick", "announce", "count", "cue"):
            met &= bool(errors) and abs(worst) <= target and not missed
        rows.append([kind, len(errors), median(errors), worst, missed, queued,
                     f"<= {target:g}" if kind != "end chime" and kind != "start tone" else ""])  # fmt: skip
    headers = ["sound", "n", "median ms", "worst ms", "not heard", "queued", "target"]
    return table(headers, rows), met


def prepare_home(home: Path) -> None:
    """A returning user's data folder holding the bench routine."""
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "bench-timing.json").write_text(json.dumps(ROUTINE, indent=2))
    os.environ["HIPTIMER_HOME"] = str(home)
    from hiptimer.core.settings import SettingsStore

    SettingsStore().update(first_run_done=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="sessions, one after another")
    parser.add_argument("--detail", action="store_true", help="every sound's error")
    args = parser.parse_args(argv)
    why = missing() or next(
        (f"{tool} is missing" for tool in ("Xvfb", "xdotool", "xprop", "stdbuf", "espeak-ng")
         if not shutil.which(tool)), None,
    )  # fmt: skip
    if why:
        print(f"SUMMARY audio timing: skipped, {why}")
        return 0
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f}")
    everything: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="hiptimer-audio-") as tmp_name:
        tmp = Path(tmp_name)
        home = tmp / "home"
        prepare_home(home)
        log = tmp / "app.log"
        with sound_server(tmp) as env, xvfb() as display:
            player = subprocess.run(
                [sys.executable, "-c", "from hiptimer.audio import tts; print(tts.find_player())"],
                env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=False,
            ).stdout.strip()  # fmt: skip
            print(f"private PulseAudio, Xvfb {display}; speech player {player}")
            for run in range(args.runs):
                share = CpuShare()
                share.start()
                results = run_once(display, env, home, log)
                share.stop()
                text, _ = report(results)
                cache = "cold phrase cache" if run == 0 else "phrases cached by the run before"
                print(f"\nrun {run + 1} ({cache}); {share.describe()}")
                print(text)
                if args.detail:
                    for r in results:
                        error = (
                            "queued"
                            if r.queued
                            else f"{r.error_ms:.1f}"
                            if r.error_ms is not None
                            else "-"
                        )
                        print(f"  {r.kind:10} {error:>7}  {r.text}")
                everything += results
        late = [r for r in everything if r.error_ms is not None and abs(r.error_ms) > 20]
        if late:
            print("\nlate or early by more than 20 ms:")
            for r in late:
                print(f"  {r.kind:10} {r.error_ms:7.1f} ms  {r.text}")
        tail = log.read_text(errors="replace").strip().splitlines()[-5:]
        if tail:
            print("app stderr (last lines): " + " | ".join(tail))
    text, _ = report(everything)
    print(f"\nall {args.runs} runs")
    print(text)

    def figures(kinds: tuple[str, ...], target: float) -> str:
        errors = [r.error_ms for r in everything if r.kind in kinds and r.error_ms is not None]
        missed = sum(
            1 for r in everything if r.kind in kinds and r.error_ms is None and not r.queued
        )
        worst = max(errors, key=abs, default=float("nan"))
        ok = bool(errors) and abs(worst) <= target and not missed
        lost = f", {missed} not heard" if missed else ""
        return (
            f"median {median(errors):.1f} ms, worst {worst:.1f} ms{lost} (target <= "
            f"{target:g} ms, {'met' if ok else 'MISSED'})"
        )

    print(
        f"SUMMARY audio timing: countdown beeps {figures(('tick',), TARGET_BEEP_MS)}, spoken "
        f"cues {figures(('announce', 'count', 'cue'), TARGET_SPEECH_MS)}, after the second on "
        f"screen; {args.runs} sessions at a private PulseAudio"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

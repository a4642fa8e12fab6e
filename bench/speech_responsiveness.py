"""Speech responsiveness: GUI stalls and cue latency while espeak-ng speaks a whole routine.

Three parts, each in its own process (pyttsx3 keeps one engine per process):

* probe: what pyttsx3 + espeak-ng do here: does runAndWait() block for the utterance, how
  long synthesis to a file takes, and whether the player (aplay) plays in real time.
* session: a real routine on the real clock through the real EngineDriver, SessionEngine,
  SessionController, CueWriter and SpeechService (pyttsx3 on its worker thread), with a
  simulated user rating pain and counting self-paced reps. A 1 ms precise QTimer on the
  GUI thread measures the gaps between its ticks (the loop's stalls); the pyttsx3 engine is
  wrapped so that say()/save_to_file() record when each phrase reaches it on the worker.
  Cue latency is from a StepStarted reaching a subscriber to its first phrase reaching the
  engine.
* burst: the whole routine's phrases handed over at once with a player that returns at
  once, so the worker synthesises back to back: the heaviest speech load on the GUI.

    uv run python bench/speech_responsiveness.py [--quick] [--player auto|aplay|paced]
"""

from __future__ import annotations

import argparse
import atexit
import dataclasses
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import CpuShare, GcWatch, machine, no_tick_text, percentile, table

ROOT = Path(__file__).resolve().parent.parent

TARGET_STALL_MS = 16.0
TARGET_CUE_MS = 50.0
WATCH_MS = 12.0  # a GUI gap this long gets every thread's stack sampled
STALL_NOTE_MS = 5.0  # gaps longer than this are checked against what the worker was doing
SPEECH_WINDOW_S = (-0.005, 0.060)  # around a hand-off: synthesis and starting the player
METER_MS = 1
IDLE_S = 4.0
SELF_PACED_REP_MS = 3000
PAIN_ANSWER_MS = 1500
ROUTINE = "desk-micro-break"

# A stand-in for a sound card: sleeps for the WAV's length, as a player would play it.
PACED_PLAYER = [
    sys.executable,
    "-S",
    "-c",
    "import sys, time, wave\n"
    "w = wave.open(sys.argv[1])\n"
    "time.sleep(w.getnframes() / w.getframerate())\n",
]
INSTANT_PLAYER = [sys.executable, "-S", "-c", "pass"]

PROBE = r"""
import json, subprocess, sys, threading, time, wave
import pyttsx3
from hiptimer.audio import tts
text = sys.argv[1]
wav = sys.argv[2]
engine = pyttsx3.init()
done = threading.Event()
engine.connect("finished-utterance", lambda **k: done.set())
t0 = time.monotonic()
engine.say(text)
engine.runAndWait()
t1 = time.monotonic()
heard = done.wait(30)
t2 = time.monotonic()
tts.wait_until_idle(engine, 10)
completion = tts.Completion(engine)
t3 = time.monotonic()
tts.synthesize_to_file(engine, completion, text, __import__("pathlib").Path(wav))
t4 = time.monotonic()
with wave.open(wav) as w:
    audio = w.getnframes() / w.getframerate()
player = tts.find_player()
result = {"run_and_wait_ms": (t1 - t0) * 1000, "say_done_ms": (t2 - t0) * 1000 if heard else None,
          "synth_ms": (t4 - t3) * 1000, "audio_s": audio, "player": player}
if player:
    t5 = time.monotonic()
    p = subprocess.run([*player, wav], capture_output=True, text=True)
    result["play_ms"] = (time.monotonic() - t5) * 1000
    result["play_rc"] = p.returncode
    result["play_err"] = (p.stderr.strip().splitlines() or [""])[-1]
print("RESULT " + json.dumps(result))
"""


# ---------------------------------------------------------------- the parent


def run_part(part: str, args: argparse.Namespace, extra: list[str] | None = None) -> dict[str, Any]:
    """Run one part in a fresh process and return its RESULT json."""
    command = [sys.executable, __file__, "--part", part, "--player", args.player]
    if args.quick:
        command.append("--quick")
    proc = subprocess.run([*command, *(extra or [])], capture_output=True, text=True, timeout=900)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return result
    sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
    raise SystemExit(f"the {part} part failed (exit {proc.returncode})")


def probe() -> dict[str, Any]:
    text = "Standing hip circles, right side. Hold for thirty seconds."
    wav = Path(os.environ.get("TMPDIR", "/tmp")) / f"hiptimer-bench-{os.getpid()}.wav"
    try:
        proc = subprocess.run(
            [sys.executable, "-c", PROBE, text, str(wav)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    finally:
        wav.unlink(missing_ok=True)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return result
    return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}


def choose_player(requested: str, found: dict[str, Any]) -> str:
    """auto: aplay when it played the probe in real time, else the paced stand-in."""
    if requested != "auto":
        return requested
    plays = found.get("play_rc") == 0 and found.get("play_ms", 0) > 0.8 * found["audio_s"] * 1000
    return "aplay" if plays else "paced"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one exercise, ~40 s, not ~3 min")
    parser.add_argument(
        "--player",
        choices=["auto", "aplay", "paced"],
        default="auto",
        help="aplay (real), paced (sleeps the WAV's length) or auto (aplay if it plays here)",
    )
    parser.add_argument("--part", choices=["session", "burst"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part:
        result = session_part(args) if args.part == "session" else burst_part(args)
        print("RESULT " + json.dumps(result))
        return 0

    print(f"machine: {machine()}")
    found = probe()
    if "error" in found:
        raise SystemExit(f"pyttsx3/espeak-ng probe failed: {found['error']}")
    args.player = choose_player(args.player, found)
    print_probe(found, args.player)
    session = run_part("session", args)
    burst = run_part("burst", args)
    print_results(session, burst, args.player)
    return 0


def print_probe(found: dict[str, Any], player: str) -> None:
    say_done = found.get("say_done_ms")
    print(
        f"pyttsx3 probe ({found['audio_s']:.1f} s phrase): say()+runAndWait() returned after "
        f"{found['run_and_wait_ms']:.0f} ms; finished-utterance after "
        f"{'-' if say_done is None else f'{say_done:.0f}'} ms; save_to_file() synthesis "
        f"{found['synth_ms']:.0f} ms"
    )
    if found.get("player"):
        print(
            f"player {' '.join(found['player'])}: exit {found.get('play_rc')} after "
            f"{found.get('play_ms', 0):.0f} ms {found.get('play_err') or ''}".rstrip()
        )
    print(f"player used below: {player}")
    print()


def print_results(session: dict[str, Any], burst: dict[str, Any], player: str) -> None:
    rows = []
    for name, gaps in (
        ("idle (service ready, nothing said)", session["idle_gaps"]),
        (f"session: {session['routine']} ({player} player)", session["gaps"]),
        (f"burst: {burst['phrases']} phrases at once (instant player)", burst["gaps"]),
    ):
        ticks = max(len(gaps) - 1, 0)  # (the last gap runs to the meter's stop, not a tick)
        rows.append(
            [
                name + no_tick_text(ticks, sum(gaps) / 1000),
                ticks,
                percentile(gaps, 50),
                percentile(gaps, 99),
                percentile(gaps, 99.9),
                max(gaps, default=math.nan),
                sum(1 for g in gaps if g > TARGET_STALL_MS),
            ]
        )
    print(f"GUI loop: gaps between ticks of a {METER_MS} ms precise QTimer, ms")
    print(
        table(["while", "ticks", "median", "p99", "p99.9", "max", f"> {TARGET_STALL_MS:g}"], rows)
    )
    for label, causes in (("idle", session["idle_causes"]), ("session", session["stall_causes"])):
        print(
            f"{label} gaps over {STALL_NOTE_MS:g} ms by cause: "
            + ", ".join(
                f"{name} {len(v)} (max {max(v, default=0):.1f})" for name, v in causes.items()
            )
        )
    for at, ms, ran, names in session["busy_gaps"]:
        print(f"  GUI busy {ran:.1f} of {ms:.1f} ms at {at:.2f} s: {names or 'no engine event'}")
    print(
        f"session: {len(session['gc_ms'])} garbage collections, longest "
        f"{max(session['gc_ms'], default=0):.1f} ms; {session['cpu']}"
    )
    for sample in session["stall_samples"]:
        print(
            f"  gap of {sample['gap_ms']:.1f} ms (GUI thread on a core {sample['ran_ms']:.1f} ms, "
            f"waiting for one {sample['queued_ms']:.1f} ms; the sampler ran "
            f"{sample['watch_late_ms']:.1f} ms late):"
        )
        for thread, stack in sample["stacks"].items():
            print(f"    {thread}: {stack}")
    print()
    steps = session["steps"]
    done = [r for r in steps if r[4] is not None]
    total = [r[4] for r in done]
    queue = session["queue_ms"]
    rows2 = [
        _stat_row("step started -> say() (GUI thread)", [r[2] for r in done]),
        _stat_row("say() -> save_to_file() (worker)", [r[3] for r in done]),
        _stat_row("step started -> phrase at the engine", total),
        _stat_row("  of which: voice was idle", [r[4] for r in done if not r[1]]),
        _stat_row("  of which: cut off a phrase first", [r[4] for r in done if r[1]]),
        _stat_row("any phrase: say() -> engine (queued)", queue),
    ]
    print("Cue latency: a step's first phrase from StepStarted to the pyttsx3 engine, ms")
    print(table(["from -> to", "n", "median", "p95", "max"], rows2))
    print(
        f"{session['phrases']} phrases for {session['seconds']:.0f} s of session; "
        f"{session['says']} given to the service, {session['handed']} reached the engine, "
        f"{session['dropped']} dropped as stale, {len(steps) - len(done)} of {len(steps)} step "
        f"announcements cut before their turn; speech unavailable: "
        f"{session['unavailable'] or 'no'}"
    )
    print(
        f"burst: {burst['handed']} phrases synthesised in {burst['seconds']:.1f} s "
        f"({burst['ms_per_phrase']:.0f} ms each on the worker)"
    )
    worst_gap = max([*session["gaps"], *burst["gaps"]], default=math.nan)
    worst_p99 = max(percentile(session["gaps"], 99), percentile(burst["gaps"], 99))
    stall_ok = "met" if worst_gap <= TARGET_STALL_MS else "MISSED"
    worst_cue = max(total, default=float("nan"))
    cue_ok = "met" if total and worst_cue <= TARGET_CUE_MS else "MISSED"
    print(
        f"SUMMARY speech: GUI stall max {worst_gap:.1f} ms, p99 {worst_p99:.1f} ms (target <= "
        f"{TARGET_STALL_MS:g} ms, {stall_ok}); cue latency step->engine median "
        f"{percentile(total, 50):.1f} ms, max {worst_cue:.1f} ms (target <= "
        f"{TARGET_CUE_MS:g} ms, {cue_ok}); {player} player, {session['routine']}"
    )


def _stat_row(name: str, values: list[float]) -> list[object]:
    nan = float("nan")
    return [
        name,
        len(values),
        percentile(values, 50),
        percentile(values, 95),
        max(values, default=nan),
    ]


# ---------------------------------------------------------------- the children


def _qt_setup() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


class RecordingEngine:
    """Wraps the real pyttsx3 engine: notes when each phrase reaches it (on the worker)."""

    def __init__(self, inner: Any, log: list[tuple[float, str]]) -> None:
        self._inner = inner
        self._log = log

    def say(self, text: str, name: str | None = None) -> object:
        self._log.append((time.monotonic(), text))
        return self._inner.say(text, name)

    def save_to_file(self, text: str, filename: str, name: str | None = None) -> None:
        self._log.append((time.monotonic(), text))
        self._inner.save_to_file(text, filename, name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class StallMeter:
    """A precise METER_MS QTimer on the GUI thread; records the gaps between its ticks.

    For a long gap it also notes how long the GUI thread sat in the run queue (runnable but
    without a core) during it, from /proc/thread-self/schedstat (Linux; 0 elsewhere).
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        # (start, ms, ms the GUI thread ran on a core, ms it waited in the run queue)
        self.long: list[tuple[float, float, float, float]] = []
        self._last: float | None = None
        self._ran = 0.0
        self._waited = 0.0
        try:
            self._schedstat: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._schedstat = None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(METER_MS)
        self._timer.timeout.connect(self._tick)
        self.samples: list[dict[str, Any]] = []  # what every thread was doing in long gaps
        self._sampled: float | None = None
        self._watching = threading.Event()

    def start(self) -> None:
        self._last = time.monotonic()  # the first gap runs from here: a timer may never tick
        self._ran, self._waited = self._sched_ms()
        self.gaps = []
        self.long = []
        self.samples = []
        self._timer.start()
        self._watching.set()
        threading.Thread(target=self._watch, name="stall-watch", daemon=True).start()

    def stop(self) -> list[float]:
        """The gaps, the last one up to now: a stall still going on counts (with no tick at
        all, the whole time measured is one gap, not an empty list)."""
        self._timer.stop()
        self._watching.clear()
        self._gap_until(time.monotonic())
        return self.gaps

    def _watch(self) -> None:
        """Every 2 ms: if the GUI thread has not ticked for WATCH_MS, note every thread's stack.

        It needs the GIL too, so `watch_late_ms` says how late it got to look; a long one
        means the GIL was held (or no core was free) for that long.
        """
        me = threading.get_ident()
        while self._watching.is_set():
            before = time.monotonic()
            time.sleep(0.002)
            now = time.monotonic()
            last = self._last
            if last is None or (now - last) * 1000 < WATCH_MS or last == self._sampled:
                continue
            self._sampled = last
            names = {t.ident: t.name for t in threading.enumerate()}
            stacks = {
                names.get(ident, str(ident)): _stack(frame)
                for ident, frame in sys._current_frames().items()
                if ident != me
            }
            late = (now - before) * 1000 - 2
            self.samples.append({"at": last, "watch_late_ms": late, "stacks": stacks})

    def _sched_ms(self) -> tuple[float, float]:
        """(ms on a core, ms waiting in the run queue) of the GUI thread so far."""
        if self._schedstat is None:
            return 0.0, 0.0
        ran, waited = os.pread(self._schedstat, 100, 0).split()[:2]
        return int(ran) / 1e6, int(waited) / 1e6

    def _tick(self) -> None:
        self._gap_until(time.monotonic())

    def _gap_until(self, now: float) -> None:
        ran, waited = self._sched_ms()
        if self._last is not None:
            gap = (now - self._last) * 1000
            self.gaps.append(gap)
            if gap > STALL_NOTE_MS:
                self.long.append((self._last, gap, ran - self._ran, waited - self._waited))
        self._last = now
        self._ran, self._waited = ran, waited


def _stack(frame: Any, depth: int = 4) -> str:
    """The innermost frames of a stack, innermost first: 'file:line func <- ...'."""
    entries = traceback.extract_stack(frame)[-depth:]
    return " <- ".join(f"{Path(e.filename).name}:{e.lineno} {e.name}" for e in reversed(entries))


def _player(name: str) -> list[str]:
    from hiptimer.audio import tts

    if name == "paced":
        return PACED_PLAYER
    if name == "instant":
        return INSTANT_PLAYER
    player = tts.find_player()
    if not player:
        raise SystemExit("no aplay/paplay/pw-play here; use --player paced")
    return player


def _service(player: str, log: list[tuple[float, str]]) -> Any:
    """The app's speech service, on a phrase cache of its own, empty: with the user's cache
    every phrase of an earlier run came from disk, none reached the engine, and the cue
    latency had nothing to measure (it printed nan, "MISSED"). Empty, every phrase is
    rendered ahead in the session, as on a first run or after a change of voice."""
    from hiptimer.audio import tts
    from hiptimer.audio.phrase_cache import PhraseCache
    from hiptimer.ui.services.speech import SpeechService

    def factory() -> Any:
        return RecordingEngine(tts.default_engine_factory(), log)

    folder = tempfile.mkdtemp(prefix="hiptimer-bench-speech-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    cache = PhraseCache(Path(folder))
    return SpeechService(engine_factory=factory, player=_player(player), cache=cache)


def _wait(condition: Any, timeout: float) -> bool:
    """Run the Qt event loop until condition() holds (checked every 20 ms) or timeout s pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout

    def check() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    return bool(condition())


def _routine(quick: bool) -> Any:
    from hiptimer.core.routines.loader import load_routine

    routine = load_routine(ROOT / "resources" / "routines" / f"{ROUTINE}.json", builtin=True)
    if quick:  # the first exercise only, 10 s a side
        first, *rest = routine.exercises
        exercises = (
            first.with_dose(hold_s=10.0) if first.hold_s else first,
            *(dataclasses.replace(ex, enabled=False) for ex in rest),
        )
        routine = dataclasses.replace(routine, exercises=exercises)
    return routine


def session_part(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    from hiptimer.core.clock import MonotonicClock
    from hiptimer.core.session.engine import SessionEngine
    from hiptimer.core.session.events import Event, PainRequested, SessionEnded, StepStarted
    from hiptimer.core.session.steps import StepKind
    from hiptimer.core.voice.cues import CueWriter
    from hiptimer.ui.services.ports import Services
    from hiptimer.ui.session.controller import SessionController
    from hiptimer.ui.session.driver import EngineDriver

    _app = _qt_setup()
    handoffs: list[tuple[float, str]] = []
    service = _service(args.player, handoffs)
    dropped: list[str] = []
    unavailable: list[str] = []
    finished: list[str] = []
    finished_at: list[float] = []
    service.finished_utterance.connect(finished.append)
    service.finished_utterance.connect(lambda _text: finished_at.append(time.monotonic()))
    service.dropped.connect(dropped.append)
    service.unavailable.connect(unavailable.append)
    if not _wait(lambda: bool(service.voices()) or bool(unavailable), 20):
        raise SystemExit("the speech service did not get ready")
    meter = StallMeter()
    meter.start()
    _wait(lambda: False, IDLE_S)  # the idle floor: the same meter with nothing to say
    idle_gaps = meter.stop()
    idle_causes = _stall_causes(meter.long, [], GcWatch())

    routine = _routine(args.quick)
    clock = MonotonicClock()
    engine = SessionEngine(routine, clock=clock)
    driver = EngineDriver(engine)
    steps: list[tuple[float, StepStarted]] = []
    events: list[tuple[float, Event]] = []
    cues = CueWriter(pain_limit=engine.pain_limit)
    said: list[tuple[float, Event, list[Any]]] = []
    says: list[Say] = []

    class Recording:
        """The controller's cue writer, noting the phrases of each event as it gets them."""

        def phrases_for(self, event: Event) -> list[Any]:
            phrases = cues.phrases_for(event)
            said.append((time.monotonic(), event, phrases))
            speaker.event = event
            return phrases

    speaker = RecordingSpeaker(service, says)

    reps = QTimer()
    reps.setInterval(SELF_PACED_REP_MS)
    reps.timeout.connect(driver.count_rep)
    loop = QEventLoop()

    def on_event(event: Event) -> None:  # connected before the controller: sees events first
        now = time.monotonic()
        events.append((now, event))
        if isinstance(event, StepStarted):
            steps.append((now, event))
            self_paced = event.step.kind is StepKind.WORK and event.duration_s is None
            if self_paced:
                reps.start()
            else:
                reps.stop()
        elif isinstance(event, PainRequested):
            QTimer.singleShot(PAIN_ANSWER_MS, lambda: driver.rate_pain(2))
        elif isinstance(event, SessionEnded):
            QTimer.singleShot(0, loop.quit)

    driver.engine_event.connect(on_event)
    controller = SessionController(  # kept: a collected controller would hear nothing
        driver, Services(speech=speaker), clock=clock, cues=Recording()
    )
    gc_watch = GcWatch()
    cpu = CpuShare()
    gc_watch.start()
    cpu.start()
    meter.start()
    started = time.monotonic()
    driver.start()
    loop.exec()
    summary = [p.text for _, e, ps in said if isinstance(e, SessionEnded) for p in ps]
    _wait(lambda: all(text in finished for text in summary), 30)  # let the summary be said
    seconds = time.monotonic() - started
    gaps = meter.stop()
    cpu.stop()
    gc_watch.stop()
    controller.close()
    service.shutdown()

    _match(says, handoffs)
    causes = _stall_causes(meter.long, [t for t, _ in handoffs], gc_watch)
    rows = _step_rows(steps, says, [t for t, _ in handoffs], finished_at)
    return {
        "routine": routine.id + (" (quick)" if args.quick else ""),
        "idle_gaps": idle_gaps,
        "gaps": gaps,
        "stall_causes": causes,
        "idle_causes": idle_causes,
        "stall_samples": _long_samples(meter),
        "busy_gaps": _busy_gaps(meter, events, started),
        "gc_ms": [ms for _, ms, _ in gc_watch.pauses],
        "gc_gen2_ms": [ms for _, ms, gen in gc_watch.pauses if gen == 2],
        "cpu": cpu.describe(),
        "steps": rows,
        "queue_ms": [(x.engine_at - x.at) * 1000 for x in says if x.engine_at is not None],
        "phrases": sum(len(p) for _, _, p in said),
        "says": len(says),
        "handed": sum(1 for x in says if x.engine_at is not None),
        "dropped": len(dropped),
        "unavailable": unavailable[0] if unavailable else "",
        "seconds": seconds,
    }


@dataclasses.dataclass
class Say:
    """One say() from the controller to the speech service, and when it reached the engine."""

    at: float
    text: str
    event: object
    engine_at: float | None = None


class RecordingSpeaker:
    """Stands between the controller and the SpeechService, noting every say()."""

    def __init__(self, service: Any, says: list[Say]) -> None:
        self.service = service
        self.says = says
        self.event: object = None  # the event whose phrases the controller is saying

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        self.says.append(Say(time.monotonic(), text.strip(), self.event))
        self.service.say(text, stale_after_s=stale_after_s, kind=kind)

    def clear(self) -> None:
        self.service.clear()

    def set_muted(self, muted: bool) -> None:
        self.service.set_muted(muted)

    def shutdown(self) -> None:
        self.service.shutdown()

    def __getattr__(self, name: str) -> Any:
        # The rest of the Speaker port (connect_started, prepare, available...) as it is:
        # the port grew since this bench was written, and only say() is noted.
        return getattr(self.service, name)


def _match(says: list[Say], handoffs: list[tuple[float, str]]) -> None:
    """Pair each phrase reaching the engine with the say() it came from.

    The service keeps order and only drops (stale or cleared) phrases, so hand-offs are a
    subsequence of the say() calls. Each hand-off takes the latest earlier say() of the same
    text after the last one paired: a cleared copy is skipped for the one said after it. A
    hand-off with nothing left to pair is a retry of the same text (synthesize_to_file).
    """
    last = -1
    for t, text in handoffs:
        candidates = [
            i for i in range(last + 1, len(says)) if says[i].text == text and says[i].at <= t
        ]
        if candidates:
            last = candidates[-1]
            says[last].engine_at = t


def _busy_gaps(
    meter: StallMeter, events: list[tuple[float, Any]], started: float
) -> list[list[Any]]:
    """Gaps over 8 ms with the GUI thread mostly on a core: when, and the engine events in them."""
    out: list[list[Any]] = []
    for start, ms, ran, _queued in meter.long:
        if ms <= 8 or ran < ms / 2:
            continue
        end = start + ms / 1000
        names = [
            type(e).__name__ + (f"({e.step.kind.value})" if hasattr(e, "step") else "")
            for t, e in events
            if start <= t <= end
        ]
        out.append([round(start - started, 2), round(ms, 1), round(ran, 1), " ".join(names)])
    return out


def _long_samples(meter: StallMeter) -> list[dict[str, Any]]:
    """The stack samples taken during gaps over the target, with each gap's length."""
    gaps = {g[0]: g[1:] for g in meter.long if g[1] > TARGET_STALL_MS}
    out = []
    for sample in meter.samples:
        if sample["at"] in gaps:
            ms, ran, queued = gaps[sample["at"]]
            out.append({**sample, "gap_ms": ms, "ran_ms": ran, "queued_ms": queued})
    return out


def _stall_causes(
    long: list[tuple[float, float, float, float]], handed: list[float], gc_watch: GcWatch
) -> dict[str, list[float]]:
    """Sort long gaps by cause, the first that fills at least half of the gap.

    From the GUI thread's scheduler statistics: "GUI busy" when it ran on a core (its own
    work: the app's slots, Qt, the meter); "no core" when it was runnable but waited in the
    run queue (other processes: 2 cores). When it was neither it slept, blocked on the GIL
    or waiting to be woken: "gc" when garbage collections (which hold the GIL on any thread)
    fill the gap; "speech" when a phrase reached the engine from just before the gap to
    SPEECH_WINDOW_S after it (synthesis, starting the player); else "other".
    """
    low, high = SPEECH_WINDOW_S
    names = ("GUI busy", "no core", "gc", "speech", "other")
    causes: dict[str, list[float]] = {name: [] for name in names}
    for start, ms, ran, queued in long:
        end = start + ms / 1000
        if ran >= ms / 2:
            causes["GUI busy"].append(ms)
        elif queued >= ms / 2:
            causes["no core"].append(ms)
        elif gc_watch.overlapping(start, end) >= ms / 2:
            causes["gc"].append(ms)
        elif any(t + low <= end and start <= t + high for t in handed):
            causes["speech"].append(ms)
        else:
            causes["other"].append(ms)
    return causes


def _step_rows(
    steps: list[tuple[float, Any]], says: list[Say], handed: list[float], finished: list[float]
) -> list[list[Any]]:
    """Each step with something to say: [kind, voice busy, GUI ms, worker ms, total ms].

    The voice is busy when more phrases had reached the engine than had finished; the step's
    announcement then first cuts off the one playing. Times are None for one never said.
    """
    rows: list[list[Any]] = []
    for seen, event in steps:
        first = next((x for x in says if x.event is event), None)
        if first is None:
            continue
        busy = sum(t < seen for t in handed) > sum(t < seen for t in finished)
        if first.engine_at is None:
            rows.append([event.step.kind.value, busy, None, None, None])
            continue
        gui = (first.at - seen) * 1000
        worker = (first.engine_at - first.at) * 1000
        rows.append([event.step.kind.value, busy, gui, worker, gui + worker])
    return rows


def burst_part(args: argparse.Namespace) -> dict[str, Any]:
    from hiptimer.core.voice.cue_script import session_phrases

    _app = _qt_setup()
    handoffs: list[tuple[float, str]] = []
    service = _service("instant", handoffs)
    finished: list[str] = []
    service.finished_utterance.connect(finished.append)
    if not _wait(lambda: bool(service.voices()), 20):
        raise SystemExit("the speech service did not get ready")
    _start, heard = session_phrases(_routine(args.quick))
    texts = [phrase.text for _, phrase in heard]
    meter = StallMeter()
    meter.start()
    _wait(lambda: False, 0.2)
    started = time.monotonic()
    for text in texts:
        service.say(text)
    _wait(lambda: len(finished) >= len(texts), 300)
    seconds = time.monotonic() - started
    gaps = meter.stop()
    service.shutdown()
    return {
        "phrases": len(texts),
        "handed": len(handoffs),
        "seconds": seconds,
        "ms_per_phrase": seconds * 1000 / max(1, len(handoffs)),
        "gaps": gaps,
    }


if __name__ == "__main__":
    sys.exit(main())

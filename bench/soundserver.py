"""A private PulseAudio for the audio benchmark: null sinks, a reference player and onset finding.

The daemon runs in a temporary XDG_RUNTIME_DIR with a null sink `rec`; two remap sinks put
what is played to `voice` on rec's left channel and what is played to `beeps` on its right,
so that one recording of rec.monitor holds the two apart. `beeps` is the default sink (where
QtMultimedia plays), and PULSE_SINK=voice sends the speech player (aplay through ALSA's pulse
plugin, or paplay) to the left.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import threading
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RATE = 44100
PA_SAMPLE_S16LE = 3
PA_STREAM_PLAYBACK = 1


def missing() -> str | None:
    """Why the benchmark cannot run here, or None."""
    for tool in ("pulseaudio", "pactl", "parec"):
        if not shutil.which(tool):
            return f"{tool} is missing (sudo apt install pulseaudio pulseaudio-utils)"
    if not ctypes.util.find_library("pulse-simple"):
        return "libpulse-simple is missing (sudo apt install libpulse0)"
    return None


@contextmanager
def sound_server(tmp: Path) -> Iterator[dict[str, str]]:
    """Start a private PulseAudio; yields the environment its clients need."""
    run = tmp / "run"
    (run / "pulse").mkdir(parents=True)
    home = tmp / "pulse-home"  # its cookie and state, not the real home's
    home.mkdir()
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(run),
        "PULSE_RUNTIME_PATH": str(run / "pulse"),
        "PULSE_SERVER": f"unix:{run / 'pulse' / 'native'}",
        "HOME": str(home),
    }
    subprocess.run(
        ["pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1",
         "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=rec"],
        env=env, check=True, capture_output=True, timeout=20,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode:
            if time.monotonic() > deadline:
                raise SystemExit("the private PulseAudio did not answer")
            time.sleep(0.05)
        for name, channel in (("voice", "front-left"), ("beeps", "front-right")):
            subprocess.run(
                ["pactl", "load-module", "module-remap-sink", f"sink_name={name}", "master=rec",
                 "channels=1", f"master_channel_map={channel}", "channel_map=mono", "remix=no"],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
        subprocess.run(["pactl", "set-default-sink", "beeps"], env=env, check=True)
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, check=False)


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in
                ("maxlength", "tlength", "prebuf", "minreq", "fragsize")]  # fmt: skip


class ReferencePlayer:
    """A low-latency stream to one sink, fed silence in 5 ms chunks from its own thread.

    tone() plays a 1 kHz tone with a sharp edge and returns the monotonic moment its first
    sample reaches the sink: the write's time plus the stream's latency as PulseAudio reports
    it (pa_simple_get_latency), less what was written after that sample. The stream stays
    open for the whole run, which also keeps the null sink's latency low.
    """

    CHUNK = RATE // 200

    def __init__(self, sink: str, env: dict[str, str]) -> None:
        os.environ["PULSE_SERVER"] = env["PULSE_SERVER"]
        lib = ctypes.CDLL(ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0")
        lib.pa_simple_new.restype = ctypes.c_void_p
        lib.pa_simple_get_latency.restype = ctypes.c_uint64
        lib.pa_simple_get_latency.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        lib.pa_simple_write.argtypes = [
            ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int),
        ]  # fmt: skip
        lib.pa_simple_free.argtypes = [ctypes.c_void_p]
        self._lib = lib
        spec = _SampleSpec(PA_SAMPLE_S16LE, RATE, 1)
        chunk_bytes = self.CHUNK * 2
        attr = _BufferAttr(2**32 - 1, 4 * chunk_bytes, chunk_bytes, chunk_bytes, 2**32 - 1)
        error = ctypes.c_int(0)
        self._stream = lib.pa_simple_new(
            None, b"hiptimer-bench", PA_STREAM_PLAYBACK, sink.encode(), b"reference",
            ctypes.byref(spec), None, ctypes.byref(attr), ctypes.byref(error),
        )  # fmt: skip
        if not self._stream:
            raise SystemExit(f"could not open a reference stream to {sink} (error {error.value})")
        self._lock = threading.Lock()
        self._pending: array[int] | None = None
        self._played: list[float] = []
        self._done = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name=f"reference-{sink}", daemon=True)
        self._thread.start()

    def tone(self, seconds: float = 0.08, timeout: float = 5.0) -> float:
        """Play a tone now; the monotonic moment its first sample reaches the sink."""
        n = round(seconds * RATE)
        samples = array("h", (round(12000 * _sin(1000 * i / RATE)) for i in range(n)))
        with self._lock:
            self._done.clear()
            self._pending = samples
        if not self._done.wait(timeout):
            raise SystemExit("the reference tone was not played")
        return self._played[-1]

    def close(self) -> None:
        self._stop = True
        self._thread.join(5)
        self._lib.pa_simple_free(self._stream)

    def _run(self) -> None:
        silence = array("h", bytes(self.CHUNK * 2))
        error = ctypes.c_int(0)
        while not self._stop:
            with self._lock:
                tone, self._pending = self._pending, None
            data = tone if tone is not None else silence
            buf = data.tobytes()
            self._lib.pa_simple_write(self._stream, buf, len(buf), ctypes.byref(error))
            if tone is not None:
                now = time.monotonic()
                latency_s = self._lib.pa_simple_get_latency(self._stream, ctypes.byref(error)) / 1e6
                self._played.append(now + latency_s - len(tone) / RATE)
                self._done.set()


def _sin(cycles: float) -> float:
    import math

    return math.sin(2 * math.pi * cycles)


class Recorder:
    """parec of rec.monitor, both channels, into a raw file."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.path = path
        self._proc = subprocess.Popen(
            ["parec", "-d", "rec.monitor", "--format=s16le", "--channels=2", f"--rate={RATE}",
             "--latency-msec=20", "--raw", str(path)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip

    def stop(self) -> tuple[array[int], array[int]]:
        """End the recording; (left, right) samples."""
        self._proc.terminate()
        self._proc.wait(5)
        data = array("h", self.path.read_bytes()[: self.path.stat().st_size // 4 * 4])
        return data[0::2], data[1::2]


def onsets(samples: array[int], threshold: int = 330, gap_s: float = 0.08) -> list[int]:
    """Sample indexes where sound starts after at least gap_s of near-silence."""
    gap = round(gap_s * RATE)
    found: list[int] = []
    last_loud = -gap - 1
    for i, value in enumerate(samples):
        if value > threshold or value < -threshold:
            if i - last_loud > gap:
                found.append(i)
            last_loud = i
    return found


def silent(samples: array[int], start: int, end: int, threshold: int = 330) -> bool:
    """Whether samples[start:end] stay under the threshold."""
    start, end = max(0, start), max(0, end)
    return all(-threshold <= v <= threshold for v in samples[start:end])

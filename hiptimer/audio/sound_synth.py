"""Generates HipTimer's beep WAVs (tick, end chime, start tone) from plain sine waves, with no Qt.

The files in resources/sounds/ are produced by this module and committed; a test checks that
regenerating them gives the same bytes. Regenerate with: python -m hiptimer.audio.sound_synth
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from pathlib import Path

SAMPLE_RATE = 44100
PEAK = 0.45  # of full scale: audible over a fan, not startling

# name -> file name in resources/sounds/
SOUND_FILES = {"tick": "tick.wav", "end": "end.wav", "start": "start.wav"}


def _envelope(i: int, n: int, attack: int, release: int) -> float:
    """A raised-cosine fade in over `attack` samples and out over the last `release` samples."""
    gain = 1.0
    if i < attack:
        gain *= 0.5 - 0.5 * math.cos(math.pi * i / attack)
    if i >= n - release:
        gain *= 0.5 - 0.5 * math.cos(math.pi * (n - 1 - i) / release)
    return gain


def tone(freq: float, seconds: float, *, attack_s: float, release_s: float) -> list[float]:
    """One sine tone in [-1, 1] with soft edges (no click at start or end)."""
    n = round(seconds * SAMPLE_RATE)
    attack, release = round(attack_s * SAMPLE_RATE), round(release_s * SAMPLE_RATE)
    step = 2 * math.pi * freq / SAMPLE_RATE
    return [math.sin(step * i) * _envelope(i, n, attack, release) for i in range(n)]


def tick() -> list[float]:
    """The countdown tick for the last three seconds: a short, clear 880 Hz beep."""
    return tone(880.0, 0.12, attack_s=0.005, release_s=0.04)


def end_chime() -> list[float]:
    """The end-of-step chime: 660 Hz then 990 Hz (a rising fifth), clearly unlike the tick."""
    low = tone(660.0, 0.22, attack_s=0.01, release_s=0.06)
    high = tone(990.0, 0.28, attack_s=0.01, release_s=0.18)
    return low + high


def start_tone() -> list[float]:
    """The gentle start tone: a soft 523 Hz (C5) with a slow swell and a long fade."""
    base = tone(523.25, 0.4, attack_s=0.08, release_s=0.25)
    octave = tone(1046.5, 0.4, attack_s=0.08, release_s=0.25)
    return [0.8 * a + 0.2 * b for a, b in zip(base, octave, strict=True)]


def wav_bytes(samples: list[float]) -> bytes:
    """16-bit mono PCM WAV bytes for samples in [-1, 1], scaled to PEAK."""
    pcm = array("h", (round(PEAK * 32767 * s) for s in samples))
    if sys.byteorder == "big":  # WAV is little-endian
        pcm.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def synthesize_all() -> dict[str, bytes]:
    """File name -> WAV bytes for every HipTimer sound."""
    makers = {"tick": tick, "end": end_chime, "start": start_tone}
    return {SOUND_FILES[name]: wav_bytes(make()) for name, make in makers.items()}


def write_all(out_dir: Path) -> list[Path]:
    """Write every sound into out_dir (created if needed); returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, data in synthesize_all().items():
        path = out_dir / file_name
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Regenerate the bundled sounds (or write them into the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        out_dir = Path(args[0])
    else:
        from hiptimer import paths

        out_dir = paths.sounds_dir()
    for path in write_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

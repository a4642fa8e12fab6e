"""Renders timed cue phrases into one WAV voice track, for `hiptimer cues ROUTINE --wav FILE` (no Qt)."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hiptimer import i18n
from hiptimer.audio import tts

_DEFAULT_PARAMS = (1, 2, 22050)  # mono, 16-bit, espeak-ng's rate: used for an empty track


@dataclass(frozen=True)
class Placement:
    """Where a phrase landed in the track; start_s > requested_s when the one before ran long."""

    text: str
    requested_s: float
    start_s: float
    duration_s: float


@dataclass
class _Clip:
    text: str
    at_s: float
    params: tuple[int, int, int]  # channels, sample width, frame rate
    frames: bytes


def render_to_wav(
    phrases: list[tuple[float, str]],
    out: str | os.PathLike[str] | BinaryIO,
    engine_factory: tts.EngineFactory | None = None,
) -> list[Placement]:
    """Speak each (seconds, text) into one WAV, each starting at its time or right after the previous.

    `out` is a path or a binary file open for writing (the command line gives one that takes
    the path's place only once the render succeeded). Uses the real engine (pyttsx3.init)
    unless engine_factory is given, and raises tts.SpeechUnavailable if there is none. Do not
    call it while a SpeechService with a real engine is running in the same process: pyttsx3
    shares one engine per driver.
    """
    if not isinstance(out, (str, os.PathLike)):
        return _assemble(_render_clips(sorted(phrases, key=lambda p: p[0]), engine_factory), out)
    path = Path(out)
    # Opened first: a path that cannot be written fails at once, not after every phrase was
    # rendered; and wave.open(path) on such a path leaves a half-made Wave_write whose
    # __del__ prints a stray traceback.
    with path.open("wb") as target:
        try:
            clips = _render_clips(sorted(phrases, key=lambda p: p[0]), engine_factory)
            return _assemble(clips, target)
        except BaseException:
            target.close()
            path.unlink(missing_ok=True)
            raise


def _render_clips(
    phrases: list[tuple[float, str]], engine_factory: tts.EngineFactory | None
) -> list[_Clip]:
    spoken = [(at, text.strip()) for at, text in phrases if text.strip()]
    if not spoken:
        return []
    engine = (engine_factory or tts.default_engine_factory)()
    tts.use_language_voice(engine, i18n.language())
    completion = tts.Completion(engine)
    clips = []
    with tempfile.TemporaryDirectory(prefix="hiptimer-voice-") as tmp:
        for index, (at, text) in enumerate(spoken):
            path = Path(tmp) / f"phrase-{index}.wav"
            # pyttsx3's espeak driver prints "Audio saved to ..." for every file.
            with contextlib.redirect_stdout(io.StringIO()):
                tts.synthesize_to_file(engine, completion, text, path)
            clips.append(_read_clip(text, at, path))
    return clips


def _read_clip(text: str, at_s: float, path: Path) -> _Clip:
    with wave.open(str(path), "rb") as wav:
        params = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
        frames = wav.readframes(wav.getnframes())
    return _Clip(text, max(0.0, at_s), params, frames)


def _assemble(clips: list[_Clip], target: BinaryIO) -> list[Placement]:
    params = clips[0].params if clips else _DEFAULT_PARAMS
    for clip in clips:
        if clip.params != params:
            raise ValueError(
                f"cannot join {clip.text!r}: its audio is {clip.params} "
                f"(channels, bytes per sample, rate), the track is {params}"
            )
    channels, width, rate = params
    frame_size = channels * width
    silence = b"\x80" if width == 1 else b"\0"  # 8-bit WAV is unsigned
    starts = []
    cursor = 0  # in frames
    for clip in clips:
        starts.append(max(round(clip.at_s * rate), cursor))
        cursor = starts[-1] + len(clip.frames) // frame_size
    placements = []
    with wave.open(target, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        # The length in the header from the start, and writeframesraw (writeframes seeks back
        # to mend the header after every write while the data is shorter than it says): a
        # pipe (--wav -, /dev/stdout) then takes the track as well as a file does.
        out.setnframes(cursor)
        written = 0
        for clip, start in zip(clips, starts, strict=True):
            out.writeframesraw(silence * ((start - written) * frame_size))
            out.writeframesraw(clip.frames)
            length = len(clip.frames) // frame_size
            written = start + length
            placements.append(Placement(clip.text, clip.at_s, start / rate, length / rate))
    return placements

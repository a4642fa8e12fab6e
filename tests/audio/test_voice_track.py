"""render_to_wav: phrases placed at their times in one WAV; a real espeak-ng render under -m tts."""

from __future__ import annotations

import io
import math
import shutil
import wave
from array import array
from pathlib import Path
from typing import Any

import pytest

from hiptimer.audio.voice_track import Placement, _assemble, _Clip, render_to_wav
from tests.fake_tts import FAKE_RATE, FakeEngine


def read_samples(path: Path) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array("h", wav.readframes(wav.getnframes()))
    return params, samples


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def test_phrases_start_at_their_times_with_silence_between(tmp_path: Path) -> None:
    out = tmp_path / "track.wav"
    engine = FakeEngine(async_save=True, seconds_per_word=0.2)  # file appears after runAndWait
    placements = render_to_wav([(0.0, "Lie down"), (2.0, "three")], out, lambda: engine)
    assert placements == [
        Placement("Lie down", 0.0, 0.0, pytest.approx(0.4)),  # type: ignore[arg-type]
        Placement("three", 2.0, 2.0, pytest.approx(0.2)),  # type: ignore[arg-type]
    ]
    params, samples = read_samples(out)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, FAKE_RATE)
    assert len(samples) == round(2.2 * FAKE_RATE)
    assert rms(samples[: round(0.4 * FAKE_RATE)]) > 1000
    assert rms(samples[round(0.5 * FAKE_RATE) : round(1.9 * FAKE_RATE)]) == 0
    assert rms(samples[round(2.0 * FAKE_RATE) :]) > 1000


def test_a_long_phrase_pushes_the_next_one_back(tmp_path: Path) -> None:
    engine = FakeEngine(seconds_per_word=0.5)
    phrases = [(1.0, "two"), (0.0, "one two three four")]  # out of order on purpose
    placements = render_to_wav(phrases, tmp_path / "t.wav", lambda: engine)
    assert [(p.text, p.start_s) for p in placements] == [("one two three four", 0.0), ("two", 2.0)]
    assert [text for text, _ in engine.saved] == ["one two three four", "two"]


def test_blank_phrases_are_skipped_and_no_phrases_give_an_empty_track(tmp_path: Path) -> None:
    def no_engine() -> FakeEngine:
        raise AssertionError("no engine is needed for nothing to say")

    out = tmp_path / "empty.wav"
    assert render_to_wav([(0.0, "  ")], out, no_engine) == []
    params, samples = read_samples(out)
    assert params.nframes == 0 and len(samples) == 0


def test_an_engine_that_writes_nothing_names_the_phrase(tmp_path: Path) -> None:
    class SilentEngine(FakeEngine):
        def _save(self, text: str, filename: str) -> None:
            self._notify("finished-utterance", name=None, completed=True)

    with pytest.raises(RuntimeError, match="no audio for 'three'"):
        render_to_wav([(0.0, "three")], tmp_path / "t.wav", SilentEngine)


def test_clips_in_different_formats_are_refused(tmp_path: Path) -> None:
    clips = [_Clip("a", 0.0, (1, 2, 22050), b"\0\0"), _Clip("b", 1.0, (1, 2, 16000), b"\0\0")]
    with pytest.raises(ValueError, match="cannot join 'b'"), (tmp_path / "t.wav").open("wb") as f:
        _assemble(clips, f)


def test_a_path_that_cannot_be_written_fails_before_rendering_and_cleanly(
    tmp_path: Path,
) -> None:
    # Issue 13: this printed a stray "Exception ignored in Wave_write.__del__" traceback
    # (pytest turns an unraisable exception into a failing warning here).
    def no_engine() -> FakeEngine:
        raise AssertionError("nothing is rendered for a file that cannot be written")

    with pytest.raises(FileNotFoundError):
        render_to_wav([(0.0, "three")], tmp_path / "missing" / "t.wav", no_engine)


def test_a_failed_render_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> FakeEngine:
        raise RuntimeError("engine broke")

    out = tmp_path / "t.wav"
    with pytest.raises(RuntimeError):
        render_to_wav([(0.0, "three")], out, broken)
    assert not out.exists()


@pytest.mark.tts
def test_real_espeak_ng_render_is_speech_of_a_plausible_length(tmp_path: Path) -> None:
    if not (shutil.which("espeak-ng") or shutil.which("espeak")):
        pytest.skip("espeak-ng is not installed (sudo apt install espeak-ng)")
    out = tmp_path / "voice.wav"
    placements = render_to_wav(
        [(0.0, "Lie on your back with your knees bent."), (3.0, "Three")], out
    )
    params, samples = read_samples(out)
    seconds = params.nframes / params.framerate
    assert (params.nchannels, params.sampwidth) == (1, 2)
    assert 0.5 < placements[0].duration_s < 10
    assert placements[1].start_s >= 3.0
    assert 3.2 < seconds < 15
    assert rms(samples) > 300  # not silence (full scale is 32767)


class PipeLike(io.RawIOBase):
    """A stream that cannot seek or tell, as a pipe (`--wav -`, `/dev/stdout | ...`)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.data += bytes(b)
        return len(bytes(b))

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        raise OSError(29, "Illegal seek")

    def seek(self, *_args: object) -> int:
        raise OSError(29, "Illegal seek")


def test_a_track_written_to_a_pipe_is_the_track_written_to_a_file(tmp_path: Path) -> None:
    # The wave module sought back to mend the header after every write: a pipe failed with
    # "Illegal seek" after 44 bytes.
    phrases = [(0.0, "Lie down"), (2.0, "three")]
    out = tmp_path / "track.wav"
    render_to_wav(phrases, out, lambda: FakeEngine(seconds_per_word=0.2))
    pipe = PipeLike()
    render_to_wav(phrases, pipe, lambda: FakeEngine(seconds_per_word=0.2))  # type: ignore[arg-type]
    assert bytes(pipe.data) == out.read_bytes()
    assert len(pipe.data) > 44

"""The voice's rendered phrases start with their first sound, not espeak-ng's quiet lead-in."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest

from hiptimer.audio.tts import KEEP_BEFORE_S, trim_leading_silence

RATE = 22050


def write(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(array("h", samples).tobytes())


def read(path: Path) -> list[int]:
    with wave.open(str(path), "rb") as wav:
        return list(array("h", wav.readframes(wav.getnframes())))


def test_the_quiet_before_the_first_sound_is_cut_but_for_a_moment(tmp_path: Path) -> None:
    wav = tmp_path / "two.wav"
    quiet = round(0.049 * RATE)  # espeak-ng's lead-in before "Two"
    sound = [4000, -4000] * 500
    write(wav, [0] * quiet + [30, -20] * 10 + sound)  # a whisper under the level is quiet too
    cut = trim_leading_silence(wav)
    kept = round(KEEP_BEFORE_S * RATE)
    assert cut == pytest.approx((quiet + 20 - kept) / RATE)
    assert read(wav) == [0] * (kept - 20) + [30, -20] * 10 + sound


def test_a_phrase_that_starts_at_once_is_left_alone(tmp_path: Path) -> None:
    wav = tmp_path / "one.wav"
    write(wav, [0, 3000, -3000, 0])
    before = wav.read_bytes()
    assert trim_leading_silence(wav) == 0.0
    assert wav.read_bytes() == before


def test_a_file_that_is_not_a_wav_is_left_alone(tmp_path: Path) -> None:
    wav = tmp_path / "broken.wav"
    wav.write_bytes(b"not a wav")
    assert trim_leading_silence(wav) == 0.0
    assert wav.read_bytes() == b"not a wav"

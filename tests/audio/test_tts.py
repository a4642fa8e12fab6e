"""The voice's rendered phrases start with their first sound, not espeak-ng's quiet lead-in."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest

from hiptimer.audio import tts
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


class _Voice:
    def __init__(self, id: str, languages: list[object]) -> None:
        self.id = id
        self.languages = languages


class _VoicesEngine:
    """Only what voice_for_language reads: the voices and the current one."""

    def __init__(self, voices: list[_Voice], current: str) -> None:
        self.props: dict[str, object] = {"voices": voices, "voice": current}

    def getProperty(self, name: str) -> object:
        return self.props[name]

    def setProperty(self, name: str, value: object) -> None:
        self.props[name] = value


ESPEAK_VOICES = [
    _Voice("gmw/en", ["en-gb"]),
    _Voice("gmw/en-us", ["en-us"]),
    _Voice("roa/es-419", ["es-419"]),
    _Voice("roa/es", ["es"]),
    _Voice("mb/mb-es1", [b"\x05es-es"]),
]


def test_the_voice_follows_the_language() -> None:
    engine = _VoicesEngine(ESPEAK_VOICES, current="gmw/en")
    assert tts.voice_for_language(engine, "en") == "gmw/en"  # the current one speaks it: kept
    assert tts.voice_for_language(engine, "es") == "roa/es"  # the plain one, not a regional
    assert tts.voice_for_language(engine, "de") is None
    assert tts.use_language_voice(engine, "es") == "roa/es"
    assert engine.props["voice"] == "roa/es"


def test_a_regional_voice_is_taken_when_it_is_the_only_one() -> None:
    engine = _VoicesEngine([ESPEAK_VOICES[0], _Voice("sapi/es-mx", ["es_MX"])], "gmw/en")
    assert tts.voice_for_language(engine, "es") == "sapi/es-mx"


def test_the_espeak_driver_says_nothing_on_the_terminal_of_whoever_started_the_app(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # The driver printed "Audio saved to <path>" on stdout for each phrase of a session.
    try:
        engine = tts.default_engine_factory()
    except tts.SpeechUnavailable as exc:
        pytest.skip(f"no speech engine here: {exc}")
    completion = tts.Completion(engine)
    tts.synthesize_to_file(engine, completion, "Lift.", tmp_path / "lift.wav")
    assert (tmp_path / "lift.wav").stat().st_size > 0
    assert "Audio saved" not in capfd.readouterr().out

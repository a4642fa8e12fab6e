"""The beep generator: the committed WAVs are exactly what it makes, and they sound as described."""

from __future__ import annotations

import io
import itertools
import wave
from array import array
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.audio import sound_synth


def samples_of(data: bytes) -> tuple[int, array[int]]:
    with wave.open(io.BytesIO(data), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return wav.getframerate(), array("h", wav.readframes(wav.getnframes()))


def frequency(samples: array[int], rate: int) -> float:
    """Estimated from upward zero crossings."""
    ups = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return ups * rate / len(samples)


@pytest.mark.parametrize("file_name", sorted(sound_synth.SOUND_FILES.values()))
def test_committed_sounds_match_the_generator_byte_for_byte(file_name: str) -> None:
    committed = paths.sounds_dir() / file_name
    assert committed.is_file(), f"{committed} is missing: run python -m hiptimer.audio.sound_synth"
    assert committed.read_bytes() == sound_synth.synthesize_all()[file_name], (
        f"{committed} differs from the generator: run python -m hiptimer.audio.sound_synth"
    )


def test_tick_is_a_short_880_hz_beep_with_soft_edges() -> None:
    rate, samples = samples_of(sound_synth.synthesize_all()["tick.wav"])
    assert len(samples) / rate == pytest.approx(0.12)
    assert frequency(samples, rate) == pytest.approx(880, rel=0.03)
    peak = max(abs(s) for s in samples)
    assert peak == pytest.approx(sound_synth.PEAK * 32767, rel=0.01)
    assert abs(samples[0]) < 0.02 * peak and abs(samples[-1]) < 0.02 * peak


def test_end_chime_rises_from_660_to_990_hz() -> None:
    rate, samples = samples_of(sound_synth.synthesize_all()["end.wav"])
    assert len(samples) / rate == pytest.approx(0.5)
    first, second = samples[: int(0.2 * rate)], samples[int(0.25 * rate) :]
    assert frequency(first, rate) == pytest.approx(660, rel=0.05)
    assert frequency(second, rate) == pytest.approx(990, rel=0.05)


def test_start_tone_swells_in_gently() -> None:
    rate, samples = samples_of(sound_synth.synthesize_all()["start.wav"])
    first_10ms = max(abs(s) for s in samples[: rate // 100])
    assert first_10ms < 0.1 * max(abs(s) for s in samples)


def test_write_all_writes_every_file(tmp_path: Path) -> None:
    written = sound_synth.write_all(tmp_path / "sounds")
    assert sorted(p.name for p in written) == sorted(sound_synth.SOUND_FILES.values())
    assert all(p.stat().st_size > 1000 for p in written)

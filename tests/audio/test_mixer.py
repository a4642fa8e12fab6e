"""The beeps' mixer: what PCM it hands out, when, and that silence is no bytes at all."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.audio.mixer import BadSound, Mixer, read_wav, upsample_twice
from hiptimer.audio.sound_synth import SAMPLE_RATE, SOUND_FILES


def pcm(*values: int) -> array[int]:
    return array("h", values)


def samples(data: bytes) -> list[int]:
    return list(array("h", data))


def test_nothing_playing_hands_out_no_bytes() -> None:
    mixer = Mixer({"tick": pcm(1, 2, 3)})
    assert mixer.read(4096) == b"" and mixer.bytes_left() == 0 and not mixer.playing


def test_a_sound_starts_at_the_next_read_from_its_first_sample() -> None:
    mixer = Mixer({"tick": pcm(10, 20, 30, 40, 50)})
    mixer.play("tick")
    assert mixer.bytes_left() == 10
    assert samples(mixer.read(4)) == [10, 20]  # whole samples, no more than asked
    assert samples(mixer.read(5)) == [30, 40]  # an odd byte count is rounded down
    assert samples(mixer.read(4096)) == [50]  # only what is left; then silence again
    assert mixer.read(4096) == b"" and not mixer.playing


def test_a_sound_asked_for_mid_sound_mixes_in_at_the_next_read() -> None:
    mixer = Mixer({"tick": pcm(100, 100, 100, 100), "end": pcm(1, 2, 3, 4, 5, 6)})
    mixer.play("tick")
    assert samples(mixer.read(4)) == [100, 100]
    mixer.play("end")
    assert samples(mixer.read(4096)) == [101, 102, 3, 4, 5, 6]


def test_the_same_sound_twice_overlaps_and_loud_sums_clip_instead_of_wrapping() -> None:
    mixer = Mixer({"loud": pcm(30000, -30000, 5)})
    mixer.play("loud")
    mixer.play("loud")
    assert samples(mixer.read(4096)) == [32767, -32768, 10]


def test_stop_silences_everything_at_once() -> None:
    mixer = Mixer({"tick": pcm(1, 2, 3, 4)})
    mixer.play("tick")
    mixer.read(2)
    mixer.stop()
    assert mixer.read(4096) == b"" and mixer.bytes_left() == 0


def test_an_unknown_sound_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        Mixer({}).play("tick")


def test_upsampling_keeps_each_sample_and_puts_the_mean_between() -> None:
    assert list(upsample_twice(pcm(0, 100, -100))) == [0, 50, 100, 0, -100, -100]


@pytest.mark.parametrize("name", sorted(SOUND_FILES))
def test_the_bundled_sounds_read_as_16_bit_mono(name: str) -> None:
    data, rate = read_wav(paths.sounds_dir() / SOUND_FILES[name])
    assert rate == SAMPLE_RATE and len(data) > SAMPLE_RATE // 20


def test_a_file_that_is_not_a_wav_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "tick.wav"
    bad.write_bytes(b"not a wav at all")
    with pytest.raises(BadSound, match=r"tick\.wav"):
        read_wav(bad)

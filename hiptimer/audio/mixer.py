"""The beeps' mixer (no Qt): 16-bit mono PCM of every sound playing, summed, handed out on demand."""

from __future__ import annotations

import sys
import wave
from array import array
from pathlib import Path

SAMPLE_BYTES = 2  # 16-bit signed, native byte order (what the audio sink is opened with)
_LOW, _HIGH = -32768, 32767


class BadSound(ValueError):
    """A sound file the mixer cannot play: not a WAV, or not 16-bit mono."""


def read_wav(path: Path) -> tuple[array[int], int]:
    """(samples, sample rate) of a 16-bit mono WAV; BadSound naming the file otherwise."""
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != SAMPLE_BYTES or wav.getnchannels() != 1:
                raise BadSound(
                    f"{path.name} is {wav.getsampwidth() * 8}-bit with {wav.getnchannels()} "
                    "channels; the beeps need 16-bit mono"
                )
            rate, data = wav.getframerate(), wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise BadSound(f"{path.name} could not be read as a WAV file ({exc})") from exc
    samples = array("h", data)
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    return samples, rate


def upsample_twice(samples: array[int]) -> array[int]:
    """The same sound at twice the sample rate: each sample, then the mean of it and the next."""
    out = array("h", bytes(2 * len(samples) * SAMPLE_BYTES))
    out[0::2] = samples
    following = samples[1:] + array("h", samples[-1:])
    out[1::2] = array("h", [(a + b) // 2 for a, b in zip(samples, following, strict=True)])
    return out


class Mixer:
    """Sounds by name; play() starts one at the next read(), over anything still playing.

    read() returns the next PCM bytes of everything playing, summed and clipped, or no bytes at
    all when nothing plays: the audio sink then plays silence of its own and holds none of ours
    queued ahead, so the next beep is not kept waiting behind it.
    """

    def __init__(self, sounds: dict[str, array[int]]) -> None:
        self._sounds = sounds
        self._playing: list[tuple[array[int], int]] = []  # (samples, next sample to hand out)

    @property
    def names(self) -> list[str]:
        return sorted(self._sounds)

    @property
    def playing(self) -> bool:
        return bool(self._playing)

    def play(self, name: str) -> None:
        """Start the sound from its first sample in the next read(); KeyError if unknown."""
        self._playing.append((self._sounds[name], 0))

    def stop(self) -> None:
        """Drop everything playing: the next read() gives nothing."""
        self._playing.clear()

    def bytes_left(self) -> int:
        """How many bytes read() would hand out now, if asked for all of them."""
        return max((len(s) - at for s, at in self._playing), default=0) * SAMPLE_BYTES

    def read(self, max_bytes: int) -> bytes:
        """Up to max_bytes of the mix (whole samples); b"" when nothing plays."""
        count = min(max_bytes // SAMPLE_BYTES, self.bytes_left() // SAMPLE_BYTES)
        if count <= 0:
            return b""
        if len(self._playing) == 1:  # the usual case: one beep at a time, copied as it is
            samples, at = self._playing[0]
            mix = samples[at : at + count]
        else:
            sums = [0] * count
            for samples, at in self._playing:
                for i, value in enumerate(samples[at : at + count]):
                    sums[i] += value
            mix = array("h", [_HIGH if v > _HIGH else _LOW if v < _LOW else v for v in sums])
        self._playing = [(s, at + count) for s, at in self._playing if at + count < len(s)]
        return mix.tobytes()

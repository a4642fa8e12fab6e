"""Beeper: the countdown tick, end chime and start tone, mixed into one QAudioSink stream."""

# Why one stream, kept open through a session: QSoundEffect plays each sound on a stream of its
# own and starts the tick's stream again whenever another effect played since, which put the
# first beep of each countdown 17-23 ms late at the sound server (docs/performance.md). Here a
# QAudioSink pulls from a mixer that hands out PCM only while a sound plays; when nothing plays
# it hands out nothing, so the sink queues none of our silence ahead of the next beep, and
# play() nudges the sink (readyRead) to pull the beep at once.

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QIODevice, QLoggingCategory, QObject, QTimer, Signal

from hiptimer import paths
from hiptimer.audio.mixer import SAMPLE_BYTES, BadSound, Mixer, read_wav, upsample_twice
from hiptimer.audio.sound_synth import SOUND_FILES

log = logging.getLogger(__name__)

# QtMultimedia probes for optional libraries (libpipewire-0.3, libva) and logs a warning for each
# one it cannot load, e.g. "qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library";
# the pipewire one comes from merely importing the module. They are harmless (Qt falls back to
# PulseAudio), so they are silenced before the import. setFilterRules() replaces any rules set
# before it: if the app sets its own, it should include this one.
# https://doc.qt.io/qt-6/qloggingcategory.html#setFilterRules
MULTIMEDIA_LOG_RULES = "qt.multimedia.symbolsresolver.warning=false"

VOLUME = 0.6  # of the sounds as generated: what QSoundEffect played them at before
BUFFER_S = 0.05  # the sink's own buffer: enough to ride out a busy GUI thread mid-beep
QUIET_AFTER_S = 0.25  # after the last sound ends, before release() closes the stream


class SoundUnavailable(RuntimeError):
    """Sounds cannot play here (no QtMultimedia, no audio output, missing or bad file)."""


class AudioOutput(Protocol):
    """The part of QAudioSink that Beeper uses: start pulling from a device, and stop."""

    def start(self, device: QIODevice) -> None: ...  # raises SoundUnavailable if it cannot
    def stop(self) -> None: ...


# Opens an output at the first of the sample rates it can play: (output, that rate).
OutputFactory = Callable[[list[int], QObject], tuple[AudioOutput, int]]


class MixerDevice(QIODevice):
    """The mixer as a sequential read-only device for QAudioSink's pull mode.

    Signals: readyRead (QIODevice's), emitted by play() so that the sink pulls the sound now
    rather than at its next period. Unbuffered: a buffered QIODevice would read 16 KiB ahead.
    """

    def __init__(self, mixer: Mixer, parent: QObject) -> None:
        super().__init__(parent)
        self.mixer = mixer
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def play(self, name: str) -> None:
        self.mixer.play(name)
        self.readyRead.emit()

    def isSequential(self) -> bool:
        return True

    def bytesAvailable(self) -> int:
        # Qt's sink reads only what this says is there: nothing while the mixer is quiet.
        return self.mixer.bytes_left() + super().bytesAvailable()

    def readData(self, maxlen: int, /) -> bytes:
        return self.mixer.read(maxlen)

    def writeData(self, data: bytes | bytearray | memoryview, length: int, /) -> int:
        return -1  # read-only


class _QtSink:
    """A QAudioSink on the default output, opened in 16-bit mono at a rate it supports."""

    def __init__(self, rates: list[int], parent: QObject) -> None:
        QLoggingCategory.setFilterRules(MULTIMEDIA_LOG_RULES)
        try:
            from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices
        except ImportError as exc:
            raise SoundUnavailable(f"QtMultimedia is not available ({exc})") from exc
        # With no sound server this logs "PulseAudioService: pa_context_connect() failed" once.
        if not QMediaDevices.audioOutputs():
            raise SoundUnavailable("no audio output device")
        device = QMediaDevices.defaultAudioOutput()
        for rate in rates:
            fmt = QAudioFormat()
            fmt.setSampleRate(rate)
            fmt.setChannelCount(1)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            if device.isFormatSupported(fmt):
                break
        else:
            raise SoundUnavailable(f"{device.description()} plays none of {rates} Hz 16-bit mono")
        self.rate = rate
        self._sink = QAudioSink(device, fmt, parent)
        self._sink.setBufferSize(round(BUFFER_S * rate) * SAMPLE_BYTES)
        self._sink.setVolume(VOLUME)
        # Not stateChanged: PySide6 6.11 cannot pass QAudio::State to a Python slot ("Cannot
        # call meta function"), so the state is read after start() instead.

    def start(self, device: QIODevice) -> None:
        from PySide6.QtMultimedia import QtAudio  # what error() gives; QAudio.Error never equals it

        self._sink.start(device)
        if self._sink.error() != QtAudio.Error.NoError:
            raise SoundUnavailable(f"the audio output would not open ({self._sink.error().name})")

    def stop(self) -> None:
        self._sink.stop()


def qt_output_factory(rates: list[int], parent: QObject) -> tuple[AudioOutput, int]:
    """A QAudioSink at the first rate of `rates` the default output takes; SoundUnavailable if
    there is no output (or no QtMultimedia)."""
    sink = _QtSink(rates, parent)
    return sink, sink.rate


class Beeper(QObject):
    """Plays tick(), end() and start(); any failure is logged once and the beeper goes quiet.

    Signals: unavailable(str) once, with why, when the sounds cannot play (the window says so:
    a user who hears the voice but no beeps was told nothing). QtMultimedia is imported on the first sound (or preload()), not at start-up.
    The stream opens then and stays open until release() (the session ended), so that every
    beep of a countdown goes out on the same open stream.
    """

    unavailable = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        output_factory: OutputFactory | None = None,
        sounds_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = output_factory or qt_output_factory
        self._dir = sounds_dir
        self._output: AudioOutput | None = None
        self._device: MixerDevice | None = None
        self._device_rate = 0
        self._open = False
        self._failed = False
        self._muted = False
        self._closer = QTimer(self)  # release(): closes the stream once the last sound ended
        self._closer.setSingleShot(True)
        self._closer.timeout.connect(self._close_when_quiet)

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        """`slot` gets why, once, when the beeps turn out unable to play."""
        self.unavailable.connect(slot)

    @property
    def available(self) -> bool | None:
        """None until the first sound is loaded, then whether sounds can play."""
        if self._failed:
            return False
        return None if self._device is None else True

    @property
    def is_open(self) -> bool:
        """Whether the stream is open (between the first sound or preload() and release())."""
        return self._open

    @property
    def device(self) -> MixerDevice | None:
        """What the sink pulls from, once loaded: the mix is read from it."""
        return self._device

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted and self._device is not None:
            self._device.mixer.stop()

    def preload(self) -> None:
        """Load the sounds and open the stream now (a session starts): the first tick is on
        time and goes out on the stream the countdown keeps. Muted, the stream waits for the
        first sound after unmuting."""
        self._ready(open_stream=not self._muted)

    def release(self) -> None:
        """The session is over: close the stream once what plays has ended (no idle wake-ups
        while the window only waits). The next sound or preload() opens it again."""
        if self._open and self._device is not None:
            left_s = self._device.mixer.bytes_left() / SAMPLE_BYTES / self._device_rate
            self._closer.start(round((left_s + QUIET_AFTER_S) * 1000))

    def close(self) -> None:
        """The app quits: close the stream now, cutting off what plays (release() waits on a
        timer, and the event loop that would run it has ended)."""
        self._closer.stop()
        if self._device is not None:
            self._device.mixer.stop()
        self._close_when_quiet()

    def tick(self) -> None:
        self._play("tick")

    def end(self) -> None:
        self._play("end")

    def start(self) -> None:
        self._play("start")

    def _play(self, name: str) -> None:
        if self._muted:
            return
        device = self._ready()
        if device is not None:
            device.play(name)

    def _ready(self, open_stream: bool = True) -> MixerDevice | None:
        """The device with the stream open, loading and opening what is not; None: no beeps."""
        self._closer.stop()  # a sound (or a session) after release(): keep the stream
        if self._failed:
            return None
        try:
            if self._device is None:
                self._load()
            assert self._output is not None and self._device is not None
            if open_stream and not self._open:
                self._output.start(self._device)
                self._open = True
        except Exception as exc:
            self._failed = True
            log.warning("Beeps are off: %s", exc)
            self.unavailable.emit(str(exc))
            return None
        return self._device

    def _load(self) -> None:
        folder = self._dir or paths.sounds_dir()
        sounds, rates = {}, set()
        for name, file_name in SOUND_FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise SoundUnavailable(f"{path} is missing")
            try:
                sounds[name], rate = read_wav(path)
            except BadSound as exc:
                raise SoundUnavailable(str(exc)) from exc
            rates.add(rate)
        if len(rates) != 1:
            raise SoundUnavailable(f"the sounds in {folder} differ in sample rate {sorted(rates)}")
        (rate,) = rates
        # Twice the files' rate where the output takes it. Qt's PulseAudio sink keeps up to 1024
        # frames queued at the server (its maxlength), and a beep waits behind them: 23 ms at
        # 44.1 kHz, 11.6 ms at 88.2 kHz. The server resamples to the card's rate.
        # https://code.qt.io/cgit/qt/qtmultimedia.git/tree/src/multimedia/pulseaudio/qpulseaudiosink.cpp
        output, opened = self._factory([2 * rate, rate], self)
        if opened == 2 * rate:
            sounds = {name: upsample_twice(samples) for name, samples in sounds.items()}
        elif opened != rate:
            raise SoundUnavailable(f"the output opened at {opened} Hz, not {rate} or {2 * rate}")
        self._output, self._device_rate = output, opened
        self._device = MixerDevice(Mixer(sounds), self)

    def _close_when_quiet(self) -> None:
        if self._device is not None and self._device.mixer.playing:
            self.release()  # a sound started since: wait for it too
            return
        if self._open and self._output is not None:
            self._open = False
            try:
                self._output.stop()
            except Exception:  # closing must not take the app down; the next open reports
                log.exception("Beeps: could not close the audio stream")

"""Beeper: the countdown tick, end chime and start tone, played with QtMultimedia loaded on first use."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLoggingCategory, QObject, QUrl

from hiptimer import paths
from hiptimer.audio.sound_synth import SOUND_FILES

log = logging.getLogger(__name__)

# QtMultimedia probes for optional libraries (libpipewire-0.3, libva) and logs a warning for each
# one it cannot load, e.g. "qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library";
# the pipewire one comes from merely importing the module. They are harmless (Qt falls back to
# PulseAudio), so they are silenced before the import. setFilterRules() replaces any rules set
# before it: if the app sets its own, it should include this one.
# https://doc.qt.io/qt-6/qloggingcategory.html#setFilterRules
MULTIMEDIA_LOG_RULES = "qt.multimedia.symbolsresolver.warning=false"


class SoundEffect(Protocol):
    """The part of QSoundEffect that Beeper uses."""

    def play(self) -> None: ...
    def stop(self) -> None: ...


EffectFactory = Callable[[Path, QObject], SoundEffect]


class SoundUnavailable(RuntimeError):
    """Sounds cannot play here (no QtMultimedia, no audio output, missing file)."""


def qt_effect_factory(path: Path, parent: QObject) -> SoundEffect:
    """A QSoundEffect for path; raises SoundUnavailable if there is nowhere to play it."""
    QLoggingCategory.setFilterRules(MULTIMEDIA_LOG_RULES)
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:
        raise SoundUnavailable(f"QtMultimedia is not available ({exc})") from exc
    # With no sound server this logs "PulseAudioService: pa_context_connect() failed" once.
    if not QMediaDevices.audioOutputs():
        raise SoundUnavailable("no audio output device")
    effect = QSoundEffect(parent)

    def report_error() -> None:
        if effect.status() == QSoundEffect.Status.Error:
            log.warning("Beeps: could not load %s for the audio device", path.name)

    effect.statusChanged.connect(report_error)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(0.6)
    return effect


class Beeper(QObject):
    """Plays tick(), end() and start(); any failure is logged once and the beeper goes quiet.

    Signals: none. QtMultimedia is imported on the first sound (or preload()), not at start-up.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        effect_factory: EffectFactory | None = None,
        sounds_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = effect_factory or qt_effect_factory
        self._dir = sounds_dir
        self._effects: dict[str, SoundEffect] | None = None
        self._failed = False
        self._muted = False

    @property
    def available(self) -> bool | None:
        """None until the first sound is loaded, then whether sounds can play."""
        if self._failed:
            return False
        return None if self._effects is None else True

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted and self._effects:
            for effect in self._effects.values():
                effect.stop()

    def preload(self) -> None:
        """Load the sounds now (say, when a session starts) so the first tick is on time."""
        self._load()

    def tick(self) -> None:
        self._play("tick")

    def end(self) -> None:
        self._play("end")

    def start(self) -> None:
        self._play("start")

    def _play(self, name: str) -> None:
        if self._muted:
            return
        effects = self._load()
        if effects is not None:
            effects[name].play()

    def _load(self) -> dict[str, SoundEffect] | None:
        if self._effects is not None or self._failed:
            return self._effects
        folder = self._dir or paths.sounds_dir()
        try:
            effects = {}
            for name, file_name in SOUND_FILES.items():
                path = folder / file_name
                if not path.is_file():
                    raise SoundUnavailable(f"{path} is missing")
                effects[name] = self._factory(path, self)
        except Exception as exc:
            self._failed = True
            log.warning("Beeps are off: %s", exc)
            return None
        self._effects = effects
        return effects

"""A recording stand-in for pyttsx3.Engine: same calls and callbacks, no audio."""

from __future__ import annotations

import math
import threading
import time
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FAKE_RATE = 22050
HOLD_LIMIT_S = 10.0


@dataclass
class FakeVoice:
    id: str
    name: str


@dataclass
class FakeEngine:
    """Speaks by firing pyttsx3's callbacks; records what it was asked and on which thread.

    word_s: simulated seconds per word; hold: runAndWait() waits for this event before ending an
    utterance (and sets `holding` while it waits; a safety timeout ends the wait after
    HOLD_LIMIT_S so a broken test cannot hang); fail_on_say: the n-th say() (1-based) raises; async_save: write save_to_file's WAV
    on another thread after runAndWait() returns, like pyttsx3's espeak driver.
    """

    driver_name: str | None = None
    word_s: float = 0.0
    hold: threading.Event | None = None
    fail_on_say: int | None = None
    async_save: bool = False
    seconds_per_word: float = 0.3  # length of the WAV save_to_file writes
    voices: list[FakeVoice] = field(
        default_factory=lambda: [FakeVoice("en-gb", "English (GB)"), FakeVoice("de", "German")]
    )
    spoken: list[str] = field(default_factory=list)
    saved: list[tuple[str, str]] = field(default_factory=list)
    properties: list[tuple[str, Any]] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)
    stop_calls: int = 0
    max_concurrent: int = 0
    words_started: int = 0
    holding: threading.Event = field(default_factory=threading.Event)
    _queue: list[tuple[str, str, str | None]] = field(default_factory=list)
    _callbacks: dict[str, list[Callable[..., object]]] = field(default_factory=dict)
    _says: int = 0
    _active: int = 0
    _stop: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _record_thread(self) -> None:
        self.threads.add(threading.current_thread().name)

    def release(self) -> None:
        """Let the utterance held by `hold` end."""
        assert self.hold is not None, "made without hold="
        self.hold.set()

    def connect(self, topic: str, cb: Callable[..., object]) -> dict[str, object]:
        self._callbacks.setdefault(topic, []).append(cb)
        return {"topic": topic, "cb": cb}

    def _notify(self, topic: str, **kwargs: object) -> None:
        for cb in self._callbacks.get(topic, []):
            cb(**kwargs)

    def say(self, text: str, name: str | None = None) -> None:
        self._record_thread()
        self._says += 1
        if self.fail_on_say is not None and self._says >= self.fail_on_say:
            raise RuntimeError("the synthesiser crashed")
        self._queue.append(("say", text, None))

    def save_to_file(self, text: str, filename: str, name: str | None = None) -> None:
        self._record_thread()
        self._queue.append(("save", text, filename))

    def stop(self) -> None:
        self._record_thread()
        self.stop_calls += 1
        self._stop = True

    def getProperty(self, name: str) -> Any:
        self._record_thread()
        if name == "voices":
            return self.voices
        raise KeyError(name)

    def setProperty(self, name: str, value: Any) -> None:
        self._record_thread()
        if name == "voice" and value not in {v.id for v in self.voices}:
            raise ValueError(f"no voice {value!r}")
        self.properties.append((name, value))

    def runAndWait(self) -> None:
        self._record_thread()
        with self._lock:
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
        try:
            queue, self._queue = self._queue, []
            for kind, text, filename in queue:
                if kind == "say":
                    self._speak(text)
                elif filename is not None:
                    self._save(text, filename)
        finally:
            with self._lock:
                self._active -= 1

    def _speak(self, text: str) -> None:
        self._stop = False
        self._notify("started-utterance", name=None)
        words = text.split()
        said: list[str] = []
        for index, word in enumerate(words):
            self.words_started += 1
            self._notify("started-word", name=None, location=index, length=len(word))
            if self._stop:
                break
            said.append(word)
            if self.word_s:
                time.sleep(self.word_s)  # the fake is "speaking"
        if self.hold is not None and not self._stop:
            self.holding.set()
            self.hold.wait(HOLD_LIMIT_S)
        completed = not self._stop
        self.spoken.append(text if completed else " ".join(said) + " —")
        self._notify("finished-utterance", name=None, completed=completed)

    def _save(self, text: str, filename: str) -> None:
        self.saved.append((text, filename))

        def write() -> None:
            write_tone(Path(filename), self.seconds_per_word * len(text.split()))
            self._notify("finished-utterance", name=None, completed=True)

        if self.async_save:
            threading.Timer(0.05, write).start()
        else:
            write()


def write_tone(path: Path, seconds: float, freq: float = 440.0) -> None:
    """A mono 16-bit WAV of a sine tone at FAKE_RATE, standing in for rendered speech."""
    n = round(seconds * FAKE_RATE)
    pcm = array("h", (round(8000 * math.sin(2 * math.pi * freq * i / FAKE_RATE)) for i in range(n)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(FAKE_RATE)
        out.writeframes(pcm.tobytes())

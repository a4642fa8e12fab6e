"""A speech service that records what it is told to say and set, for the settings tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

VOICES = [("en-gb", "English (GB)"), ("de", "German"), ("en-us", "English (America)")]


class RecordingSpeech(QObject):
    """The SpeechService's interface, recording every call in order.

    Signals: ready(), unavailable(str), as SpeechService has them.
    """

    ready = Signal()
    unavailable = Signal(str)

    def __init__(self, voices: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self._voices = list(VOICES if voices is None else voices)
        self.calls: list[tuple[str, object]] = []
        self.said: list[str] = []
        self.muted = False
        self.unavailable_reason: str | None = None

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    def voices(self) -> list[tuple[str, str]]:
        return list(self._voices)

    def set_voice(self, voice_id: str) -> None:
        self.calls.append(("voice", voice_id))

    def set_rate(self, words_per_minute: int) -> None:
        self.calls.append(("rate", words_per_minute))

    def set_volume(self, volume: float) -> None:
        self.calls.append(("volume", volume))

    def test_voice(self) -> None:
        self.calls.append(("test", None))

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        if not self.muted:
            self.said.append(text)

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def clear(self) -> None:
        pass

    def forget(self, kind: str) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def connect_ready(self, slot: Callable[[], None]) -> None:
        self.ready.connect(slot)

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        self.unavailable.connect(slot)

    def connect_started(self, slot: Callable[[str], None]) -> None:
        pass  # no session here: nothing listens for what is being said

    def shutdown(self) -> None:
        pass

    def fail(self, reason: str) -> None:
        self.unavailable_reason = reason
        self.unavailable.emit(reason)

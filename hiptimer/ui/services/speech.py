"""SpeechService: spoken cues from the GUI thread, one at a time, on the speech worker thread."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal

from hiptimer import paths
from hiptimer.audio import tts
from hiptimer.audio.phrase_cache import PhraseCache
from hiptimer.audio.speech_worker import SpeechWorker
from hiptimer.i18n import N_, translate

log = logging.getLogger(__name__)

TEST_PHRASE = N_("This is your HipTimer coach. Breathe out as you lift.")


@dataclass(frozen=True)
class Utterance:
    """One pending cue; due and stale_after are on the service's monotonic clock."""

    seq: int
    text: str
    kind: str  # "cue", "countdown", "test"
    due: float
    stale_after: float | None = None

    def is_stale(self, now: float) -> bool:
        return self.stale_after is not None and now > self.stale_after


class _Bridge(QObject):
    """Carries the worker thread's callbacks to the GUI thread as queued signals.

    Signals: done(int, bool), failed(str), ready(object).
    """

    done = Signal(int, bool)
    failed = Signal(str)
    ready = Signal(object)


class SpeechService(QObject):
    """Speaks cues in order, one at a time; say() and clear() return at once.

    Signals: ready() once the engine is up and voices() is filled; started_utterance(str) as
    each utterance goes to the voice (idle by then, so it starts at once: captions follow it);
    finished_utterance(str) after each utterance ends, spoken or cut off; dropped(str) for one that went stale before its turn;
    unavailable(str) once, with what to install, when there is no speech (say() keeps working
    and does nothing, so captions carry on).

    Call shutdown() at exit: it ends and joins the worker thread.
    """

    ready = Signal()
    started_utterance = Signal(str)
    finished_utterance = Signal(str)
    dropped = Signal(str)
    unavailable = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engine_factory: tts.EngineFactory | None = None,
        clock: Callable[[], float] = time.monotonic,
        player: list[str] | None = None,
        enabled: bool = True,
        cache: PhraseCache | None = None,
    ) -> None:
        """`cache`: where rendered phrases are kept; by default the per-user cache folder."""
        super().__init__(parent)
        self._clock = clock
        self._pending: list[Utterance] = []
        self._in_flight: Utterance | None = None
        self._seq = 0
        self._muted = False
        self._voices: list[tuple[str, str]] = []
        self._unavailable_reason: str | None = None
        self._bridge = _Bridge(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.done.connect(self._on_done, queued)
        self._bridge.failed.connect(self._on_failed, queued)
        self._bridge.ready.connect(self._on_ready, queued)
        self._worker: SpeechWorker | None = None
        if enabled:
            self._worker = SpeechWorker(
                engine_factory or tts.default_engine_factory,
                on_ready=self._bridge.ready.emit,
                on_done=self._bridge.done.emit,
                on_failed=self._bridge.failed.emit,
                player=player,
                cache=cache if cache is not None else PhraseCache(paths.speech_cache_dir()),
            )
            self._worker.start()

    # --- state -----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """False once speech is known not to work (or was never enabled)."""
        return self._worker is not None and self._unavailable_reason is None

    @property
    def unavailable_reason(self) -> str | None:
        return self._unavailable_reason

    @property
    def muted(self) -> bool:
        return self._muted

    def pending(self) -> list[Utterance]:
        """The utterances waiting their turn (not the one being spoken)."""
        return list(self._pending)

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of the engine's voices; empty until ready() or without speech."""
        return list(self._voices)

    def connect_ready(self, slot: Callable[[], None]) -> None:
        """Call `slot` (on the GUI thread) once the engine is up and voices() is filled."""
        self.ready.connect(slot)

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        """Call `slot` with the reason (what to install) if speech turns out not to work."""
        self.unavailable.connect(slot)

    def connect_started(self, slot: Callable[[str], None]) -> None:
        """Call `slot` with each utterance's text as the voice starts saying it."""
        self.started_utterance.connect(slot)

    # --- commands --------------------------------------------------------------------------

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        """Queue text; with stale_after_s, drop it if it cannot start within that many seconds."""
        text = text.strip()
        if not text or not self.available or (self._muted and kind != "test"):
            return
        now = self._clock()
        self._seq += 1
        stale_after = None if stale_after_s is None else now + stale_after_s
        self._pending.append(Utterance(self._seq, text, kind, now, stale_after))
        self._pump()

    def prepare(self, texts: Iterable[str]) -> None:
        """Render these phrases ahead, in order, while the voice is idle (a session's script):
        when one is said later its player starts at once. Replaces an earlier prepare()."""
        if self._worker is not None and self.available:
            self._worker.prepare(text.strip() for text in texts if text.strip())

    def clear(self) -> None:
        """Drop everything pending and cut off the utterance being spoken."""
        self._pending.clear()
        if self._in_flight is not None and self._worker is not None:
            self._worker.cancel_through(self._in_flight.seq)

    def forget(self, kind: str) -> None:
        """Drop the waiting utterances of this kind; the one being said goes on."""
        self._pending = [u for u in self._pending if u.kind != kind]

    def set_muted(self, muted: bool) -> None:
        """Muting also clears; test_voice() still speaks while muted (the user asked for it)."""
        self._muted = muted
        if muted:
            self.clear()

    def set_voice(self, voice_id: str) -> None:
        self._set_property("voice", voice_id)

    def set_rate(self, words_per_minute: int) -> None:
        self._set_property("rate", max(40, int(words_per_minute)))

    def set_volume(self, volume: float) -> None:
        self._set_property("volume", min(1.0, max(0.0, float(volume))))

    def test_voice(self, text: str | None = None) -> None:
        """Cut off whatever is playing and speak a sample with the current settings."""
        self.clear()
        self.say(translate(TEST_PHRASE) if text is None else text, kind="test")

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop speaking and join the worker thread; safe to call twice. What the worker said
        as it ended (ready, failed, done), queued for the GUI thread, is dropped on arrival."""
        self._pending.clear()
        worker, self._worker = self._worker, None
        if worker is not None and not worker.stop(timeout):
            log.warning("speech: the worker thread did not end within %.1f s", timeout)

    # --- internals -------------------------------------------------------------------------

    def _set_property(self, name: str, value: object) -> None:
        if self._worker is not None:
            self._worker.set_property(name, value)

    def _pump(self) -> None:
        """Hand the next fresh utterance to the worker if it is idle."""
        while self._in_flight is None and self._pending and self._worker is not None:
            utterance = self._pending.pop(0)
            if utterance.is_stale(self._clock()):
                log.debug("speech: dropped stale %r", utterance.text)
                self.dropped.emit(utterance.text)
                continue
            self._in_flight = utterance
            self._worker.say(utterance.seq, utterance.text)
            self.started_utterance.emit(utterance.text)

    def _on_done(self, seq: int, completed: bool) -> None:
        if self._worker is None or self._in_flight is None or self._in_flight.seq != seq:
            return  # (shut down: the worker's last word, delivered from the queue after it)
        text, self._in_flight = self._in_flight.text, None
        log.debug("speech: finished %r (completed=%s)", text, completed)
        self.finished_utterance.emit(text)
        self._pump()

    def _on_ready(self, voices: object) -> None:
        if self._worker is None:  # shut down: delivered from the queue after shutdown()
            return
        self._voices = list(voices) if isinstance(voices, list) else []
        self.ready.emit()

    def _on_failed(self, message: str) -> None:
        if self._unavailable_reason is not None or self._worker is None:  # (or shut down)
            return
        self._unavailable_reason = message
        self._pending.clear()
        self._in_flight = None
        log.warning("%s", message)
        self.unavailable.emit(message)

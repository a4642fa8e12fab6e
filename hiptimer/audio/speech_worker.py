"""The speech worker: one long-lived thread that creates and owns the pyttsx3 engine (no Qt).

The GUI side (hiptimer/ui/services/speech.py) keeps the queue and hands over one utterance at a time;
this thread speaks it and reports back through callbacks, which run on this thread. While it has
nothing to say it renders the phrases it was told are coming (prepare) into a PhraseCache, so
that a cue due later starts its player at once instead of waiting for espeak-ng first.
"""

from __future__ import annotations

import functools
import logging
import os
import queue
import signal
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from hiptimer import i18n
from hiptimer.audio import tts
from hiptimer.audio.phrase_cache import PhraseCache
from hiptimer.audio.player_process import Players, end_process
from hiptimer.audio.speech_folder import TEMP_PREFIX, remove_stale_folders

log = logging.getLogger(__name__)
# A player started ahead is ended after the voice has had nothing to do for this long (between
# sessions, in the library for hours): it keeps the sound device open while it waits, which
# on a plain ALSA device without mixing would keep other programs from playing. Longer than
# the built-in routines' longest hold (20 minutes), so their cues keep a player ready.
PLAYER_IDLE_S = 1800.0

ReadyCallback = Callable[[list[tuple[str, str]]], None]
DoneCallback = Callable[[int, bool], None]  # (seq, completed)
FailedCallback = Callable[[str], None]


@dataclass(frozen=True)
class _Say:
    seq: int
    text: str


@dataclass(frozen=True)
class _SetProperty:
    name: str
    value: object


@dataclass(frozen=True)
class _Prepare:
    texts: tuple[str, ...]


_STOP = object()


class SpeechWorker:
    """Speaks on its own thread; say/set_property/cancel_through/stop never block the caller.

    With pyttsx3's espeak driver, each utterance is rendered with save_to_file and played by a
    player process (aplay, paplay, pw-play) that cancel_through() ends at once; see
    hiptimer/audio/tts.py for why engine.say()/engine.stop() cannot do that. aplay is started
    ahead while the voice is idle, and the due phrase is written into it
    (hiptimer/audio/player_process.py); after PLAYER_IDLE_S with nothing to say it is ended.
    Other drivers (sapi5, nsss, test fakes) speak with engine.say() + runAndWait(), and a
    cancel calls engine.stop() from the engine's started-word callback on this thread, the
    pattern pyttsx3 documents for interrupting:
    https://pyttsx3.readthedocs.io/en/latest/engine.html#examples
    """

    def __init__(
        self,
        engine_factory: tts.EngineFactory,
        *,
        on_ready: ReadyCallback,
        on_done: DoneCallback,
        on_failed: FailedCallback,
        player: list[str] | None = None,
        cache: PhraseCache | None = None,
    ) -> None:
        """With `cache`, phrases are rendered ahead (prepare) and kept there for next time."""
        self._factory = engine_factory
        self._cache = cache
        self._to_render: deque[str] = deque()  # prepared phrases not yet rendered, in order
        self._settings: dict[str, object] = {}  # voice, rate, volume: part of a cache key
        self._on_ready = on_ready
        self._on_done = on_done
        self._on_failed = on_failed
        self._player = player
        self._players: Players | None = None  # the espeak path's, once the thread has begun
        self._commands: queue.Queue[object] = queue.Queue()
        self._lock = threading.Lock()
        self._cancel_through = 0  # every utterance with seq <= this is cancelled
        self._current_seq = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._engine: tts.TtsEngine | None = None
        self._completion: tts.Completion | None = None
        self._wav = Path()  # set on the worker thread once its temporary folder exists
        self._default_voice: str | None = None  # the engine's own voice: what voice "" means
        self._thread = threading.Thread(target=self._run, name="hiptimer-speech", daemon=True)

    # --- called from the GUI thread -------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def say(self, seq: int, text: str) -> None:
        """Queue one utterance; seq must grow with every call."""
        self._commands.put(_Say(seq, text))

    def set_property(self, name: str, value: object) -> None:
        """Set an engine property (voice, rate, volume) on the worker before the next utterance."""
        self._commands.put(_SetProperty(name, value))

    def prepare(self, texts: Iterable[str]) -> None:
        """Render these phrases, in this order, whenever there is nothing to say; they replace
        the phrases of an earlier prepare() still waiting. Without a cache it does nothing."""
        if self._cache is not None:
            self._commands.put(_Prepare(tuple(texts)))

    def cancel_through(self, seq: int) -> None:
        """Cancel every utterance up to seq: cut off the current one, skip queued ones."""
        with self._lock:
            self._cancel_through = max(self._cancel_through, seq)
            process = self._process if self._current_seq <= seq else None
        if process is not None:
            end_process(process, signal.SIGTERM)

    def stop(self, timeout: float = 5.0) -> bool:
        """Cut off speech, end the thread and wait for it; True if it has ended."""
        self.cancel_through(2**62)
        self._commands.put(_STOP)
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    # --- the worker thread -----------------------------------------------------------------

    def _cancelled(self, seq: int) -> bool:
        with self._lock:
            return seq <= self._cancel_through

    def _run(self) -> None:
        try:
            engine = self._factory()
        except tts.SpeechUnavailable as exc:
            self._on_failed(str(exc))
            return
        except Exception as exc:
            self._on_failed(tts.explain_init_failure(exc))
            return
        remove_stale_folders()
        with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-") as tmp:
            try:
                speak = self._choose_speaker(engine, Path(tmp))
            except tts.SpeechUnavailable as exc:
                self._on_failed(str(exc))
                return
            # Voice "" is the system's voice for the language in use: Spanish text read by an
            # English voice is hard to follow.
            chosen = tts.use_language_voice(engine, i18n.language())
            self._default_voice = chosen or tts.current_voice(engine)
            self._on_ready(tts.list_voices(engine))
            try:
                self._loop(engine, speak)
            finally:
                if self._players is not None:
                    self._players.close()

    def _choose_speaker(self, engine: tts.TtsEngine, tmp: Path) -> Callable[[_Say], bool]:
        self._engine = engine
        self._completion = tts.Completion(engine)
        if tts.driver_name(engine) != "espeak":
            engine.connect("started-word", self._on_started_word)
            return self._speak_direct
        player = self._player or tts.find_player()
        if not player:
            raise tts.SpeechUnavailable(i18n.translate(tts.INSTALL_PLAYER))
        self._player = player
        self._wav = tmp / "utterance.wav"
        self._players = Players(player, self._wav.with_suffix(".err"))
        return self._speak_via_file

    def _loop(self, engine: tts.TtsEngine, speak: Callable[[_Say], bool]) -> None:
        ahead = True  # a player waits ahead, until the voice has been idle PLAYER_IDLE_S
        while True:
            if self._players is not None and self._commands.empty() and ahead:
                self._players.start_ahead()  # idle: the next phrase's player gets ready
            try:  # a command first: rendering ahead waits whenever there is one
                if self._to_render:
                    command = self._commands.get(block=False)
                else:
                    waits = self._players is not None and self._players.waiting is not None
                    command = self._commands.get(timeout=PLAYER_IDLE_S if waits else None)
            except queue.Empty:
                if self._to_render:
                    self._render_ahead(self._to_render.popleft())
                elif self._players is not None:  # long idle: the sound device is let go
                    self._players.close()
                    ahead = False
                continue
            ahead = True  # something to do: the voice is in use again
            if command is _STOP:
                return
            if isinstance(command, _SetProperty):
                self._set_property(engine, command)
            elif isinstance(command, _Prepare):
                # Rendering ahead is for the file path (espeak); other drivers speak directly.
                if self._player is not None and tts.driver_name(engine) == "espeak":
                    self._to_render = deque(dict.fromkeys(command.texts))
            elif isinstance(command, _Say) and not self._say_one(command, speak):
                return

    def _set_property(self, engine: tts.TtsEngine, command: _SetProperty) -> None:
        value = command.value
        if command.name == "voice" and not value:  # "" is the system default
            value = self._default_voice
            if value is None:
                return
        try:
            engine.setProperty(command.name, value)
        except Exception as exc:
            log.warning("speech: could not set %s to %r: %s", command.name, command.value, exc)
            return
        self._settings[command.name] = value

    def _cache_key(self, text: str) -> str:
        return PhraseCache.key(text, {"voice": self._default_voice, **self._settings})

    def _render_ahead(self, text: str) -> None:
        """Render one prepared phrase into the cache, unless it is there already."""
        cache, engine, completion = self._cache, self._engine, self._completion
        if cache is None or engine is None or completion is None:
            return
        key = self._cache_key(text)
        if cache.get(key) is not None:
            return
        ahead = self._wav.with_name("ahead.wav")
        try:
            tts.synthesize_to_file(engine, completion, text, ahead)
        except Exception as exc:  # when it is due, the phrase is rendered (and fails) again
            log.debug("speech: could not render %r ahead: %s", text, exc)
            return
        tts.trim_leading_silence(ahead)
        cache.put(key, ahead)

    def _say_one(self, command: _Say, speak: Callable[[_Say], bool]) -> bool:
        """Speak one utterance and report it; False if the engine failed and the loop must end."""
        with self._lock:
            self._current_seq = command.seq
        if self._cancelled(command.seq):
            self._on_done(command.seq, False)
            return True
        try:
            completed = speak(command)
        except tts.SpeechUnavailable as exc:
            self._on_failed(str(exc))
            return False
        except Exception as exc:
            log.debug("speech engine failed", exc_info=True)
            self._on_failed(
                f"Speech stopped: the speech engine failed ({type(exc).__name__}: {exc})."
            )
            return False
        self._on_done(command.seq, completed)
        return True

    def _on_started_word(self, **_kwargs: object) -> None:
        # Runs on this thread inside runAndWait() for sapi5/nsss; never used with espeak (deadlock).
        if self._engine is not None and self._cancelled(self._current_seq):
            self._engine.stop()

    def _speak_direct(self, command: _Say) -> bool:
        assert self._engine is not None and self._completion is not None
        self._completion.arm()
        self._engine.say(command.text)
        self._engine.runAndWait()
        finished = self._completion.wait(tts.timeout_for(command.text))
        if not finished and self._completion.errors:
            raise self._completion.errors[0]
        return bool(self._completion.completed) and not self._cancelled(command.seq)

    def _rendered(self, text: str) -> Path:
        """The phrase as a WAV: from the cache when it was rendered before, else rendered now
        (and kept in the cache for the next time it is said)."""
        assert self._engine is not None and self._completion is not None
        key = self._cache_key(text) if self._cache is not None else ""
        if self._cache is not None:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
        tts.synthesize_to_file(self._engine, self._completion, text, self._wav)
        tts.trim_leading_silence(self._wav)
        if self._cache is not None:
            return self._cache.put(key, self._wav) or self._wav
        return self._wav

    def _speak_via_file(self, command: _Say) -> bool:
        assert self._player is not None
        wav = self._rendered(command.text)
        with self._lock:
            if command.seq <= self._cancel_through:
                return False
        assert self._players is not None
        try:
            process = self._players.play(wav)
        except OSError as exc:
            raise tts.SpeechUnavailable(
                i18n._("Speech is off: could not run {program}: {why}").format(
                    program=self._player[0], why=exc
                )
            ) from exc
        with self._lock:
            self._process = process
            cancelled = command.seq <= self._cancel_through
        if cancelled:  # cancel_through() ran while the player was starting
            end_process(process, signal.SIGTERM)
        try:
            gone = functools.partial(self._cancelled, command.seq)
            return self._players.wait(process, command.text, wav, gone)
        finally:
            with self._lock:
                self._process = None

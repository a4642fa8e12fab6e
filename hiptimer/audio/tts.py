"""pyttsx3 in one place (no Qt): the engine factory, messages for missing speech, and its quirks.

Measured with pyttsx3 2.99 and espeak-ng 1.51 on Linux (the "espeak" driver):

* ``say()`` + ``runAndWait()`` returns after about 10 ms, before anything is heard. The driver
  initialises espeak-ng in AUDIO_OUTPUT_RETRIEVAL mode, which synthesises on espeak-ng's own
  thread; when synthesis ends that thread writes a temporary WAV and plays it with a blocking
  ``os.system("aplay ...")``, then fires ``finished-utterance``. Without ``aplay`` (alsa-utils)
  nothing is heard at all and "sh: 1: aplay: not found" goes to stderr.
* ``save_to_file()`` + ``runAndWait()`` also returns before the file exists; the file is complete
  when ``finished-utterance`` fires (32 s of speech took 54 ms to synthesise).
* ``stop()`` cannot cut speech off: from any Python thread it blocks until the aplay run ends,
  and called from a ``started-word`` callback (espeak-ng's thread) it deadlocks that thread.
  ``started-word`` events all arrive during synthesis, before playback starts.
* ``finished-utterance`` fires from inside espeak-ng's callback, while espeak-ng still reports
  itself busy. Queue the next utterance at once and ``runAndWait()`` calls ``stop()``, sees it
  "playing" and cancels the new utterance instead (4 runs in 10 lost the second phrase of a
  voice track). So wait_until_idle() polls espeak-ng before each utterance.
* ``save_to_file()`` prints "Audio saved to <path>" on stdout for every file.
See https://github.com/nateshmbhat/pyttsx3/blob/master/pyttsx3/drivers/espeak.py

So for the espeak driver HipTimer renders each utterance with ``save_to_file`` and plays the WAV
itself with a player process that it can end at once (see hiptimer/audio/speech_worker.py).
"""

from __future__ import annotations

import ctypes.util
import logging
import shutil
import sys
import threading
import time
import wave
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from hiptimer.i18n import N_, _, translate

log = logging.getLogger(__name__)

# Marked here and translated where raised (translate), so the language in use then applies.
INSTALL_ESPEAK = N_(
    "Speech is off: the espeak-ng speech engine was not found. "
    "Install it with: sudo apt install espeak-ng"
)
INSTALL_PLAYER = N_(
    "Speech is off: no program to play the voice was found (aplay, paplay or pw-play). "
    "Install one with: sudo apt install alsa-utils"
)

SYNTH_TIMEOUT_S = 15.0  # synthesis is fast (a minute of speech in well under a second)


class TtsEngine(Protocol):
    """The part of pyttsx3.Engine that HipTimer uses (tests pass a recording fake)."""

    def say(self, text: str, name: str | None = None) -> object: ...
    def save_to_file(self, text: str, filename: str, name: str | None = None) -> None: ...
    def runAndWait(self) -> None: ...
    def stop(self) -> None: ...
    def connect(self, topic: str, cb: Callable[..., object]) -> object: ...
    def getProperty(self, name: str) -> Any: ...
    def setProperty(self, name: str, value: Any) -> None: ...


EngineFactory = Callable[[], TtsEngine]


class EngineProperties(Protocol):
    """The properties part of an engine: all that choosing a voice needs."""

    def getProperty(self, name: str) -> Any: ...
    def setProperty(self, name: str, value: Any) -> None: ...


class SpeechUnavailable(RuntimeError):
    """Speech cannot work here; str(exc) tells the user what to install or what went wrong."""


def default_engine_factory() -> TtsEngine:
    """pyttsx3's engine for this platform, or SpeechUnavailable with a message for the user.

    pyttsx3.init() hands back the same engine to every caller in the process (a weak cache per
    driver), and espeak-ng has one global synthesis callback: use one engine per process.
    """
    try:
        import pyttsx3
    except ImportError as exc:  # pragma: no cover - pyttsx3 is a dependency
        msg = _("Speech is off: the pyttsx3 package is missing ({why}). Reinstall HipTimer.")
        msg = msg.format(why=exc)
        raise SpeechUnavailable(msg) from exc
    try:
        engine: TtsEngine = pyttsx3.init()
    except Exception as exc:
        raise SpeechUnavailable(explain_init_failure(exc)) from exc
    quiet_driver_prints()
    return engine


def quiet_driver_prints() -> None:
    """Send the espeak driver's "Audio saved to <path>" (one a phrase, dozens a session, on
    the terminal of anyone who started HipTimer from one) to the debug log instead.

    The driver calls the built-in print from espeak-ng's own thread, so redirecting
    sys.stdout around it would not be thread-safe; a module global named print shadows the
    built-in for that module alone. See the driver's EVENT_MSG_TERMINATED branch:
    https://github.com/nateshmbhat/pyttsx3/blob/master/pyttsx3/drivers/espeak.py
    """
    driver = sys.modules.get("pyttsx3.drivers.espeak")
    if driver is not None:
        setattr(driver, "print", _driver_said)  # noqa: B010 - a name the module reads


def _driver_said(*args: object, **_kwargs: object) -> None:
    log.debug("pyttsx3: %s", " ".join(str(arg) for arg in args))


def explain_init_failure(exc: BaseException) -> str:
    """A message for the user when the engine would not start."""
    if sys.platform.startswith("linux") and not espeak_library_found():
        return translate(INSTALL_ESPEAK)
    return _("Speech is off: the speech engine could not start ({error}: {why}).").format(
        error=type(exc).__name__, why=exc
    )


def espeak_library_found() -> bool:
    return any(ctypes.util.find_library(name) for name in ("espeak-ng", "espeak"))


def driver_name(engine: object) -> str | None:
    """pyttsx3's driver name ("espeak", "sapi5", "nsss"), or None for a fake engine."""
    name = getattr(engine, "driver_name", None)
    return name if isinstance(name, str) else None


def find_player() -> list[str] | None:
    """A command that plays a WAV file given as its last argument, or None if none is installed."""
    if sys.platform == "darwin":
        candidates = [["afplay"]]
    elif sys.platform == "win32":
        return None
    else:
        candidates = [["aplay", "-q"], ["paplay"], ["pw-play"]]
    for command in candidates:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    return None


def list_voices(engine: TtsEngine) -> list[tuple[str, str]]:
    """(id, name) of every voice the engine offers; empty if it cannot say."""
    try:
        voices = engine.getProperty("voices") or []
        return [(str(v.id), str(getattr(v, "name", v.id))) for v in voices]
    except Exception:
        log.debug("could not list voices", exc_info=True)
        return []


def current_voice(engine: TtsEngine) -> str | None:
    """The id of the voice the engine speaks with now, or None if it cannot say."""
    try:
        voice = engine.getProperty("voice")
    except Exception:
        log.debug("speech: the engine has no current voice", exc_info=True)
        return None
    return str(voice) if voice else None


def voice_for_language(engine: EngineProperties, language: str) -> str | None:
    """The voice to speak `language` ("es") with: the engine's current one when it speaks it,
    else the voice made for just that language ("roa/es", not "roa/es-419"), else a regional
    one; None when the engine has none (it keeps its own, and reads the words as it can)."""
    try:
        current = str(engine.getProperty("voice") or "")
        voices = list(engine.getProperty("voices") or [])
    except Exception:
        log.debug("could not list voices", exc_info=True)
        return None
    regional = None
    for voice in sorted(voices, key=lambda v: str(v.id) != current):
        for tag in _voice_languages(voice):
            if tag == language or (tag.startswith(f"{language}-") and str(voice.id) == current):
                return str(voice.id)
            if tag.startswith(f"{language}-") and regional is None:
                regional = str(voice.id)
    return regional


def _voice_languages(voice: object) -> list[str]:
    """A voice's languages as lower-case tags ("es", "en-gb"): pyttsx3's drivers give str,
    bytes with a leading priority byte (older espeak), or locale names ("es_ES")."""
    tags = []
    for raw in getattr(voice, "languages", None) or []:
        text = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
        tags.append("".join(c for c in text if c.isprintable()).strip().replace("_", "-").lower())
    return tags


def use_language_voice(engine: EngineProperties, language: str) -> str | None:
    """Switch the engine to the voice for `language` (see voice_for_language); returns it."""
    voice = voice_for_language(engine, language)
    if voice is None:
        return None
    try:
        if str(engine.getProperty("voice") or "") != voice:
            engine.setProperty("voice", voice)
    except Exception as exc:
        log.warning("speech: could not switch to the %s voice %r: %s", language, voice, exc)
        return None
    return voice


def timeout_for(text: str) -> float:
    """A generous upper bound on how long speaking text can take (slow rate, long pauses)."""
    return 10.0 + 1.0 * len(text.split())


class Completion:
    """Waits for pyttsx3's finished-utterance callback, since runAndWait() may return first.

    pyttsx3 calls these callbacks with keyword arguments and silently swallows their exceptions,
    so they take **kwargs and only set flags.
    """

    def __init__(self, engine: TtsEngine) -> None:
        self._done = threading.Event()
        self.completed: bool | None = None
        self.errors: list[BaseException] = []
        engine.connect("finished-utterance", self._on_finished)
        engine.connect("error", self._on_error)

    def arm(self) -> None:
        """Forget the previous utterance; call before queueing the next one."""
        self._done.clear()
        self.completed = None
        self.errors = []

    def wait(self, timeout: float) -> bool:
        return self._done.wait(timeout)

    def _on_finished(self, **kwargs: object) -> None:
        self.completed = bool(kwargs.get("completed", True))
        self._done.set()

    def _on_error(self, **kwargs: object) -> None:
        exc = kwargs.get("exception")
        self.errors.append(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))


def wait_until_idle(engine: TtsEngine, timeout: float = 2.0) -> bool:
    """Wait until espeak-ng has really finished the previous utterance (see the module notes).

    Other drivers are idle once runAndWait() and finished-utterance are done. True if idle.
    """
    if driver_name(engine) != "espeak":
        return True
    from pyttsx3.drivers import _espeak  # loaded already: the engine exists

    deadline = time.monotonic() + timeout
    while _espeak.IsPlaying():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


def synthesize_to_file(
    engine: TtsEngine,
    completion: Completion,
    text: str,
    path: Path,
    timeout: float = SYNTH_TIMEOUT_S,
    attempts: int = 3,
) -> None:
    """Render text to a WAV at path, waiting until the file is really written.

    An utterance that the engine cancelled on its own (completed=False) is tried again.
    Raises RuntimeError naming the text if no audio appears.
    """
    problem = ""
    for _attempt in range(attempts):
        if not wait_until_idle(engine):
            log.debug("espeak-ng still busy before %r", text)
        path.unlink(missing_ok=True)
        completion.arm()
        engine.save_to_file(text, str(path))
        engine.runAndWait()
        finished = completion.wait(timeout)
        if completion.completed is not False and path.is_file() and path.stat().st_size > 0:
            if not finished:
                log.debug("no finished-utterance for %r, but the file is there", text)
            return
        cause = completion.errors[0] if completion.errors else None
        if cause:
            problem = f": {cause}"
        elif not finished:
            problem = " (timed out)"
        else:
            problem = " (the engine cancelled it)" if completion.completed is False else ""
        log.debug("no audio for %r%s; trying again", text, problem)
    raise RuntimeError(f"the speech engine wrote no audio for {text!r}{problem}")


# Below this (of 32767) a 16-bit sample is taken as silence: about -50 dBFS, far under speech.
SILENCE_LEVEL = 100
KEEP_BEFORE_S = 0.002  # of the quiet before the first sound: no click, no audible gap


def trim_leading_silence(path: Path) -> float:
    """Cut the quiet espeak-ng puts before a phrase, so it sounds the moment it is played.

    espeak-ng starts a phrase with 12 ms of silence, and a word that begins with a stop ("Two",
    "Ten seconds.") with 49 ms: the closure before the burst. Returns the seconds cut; files
    that are not 16-bit PCM are left as they are.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            params = wav.getparams()
            frames = wav.readframes(params.nframes)
    except (OSError, wave.Error, EOFError):
        return 0.0
    if params.sampwidth != 2 or not frames:
        return 0.0
    samples = array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    first = next((i for i, v in enumerate(samples) if v > SILENCE_LEVEL or v < -SILENCE_LEVEL), 0)
    keep = round(KEEP_BEFORE_S * params.framerate) * params.nchannels
    start = max(0, first - first % params.nchannels - keep)
    if start == 0:
        return 0.0
    with wave.open(str(path), "wb") as wav:
        wav.setparams(params)
        wav.writeframes(frames[start * 2 :])
    return start / params.nchannels / params.framerate

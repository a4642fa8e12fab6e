"""The speech player's processes (no Qt): the next one started ahead, waiting on its input.

Starting a player takes 20-70 ms here (fork, exec, ALSA reading its configuration and
connecting to the sound server), more on a busy machine, and a cue waited for it before it
was heard (docs/performance.md, cues at the sound server). aplay opens the sound device
before it reads its input, so one started ahead with "-" (standard input) for its file is
ready the moment a phrase's WAV is written into it (aplay's main() calls snd_pcm_open before
playback() reads the file: https://github.com/alsa-project/alsa-utils/blob/master/aplay/aplay.c).
Players not known to do that (paplay, pw-play, afplay, test stand-ins) are started with the
file when the phrase is due.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import IO

from hiptimer import i18n
from hiptimer.audio.tts import SpeechUnavailable

log = logging.getLogger(__name__)

# Players that read a WAV from "-" and open the sound device before reading it.
AHEAD_PLAYERS = frozenset({"aplay"})
# A player still running this long after its clip should have ended is taken to be hung.
PLAYER_GRACE_S = 10.0


def starts_ahead(command: list[str]) -> bool:
    return Path(command[0]).name in AHEAD_PLAYERS


class Players:
    """Starts the speech player for each phrase: the one started ahead while it still
    waits, else a new one with the file. Called from the speech worker's thread only.

    Each player writes its errors to `errors` (one player runs at a time: the next one is
    started ahead only once the last has ended and its errors were read).
    """

    def __init__(self, command: list[str], errors: Path) -> None:
        self.command = command
        self.errors = errors
        self._ahead = starts_ahead(command)
        self._waiting: subprocess.Popen[bytes] | None = None

    @property
    def waiting(self) -> subprocess.Popen[bytes] | None:
        """The player started ahead, not yet given a phrase."""
        return self._waiting

    def start_ahead(self) -> None:
        """Start the next phrase's player now, unless one waits or this player cannot."""
        if not self._ahead or self._waiting is not None:
            return
        try:
            self._waiting = self._start("-", stdin=subprocess.PIPE)
        except OSError as exc:  # the phrase, when due, starts one itself and reports why not
            log.debug("speech: could not start the player ahead: %s", exc)

    def wait(
        self, process: subprocess.Popen[bytes], text: str, wav: Path, cancelled: Callable[[], bool]
    ) -> bool:
        """Wait for the player of `text` (rendered into `wav`) to end: True when it played it
        through, False when it was cut off (`cancelled`) or hung. Raises SpeechUnavailable
        when it failed on its own, with the last line of its errors as the reason."""
        # Popen.wait(timeout=...) polls in sleeps of up to 50 ms, so a cut-off would reach the
        # next cue up to 50 ms late; a blocking wait returns as soon as the player ends, and a
        # watchdog ends a player that hangs.
        hung = threading.Event()

        def watchdog() -> None:
            hung.set()
            end_process(process, signal.SIGKILL if os.name == "posix" else signal.SIGTERM)

        timer = threading.Timer(_wav_seconds(wav) + PLAYER_GRACE_S, watchdog)
        timer.daemon = True
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        if hung.is_set():
            log.warning("speech: the player hung; cut off %r", text)
            return False
        if process.returncode == 0:
            return True
        if cancelled():
            return False
        lines = self.errors.read_text(errors="replace").strip().splitlines()
        code = i18n._("exit code {n}").format(n=process.returncode)
        raise SpeechUnavailable(
            i18n._(
                "Speech is off: playing the voice with {program} failed: {why}. Check that "
                "speakers or headphones are connected and not in use by another program."
            ).format(program=Path(self.command[0]).name, why=lines[-1] if lines else code)
        )

    def play(self, wav: Path) -> subprocess.Popen[bytes]:
        """A player playing `wav` (OSError if none can start)."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting.poll() is None and waiting.stdin is not None:
            data = wav.read_bytes()
            # Fed from a thread of its own: the pipe holds 64 KiB and the player reads as it
            # plays, so the write lasts about as long as the phrase; the worker meanwhile
            # waits for the player with its watchdog, and a cut-off ends the write too.
            threading.Thread(
                target=_feed, args=(waiting.stdin, data), name="hiptimer-speech-feed", daemon=True
            ).start()
            return waiting
        if waiting is not None:  # it ended while it waited (the device went away?): anew
            log.debug("speech: the player started ahead ended (%s)", waiting.returncode)
            end_process(waiting, signal.SIGKILL if os.name == "posix" else signal.SIGTERM)
            _close(waiting.stdin)
            waiting.wait()
        return self._start(str(wav), stdin=subprocess.DEVNULL)

    def close(self) -> None:
        """End the player waiting ahead, if any."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            end_process(waiting, signal.SIGTERM)
            _close(waiting.stdin)
            try:
                waiting.wait(2)
            except subprocess.TimeoutExpired:
                end_process(waiting, signal.SIGKILL if os.name == "posix" else signal.SIGTERM)

    def _start(self, file: str, *, stdin: int) -> subprocess.Popen[bytes]:
        # stderr goes to a file, not a pipe: a player's child could hold a pipe open after the
        # player is ended, and waiting for EOF would then wait for the child.
        with self.errors.open("wb") as err:
            return subprocess.Popen(
                [*self.command, file],
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=os.name == "posix",  # so a cut-off can end its children too
            )


def _feed(pipe: IO[bytes], data: bytes) -> None:
    # The player may end meanwhile (cut off, hung): nothing more to play then.
    with contextlib.suppress(OSError, ValueError):
        pipe.write(data)
    _close(pipe)


def _close(pipe: IO[bytes] | None) -> None:
    if pipe is not None:
        with contextlib.suppress(OSError):  # a broken pipe's last flush
            pipe.close()


def end_process(process: subprocess.Popen[bytes], sig: int) -> None:
    """Send sig to the player and, on POSIX, to its process group (its own session)."""
    if process.poll() is not None:
        return
    try:
        if os.name == "posix":
            os.killpg(process.pid, sig)
        else:
            process.terminate()
    except ProcessLookupError:
        pass


def _wav_seconds(path: Path) -> float:
    """The clip's length (30 s when its header cannot be read: the watchdog still ends it)."""
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate() or 1)
    except (OSError, wave.Error, EOFError):
        return 30.0

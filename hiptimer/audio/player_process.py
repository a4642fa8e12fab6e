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
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

# Players that read a WAV from "-" and open the sound device before reading it.
AHEAD_PLAYERS = frozenset({"aplay"})


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

"""Players: the speech player started ahead gets the next phrase on its input; others the file.

The stand-in player is Python: it writes down how it was started and what it played, reading
the WAV from its standard input when its file is "-", as aplay does.
"""

from __future__ import annotations

import signal
import sys
import threading
import wave
from pathlib import Path

import pytest

from hiptimer.audio import player_process
from hiptimer.audio.player_process import Players, starts_ahead

STAND_IN = (
    "import io, os, sys, wave\n"
    "log = open(sys.argv[1], 'a')\n"
    "source = sys.argv[2]\n"
    "log.write(f'started {os.getpid()} {source}\\n'); log.flush()\n"
    "data = sys.stdin.buffer.read() if source == '-' else open(source, 'rb').read()\n"
    "frames = wave.open(io.BytesIO(data)).getnframes()\n"
    "log.write(f'played {os.getpid()} {frames}\\n')\n"
)


def phrase(path: Path, frames: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\1\0" * frames)
    return path


def stand_in(log: Path) -> list[str]:
    return [sys.executable, "-c", STAND_IN, str(log)]


def lines(log: Path) -> list[list[str]]:
    return [line.split() for line in log.read_text().splitlines()]


def test_aplay_is_started_ahead_and_other_players_are_not() -> None:
    assert starts_ahead(["/usr/bin/aplay", "-q"])
    assert not starts_ahead(["/usr/bin/paplay"])
    assert not starts_ahead(["pw-play"])


@pytest.mark.usefixtures("python_started_ahead")
def test_the_player_started_ahead_plays_the_next_phrase(tmp_path: Path) -> None:
    log = tmp_path / "log"
    players = Players(stand_in(log), tmp_path / "player.err")
    players.start_ahead()
    waiting = players.waiting
    assert waiting is not None
    players.start_ahead()  # one waits already: no second one
    assert players.waiting is waiting
    process = players.play(phrase(tmp_path / "a.wav", 30_000))  # more than a pipe holds
    assert process is waiting and players.waiting is None
    assert process.wait(10) == 0
    pid = str(process.pid)
    assert lines(log) == [["started", pid, "-"], ["played", pid, "30000"]]


@pytest.mark.usefixtures("python_started_ahead")
def test_a_player_that_ended_while_it_waited_is_replaced_by_one_with_the_file(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    players = Players(stand_in(log), tmp_path / "player.err")
    players.start_ahead()
    waiting = players.waiting
    assert waiting is not None
    waiting.kill()  # as if the sound device went away under it
    waiting.wait(10)
    wav = phrase(tmp_path / "a.wav", 100)
    process = players.play(wav)
    assert process is not waiting
    assert process.wait(10) == 0
    assert lines(log)[-2:] == [
        ["started", str(process.pid), str(wav)],
        ["played", str(process.pid), "100"],
    ]


def test_a_player_not_started_ahead_is_given_the_file(tmp_path: Path) -> None:
    log = tmp_path / "log"
    players = Players(stand_in(log), tmp_path / "player.err")
    players.start_ahead()
    assert players.waiting is None
    wav = phrase(tmp_path / "a.wav", 100)
    process = players.play(wav)
    assert process.wait(10) == 0
    assert lines(log)[0] == ["started", str(process.pid), str(wav)]


@pytest.mark.usefixtures("python_started_ahead")
def test_close_ends_the_player_waiting_ahead(tmp_path: Path) -> None:
    players = Players(stand_in(tmp_path / "log"), tmp_path / "player.err")
    players.start_ahead()
    waiting = players.waiting
    assert waiting is not None
    players.close()
    assert players.waiting is None
    assert waiting.poll() is not None


@pytest.mark.usefixtures("python_started_ahead")
def test_a_player_cut_off_while_it_is_fed_ends_the_feeding_quietly(tmp_path: Path) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]  # never reads its input
    players = Players(sleeper, tmp_path / "player.err")
    players.start_ahead()
    before = set(threading.enumerate())
    process = players.play(phrase(tmp_path / "long.wav", 2_000_000))  # 4 MB: the feed blocks
    [feeder] = [t for t in set(threading.enumerate()) - before if t.name == "hiptimer-speech-feed"]
    assert feeder.is_alive()
    player_process.end_process(process, signal.SIGTERM)  # as a cut-off does
    assert process.wait(10) == -signal.SIGTERM
    feeder.join(10)  # the write met a broken pipe and the thread ended, raising nothing
    assert not feeder.is_alive()

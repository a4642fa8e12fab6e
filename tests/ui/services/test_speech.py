"""SpeechService with a recording fake engine: order, one at a time, clear, stale, mute, failures."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from hiptimer.audio import tts
from hiptimer.audio.phrase_cache import PhraseCache
from hiptimer.ui.services.speech import SpeechService
from tests.fake_tts import FakeEngine

# How long to wait for the worker thread: generous for a busy machine, and well short of the
# 60 s a test's player or hold would take, so a wait that succeeds still proves a cut-off.
WAIT_MS = 10_000

MakeService = Callable[..., SpeechService]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_service(qtbot: QtBot) -> Iterator[MakeService]:
    """Builds services and shuts every one down at teardown; no speech thread may outlive a test."""
    services: list[SpeechService] = []

    def make(engine: FakeEngine | None = None, **kwargs: object) -> SpeechService:
        if engine is not None:
            kwargs["engine_factory"] = lambda: engine
        service = SpeechService(**kwargs)  # type: ignore[arg-type]
        services.append(service)
        return service

    yield make
    for service in services:
        service.shutdown()
    assert not [t for t in threading.enumerate() if t.name == "hiptimer-speech"]


def recorder(signal: object) -> list[object]:
    seen: list[object] = []
    signal.connect(seen.append)  # type: ignore[attr-defined]
    return seen


def test_speaks_in_order_one_at_a_time_on_the_worker_thread(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engine = FakeEngine(word_s=0.005)
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    for text in ["Lie on your back", "three", "two", "one", "Lift"]:
        service.say(text)
    qtbot.waitUntil(lambda: len(finished) == 5, timeout=WAIT_MS)
    assert engine.spoken == ["Lie on your back", "three", "two", "one", "Lift"]
    assert finished == engine.spoken
    assert engine.max_concurrent == 1
    assert engine.threads == {"hiptimer-speech"}


def test_say_and_clear_return_at_once(qtbot: QtBot, make_service: MakeService) -> None:
    # The engine cannot end an utterance until `hold` is set: a say() or clear() that waited
    # for the speech would come back only after the fake's safety timeout, with it spoken.
    engine = FakeEngine(hold=threading.Event())
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    service.say("a long instruction that takes several seconds to speak out loud")
    service.say("next")
    assert engine.spoken == []  # say() came back while the first was still to be spoken
    qtbot.waitUntil(engine.holding.is_set, timeout=WAIT_MS)  # the engine is mid-utterance
    service.clear()
    assert engine.spoken == [] and service.pending() == []  # clear() did not wait for it
    engine.release()
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert finished == ["a long instruction that takes several seconds to speak out loud"]


def test_forget_drops_the_waiting_phrases_of_a_kind_and_lets_the_one_said_go_on(
    qtbot: QtBot, make_service: MakeService
) -> None:
    # A form cue waiting behind the rep counts when its set ends is not said after it.
    engine = FakeEngine(hold=threading.Event())
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    service.say("Seven.", kind="count")
    service.say("Smooth, easy circles.", kind="form")
    service.say("Eight.", kind="count")
    qtbot.waitUntil(engine.holding.is_set, timeout=WAIT_MS)  # "Seven." is being said
    service.forget("form")
    assert [u.text for u in service.pending()] == ["Eight."]
    engine.release()
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert finished == ["Seven.", "Eight."]


def test_clear_drops_pending_and_stops_the_current_one(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engine = FakeEngine(word_s=0.05)
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    # 45 s of words: long enough that clear() always lands mid-sentence.
    long_text = " ".join(["slowly lower your knee to the side and back"] * 100)
    service.say(long_text)
    service.say("pending one")
    service.say("pending two")
    qtbot.waitUntil(lambda: engine.words_started >= 1, timeout=WAIT_MS)
    service.clear()
    assert service.pending() == []
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert engine.stop_calls == 1
    assert engine.spoken[0].endswith("—")  # cut off mid-sentence
    service.say("after the clear")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert engine.spoken[1:] == ["after the clear"]


def test_a_late_countdown_number_is_dropped_not_spoken_late(
    qtbot: QtBot, make_service: MakeService
) -> None:
    clock = FakeClock()
    engine = FakeEngine(hold=threading.Event())
    service = make_service(engine, clock=clock)
    dropped = recorder(service.dropped)
    finished = recorder(service.finished_utterance)
    service.say("Hold the bridge")
    service.say("three", stale_after_s=0.5, kind="countdown")
    service.say("Rest")
    clock.now += 1.0  # "Hold the bridge" ran long; "three" is now late
    engine.release()
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert dropped == ["three"]
    assert engine.spoken == ["Hold the bridge", "Rest"]


def test_a_countdown_number_in_time_is_spoken(qtbot: QtBot, make_service: MakeService) -> None:
    clock = FakeClock()
    engine = FakeEngine()
    service = make_service(engine, clock=clock)
    finished = recorder(service.finished_utterance)
    service.say("three", stale_after_s=0.5, kind="countdown")
    clock.now += 0.4
    service.say("two", stale_after_s=0.5, kind="countdown")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert engine.spoken == ["three", "two"]


def test_muted_drops_cues_but_the_voice_test_still_speaks(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engine = FakeEngine()
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    service.set_muted(True)
    service.say("muted cue")
    assert service.pending() == []
    service.test_voice("testing the voice")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    service.set_muted(False)
    service.say("audible cue")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert engine.spoken == ["testing the voice", "audible cue"]


def test_voices_and_settings_reach_the_engine_on_its_thread(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engine = FakeEngine()
    service = make_service(engine)
    with qtbot.waitSignal(service.ready, timeout=WAIT_MS):
        pass  # ready is queued to this thread, so it cannot arrive before the wait starts
    assert service.voices() == [("en-gb", "English (GB)"), ("de", "German")]
    finished = recorder(service.finished_utterance)
    service.set_voice("no-such-voice")  # logged, not fatal
    service.set_voice("de")
    service.set_rate(150)
    service.set_volume(1.7)
    service.say("Guten Tag")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert engine.properties == [("voice", "de"), ("rate", 150), ("volume", 1.0)]
    assert engine.threads == {"hiptimer-speech"}
    assert service.available


class EngineWithVoice(FakeEngine):
    """A fake that, like pyttsx3, names the voice it speaks with."""

    def getProperty(self, name: str) -> object:
        return "en-gb" if name == "voice" else super().getProperty(name)


def test_no_voice_id_goes_back_to_the_engines_own_voice(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engines = [EngineWithVoice(), FakeEngine()]  # the second cannot name its voice
    for engine in engines:
        service = make_service(engine)
        finished = recorder(service.finished_utterance)
        service.set_voice("de")
        service.set_voice("")  # "System default" in the settings
        service.say("Hello")
        qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)  # noqa: B023
    assert engines[0].properties == [("voice", "de"), ("voice", "en-gb")]
    assert engines[1].properties == [("voice", "de")]  # left as it was, nothing to go back to


def test_engine_that_cannot_start_reports_unavailable_once(
    qtbot: QtBot, make_service: MakeService
) -> None:
    def broken() -> FakeEngine:
        raise RuntimeError("could not initialize espeak")

    messages: list[str] = []
    service = make_service(engine_factory=broken)
    service.unavailable.connect(messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT_MS)
    service.say("still fine")
    service.clear()
    service.test_voice()
    assert messages == [
        "Speech is off: the speech engine could not start (RuntimeError: could not initialize espeak)."
    ]
    assert not service.available
    assert service.unavailable_reason == messages[0]


def test_missing_espeak_says_what_to_install(
    qtbot: QtBot, make_service: MakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyttsx3

    def no_espeak(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")

    monkeypatch.setattr(pyttsx3, "init", no_espeak)
    monkeypatch.setattr(tts, "espeak_library_found", lambda: False)
    monkeypatch.setattr(sys, "platform", "linux")
    service = make_service()
    with qtbot.waitSignal(service.unavailable, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [tts.INSTALL_ESPEAK]
    assert "sudo apt install espeak-ng" in tts.INSTALL_ESPEAK


def test_engine_failing_mid_session_reports_unavailable(
    qtbot: QtBot, make_service: MakeService
) -> None:
    engine = FakeEngine(fail_on_say=2)
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    messages = recorder(service.unavailable)
    service.say("first")
    service.say("second")
    service.say("third")
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT_MS)
    assert finished == ["first"]
    assert messages == [
        "Speech stopped: the speech engine failed (RuntimeError: the synthesiser crashed)."
    ]
    service.say("after the failure")  # accepted, does nothing
    assert service.pending() == []


def test_shutdown_cuts_off_and_joins_the_thread(qtbot: QtBot, make_service: MakeService) -> None:
    engine = FakeEngine(word_s=0.05)
    service = make_service(engine)
    finished = recorder(service.finished_utterance)
    service.say(" ".join(["word"] * 2000))  # 100 s to say in full
    qtbot.waitUntil(lambda: engine.words_started >= 1, timeout=WAIT_MS)
    service.shutdown()
    # Ended, and mid-sentence: shutdown() cut the utterance off rather than waiting it out.
    assert not [t for t in threading.enumerate() if t.name == "hiptimer-speech"]
    assert engine.stop_calls == 1 and engine.spoken[0].endswith("—")
    # The worker's "done (cut off)" waited in the event queue: delivered as a later event loop
    # would, it is not reported as said by a service already shut down.
    QCoreApplication.sendPostedEvents()
    assert finished == []
    service.say("after shutdown")  # no thread, no crash
    service.shutdown()


def test_disabled_service_has_no_thread(make_service: MakeService) -> None:
    service = make_service(enabled=False)
    service.say("nothing")
    assert not service.available
    assert service.voices() == []


# --- the espeak path: render with save_to_file, play with a process we can end --------------


def python_player(code: str) -> list[str]:
    """A stand-in for aplay: runs code; the WAV path arrives as sys.argv[1]."""
    return [sys.executable, "-c", code]


def test_espeak_driver_renders_then_plays_with_the_player(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    log = tmp_path / "played.txt"
    player = python_player(
        "import sys, wave\n"
        f"with open({str(log)!r}, 'a') as f:\n"
        "    f.write(str(wave.open(sys.argv[1]).getnframes() > 0) + '\\n')\n"
    )
    engine = FakeEngine(driver_name="espeak", async_save=True)
    service = make_service(engine, player=player)
    finished = recorder(service.finished_utterance)
    service.say("three")
    service.say("two")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert [text for text, _ in engine.saved] == ["three", "two"]
    assert log.read_text().split() == ["True", "True"]
    assert engine.stop_calls == 0  # stop() is never called on the espeak driver


@pytest.mark.parametrize("kind", ["single process", "shell with a child"])
def test_espeak_path_clear_ends_the_player_at_once(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path, kind: str
) -> None:
    marker = tmp_path / "playing"
    if kind == "single process":
        code = f"import pathlib, time; pathlib.Path({str(marker)!r}).touch(); time.sleep(60)"
        player = python_player(code)
    else:  # the child inherits stderr; ending only the shell would leave it playing
        player = ["sh", "-c", f"touch '{marker}'; sleep 60; true", "sh"]
    engine = FakeEngine(driver_name="espeak")
    service = make_service(engine, player=player)
    finished = recorder(service.finished_utterance)
    service.say("a long instruction")
    qtbot.waitUntil(marker.exists, timeout=WAIT_MS)
    service.clear()
    # The player would play for 60 s; the cue ending well within that means clear() ended it.
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert service.available


def test_espeak_path_a_hung_player_is_ended_and_the_next_cue_goes_on(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import player_process

    monkeypatch.setattr(player_process, "PLAYER_GRACE_S", 0.3)
    count = tmp_path / "starts"
    player = python_player(  # hangs the first time only
        "import pathlib, sys, time\n"
        f"p = pathlib.Path({str(count)!r}); n = len(p.read_text()) if p.exists() else 0\n"
        "p.write_text('x' * (n + 1))\n"
        "time.sleep(60 if n == 0 else 0)\n"
    )
    service = make_service(FakeEngine(driver_name="espeak"), player=player)
    finished = recorder(service.finished_utterance)
    service.say("stuck")
    service.say("next")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert count.read_text() == "xx"
    assert service.available  # a hung player is cut off, not a reason to give up speech


@pytest.mark.usefixtures("python_started_ahead")
def test_espeak_path_clear_ends_a_player_started_ahead_mid_phrase(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    waiting, playing = tmp_path / "waiting", tmp_path / "playing"
    player = python_player(  # takes its phrase on standard input, then "plays" for 60 s
        "import pathlib, sys, time\n"
        f"pathlib.Path({str(waiting)!r}).write_text(sys.argv[1])\n"
        "sys.stdin.buffer.read(44)\n"
        f"pathlib.Path({str(playing)!r}).touch()\n"
        "time.sleep(60)\n"
    )
    service = make_service(FakeEngine(driver_name="espeak"), player=player)
    finished = recorder(service.finished_utterance)
    # Started ahead, with "-" for its file: the phrase will come on its standard input.
    qtbot.waitUntil(lambda: waiting.exists() and waiting.read_text() == "-", timeout=WAIT_MS)
    service.say("a long instruction")
    qtbot.waitUntil(playing.exists, timeout=WAIT_MS)
    service.clear()
    # Well within the 60 s it would play: clear() ended the player it was feeding.
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert service.available


@pytest.mark.usefixtures("python_started_ahead")
def test_espeak_path_a_due_phrase_goes_to_the_player_started_ahead(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    log = tmp_path / "players.txt"
    player = python_player(  # as aplay: "-" reads the WAV from standard input
        "import io, os, sys, wave\n"
        f"log = open({str(log)!r}, 'a')\n"
        "log.write(f'started {os.getpid()} {sys.argv[1]}\\n'); log.flush()\n"
        "data = sys.stdin.buffer.read() if sys.argv[1] == '-' else open(sys.argv[1], 'rb').read()\n"
        "log.write(f'played {os.getpid()} {wave.open(io.BytesIO(data)).getnframes() > 0}\\n')\n"
    )
    service = make_service(FakeEngine(driver_name="espeak"), player=player)
    finished = recorder(service.finished_utterance)

    def started() -> list[str]:
        lines = log.read_text().splitlines() if log.exists() else []
        return [line.split()[1] for line in lines if line.startswith("started")]

    def waits_for(n: int) -> Callable[[], bool]:
        return lambda: len(started()) == n

    def said(n: int) -> Callable[[], bool]:
        return lambda: len(finished) == n

    for n, text in enumerate(["Get ready.", "Lift."], start=1):
        qtbot.waitUntil(waits_for(n), timeout=WAIT_MS)  # idle: the next one's player waits
        waiting = started()[-1]
        service.say(text)
        qtbot.waitUntil(said(n), timeout=WAIT_MS)
        assert f"played {waiting} True" in log.read_text()  # the one started before it was due
    qtbot.waitUntil(lambda: len(started()) == 3, timeout=WAIT_MS)  # the next one waits
    assert [line.split()[2] for line in log.read_text().splitlines() if "started" in line] == [
        "-", "-", "-"
    ]  # fmt: skip
    service.shutdown()
    with pytest.raises(ProcessLookupError):  # ended with the voice, not left behind
        os.kill(int(started()[-1]), 0)


@pytest.mark.usefixtures("python_started_ahead")
def test_a_player_started_ahead_is_ended_after_a_long_idle_and_speech_goes_on(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import speech_worker

    monkeypatch.setattr(speech_worker, "PLAYER_IDLE_S", 0.2)
    log = tmp_path / "players.txt"
    player = python_player(  # as aplay: "-" reads the WAV from standard input
        "import os, sys\n"
        f"open({str(log)!r}, 'a').write(f'started {{os.getpid()}} {{sys.argv[1]}}\\n')\n"
        "sys.stdin.buffer.read() if sys.argv[1] == '-' else None\n"
    )
    service = make_service(FakeEngine(driver_name="espeak"), player=player)
    finished = recorder(service.finished_utterance)

    def started() -> list[list[str]]:
        lines = log.read_text().splitlines() if log.exists() else []
        return [line.split()[1:] for line in lines]

    qtbot.waitUntil(lambda: len(started()) == 1, timeout=WAIT_MS)
    [(first, file)] = started()
    assert file == "-"  # started ahead

    def ended() -> bool:
        try:
            os.kill(int(first), 0)
        except ProcessLookupError:
            return True
        return False

    qtbot.waitUntil(ended, timeout=WAIT_MS)  # nothing said: let go of the sound device
    assert len(started()) == 1  # and no other one waits in its place
    service.say("Lift.")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert started()[1][1] != "-"  # the phrase's own player, given its file
    assert finished == ["Lift."]


def test_espeak_path_player_failure_reports_unavailable(
    qtbot: QtBot, make_service: MakeService
) -> None:
    player = python_player(
        "import sys; sys.exit('aplay: main:831: audio open error: Host is down')"
    )
    service = make_service(FakeEngine(driver_name="espeak"), player=player)
    with qtbot.waitSignal(service.unavailable, timeout=WAIT_MS) as blocker:
        service.say("three")
    assert blocker.args == [
        "Speech is off: playing the voice with "
        f"{Path(sys.executable).name} failed: aplay: main:831: audio open error: Host is down. "
        "Check that speakers or headphones are connected and not in use by another program."
    ]


def test_espeak_path_without_a_player_says_what_to_install(
    qtbot: QtBot, make_service: MakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tts, "find_player", lambda: None)
    service = make_service(FakeEngine(driver_name="espeak"))
    with qtbot.waitSignal(service.unavailable, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == [tts.INSTALL_PLAYER]


@pytest.mark.tts
def test_real_espeak_ng_speaks_through_the_player(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    if not (shutil.which("espeak-ng") or shutil.which("espeak")):
        pytest.skip("espeak-ng is not installed (sudo apt install espeak-ng)")
    log = tmp_path / "played.txt"
    player = python_player(  # records each WAV's length instead of playing it
        "import sys, wave\n"
        "w = wave.open(sys.argv[1])\n"
        f"with open({str(log)!r}, 'a') as f:\n"
        "    f.write(str(w.getnframes() / w.getframerate()) + '\\n')\n"
    )
    service = make_service(player=player)
    finished = recorder(service.finished_utterance)
    with qtbot.waitSignal(service.ready, timeout=WAIT_MS):
        pass
    assert any(name.startswith("English") for _, name in service.voices())
    for text in ["Lie on your back with your knees bent.", "three", "two", "one"]:
        service.say(text)
    qtbot.waitUntil(lambda: len(finished) == 4, timeout=3 * WAIT_MS)
    seconds = [float(line) for line in log.read_text().split()]
    assert 1.0 < seconds[0] < 5.0
    assert all(0.2 < s < 2.0 for s in seconds[1:])


# --- rendering ahead: phrases prepared while the voice is idle play from the cache ----------


def recording_player(log: Path) -> list[str]:
    """A stand-in for aplay that writes down the path of each WAV it is given."""
    return python_player(
        f"import sys\nwith open({str(log)!r}, 'a') as f: f.write(sys.argv[1] + '\\n')\n"
    )


def test_a_prepared_phrase_is_played_from_the_cache_without_rendering_it_again(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    played = tmp_path / "played.txt"
    cache = PhraseCache(tmp_path / "cache")
    engine = FakeEngine(driver_name="espeak")
    service = make_service(engine, player=recording_player(played), cache=cache)
    with qtbot.waitSignal(service.ready, timeout=WAIT_MS):
        pass
    service.prepare(["Get ready: bridge.", "Three", "Get ready: bridge."])
    qtbot.waitUntil(lambda: len(list(cache.folder.glob("*.wav"))) == 2, timeout=WAIT_MS)
    assert [text for text, _ in engine.saved] == ["Get ready: bridge.", "Three"]  # each once
    finished = recorder(service.finished_utterance)
    service.say("Three", stale_after_s=0.6, kind="count")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    assert len(engine.saved) == 2  # not rendered when it fell due
    [path] = played.read_text().splitlines()
    assert Path(path).parent == cache.folder
    assert Path(path).read_bytes() == cache.path_for(cache_key(service, "Three")).read_bytes()


def cache_key(service: SpeechService, text: str) -> str:
    """The key the worker keeps text under: its voice settings, none changed by the test."""
    worker = service._worker
    assert worker is not None
    return worker._cache_key(text)


def test_a_phrase_not_prepared_is_rendered_when_due_and_kept_for_next_time(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    played = tmp_path / "played.txt"
    cache = PhraseCache(tmp_path / "cache")
    engine = FakeEngine(driver_name="espeak")
    service = make_service(engine, player=recording_player(played), cache=cache)
    finished = recorder(service.finished_utterance)
    service.say("Halfway.")
    service.say("Halfway.")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert [text for text, _ in engine.saved] == ["Halfway."]
    first, second = played.read_text().splitlines()
    assert first == second and Path(first).parent == cache.folder


def test_other_voice_settings_render_the_phrase_anew(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    played = tmp_path / "played.txt"
    engine = FakeEngine(driver_name="espeak")
    service = make_service(
        engine, player=recording_player(played), cache=PhraseCache(tmp_path / "cache")
    )
    finished = recorder(service.finished_utterance)
    service.say("Release.")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    service.set_rate(120)  # a slower voice: the rendering at the old rate no longer fits
    service.say("Release.")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert [text for text, _ in engine.saved] == ["Release.", "Release."]
    first, second = played.read_text().splitlines()
    assert first != second


def test_a_cue_said_while_phrases_render_ahead_goes_first(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    played = tmp_path / "played.txt"
    engine = FakeEngine(driver_name="espeak")
    service = make_service(
        engine, player=recording_player(played), cache=PhraseCache(tmp_path / "cache")
    )
    with qtbot.waitSignal(service.ready, timeout=WAIT_MS):
        pass
    finished = recorder(service.finished_utterance)
    # 40 phrases ahead (200 took over 10 s to render under a loaded machine's tests, and the
    # point is only that the cue does not wait for them all).
    service.prepare([f"Phrase {n}." for n in range(40)])
    service.say("Go.")
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=WAIT_MS)
    rendered = [text for text, _ in engine.saved]
    # It waited for at most the one rendering under way when it arrived, not for all 40.
    assert rendered.index("Go.") <= 1
    qtbot.waitUntil(lambda: len(engine.saved) == 41, timeout=WAIT_MS)


def test_prepare_without_speech_does_nothing(make_service: MakeService) -> None:
    service = make_service(enabled=False)
    service.prepare(["Three"])
    assert not service.available


def test_started_follows_what_is_said_not_what_is_queued(
    qtbot: QtBot, make_service: MakeService
) -> None:
    # Captions follow this signal: a phrase is announced when its turn comes, one at a time.
    engine = FakeEngine(hold=threading.Event())
    service = make_service(engine)
    started: list[str] = []
    service.connect_started(started.append)
    finished = recorder(service.finished_utterance)
    for text in ["Get ready: Bridge.", "Lie face up.", "Brace your stomach."]:
        service.say(text)
    assert started == ["Get ready: Bridge."]  # the other two only wait
    qtbot.waitUntil(engine.holding.is_set, timeout=WAIT_MS)
    engine.release()
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=WAIT_MS)
    assert started == ["Get ready: Bridge.", "Lie face up.", "Brace your stomach."]


@pytest.mark.parametrize("engine_starts", [True, False], ids=["ready", "failed"])
def test_what_the_worker_said_as_it_was_shut_down_is_not_delivered_after(
    qtbot: QtBot, make_service: MakeService, engine_starts: bool
) -> None:
    # The app quit while the engine was still starting: shutdown() joins the worker, whose
    # "ready" (or "failed") waits queued for the GUI thread. Delivered at a later event loop
    # of the process, it told the window the voice had been lost, or listed voices, on a
    # service already shut down.
    release = threading.Event()

    def slow_start() -> FakeEngine:
        assert release.wait(WAIT_MS / 1000)
        if not engine_starts:
            raise RuntimeError("could not initialize espeak")
        return FakeEngine()

    service = make_service(engine_factory=slow_start)
    ready, unavailable = recorder(service.ready), recorder(service.unavailable)
    release.set()
    service.shutdown()  # the worker has ended: what it said waits in the event queue
    QCoreApplication.sendPostedEvents()  # that queue delivered, as the next event loop would
    assert ready == [] and unavailable == []
    assert service.unavailable_reason is None

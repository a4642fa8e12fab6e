"""Tests for `hiptimer cues`: a routine's timed voice script, printed or rendered to a WAV."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import BinaryIO

import pytest

from hiptimer.cli.main import main


def write_routine(folder: Path) -> Path:
    data = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "cli-test",
        "title": "CLI test",
        "rests": {"get_ready_s": 5},
        "exercises": [{"id": "stretch", "name": "Stretch", "kind": "hold", "hold_s": 20}],
    }
    path = folder / "cli-test.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cues_command_prints_the_timed_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cues", str(write_routine(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "00:00.0  Get ready: Stretch."
    # With the voice on, the 5 s get-ready lasts as long as its words need (docs/routine-format),
    # in whole seconds.
    assert "00:06.0  Stretch. Hold for twenty seconds." in lines
    assert "00:26.0  Release." in lines


def test_cues_command_renders_a_voice_track(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import voice_track

    rendered: list[list[tuple[float, str]]] = []

    def fake_render(phrases: list[tuple[float, str]], out: BinaryIO) -> list[object]:
        rendered.append(phrases)
        out.write(b"RIFF track")
        return [voice_track.Placement(text, at, at, 1.0) for at, text in phrases]

    monkeypatch.setattr(voice_track, "render_to_wav", fake_render)
    out_path = tmp_path / "voice.wav"
    assert main(["cues", str(write_routine(tmp_path)), "--wav", str(out_path)]) == 0
    ((phrases),) = rendered
    assert phrases[0] == (0.0, "Get ready: Stretch.")
    assert out_path.read_bytes() == b"RIFF track"
    assert capsys.readouterr().out.startswith(f"Wrote {out_path}: {len(phrases)} phrases")


def test_a_failed_render_keeps_the_older_track_and_a_link_stays_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import tts, voice_track

    def no_voice(phrases: list[tuple[float, str]], out: BinaryIO) -> list[object]:
        out.write(b"half a track")
        raise tts.SpeechUnavailable("espeak-ng is not installed")

    (tmp_path / "tracks").mkdir()
    real = tmp_path / "tracks" / "voice.wav"
    real.write_bytes(b"older track")
    link = tmp_path / "voice.wav"
    link.symlink_to(real)
    monkeypatch.setattr(voice_track, "render_to_wav", no_voice)
    assert main(["cues", str(write_routine(tmp_path)), "--wav", str(link)]) == 1
    assert "no voice to render with" in capsys.readouterr().err
    assert real.read_bytes() == b"older track"
    assert sorted(p.name for p in real.parent.iterdir()) == ["voice.wav"]  # no temporary file

    def fake_render(phrases: list[tuple[float, str]], out: BinaryIO) -> list[object]:
        out.write(b"new track")
        return []

    monkeypatch.setattr(voice_track, "render_to_wav", fake_render)
    assert main(["cues", str(write_routine(tmp_path)), "--wav", str(link)]) == 0
    assert link.is_symlink() and real.read_bytes() == b"new track"


def test_cues_of_a_routine_longer_than_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 13, fault 2: this ended in a traceback ("did not end within a day").
    path = write_routine(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["exercises"] = [
        {"id": f"hold{i}", "name": f"Hold {i}", "kind": "hold", "hold_s": 3600, "sets": 20}
        for i in range(2)
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["cues", str(path)]) == 0
    captured = capsys.readouterr()
    last = captured.out.splitlines()[-1]
    assert re.fullmatch(r"24\d\d:\d\d\.\d  Done\. Forty sets in forty hours.*", last), last
    assert captured.err == ""


def test_no_voice_track_for_a_session_longer_than_a_wav_file_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import voice_track

    def never(*args: object) -> list[object]:
        raise AssertionError("rendered 40 hours of phrases, then failed past 4 GiB")

    monkeypatch.setattr(voice_track, "render_to_wav", never)
    path = write_routine(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["exercises"][0].update(hold_s=3600, sets=20, sides="each")  # 40 hours
    path.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "voice.wav"
    assert main(["cues", str(path), "--wav", str(target)]) == 1
    assert "sessions of up to 24 hours" in capsys.readouterr().err
    assert not target.exists()


def test_a_settings_value_that_cannot_be_used_is_named_once_a_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    # `cues` reads the settings for the language and again for the voice: each value the
    # file has wrong was named twice.
    from hiptimer import paths

    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text('{"muted": "yes", "pain_limit": 3.0}', encoding="utf-8")
    assert main(["cues", str(write_routine(tmp_path))]) == 0
    ignored = [r.getMessage() for r in caplog.records if "ignoring" in r.getMessage()]
    assert sorted(ignored) == [
        f"{paths.settings_path()}: ignoring muted = 'yes' (not a valid value)",
        f"{paths.settings_path()}: ignoring pain_limit = 3.0 (not a valid value)",
    ]
    assert capsys.readouterr().out.startswith("00:00.0  Get ready: Stretch.")


def fake_tracks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tracks "rendered" as the bytes RIFF track, with no voice."""
    from hiptimer.audio import voice_track

    def fake_render(phrases: list[tuple[float, str]], out: BinaryIO) -> list[object]:
        out.write(b"RIFF track")
        return [voice_track.Placement(text, at, at, 1.0) for at, text in phrases]

    monkeypatch.setattr(voice_track, "render_to_wav", fake_render)


def test_a_voice_track_into_a_folder_that_is_not_there_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As every export: "No such file or directory" did not say which folder (README).
    fake_tracks(monkeypatch)
    routine = write_routine(tmp_path)
    folder = tmp_path / "usb" / "new"
    assert main(["cues", str(routine), "--wav", str(folder / "voice.wav")]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"hiptimer: cannot write {folder / 'voice.wav'}: the folder {folder} does not exist\n"
    )
    assert not (tmp_path / "usb").exists()


def test_a_dash_sends_the_voice_track_to_standard_output_not_to_a_file_named_dash(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tracks(monkeypatch)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["cues", str(write_routine(tmp_path)), "--wav", "-"]) == 0
    captured = capfd.readouterr()
    assert captured.out == "RIFF track"  # the track alone: the count goes to stderr
    assert captured.err.startswith("Wrote standard output: ")
    assert list(here.iterdir()) == []


def test_a_player_that_stops_reading_the_track_ends_it_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--wav -` is "for a player" (README); a player stopped early closes the pipe. The WAV
    # writer then tried to mend its header on the pipe, and "cannot write standard output:
    # Illegal seek" hid the closed pipe. A reader that left ends it as `list | head` does.
    import errno
    import io
    import sys

    from hiptimer.audio import voice_track

    def closed_pipe(phrases: list[tuple[float, str]], out: BinaryIO) -> list[object]:
        try:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        finally:
            raise OSError(errno.ESPIPE, "Illegal seek")  # wave's close(), on a pipe

    monkeypatch.setattr(voice_track, "render_to_wav", closed_pipe)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO()))
    assert main(["cues", str(write_routine(tmp_path)), "--wav", "-"]) == 1
    assert capsys.readouterr().err == ""  # nothing about a seek, nor about the pipe


def test_cues_of_a_routine_with_every_exercise_off_says_there_is_nothing_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # docs/routine-format.md: such a routine is valid, but there is no session to script.
    path = write_routine(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["exercises"][0]["enabled"] = False
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["cues", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # not a script of one "Done."
    assert err.startswith("hiptimer: Nothing to start: every exercise is turned off")


def test_a_name_with_a_line_break_keeps_the_script_one_line_a_phrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A routine file may hold a line break in a name; printed as it was, "Get ready: Side" and
    # a line "plank." without its time broke the script's "time  phrase" lines.
    data = json.loads(write_routine(tmp_path).read_text(encoding="utf-8"))
    data["exercises"][0]["name"] = "Side\nplank"
    (tmp_path / "cli-test.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["cues", str(tmp_path / "cli-test.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "00:00.0  Get ready: Side plank."
    assert all(re.match(r"\d\d:\d\d\.\d  ", line) for line in lines)

"""Tests for `hiptimer cues`: a routine's timed voice script, printed or rendered to a WAV."""

from __future__ import annotations

import json
from pathlib import Path

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
    # With the voice on, the 5 s get-ready lasts as long as its words need (docs/routine-format).
    assert "00:05.6  Stretch. Hold for twenty seconds." in lines
    assert "00:25.6  Release." in lines


def test_cues_command_renders_a_voice_track(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.audio import voice_track

    rendered: list[tuple[list[tuple[float, str]], str]] = []

    def fake_render(phrases: list[tuple[float, str]], out_path: str) -> list[object]:
        rendered.append((phrases, out_path))
        return [voice_track.Placement(text, at, at, 1.0) for at, text in phrases]

    monkeypatch.setattr(voice_track, "render_to_wav", fake_render)
    out_path = str(tmp_path / "voice.wav")
    assert main(["cues", str(write_routine(tmp_path)), "--wav", out_path]) == 0
    ((phrases, path),) = rendered
    assert path == out_path and phrases[0] == (0.0, "Get ready: Stretch.")
    assert capsys.readouterr().out.startswith(f"Wrote {out_path}: {len(phrases)} phrases")

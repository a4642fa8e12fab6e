"""`hiptimer validate` and `hiptimer show` take routine files of format 1 and of format 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptimer.cli.main import main
from tests.core.routines.v2_routine import V2


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def write(path: Path, data: dict[str, object]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_validate_takes_both_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one = dict(V2, version=1, id="old", title="Old")
    one["exercises"] = [{"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10}]
    old, new = write(tmp_path / "old.json", one), write(tmp_path / "new.json", V2)
    assert run(capsys, "validate", str(old), str(new)) == (
        0,
        f"ok: {old} (Old, 1 exercise)\nok: {new} (Strength, 4 exercises)\n",
    )


def test_validate_names_a_format_2_field_in_a_format_1_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(json.dumps(V2))
    data["version"] = 1
    data["exercises"] = data["exercises"][:1]
    path = write(tmp_path / "mixed.json", data)
    code, out = run(capsys, "validate", str(path))
    assert code == 2
    assert out == f'{path}: exercises[0].ladder: a format-2 field: the file must say "version": 2\n'


def test_show_prints_the_ladder_the_load_and_the_ceiling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "strength.json", V2)
    code, out = run(capsys, "show", str(path))
    assert code == 0
    assert "1. Bridge: 3 x 10 (10-15) reps, 3 s hold; at most 3 x 15 reps" in out
    assert (
        "   Ladder:\n     1. Bridge (now)\n     2. Single-leg bridge: 2 x 8 (8-12) reps, 3 s hold "
        "each side; at most 2 x 12 reps\n" in out
    )
    assert (
        "2. Straight leg raise with an ankle weight: 2 x 10 (10-15) reps, 3 s hold each side, "
        "1 kg; at most 3 x 15 reps" in out
    )
    assert "4. Lying stretch: 3 x 8 s each side; at most 3 x 10 s" in out


def test_show_marks_a_retest_and_wraps_a_long_source_and_caution(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = dict(V2, id="check", title="Check", source="A " + "long source " * 12)
    stand = {"id": "stand", "name": "Chair stand", "kind": "hold", "hold_s": 30}
    knee = {"id": "knee", "name": "Knee to wall", "kind": "hold", "hold_s": 20}
    data["exercises"] = [
        {**stand, "test": {"measure": "count", "unit": "stands"}},
        {**knee, "caution": "Stop " * 30, "test": {"measure": "value", "unit": "cm"}},
    ]
    code, out = run(capsys, "show", str(write(tmp_path / "check.json", data)))
    assert code == 0
    assert "   Re-test: stands counted during the set; higher is better\n" in out
    assert "   Re-test: a measurement in cm, typed in after the set; higher is better\n" in out
    assert max(len(line) for line in out.splitlines()[1:]) <= 78  # (the first has the path)
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if line.startswith("Source: A long"))
    assert lines[source + 1].startswith("  ") and "source" in lines[source + 1]  # continued
    assert "\n     Stop" in out  # the caution goes on under its label


def test_validate_checks_a_figure_file_as_a_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # docs/figures.md's example, copied as a new user would: it was refused as a routine
    # with six lines about missing titles and exercises.
    doc = (Path(__file__).resolve().parents[2] / "docs" / "figures.md").read_text("utf-8")
    example = json.loads(doc.split("```json\n", 1)[1].split("```", 1)[0])
    good = write(tmp_path / "straight-leg-raise.json", example)
    assert run(capsys, "validate", str(good)) == (
        0,
        f"ok: {good} (the figure of straight-leg-raise)\n",
    )
    broken = dict(example, id="bridge")
    broken["end"] = dict(example["end"], right_leg={"knee": 400})
    bad = write(tmp_path / "bridge.json", broken)
    assert run(capsys, "validate", str(good), str(bad)) == (
        2,
        f"ok: {good} (the figure of straight-leg-raise)\n"
        f"{bad}: end.right_leg.knee: expected a number from -360 to 360, got 400\n",
    )
    assert "end.right_leg.knee: expected a number from -360 to 360, got 400`" in doc


def test_validate_names_each_picture_the_window_would_not_show(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = dict(V2, version=1, id="pics", title="Pics")
    data["exercises"] = [
        {"id": "a", "name": "A", "kind": "hold", "hold_s": 5, "image": "pictures/a.png"},
        {"id": "b", "name": "B", "kind": "hold", "hold_s": 5, "image": "pictures/b.png"},
        {"id": "c", "name": "C", "kind": "hold", "hold_s": 5, "image": "pictures/c.txt"},
    ]
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (tmp_path / "pictures" / "c.txt").write_text("a note, not a picture", encoding="utf-8")
    routine = write(tmp_path / "pics.json", data)
    code, said = run(capsys, "validate", str(routine))
    assert code == 0  # a picture not shown never stops a session: the file is valid
    assert said.splitlines() == [
        f"ok: {routine} (Pics, 3 exercises)",
        "  picture not shown: pictures/b.png (file not found)",
        "  picture not shown: pictures/c.txt (not a PNG, JPEG or SVG picture)",
    ]

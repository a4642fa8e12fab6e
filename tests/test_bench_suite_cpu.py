"""The suite's CPU summary (bench/suite_cpu.py) counts each process once: the xdist controller's
children are its workers, whose own files count them already (session 19 read 625 s for 313)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench_scripts import bench


def _write(folder: Path, name: str, tests: list[list[object]], own: float, kids: float) -> None:
    (folder / f"cpu-{name}.json").write_text(json.dumps({"tests": tests, "own": own, "kids": kids}))


def test_the_controller_s_workers_are_counted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cpu = bench("suite_cpu", monkeypatch)
    _write(tmp_path, "gw0", [["tests/core/test_a.py::test_a", 8.0, 0.0, 9.0]], 9.0, 1.0)
    _write(tmp_path, "gw1", [["tests/ui/test_b.py::test_b", 4.0, 2.0, 7.0]], 5.0, 2.0)
    _write(tmp_path, "main", [], 1.5, 17.0)  # its children: the two workers above
    cpu.summary(tmp_path, 5)
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("2 tests, 18.5 s of CPU"), first  # 10 + 7 + 1.5
    assert "4.5 s outside tests" in first


def test_a_run_without_workers_counts_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cpu = bench("suite_cpu", monkeypatch)
    _write(tmp_path, "main", [["tests/ui/test_fit.py::test_fit", 1.0, 6.0, 9.0]], 2.0, 6.0)
    cpu.summary(tmp_path, 5)
    assert capsys.readouterr().out.startswith("1 tests, 8.0 s of CPU")

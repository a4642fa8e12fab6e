"""The controller compiles a cold bytecode cache once before its workers (tests/bytecode_warm.py)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from tests.bytecode_warm import warm_before_workers


@dataclass
class Config:
    """The parts of pytest.Config the warm-up reads."""

    rootpath: Path
    numprocesses: object = 4
    collectonly: bool = False
    worker: bool = False
    options: dict[str, object] = field(default_factory=dict)

    def getoption(self, name: str, default: object = None) -> object:
        return {"numprocesses": self.numprocesses, "collectonly": self.collectonly}.get(
            name, default
        )

    def __getattr__(self, name: str) -> Any:
        if name == "workerinput" and self.worker:
            return {}
        raise AttributeError(name)


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    return []


def warm(config: Config, runs: list[list[str]]) -> bool:
    return warm_before_workers(cast(pytest.Config, config), runs.append)


def test_a_controller_of_workers_collects_once_then_the_stamp_says_it_is_warm(
    tmp_path: Path, runs: list[list[str]]
) -> None:
    config = Config(tmp_path / "clone")
    assert warm(config, runs)
    assert len(runs) == 1 and "--collect-only" in runs[0] and runs[0][-1].endswith("tests")
    assert not warm(config, runs)  # the next run: stamped
    assert warm(Config(tmp_path / "another clone"), runs)  # other sources: cold again
    assert len(runs) == 2


@pytest.mark.parametrize(
    "config",
    [
        {"worker": True},
        {"numprocesses": 0},
        {"numprocesses": 1},
        {"numprocesses": None},
        {"collectonly": True},
    ],
    ids=["a worker", "-n 0", "-n 1", "no xdist", "--collect-only"],
)
def test_no_warm_up_where_no_workers_start(
    tmp_path: Path, runs: list[list[str]], config: dict[str, Any]
) -> None:
    assert not warm(Config(tmp_path, **config), runs)
    assert runs == []

"""The bench scripts (bench/*.py) imported as modules, as they run: benchlib beside them."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # as when run as a script: benchlib beside it
    return importlib.import_module(name)

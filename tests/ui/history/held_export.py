"""An export's writer held on its thread until a test lets it go on, and the file dialog's answer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hiptimer.ui.history import exports, report_pdf
from hiptimer.ui.widgets import file_dialog


class Held:
    """A writer that waits, on the export's thread, until the test lets it go on; then it
    writes as the real one does (or raises `error`)."""

    def __init__(self, real: Callable[..., int], error: Exception | None = None) -> None:
        self.real, self.error = real, error
        self.started, self.go_on = threading.Event(), threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> int:
        # On the GUI thread this would wait for ever: fail at once instead.
        assert threading.current_thread() is not threading.main_thread(), "on the GUI thread"
        self.started.set()
        assert self.go_on.wait(60), "the test never let the export go on"
        if self.error is not None:
            raise self.error
        return self.real(*args, **kwargs)


def held(monkeypatch: pytest.MonkeyPatch, kind: str, error: Exception | None = None) -> Held:
    """The CSV (or PDF) writer replaced by a Held one."""
    module: Any = exports if kind == "csv" else report_pdf
    name = "export_csv" if kind == "csv" else "write_report"
    writer = Held(getattr(module, name), error)
    monkeypatch.setattr(module, name, writer)
    return writer


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(path), ""))

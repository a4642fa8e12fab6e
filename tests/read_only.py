"""A read-only data folder, played: as root only a read-only mount refuses writes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def fake_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """access(2) says `folder` cannot be written, as on a read-only mount: what
    safe_write.read_only_folder asks, for the window's words and the log alike. The writes
    themselves are refused by each test, where it writes."""
    access = os.access
    refused = folder.resolve()

    def fake(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(os.fspath(path)).resolve() == refused:
            return False
        return access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", fake)

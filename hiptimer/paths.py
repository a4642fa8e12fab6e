"""Where HipTimer keeps things: per-user data (via appdirs) and the bundled resources.

All per-user state lives under one folder so that `HIPTIMER_HOME` or `--data-dir`
can move it wholesale (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import appdirs

APP_NAME = "HipTimer"
ENV_HOME = "HIPTIMER_HOME"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Use this folder for all per-user state (from --data-dir); None goes back to the default."""
    global _override
    _override = Path(path).expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The per-user data folder: --data-dir, then $HIPTIMER_HOME, then the platform's default."""
    if _override is not None:
        return _override
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir_chosen() -> bool:
    """Whether the data folder was chosen (--data-dir or $HIPTIMER_HOME), not the default."""
    return _override is not None or bool(os.environ.get(ENV_HOME))


def user_routines_dir() -> Path:
    return data_dir() / "routines"


def drafts_dir() -> Path:
    """Unsaved routine edits kept when the system closed HipTimer (never in routines/: a
    draft may not be a valid routine, and it must not replace the routine it edits)."""
    return data_dir() / "drafts"


def kept_drafts() -> list[Path]:
    """The drafts waiting in the drafts folder, by name (none when the folder is missing or
    cannot be read). Here, not with the drafts' reading: every start asks, before its first
    paint, and the answer is nearly always "none" (docs/performance.md)."""
    try:
        return sorted(p for p in drafts_dir().glob("*.json") if p.is_file())
    except OSError:
        return []


def history_db_path() -> Path:
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def log_dir() -> Path:
    return data_dir() / "logs"


def cache_dir() -> Path:
    """What can be made again (rendered speech): the platform's cache folder, or a "cache"
    folder inside the data folder when --data-dir or $HIPTIMER_HOME moved it."""
    if _override is not None or os.environ.get(ENV_HOME):
        return data_dir() / "cache"
    return Path(appdirs.user_cache_dir(APP_NAME, appauthor=False))


def speech_cache_dir() -> Path:
    return cache_dir() / "speech"


def resources_dir() -> Path:
    """Bundled resources: inside the package when installed, at the repo root from a checkout."""
    here = Path(__file__).resolve().parent
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    candidates = [here / "resources", here.parent / "resources"]
    if frozen:
        candidates.insert(0, Path(frozen) / "hiptimer" / "resources")
    for candidate in candidates:
        if (candidate / "routines").is_dir():
            return candidate
    return candidates[-1]


def builtin_routines_dir() -> Path:
    return resources_dir() / "routines"


def schema_path(version: int = 2) -> Path:
    """The JSON Schema of routine files; version 2's accepts version-1 files too."""
    return resources_dir() / "schema" / f"routine-v{version}.schema.json"


def sounds_dir() -> Path:
    return resources_dir() / "sounds"


def icons_dir() -> Path:
    return resources_dir() / "icons"

"""Start at login: an XDG autostart entry (Linux desktops), written and removed cleanly.

The entry starts HipTimer in the tray (--in-tray) so that reminders run without a window
appearing at every login. Only a file HipTimer wrote (it carries MARKER) is ever removed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from hiptimer import APP_ID
from hiptimer.core.safe_read import UnreadableFile, read_small_text
from hiptimer.core.safe_write import replacing_text

log = logging.getLogger(__name__)

ENTRY_NAME = f"{APP_ID}.desktop"
MARKER = "X-HipTimer-Autostart=true"
MAX_BYTES = 16 * 1024
IN_TRAY = "--in-tray"


class AutostartError(RuntimeError):
    """The entry cannot be written or removed; the message says why, for the user."""


def supported() -> bool:
    """Whether this system starts programs from XDG autostart entries (Linux and BSDs)."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart"


def entry_path(folder: Path | None = None) -> Path:
    return (folder or autostart_dir()) / ENTRY_NAME


def is_on(folder: Path | None = None) -> bool:
    """Whether our entry is there and the desktop has not turned it off."""
    try:
        text = read_small_text(entry_path(folder), MAX_BYTES)
    except UnreadableFile:
        return False
    keys = _keys(text)
    # Hidden=true is the autostart spec's "off" (specifications.freedesktop.org/autostart-spec);
    # GNOME's startup-applications switch writes X-GNOME-Autostart-enabled=false instead,
    # which gnome-session obeys (gitlab.gnome.org/GNOME/gnome-session, gsm-autostart-app.c).
    return (
        MARKER in text
        and keys.get("Hidden") != "true"
        and keys.get("X-GNOME-Autostart-enabled") != "false"
    )


def _keys(text: str) -> dict[str, str]:
    """The [Desktop Entry] group's keys; the spec lets spaces stand around "="."""
    keys: dict[str, str] = {}
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def command(data_dir: str | None = None) -> list[str]:
    """How this HipTimer is started: the installed command, or this Python with -m."""
    installed = shutil.which("hiptimer")
    base = [installed] if installed else [sys.executable, "-m", "hiptimer"]
    extra = ["--data-dir", data_dir] if data_dir else []
    return [*base, *extra, IN_TRAY]


def entry_text(argv: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=HipTimer\n"
        "Comment=Exercise plan reminders (HipTimer starts in the tray)\n"
        f"Exec={exec_line(argv)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER}\n"
    )


def exec_line(argv: Sequence[str]) -> str:
    """Arguments quoted as the Desktop Entry Specification asks (its "Exec key")."""
    return " ".join(_quote(arg) for arg in argv)


def _quote(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def turn_on(argv: Sequence[str], folder: Path | None = None) -> Path:
    """Write the entry (replacing ours); AutostartError if it cannot be written."""
    path = entry_path(folder)
    if path.exists() and not _ours(path):
        raise AutostartError(f"{path} exists and was not written by HipTimer; it is left alone")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing_text(path) as fh:
            fh.write(entry_text(argv))
    except OSError as exc:
        raise AutostartError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def turn_off(folder: Path | None = None) -> None:
    """Remove our entry if it is there; AutostartError if it cannot be removed."""
    path = entry_path(folder)
    if not path.exists() and not path.is_symlink():
        return
    if not _ours(path):
        raise AutostartError(f"{path} was not written by HipTimer; it is left alone")
    try:
        path.unlink()
    except OSError as exc:
        raise AutostartError(f"cannot remove {path}: {exc.strerror or exc}") from None


def _ours(path: Path) -> bool:
    try:
        return MARKER in read_small_text(path, MAX_BYTES)
    except UnreadableFile:
        return False

"""Rendered phrases on disk: one WAV per phrase and voice settings, the oldest dropped past a size limit."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)

# A rendering made with other code or another espeak-ng may sound different: a new format
# version makes every key new, and the old files age out under the size limit.
FORMAT_VERSION = 1
# About 25 minutes of espeak-ng's 22 kHz mono speech: a few routines' phrases, all voices.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
TRIM_TO = 0.8  # of the limit, so that the next few phrases do not trim again


class PhraseCache:
    """WAV files named by a hash of (text, voice settings) in one folder.

    Recency is the file's modification time, refreshed on every hit: past `max_bytes` the
    least recently used files go first. Every method logs and carries on when the disk
    fails: a phrase that cannot be cached is rendered when it is due instead.
    """

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._size: int | None = None  # bytes in the folder; counted on the first put

    @staticmethod
    def key(text: str, settings: Mapping[str, object]) -> str:
        """The name a phrase is kept under for these voice settings (voice, rate, volume)."""
        blob = json.dumps([FORMAT_VERSION, text, sorted(settings.items())], default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]

    def path_for(self, key: str) -> Path:
        return self.folder / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        """The rendered WAV for key, marked as just used; None when it was never rendered."""
        path = self.path_for(key)
        try:
            if path.stat().st_size == 0:
                return None
            os.utime(path)
        except OSError:
            return None
        return path

    def put(self, key: str, rendered: Path) -> Path | None:
        """Move a freshly rendered WAV in (same file system: a rename); its cached path, or
        None when it could not be kept (the rendered file is then left where it was)."""
        path = self.path_for(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            os.replace(rendered, path)
            size = path.stat().st_size
        except OSError as exc:
            log.debug("speech cache: could not keep %s: %s", path.name, exc)
            return None
        if self._size is None:
            self._size = self._count()
        else:
            self._size += size
        if self._size > self.max_bytes:
            self.trim(keep=path)
        return path

    def trim(self, keep: Path | None = None) -> None:
        """Delete the least recently used files until the folder is under TRIM_TO of the limit."""
        files = []
        for path in self.folder.glob("*.wav"):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= self.max_bytes * TRIM_TO:
                break
            if path == keep:
                continue
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
        self._size = total

    def _count(self) -> int:
        total = 0
        for path in self.folder.glob("*.wav"):
            try:
                total += path.stat().st_size
            except OSError:
                continue
        return total

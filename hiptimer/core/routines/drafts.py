"""Unsaved routine edits kept as drafts when the system closes HipTimer (logout, shutdown, kill).

Nobody is there to answer "Save your changes?", and the edits may not even be a valid routine,
so they are written as they are, as plain JSON, into a folder of their own beside the user's
routines, never over the routine's own file. The next start names them, and the editor offers
a routine's drafts when it opens that routine: what the user typed is kept, never dropped.
HipTimer never deletes a draft: one the user discards, or opens and then saves or discards, is
moved to `discarded/` inside the folder; one that cannot be read whole to `damaged/`.
"""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hiptimer import paths
from hiptimer.core.routines.direction_marks import closed
from hiptimer.core.safe_read import (
    BadJson,
    UnreadableFile,
    parse_strict_json,
    read_small_text,
    size_text,
)
from hiptimer.core.safe_write import move_synced, write_atomic
from hiptimer.i18n import _

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
# keep_draft's names: "<routine id>-<YYYYmmdd-HHMMSS>.json", or "...-2.json" in the same second
_NAME = re.compile(r"(?P<id>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.json")
# What a line of a notice cannot show: line breaks and the other controls (a bell drew a box).
_NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SHOWN_TITLE = 120  # a routine title's most (validation.MAX_NAME); a draft's may be any length
DISCARDED = "discarded"
DAMAGED = "damaged"


@dataclass(frozen=True)
class Draft:
    """A kept draft, read whole: the routine data as it was being edited."""

    path: Path
    routine_id: str  # the routine being edited when it was kept
    kept_at: datetime  # local time, from its name
    data: dict[str, Any]

    @property
    def title(self) -> str:
        """The routine's title as it was typed, or its id when there was none."""
        title = self.data.get("title")
        return title if isinstance(title, str) and title.strip() else self.routine_id

    @property
    def shown_title(self) -> str:
        """The title as a sentence of ours names it: a draft is not checked as a routine is,
        so its controls become spaces, it is cut to a title's length, and the direction marks
        it leaves open are closed, as a routine's are (an RLO left open turned "from <time>
        were kept" after it around)."""
        line = " ".join(_NOT_IN_A_LINE.sub(" ", self.title).split())
        if len(line) > SHOWN_TITLE:
            line = line[: SHOWN_TITLE - 1] + "\u2026"
        return closed(line)


@dataclass(frozen=True)
class DamagedDraft:
    """A draft that could not be read whole, and where it was moved (None: it could not be)."""

    path: Path
    why: str
    moved_to: Path | None


class DraftError(ValueError):
    """A draft that cannot be read whole; the message says why."""


def keep_draft(data: dict[str, Any], routine_id: str, when: datetime) -> Path:
    """Write the routine data being edited to a new draft file and return its path.

    The name is the routine's id and the time (`my-routine-20260301-081500.json`); an earlier
    draft is never written over. Raises OSError when the folder cannot be written, or when the
    draft would be larger than a draft is read (the caller logs the edits instead).
    """
    from hiptimer.core.routines.validation import MAX_FILE_BYTES  # not before the first paint

    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise OSError(errno.EFBIG, f"larger than {size_text(MAX_FILE_BYTES)}, as no draft is read")
    folder = paths.drafts_dir()
    stem = f"{_UNSAFE.sub('-', routine_id).strip('-') or 'routine'}-{when:%Y%m%d-%H%M%S}"
    path, n = folder / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.json"
    write_atomic(path, text)
    return path


def read_draft(path: Path) -> Draft:
    """A draft read whole (a routine file's size limit, strict JSON, an object), or DraftError."""
    from hiptimer.core.routines.validation import MAX_FILE_BYTES

    try:
        data = parse_strict_json(read_small_text(path, MAX_FILE_BYTES))
    except (UnreadableFile, BadJson) as exc:
        raise DraftError(str(exc)) from None
    if not isinstance(data, dict):
        raise DraftError(_("not routine data (a JSON object was expected)"))
    named = _NAME.fullmatch(path.name)
    if named is not None:
        routine_id = named["id"]
        kept_at = datetime.strptime(named["stamp"], "%Y%m%d-%H%M%S")
    else:  # a file put there by hand: its id as written, its time as the file's
        routine_id = data["id"] if isinstance(data.get("id"), str) else path.stem
        kept_at = datetime.fromtimestamp(path.stat().st_mtime)
    return Draft(path, routine_id, kept_at, data)


@dataclass(frozen=True)
class KeptDrafts:
    drafts: list[Draft]  # the newest first
    damaged: list[DamagedDraft]  # moved aside by this look


def look_at_drafts(
    routine_id: str | None = None, listed: Iterable[Path] | None = None
) -> KeptDrafts:
    """The drafts of one routine (or all), read whole; each that cannot be is moved to
    `damaged/`, never offered half. `listed`: the drafts folder as paths.kept_drafts() just
    listed it (a start asks that first), so it is not listed again."""
    drafts, damaged = [], []
    for path in paths.kept_drafts() if listed is None else listed:
        named = _NAME.fullmatch(path.name)
        if routine_id is not None and named is not None and named["id"] != routine_id:
            continue  # another routine's: not read now
        try:
            draft = read_draft(path)
        except (DraftError, OSError) as exc:
            damaged.append(DamagedDraft(path, str(exc), _moved(path, DAMAGED)))
            continue
        if routine_id is None or draft.routine_id == routine_id:
            drafts.append(draft)
    drafts.sort(key=lambda d: (d.kept_at, d.path.name), reverse=True)
    return KeptDrafts(drafts, damaged)


def set_aside(path: Path, folder: str = DISCARDED) -> Path:
    """Move a draft into a folder inside the drafts folder (never over a file there); its new
    path. Raises OSError when it cannot be moved."""
    target_dir = paths.drafts_dir() / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    target, n = target_dir / path.name, 1
    while target.exists() or target.is_symlink():  # a link too, even one to nothing
        n += 1
        target = target_dir / f"{path.stem}-{n}{path.suffix}"
    return move_synced(path, target)


def _moved(path: Path, folder: str) -> Path | None:
    try:
        return set_aside(path, folder)
    except OSError:
        return None

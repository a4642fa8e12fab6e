"""A routine's own pictures: where its `image` fields point, and copied along with it.

An exercise's `image` is a path relative to its routine file (docs/routine-format.md,
Pictures): a routine imported into the user's folder, or exported, without them would show
every picture as "file not found".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from hiptimer.core.routines.model import Routine
from hiptimer.core.safe_read import UnreadableFile, read_small_bytes
from hiptimer.core.safe_write import make_folder, replacing_bytes

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a picture larger than this is not shown (nor copied)


def image_path(routine_path: str, image: str) -> Path:
    """Where a routine's `image` field points: relative to the routine file's folder."""
    return Path(routine_path).parent / image.replace("\\", "/")


def pictures_of(routine: Routine) -> Iterator[str]:
    """Each picture a routine names (its exercises' and their ladders'), once, in order."""
    seen: set[str] = set()
    for ex in routine.exercises:
        for image in (ex.image, *(rung.image for rung in ex.ladder)):
            if image and image not in seen:
                seen.add(image)
                yield image


def copy_pictures(routine: Routine, source: str, target: str) -> tuple[str, ...]:
    """Copy the pictures `routine` names from beside the file `source` to the same places
    beside the file `target`; returns those left out (a different file there, or a write
    that failed).

    A picture that would not show at the source either (missing, too large, a pipe or a
    folder) is not copied: its place shows the same note as before. A different file already
    at a picture's place, another routine's picture perhaps, is never written over.
    """
    kept = []
    for image in pictures_of(routine):
        src, dst = image_path(source, image), image_path(target, image)
        try:
            data = read_small_bytes(src, MAX_IMAGE_BYTES)
        except UnreadableFile:
            continue
        try:
            there: bytes | None = read_small_bytes(dst, MAX_IMAGE_BYTES)
        except UnreadableFile as exc:
            there = None if exc.missing else b""  # unreadable but there: not ours to replace
        if there == data:
            continue  # importing from the routines folder itself, or the same picture again
        if there is not None:
            log.warning("picture %s not copied: a different file is already at %s", image, dst)
            kept.append(image)
            continue
        try:
            make_folder(dst.parent)
            with replacing_bytes(dst) as fh:
                fh.write(data)
        except OSError as exc:  # the routine is in; its picture shows a note, as when missing
            log.warning("picture %s not copied to %s: %s", image, dst, exc)
            kept.append(image)
    return tuple(kept)

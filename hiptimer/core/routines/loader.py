"""Read routine files (JSON, format versions 1 and 2) into validated routines.

Nothing but RoutineError ever leaves this module on bad input: not a missing file, a folder,
a FIFO, bad UTF-8, deep nesting or a huge number. Validation is in validation.py and
writing in routine_writer.py; their public names are re-exported here.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hiptimer.core.routines.copy_texts import follow_builtin
from hiptimer.core.routines.model import FORMAT_MARKER, FORMAT_VERSION, Exercise, Routine
from hiptimer.core.routines.translation import translated
from hiptimer.core.routines.validation import (
    MAX_FILE_BYTES,
    Problem,
    RoutineError,
    check_routine,
)
from hiptimer.core.safe_read import (
    IS_FOLDER,
    BadJson,
    UnreadableFile,
    parse_strict_json,
    read_small_text,
)
from hiptimer.i18n import N_

ROUTINE_FOLDER = N_("is a folder, not a routine file")
UNREAD_FOLDER = N_("cannot read the folder ({why}): the routines in it are not listed")


def load_routine(
    path: str | os.PathLike[str], *, builtin: bool = False, builtin_dir: Path | None = None
) -> Routine:
    """Load and validate one routine file (`builtin_dir`: see copy_texts.follow_builtin)."""
    return routine_from_text(read_routine_text(Path(path)), path, builtin, builtin_dir)


def routine_from_text(
    text: str, path: str | os.PathLike[str], builtin: bool, builtin_dir: Path | None = None
) -> Routine:
    """A routine file's text, read already, validated as load_routine does."""
    routine = parse_routine_text(text, str(path), builtin=builtin)
    # A built-in speaks the language in use; the user's own routines are their own words,
    # but where a copy of a built-in kept the built-in's words they follow its language.
    return translated(routine) if builtin else follow_builtin(routine, None, builtin_dir)


def read_routine_text(path: Path) -> str:
    """Read a routine file as text, refusing anything that is not a small UTF-8 file."""
    try:
        return read_small_text(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        # English where printed (validate, the log), in the language in use on screen (shown()).
        template = ROUTINE_FOLDER if exc.template == IS_FOLDER else exc.template
        if not template:
            raise _fail(str(path), str(exc)) from None
        message = template.format(**dict(exc.values))
        problem = Problem("", message, template, exc.values)
        raise RoutineError(str(path), [problem]) from None


# Routine files at most this long are remembered parsed (64 of them: 4 MiB at most).
CACHED_TEXT_CHARS = 64 * 1024


def parse_routine_text(text: str, source: str = "<routine>", *, builtin: bool = False) -> Routine:
    """Parse JSON text and validate it into a Routine."""
    if len(text) <= CACHED_TEXT_CHARS:
        return _parsed(text, source, builtin)
    return _parse(text, source, builtin)


def _parse(text: str, source: str, builtin: bool) -> Routine:
    data = parse_json(text, source)
    return routine_from_data(data, source, builtin=builtin)


# The library, each decision and each reminder load the whole catalog again (a file may have
# changed); validating a built-in routine takes about a millisecond, its text is the key.
# Routines are frozen, so one parsed routine can be handed out many times. A file that
# fails raises each time (exceptions are not cached).
_parsed = functools.lru_cache(maxsize=64)(_parse)


def parse_json(text: str, source: str) -> Any:
    """Strict JSON (no NaN, Infinity or duplicate keys); only RoutineError escapes."""
    if len(text) > MAX_FILE_BYTES:
        raise _fail(source, "text is larger than 1 MiB")
    try:
        return parse_strict_json(text)
    except BadJson as exc:  # English where printed, exc.said in the language in use on screen
        message = str(exc).replace("the file is empty", "file is empty")
        raise RoutineError(
            source, [Problem("", message, "{said}", (("said", exc.said),))]
        ) from None


def _fail(source: str, message: str) -> RoutineError:
    return RoutineError(source, [Problem("", message)])


def routine_from_data(data: Any, source: str = "<routine>", *, builtin: bool = False) -> Routine:
    """Validate decoded JSON and build a Routine, or raise RoutineError listing every problem."""
    routine, problems = check_routine(data)
    if problems or routine is None:
        raise RoutineError(source, problems or [Problem("", "invalid routine")])
    return _with_origin(routine, source, builtin)


def exercise_from_data(data: Any) -> Exercise | None:
    """One exercise from its JSON form (as a session's doses keep it); None when it is not valid."""
    try:
        key = json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        return _exercise_from_data(data)
    return _exercise_from_key(key)


# The pain rules read each recent session's doses, every exercise and side of it, after every
# session and check-in: the same few dozen exercises again and again. Exercises are frozen.
@functools.lru_cache(maxsize=256)
def _exercise_from_key(key: str) -> Exercise | None:
    return _exercise_from_data(json.loads(key))


def _exercise_from_data(data: Any) -> Exercise | None:
    wrapper = {
        "format": FORMAT_MARKER,
        "version": FORMAT_VERSION,
        "id": "exercise",
        "title": "exercise",
        "exercises": [data],
    }
    routine, _ = check_routine(wrapper)
    return routine.exercises[0] if routine is not None else None


def _with_origin(routine: Routine, source: str, builtin: bool) -> Routine:
    from dataclasses import replace

    return replace(routine, path=source, builtin=builtin)


def is_routine_file_name(name: str) -> bool:
    """Whether a file name ends in .json, in any case: `Stretch.JSON` is a routine file on
    every platform (a glob's case follows the platform's: Linux's missed it)."""
    return name.casefold().endswith(".json")


def iter_routine_files(folder: Path) -> Iterator[Path]:
    """The .json files (any case) directly in a folder, sorted; nothing if it does not exist
    or cannot be read."""
    yield from routine_files(folder)[0]


def routine_files(folder: Path) -> tuple[list[Path], RoutineError | None]:
    """The .json files (any case) directly in a folder, sorted, and why the folder could not
    be listed: a folder that is there but refused (no permission, an I/O error on a mount
    that went away) hid every routine in it without a word. Not there at all: no error."""
    try:
        return sorted(p for p in folder.iterdir() if is_routine_file_name(p.name)), None
    except (FileNotFoundError, NotADirectoryError):
        return [], None
    except OSError as exc:
        why = exc.strerror or str(exc)
        problem = Problem("", UNREAD_FOLDER.format(why=why), UNREAD_FOLDER, (("why", why),))
        return [], RoutineError(str(folder), [problem])

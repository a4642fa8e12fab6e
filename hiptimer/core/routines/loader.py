"""Read routine files (JSON, format version 1) into validated routines.

Nothing but RoutineError ever leaves this module on bad input: not a missing file, a folder,
a FIFO, bad UTF-8, deep nesting or a huge number. Validation is in validation.py and
writing in routine_writer.py; their public names are re-exported here.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.validation import (
    MAX_FILE_BYTES,
    Problem,
    RoutineError,
    check_routine,
)


def load_routine(path: str | os.PathLike[str], *, builtin: bool = False) -> Routine:
    """Load and validate one routine file."""
    source = str(path)
    text = read_routine_text(Path(path))
    return parse_routine_text(text, source, builtin=builtin)


def read_routine_text(path: Path) -> str:
    """Read a routine file as text, refusing anything that is not a small UTF-8 file."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _fail(source, "file not found") from None
    except OSError as exc:
        raise _fail(source, f"cannot read the file ({exc.strerror or exc})") from None
    except ValueError:  # a NUL byte in the path
        raise _fail(source, "not a usable file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(source, "is a folder, not a routine file")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(source, "is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _fail(source, f"file is {info.st_size} bytes; a routine file is at most 1 MiB")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(source, f"cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(source, "file is larger than 1 MiB")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode" encoding; say so instead of "bad byte at offset 0".
        raise _fail(source, "the file is saved as UTF-16; save it as UTF-8")
    try:
        # utf-8-sig: a byte-order mark from a Windows editor is harmless, so accept it.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(source, f"not valid UTF-8 text (bad byte at offset {exc.start})") from None


def parse_routine_text(text: str, source: str = "<routine>", *, builtin: bool = False) -> Routine:
    """Parse JSON text and validate it into a Routine."""
    data = parse_json(text, source)
    return routine_from_data(data, source, builtin=builtin)


def parse_json(text: str, source: str) -> Any:
    """json.loads that rejects NaN, Infinity and duplicate keys, and never raises a foreign error."""
    if len(text) > MAX_FILE_BYTES:
        raise _fail(source, "text is larger than 1 MiB")
    if not text.strip():
        raise _fail(source, "file is empty; expected a JSON object")
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        # Some messages end in "at" ("Invalid control character at"); avoid "at at line".
        msg = exc.msg.removesuffix(" at")
        raise _fail(
            source, f"not valid JSON: {msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except _BadJson as exc:
        raise _fail(source, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise _fail(source, "JSON is nested too deeply") from None
    except ValueError as exc:
        if "digits" in str(exc):  # Python's int-size guard; its message suggests a Python call
            raise _fail(source, "not valid JSON: a number has too many digits") from None
        raise _fail(source, f"not valid JSON: {exc}") from None


class _BadJson(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _BadJson(f'the key "{key}" appears twice in one object')
        result[key] = value
    return result


def _fail(source: str, message: str) -> RoutineError:
    return RoutineError(source, [Problem("", message)])


def routine_from_data(data: Any, source: str = "<routine>", *, builtin: bool = False) -> Routine:
    """Validate decoded JSON and build a Routine, or raise RoutineError listing every problem."""
    routine, problems = check_routine(data)
    if problems or routine is None:
        raise RoutineError(source, problems or [Problem("", "invalid routine")])
    return _with_origin(routine, source, builtin)


def _with_origin(routine: Routine, source: str, builtin: bool) -> Routine:
    from dataclasses import replace

    return replace(routine, path=source, builtin=builtin)


def iter_routine_files(folder: Path) -> Iterator[Path]:
    """The *.json files directly in a folder, sorted; nothing if it does not exist."""
    try:
        entries = sorted(folder.glob("*.json"))
    except OSError:
        return
    yield from entries

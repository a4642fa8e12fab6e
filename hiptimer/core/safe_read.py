"""Reading small files we do not trust: regular files only, a size limit, strict JSON.

Routines and the settings file both come from places a user (or a broken disk) controls: a
FIFO, a link to /dev/zero, a 100,000-deep JSON array or a UTF-16 file must give a clear
sentence, never a hang, a MemoryError or a RecursionError. JSON has a depth limit of its own
(MAX_DEPTH), the same wherever it is parsed from.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from hiptimer.core.said import Said
from hiptimer.i18n import N_, translate

NOT_REGULAR = N_("is not a regular file")  # translated where raised
# What is there instead, said by its kind ("is not a regular file" named no problem a person
# could find: a link to /dev/zero or /dev/urandom looks like any file in a file manager).
_NOT_REGULAR_AS = {
    stat.S_IFIFO: (
        N_("is a pipe, not a regular file"),
        N_("links to {target}, a pipe, not a regular file"),
    ),
    stat.S_IFCHR: (
        N_("is a device, not a regular file"),
        N_("links to {target}, a device, not a regular file"),
    ),
    stat.S_IFBLK: (
        N_("is a device, not a regular file"),
        N_("links to {target}, a device, not a regular file"),
    ),
    stat.S_IFSOCK: (
        N_("is a socket, not a regular file"),
        N_("links to {target}, a socket, not a regular file"),
    ),
}
IS_FOLDER = N_("is a folder, not a file")
# Deeper JSON is refused: a routine needs 4 levels, settings 2. Without a limit of its own
# the parser stops where Python's stack does, which depends on who called it.
MAX_DEPTH = 64
TOO_DEEP = Said(N_("JSON is nested too deeply (more than {depth} levels)"), depth=MAX_DEPTH)


class UnreadableFile(ValueError):
    """The file is missing, out of reach, not a regular file, too large or not UTF-8.

    `missing`: there is no such file (or no such folder). `damaged`: the file is there but its
    content cannot be used (a pipe, too large, not UTF-8): the caller may move it aside. Neither:
    the system refused to read it (permissions, an I/O error).
    """

    def __init__(
        self,
        message: str,
        *,
        missing: bool = False,
        damaged: bool = False,
        template: str = "",
        values: tuple[tuple[str, object], ...] = (),
    ) -> None:
        super().__init__(message)
        self.missing = missing
        self.damaged = damaged
        # The marked English words the message was made from, for what stays English (the
        # command line's own lines, docs/translating.md) and for a Problem to translate later.
        self.template = template
        self.values = values


def _unreadable(
    template: str, *, missing: bool = False, damaged: bool = False, **values: object
) -> UnreadableFile:
    """UnreadableFile saying `template` (marked with N_) in the language in use."""
    message = translate(template).format(**values)
    return UnreadableFile(
        message, missing=missing, damaged=damaged, template=template, values=tuple(values.items())
    )


class BadJson(ValueError):
    """Not JSON as HipTimer reads it; the message (a Said: English, and shown() in the
    language in use) says where or why."""

    def __init__(self, message: Said) -> None:
        super().__init__(message)
        self.said = message


def _cannot_read(exc: OSError) -> UnreadableFile:
    return _unreadable(N_("cannot read the file ({why})"), why=exc.strerror or exc)


def size_text(limit: int) -> str:
    """1048576 -> '1 MiB', 65536 -> '64 KiB'."""
    if limit % (1 << 20) == 0:
        return f"{limit >> 20} MiB"
    return f"{limit >> 10} KiB"


def _not_regular(path: Path, mode: int) -> UnreadableFile:
    """What is at `path` instead of a file, by its kind, and where a link leads to it."""
    direct, linked = _NOT_REGULAR_AS.get(stat.S_IFMT(mode), (NOT_REGULAR, ""))
    if linked and os.path.islink(path):
        return _unreadable(linked, damaged=True, target=os.path.realpath(path))
    return _unreadable(direct, damaged=True)


def read_small_text(path: Path, limit: int) -> str:
    """The text of a small UTF-8 file (a byte-order mark is fine), or UnreadableFile."""
    raw = read_small_bytes(path, limit)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(raw):
        # Windows Notepad's "Unicode" encoding; say so instead of "bad byte at offset 0".
        raise _unreadable(N_("the file is saved as UTF-16; save it as UTF-8"), damaged=True)
    try:
        # utf-8-sig: a byte-order mark from a Windows editor is harmless, so accept it.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = N_("not valid UTF-8 text (bad byte at offset {n})")
        raise _unreadable(bad, damaged=True, n=exc.start) from None


def _utf16_without_bom(raw: bytes) -> bool:
    """Whether the start looks like UTF-16 with no byte-order mark: a NUL every other byte.

    JSON and the other files read here start with ASCII, which UTF-16 writes beside a NUL;
    UTF-8 text has no NUL at all, so the guess can only turn one refusal into a clearer one
    (it was "not valid JSON: Expecting property name ... column 2").
    """
    head = raw[:64]
    for nuls, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if len(nuls) >= 2 and nuls[0] == 0 and chars[0] != 0 and nuls.count(0) * 2 >= len(nuls):
            return True
    return False


def read_small_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a small regular file (a picture, say), or UnreadableFile.

    The file is looked at before it is opened, and opened without blocking, so a FIFO or a
    device never stalls the caller; at most `limit` + 1 bytes are read.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise _unreadable(N_("file not found"), missing=True) from None
    except OSError as exc:
        raise _cannot_read(exc) from None
    except ValueError:  # a NUL byte in the path
        raise _unreadable(N_("not a usable file name")) from None
    if stat.S_ISDIR(info.st_mode):
        raise _unreadable(IS_FOLDER, damaged=True)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    if info.st_size > limit:
        too_large = N_("file is too large: {size} bytes; at most {limit} is read")
        raise _unreadable(too_large, damaged=True, size=info.st_size, limit=size_text(limit))
    raw = _read_at_most(path, limit + 1)
    if len(raw) > limit:
        larger = N_("file is larger than {limit}")
        raise _unreadable(larger, damaged=True, limit=size_text(limit))
    return raw


def _read_at_most(path: Path, count: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _cannot_read(exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped for a FIFO after the stat
            raise _not_regular(path, mode)
        chunks, left = [], count
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _cannot_read(exc) from None
    finally:
        os.close(fd)


def parse_strict_json(text: str) -> Any:
    """json.loads that rejects NaN, Infinity and duplicate keys; only BadJson escapes."""
    if not text.strip():
        raise BadJson(Said(N_("the file is empty; expected a JSON object")))
    try:
        data = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        # Some messages end in "at" ("Invalid control character at"); avoid "at at line".
        msg = exc.msg.removesuffix(" at")  # Python's words, kept as it gives them
        said = Said(
            N_("{error} at line {line} column {column}"),
            error=msg,
            line=exc.lineno,
            column=exc.colno,
        )
        raise _not_json(_earlier_repeat(text, exc.pos, said)) from None
    except BadJson as exc:
        at = _where(text, exc)
        said = _placed(exc.said, text, at)
        before = len(text) if at is None else at
        raise _not_json(_earlier_repeat(text, before, said)) from None
    except RecursionError:
        raise BadJson(TOO_DEEP) from None
    except ValueError as exc:
        if "digits" in str(exc):  # Python's int-size guard; its message suggests a Python call
            raise _not_json(Said(N_("a number has too many digits"))) from None
        raise _not_json(str(exc)) from None
    if _deeper_than(data, MAX_DEPTH):
        raise BadJson(TOO_DEEP)
    return data


def _not_json(detail: str) -> BadJson:
    return BadJson(Said(N_("not valid JSON: {detail}"), detail=detail))


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` levels (walked level by level, so
    without recursion): {"a": [1]} has two."""
    level = [data] if isinstance(data, (list, dict)) else []
    for _level in range(limit):
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, (list, dict))
        ]
    return bool(level)


class _Refused(BadJson):
    """What the parser's hooks refuse, with what to look for to say where it is."""

    def __init__(self, message: Said, *, key: str | None = None, number: str = "") -> None:
        super().__init__(message)
        self.key = key  # a key written twice; None: a NaN, an Infinity or a number too large
        self.number = number  # the number too large, as written


def _reject_constant(name: str) -> Any:
    raise _Refused(Said(N_("{name} is not a number JSON allows"), name=name))


def _finite(literal: str) -> float:
    """A number as JSON writes it, refused where it is too large to hold: 1e309 read as
    infinity and was refused later as "got inf", a word the file never had."""
    value = float(literal)
    if math.isinf(value):
        raise _Refused(Said(N_("{number} is too large a number"), number=literal), number=literal)
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(_twice(key), key=key)
        result[key] = value
    return result


# The text's strings whole (so that nothing inside one counts), its brackets, colons, NaN and
# Infinity: enough to walk a text the parser read up to a refused key or number.
_TOKENS = re.compile(
    r'"(?:[^"\\]|\\.)*"|[{}\[\]:]|(?P<constant>-?Infinity|NaN)'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
)


def _where(text: str, exc: BadJson) -> int | None:
    """Where a hook's refusal is in `text` (the parser's hooks are not told; a JSON syntax
    error says it itself), or None if not found."""
    if not isinstance(exc, _Refused):
        return None
    try:
        if exc.key is not None:
            return _second_key(text, exc.key)
        return _number(text, exc.number) if exc.number else _constant(text)
    except ValueError:  # a string the walk read unlike the parser: no place rather than a crash
        return None


def _twice(key: str) -> Said:
    return Said(N_('the key "{key}" appears twice in one object'), key=key)


def _placed(problem: Said, text: str, at: int | None) -> Said:
    """`problem`, at line 3 column 5 (the offset `at` in `text`), or as it is without one."""
    if at is None:
        return problem
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind(chr(10), 0, at)
    return Said(
        N_("{problem}, at line {line} column {column}"), problem=problem, line=line, column=column
    )


def _earlier_repeat(text: str, before: int, then: Said) -> Said:
    """'the key "a" appears twice in one object, at line 2 column 3; also: ' and `then` for the
    first key repeated in one object before the offset `before`, else `then`.

    The parser refuses a repeated key only once its object closes, but a number, a NaN or a
    syntax error as soon as it reads it: a file with a key twice and a 1e309 after it named
    only the 1e309, the later mistake. docs/routine-format.md: the first is named, and the
    one the parser stopped at after it.
    """
    open_brackets: list[set[str] | None] = []  # per open bracket: an object's keys, or None
    last_string: tuple[str, int] | None = None
    try:
        for match in _TOKENS.finditer(text):
            token = match.group()
            if match.start() >= before:
                break
            if token in ("{", "["):
                open_brackets.append(set() if token == "{" else None)
            elif token in ("}", "]") and open_brackets:
                open_brackets.pop()
            elif token == ":" and last_string is not None and open_brackets:
                keys, (name, at) = open_brackets[-1], last_string
                if keys is not None and name in keys:
                    first = _placed(_twice(name), text, at)
                    return Said(N_("{first}; also: {then}"), first=first, then=then)
                if keys is not None:
                    keys.add(name)
            last_string = (json.loads(token), match.start()) if token.startswith('"') else None
    except ValueError:  # a string the walk read unlike the parser: name the one mistake
        return then
    return then


def _constant(text: str) -> int | None:
    """The first NaN or Infinity: the parser reads in order, so the one it refused."""
    return next((m.start() for m in _TOKENS.finditer(text) if m.group("constant")), None)


def _number(text: str, literal: str) -> int | None:
    """Where the number `literal` first comes outside a string: the first too large to hold."""
    return next((m.start() for m in _TOKENS.finditer(text) if m.group("number") == literal), None)


def _second_key(text: str, key: str) -> int | None:
    """Where `key` comes a second time in one object: the parser refuses an object once it is
    read whole, so the first object to close with a repeat is the one refused."""
    # Per open bracket: for an object, its keys so far and where `key` came again; for a list,
    # None.
    open_brackets: list[tuple[set[str], list[int]] | None] = []
    last_string: tuple[str, int] | None = None
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in ("{", "["):
            open_brackets.append((set(), []) if token == "{" else None)
        elif token in ("}", "]") and open_brackets:
            closed = open_brackets.pop()
            if closed is not None and closed[1]:
                return closed[1][0]
        elif token == ":" and last_string is not None and open_brackets:
            keys, repeats = open_brackets[-1] or (set(), [])
            name, at = last_string
            if name == key and name in keys:
                repeats.append(at)
            keys.add(name)
        last_string = (json.loads(token), match.start()) if token.startswith('"') else None
    return None

"""Reading fields of decoded JSON strictly: every problem kept with its field path."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

MAX_LIST_ITEMS = 50
MAX_TEXT = 2000
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # used with fullmatch


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine: where (a field path) and what was expected."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FieldReader:
    """Collects problems while reading fields; a reader returns None for what it cannot use."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def err(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.err(where, f"expected an object, got {describe(value)}")
            return None
        for key in sorted(set(value) - allowed):
            hint = _closest(key, allowed)
            extra = f' (did you mean "{hint}"?)' if hint else ""
            self.err(field_path(where, key), f"unknown field{extra}")
        return value

    def text(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
    ) -> str:
        path = join(where, key)
        if key not in d:
            if required:
                self.err(path, "required text is missing")
            return ""
        value = d[key]
        if not isinstance(value, str):
            self.err(path, f"expected text, got {describe(value)}")
            return ""
        if required and not value.strip():
            self.err(path, "must not be empty")
        if len(value) > limit:
            self.err(path, f"text is {len(value)} characters; at most {limit} allowed")
        if "\x00" in value:
            self.err(path, "text contains a NUL character")
        if not _encodable(value):
            self.err(path, "text contains an unpaired surrogate (not valid Unicode)")
        return value

    def texts(self, d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        path = join(where, key)
        value = d.get(key, [])
        if isinstance(value, str):
            value = [value]  # a single sentence is a list of one
        if not isinstance(value, list):
            self.err(path, f"expected a list of text, got {describe(value)}")
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.err(path, f"{len(value)} items; at most {MAX_LIST_ITEMS} allowed")
            return ()
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.err(f"{path}[{i}]", f"expected non-empty text, got {describe(item)}")
            elif "\x00" in item or not _encodable(item):
                self.err(f"{path}[{i}]", "text contains a NUL character or an unpaired surrogate")
            elif len(item) > MAX_TEXT:
                self.err(f"{path}[{i}]", f"text is {len(item)} characters; at most {MAX_TEXT}")
            else:
                items.append(item)
        return tuple(items)

    def number(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        low: float,
        high: float,
        integer: bool = False,
        required: bool = False,
        low_open: bool = False,
    ) -> Any:
        path = join(where, key)
        if key not in d or d[key] is None:
            if required:
                self.err(path, "required number is missing")
            return None
        value = d[key]
        kind = "a whole number" if integer else "a number"
        lower = f"greater than {low:g}" if low_open else f"at least {low:g}"
        expected = f"{kind} {lower} and at most {high:g}"
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            self.err(path, f"expected {expected}, got {describe(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.err(path, f"expected {expected}, got {value}")
            return None
        too_low = value <= low if low_open else value < low
        if too_low or value > high:
            self.err(path, f"expected {expected}, got {describe(value)}")
            return None
        return value

    def choice(
        self, d: dict[str, Any], key: str, where: str, enum: type[Enum], default: Any
    ) -> Any:
        path = join(where, key)
        if key not in d:
            return default
        value = d[key]
        names = [m.value for m in enum]
        if value not in names:
            self.err(path, f"expected one of {', '.join(names)}, got {describe(value)}")
            return None
        return enum(value)

    def ident(self, d: dict[str, Any], key: str, where: str) -> str:
        value = self.text(d, key, where, required=True, limit=64)
        if value and not ID_PATTERN.fullmatch(value):
            self.err(
                join(where, key),
                "expected an id of lowercase letters, digits, '-' or '_' (at most 64 characters)",
            )
        return value

    def flag(self, d: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = d.get(key, default)
        if not isinstance(value, bool):
            self.err(join(where, key), f"expected true or false, got {describe(value)}")
            return default
        return value


def join(where: str, key: str) -> str:
    if key.isdigit():
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def field_path(where: str, key: str) -> str:
    """The path of a key from the file, quoted when it is not a plain name.

    Keys like "0", "a.b" or ones holding control characters or unpaired surrogates
    would otherwise make a misleading or unprintable path.
    """
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return join(where, key)
    quoted = json.dumps(key)
    return f"{where}.{quoted}" if where else quoted


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # "1.0", not "1": a float where a whole number belongs must show
    if isinstance(value, int):
        # str() of an int with thousands of digits raises ValueError; nobody reads them anyway.
        return str(value) if abs(value) < 10**15 else "a number too large to use"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return json.dumps(shown)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _closest(key: str, allowed: set[str]) -> str:
    import difflib

    match = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
    return match[0] if match else ""

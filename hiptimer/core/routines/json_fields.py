"""Reading fields of decoded JSON strictly: every problem kept with its field path.

A problem keeps its English message (for the command line and the log) and the marked
template it was made from, so the editor can say it in the language in use.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import FrozenInstanceError
from enum import Enum
from typing import Any

from hiptimer.core.routines.direction_marks import closed, counted_length
from hiptimer.core.routines.ids import ID_PATTERN
from hiptimer.core.said import shown
from hiptimer.i18n import N_, translate

MAX_LIST_ITEMS = 50
# The shortest hold, rest or tempo part other than 0: a hold is recorded to a tenth of a second
# and the timer shows no less. Seconds take at most 3 decimals, as the CSV keeps them.
MIN_SECONDS = 0.1
SECONDS_DECIMALS = 3
MAX_TEXT = 2000
# Control characters no screen shows (a bell drew a box in a name): C0 but the tab, line
# break and carriage return, DEL and C1. NUL has a message of its own.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_CHARACTER = N_("text contains a control character ({char}), which cannot be shown")


class Words(str):
    """Words of ours among a problem's values ("a list"), translated where it is shown."""


class Problem:
    """One thing wrong with a routine: where (a field path) and what was expected.

    `message` is English, as the command line and the log print it (docs/translating.md);
    `shown()` says it in the language in use, from its `template` and `values`.

    Equal and hashed by `where` and `message` only, immutable, with a dataclass's repr. Written
    out, not a frozen dataclass: it is made before the library's list is painted, where the
    dataclass's six generated methods cost ~4 M instructions (docs/performance.md, session 25).
    """

    __match_args__ = ("where", "message", "template", "values")

    where: str
    message: str
    template: str
    values: tuple[tuple[str, object], ...]

    def __init__(
        self,
        where: str,
        message: str,
        template: str = "",
        values: tuple[tuple[str, object], ...] = (),
    ) -> None:
        for name, value in zip(
            self.__match_args__, (where, message, template, values), strict=True
        ):
            object.__setattr__(self, name, value)  # (its own __setattr__ refuses)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.where, self.message) == (other.where, other.message)

    def __hash__(self) -> int:
        return hash((self.where, self.message))

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}(where={self.where!r}, message={self.message!r},"
            f" template={self.template!r}, values={self.values!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def shown(self) -> str:
        """The message in the language in use (the editor's list and fields)."""
        if not self.template:
            return self.message
        values = {k: translate(v) if isinstance(v, Words) else shown(v) for k, v in self.values}
        return translate(self.template).format(**values)

    def shown_line(self) -> str:
        """str(), in the language in use: the field path, then the message."""
        return f"{self.where}: {self.shown()}" if self.where else self.shown()


class FieldReader:
    """Collects problems while reading fields; a reader returns None for what it cannot use."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def err(self, where: str, template: str, **values: object) -> None:
        """A problem at `where`; `template` is marked with N_ and filled with `values`."""
        message = template.format(**values)
        self.problems.append(Problem(where, message, template, tuple(values.items())))

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.err(where, N_("expected an object, got {got}"), got=describe(value))
            return None
        for key in sorted(set(value) - allowed):
            hint = _closest(key, allowed)
            path = field_path(where, key)
            if hint:
                self.err(path, N_('unknown field (did you mean "{hint}"?)'), hint=hint)
            else:
                self.err(path, N_("unknown field"))
        return value

    def text(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
        shown: bool = False,
    ) -> str:
        """The text at `key`; `shown`: one the app shows or says (a title, a name, a unit), its
        open direction marks closed (direction_marks.closed), which no limit counts."""
        path = join(where, key)
        if key not in d:
            if required:
                self.err(path, N_("required text is missing"))
            return ""
        value = d[key]
        if not isinstance(value, str):
            self.err(path, N_("expected text, got {got}"), got=describe(value))
            return ""
        if required and blank(value):
            self.err(path, N_("must not be empty"))
        if (length := counted_length(composed(value))) > limit:
            too_long = N_("text is {n} characters; at most {limit} allowed")
            self.err(path, too_long, n=length, limit=limit)
        if "\x00" in value:
            self.err(path, N_("text contains a NUL character"))
        elif control := _CONTROL.search(value):
            self.err(path, CONTROL_CHARACTER, char=_code(control.group()))
        if not _encodable(value):
            self.err(path, N_("text contains an unpaired surrogate (not valid Unicode)"))
        return closed(value) if shown else value

    def texts(self, d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        path = join(where, key)
        value = d.get(key, [])
        if isinstance(value, str):
            value = [value]  # a single sentence is a list of one
        if not isinstance(value, list):
            self.err(path, N_("expected a list of text, got {got}"), got=describe(value))
            return ()
        if len(value) > MAX_LIST_ITEMS:
            too_many = N_("{n} items; at most {limit} allowed")
            self.err(path, too_many, n=len(value), limit=MAX_LIST_ITEMS)
            return ()
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or blank(item):
                empty = N_("expected non-empty text, got {got}")
                self.err(f"{path}[{i}]", empty, got=describe(item))
            elif "\x00" in item or not _encodable(item):
                bad = N_("text contains a NUL character or an unpaired surrogate")
                self.err(f"{path}[{i}]", bad)
            elif control := _CONTROL.search(item):
                self.err(f"{path}[{i}]", CONTROL_CHARACTER, char=_code(control.group()))
            elif (length := counted_length(composed(item))) > MAX_TEXT:
                too_long = N_("text is {n} characters; at most {limit} allowed")
                self.err(f"{path}[{i}]", too_long, n=length, limit=MAX_TEXT)
            else:
                items.append(closed(item))
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
        seconds: bool = False,
    ) -> Any:
        """A number in [low, high] (low excluded when `low_open`); `seconds`: also 0 or at
        least MIN_SECONDS, to at most SECONDS_DECIMALS decimals (docs/routine-format.md)."""
        path = join(where, key)
        if key not in d or d[key] is None:
            if required:
                self.err(path, N_("required number is missing"))
            return None
        value = d[key]
        expected = _EXPECTED_NUMBER[integer, low_open]
        limits = {"low": _limit(low), "high": _limit(high)}
        if seconds:  # the range as docs/routine-format.md gives it: 0, or 0.1 s up (not "> 0")
            expected = _EXPECTED_SECONDS[not low_open]
            limits = {"least": _limit(MIN_SECONDS), "high": _limit(high)}
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            self.err(path, expected, got=describe(value), **limits)
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.err(path, expected, got=str(value), **limits)
            return None
        too_low = value <= low if low_open else value < low
        too_short = seconds and 0 < value < MIN_SECONDS  # for a timer to run
        if too_low or too_short or value > high:
            self.err(path, expected, got=describe(value), **limits)
            return None
        return self._exact_seconds(path, value) if seconds else value

    def _exact_seconds(self, path: str, value: float) -> float | None:
        """`value` if every surface can print it without loss."""
        if isinstance(value, float) and _decimals(value) > SECONDS_DECIMALS:
            fine = N_("expected at most 3 decimals (steps of 0.001 s), got {got}")
            self.err(path, fine, got=describe(value))
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
            one_of = N_("expected one of {names}, got {got}")
            self.err(path, one_of, names=", ".join(names), got=describe(value))
            return None
        return enum(value)

    def ident(self, d: dict[str, Any], key: str, where: str) -> str:
        value = self.text(d, key, where, required=True, limit=64)
        # A too-long id has had its message; the pattern's would only repeat the length.
        if value and len(value) <= 64 and not ID_PATTERN.fullmatch(value):
            self.err(
                join(where, key),
                N_(
                    "expected an id of lowercase letters, digits, '-' or '_', "
                    "starting with a letter or digit; got {got}"
                ),
                got=describe(value),
            )
        return value

    def flag(self, d: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = d.get(key, default)
        if not isinstance(value, bool):
            not_bool = N_("expected true or false, got {got}")
            self.err(join(where, key), not_bool, got=describe(value))
            return default
        return value


# What a number must be, by (whole, low_open): each a whole sentence for translators.
_EXPECTED_NUMBER = {
    (True, False): N_("expected a whole number at least {low} and at most {high}, got {got}"),
    (False, False): N_("expected a number at least {low} and at most {high}, got {got}"),
    (True, True): N_("expected a whole number greater than {low} and at most {high}, got {got}"),
    (False, True): N_("expected a number greater than {low} and at most {high}, got {got}"),
}


# A number of seconds out of its range (too short to time included), by whether 0 is allowed.
_EXPECTED_SECONDS = {
    True: N_("expected 0, or a number of seconds from {least} to {high}, got {got}"),
    False: N_("expected a number of seconds from {least} to {high}, got {got}"),
}


# Letters that draw nothing, though not spaces nor format characters (Unicode's Cf: the
# zero-width space and joiners, direction marks, the byte-order mark): the braille blank and
# the Hangul fillers.
_DRAW_NOTHING = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def blank(text: str) -> bool:
    """Whether `text` shows nothing: spaces, format characters and blank letters only. Why:
    str.strip() keeps a zero-width space, and a title of one listed an empty row."""
    return all(
        char.isspace() or char in _DRAW_NOTHING or unicodedata.category(char) == "Cf"
        for char in text
    )


def composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC), as a limit counts it and titles are compared.
    Why: an é typed as e + a combining accent counted two characters of a name's 120, and
    compared unequal with the same name typed as é (docs/routine-format.md, Text fields). The
    text itself is kept as written: NFC also changes a CJK compatibility ideograph (U+F900)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _decimals(value: float) -> int:
    """The decimals a number is written with (2.5: 1, 3.0: 0, 1.5e-07: 8), as JSON's
    shortest repr. Read from the repr itself: `decimal`, which did it, cost 5 M
    instructions to import before the library could be listed (docs/performance.md)."""
    digits, _, exponent = repr(value).partition("e")
    fraction = digits.partition(".")[2].rstrip("0")
    return max(0, len(fraction) - int(exponent or 0))


def _code(char: str) -> str:
    """A character as Unicode names it, U+0007: written as itself it would be what it does."""
    return f"U+{ord(char):04X}"


def _limit(bound: float) -> str:
    """A limit as a person writes it: 1000000, not the 1e+06 of the g format."""
    return str(int(bound)) if float(bound).is_integer() else f"{bound:g}"


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
    """A value from the file as a problem quotes it: JSON for data, our Words for a kind."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # "1.0", not "1": a float where a whole number belongs must show
    if isinstance(value, int):
        # str() of an int with thousands of digits raises ValueError; nobody reads them anyway.
        return str(value) if abs(value) < 10**15 else Words(N_("a number too large to use"))
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return _quoted(shown)
    if isinstance(value, list):
        return Words(N_("a list"))
    if isinstance(value, dict):
        return Words(N_("an object"))
    return type(value).__name__


def _quoted(text: str) -> str:
    """Text in JSON quotes as typed ("cuádriceps", an emoji), what cannot be seen escaped.

    json.dumps alone escaped every letter past ASCII, so an id typed in Spanish read
    "cu\\u00e1driceps"; a control, format (a bidi override) or lone surrogate stays escaped.
    """
    return (
        '"'
        + "".join(c if c.isprintable() and c not in '"\\' else json.dumps(c)[1:-1] for c in text)
        + '"'
    )


def _closest(key: str, allowed: set[str]) -> str:
    import difflib

    match = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
    return match[0] if match else ""

"""Read, validate and write routine files (JSON, format version 1).

The loader is deliberately strict: unknown fields are errors because they are
usually typos, and every problem names the file, the field path and what was
expected. Nothing but RoutineError ever leaves this module on bad input.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from hiptimer.core.routine import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    Exercise,
    Kind,
    Rests,
    Routine,
    Schedule,
    Sides,
    Tempo,
)

MAX_FILE_BYTES = 1024 * 1024
MAX_HOLD_S = 3600
MAX_REST_S = 3600
MAX_REPS = 500
MAX_SETS = 20
MAX_TEMPO_PART_S = 60
MAX_REP_HOLD_S = 120
MAX_EXERCISES = 100
MAX_LIST_ITEMS = 50
MAX_TEXT = 2000
MAX_NAME = 120
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # used with fullmatch


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine: where (a field path) and what was expected."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class RoutineError(Exception):
    """A routine file could not be used; carries every problem found."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0] if problems else source)

    def lines(self) -> list[str]:
        """One line per problem, each starting with the file name."""
        return [f"{self.source}: {p}" for p in self.problems]


# ---------------------------------------------------------------- reading


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
    v = _Validator()
    routine = v.routine(data)
    if v.problems or routine is None:
        raise RoutineError(source, v.problems or [Problem("", "invalid routine")])
    return _with_origin(routine, source, builtin)


def validate_data(data: Any) -> list[Problem]:
    """Every problem in decoded routine data (empty when valid); for editors that validate as you type."""
    v = _Validator()
    v.routine(data)
    return v.problems


def _with_origin(routine: Routine, source: str, builtin: bool) -> Routine:
    from dataclasses import replace

    return replace(routine, path=source, builtin=builtin)


# ---------------------------------------------------------------- validation

_ROUTINE_FIELDS = {
    "format", "version", "id", "title", "description", "source", "cautions",
    "schedule", "rests", "revision", "based_on", "exercises",
}  # fmt: skip
_EXERCISE_FIELDS = {
    "id", "name", "kind", "sets", "hold_s", "reps", "reps_range", "rep_hold_s", "tempo",
    "sides", "rest_between_sets_s", "rest_between_sides_s", "rest_after_s", "setup", "cues",
    "caution", "image", "enabled",
}  # fmt: skip
_SCHEDULE_FIELDS = {"min_per_week", "max_per_week"}
_RESTS_FIELDS = {"get_ready_s", "between_sets_s", "between_sides_s", "after_exercise_s"}
_TEMPO_FIELDS = {"lift_s", "hold_s", "lower_s"}


class _Validator:
    """Collects problems while walking the data; returns None for parts it cannot build."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def err(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    # -- generic field readers

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.err(where, f"expected an object, got {_describe(value)}")
            return None
        for key in sorted(set(value) - allowed):
            hint = _closest(key, allowed)
            extra = f' (did you mean "{hint}"?)' if hint else ""
            self.err(_field_path(where, key), f"unknown field{extra}")
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
        path = _join(where, key)
        if key not in d:
            if required:
                self.err(path, "required text is missing")
            return ""
        value = d[key]
        if not isinstance(value, str):
            self.err(path, f"expected text, got {_describe(value)}")
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
        path = _join(where, key)
        value = d.get(key, [])
        if isinstance(value, str):
            value = [value]  # a single sentence is a list of one
        if not isinstance(value, list):
            self.err(path, f"expected a list of text, got {_describe(value)}")
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.err(path, f"{len(value)} items; at most {MAX_LIST_ITEMS} allowed")
            return ()
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.err(f"{path}[{i}]", f"expected non-empty text, got {_describe(item)}")
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
        path = _join(where, key)
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
            self.err(path, f"expected {expected}, got {_describe(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.err(path, f"expected {expected}, got {value}")
            return None
        too_low = value <= low if low_open else value < low
        if too_low or value > high:
            self.err(path, f"expected {expected}, got {_describe(value)}")
            return None
        return value

    def choice(
        self, d: dict[str, Any], key: str, where: str, enum: type[Enum], default: Any
    ) -> Any:
        path = _join(where, key)
        if key not in d:
            return default
        value = d[key]
        names = [m.value for m in enum]
        if value not in names:
            self.err(path, f"expected one of {', '.join(names)}, got {_describe(value)}")
            return None
        return enum(value)

    def ident(self, d: dict[str, Any], key: str, where: str) -> str:
        value = self.text(d, key, where, required=True, limit=64)
        if value and not ID_PATTERN.fullmatch(value):
            self.err(
                _join(where, key),
                "expected an id of lowercase letters, digits, '-' or '_' (at most 64 characters)",
            )
        return value

    # -- the format

    def routine(self, data: Any) -> Routine | None:
        d = self.obj(data, "", _ROUTINE_FIELDS)
        if d is None:
            return None
        fmt = d.get("format")
        if fmt != FORMAT_MARKER:
            self.err("format", f'expected "{FORMAT_MARKER}", got {_describe(fmt)}')
        version = d.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            self.err("version", f"made by a newer HipTimer (format {version}); this one reads 1")
            return None
        if type(version) is not int or version != FORMAT_VERSION:
            self.err("version", f"expected {FORMAT_VERSION}, got {_describe(version)}")
        rid = self.ident(d, "id", "")
        title = self.text(d, "title", "", required=True, limit=MAX_NAME)
        description = self.text(d, "description", "")
        source = self.text(d, "source", "")
        based_on = self.text(d, "based_on", "", limit=64)
        cautions = self.texts(d, "cautions", "")
        revision = self.number(d, "revision", "", low=1, high=1_000_000, integer=True) or 1
        schedule = self.schedule(d["schedule"]) if "schedule" in d else None
        rests = self.rests(d["rests"]) if "rests" in d else Rests()
        exercises = self.exercises(d.get("exercises"))
        if self.problems or rests is None or exercises is None:
            return None
        return Routine(
            id=rid,
            title=title,
            exercises=exercises,
            description=description,
            source=source,
            cautions=cautions,
            schedule=schedule,
            rests=rests,
            revision=revision,
            based_on=based_on,
        )

    def schedule(self, value: Any) -> Schedule | None:
        d = self.obj(value, "schedule", _SCHEDULE_FIELDS)
        if d is None:
            return None
        low = self.number(
            d, "min_per_week", "schedule", low=1, high=14, integer=True, required=True
        )
        high = self.number(d, "max_per_week", "schedule", low=1, high=14, integer=True)
        high = low if high is None else high
        if low is None:
            return None
        if high < low:
            self.err("schedule.max_per_week", f"expected at least min_per_week ({low}), got {high}")
            return None
        return Schedule(low, high)

    def rests(self, value: Any) -> Rests | None:
        d = self.obj(value, "rests", _RESTS_FIELDS)
        if d is None:
            return None
        base = Rests()
        values = {}
        for key in sorted(_RESTS_FIELDS):
            got = self.number(d, key, "rests", low=0, high=MAX_REST_S)
            values[key] = getattr(base, key) if got is None else got
        return Rests(**values)

    def exercises(self, value: Any) -> tuple[Exercise, ...] | None:
        if value is None:
            self.err("exercises", "required list of exercises is missing")
            return None
        if not isinstance(value, list):
            self.err("exercises", f"expected a list of exercises, got {_describe(value)}")
            return None
        if not value:
            self.err("exercises", "a routine needs at least one exercise")
            return None
        if len(value) > MAX_EXERCISES:
            self.err("exercises", f"{len(value)} exercises; at most {MAX_EXERCISES} allowed")
            return None
        built = [self.exercise(item, f"exercises[{i}]") for i, item in enumerate(value)]
        seen: dict[str, int] = {}
        for i, ex in enumerate(built):
            if ex is None:
                continue
            if ex.id in seen:
                self.err(
                    f"exercises[{i}].id", f'"{ex.id}" is already used by exercises[{seen[ex.id]}]'
                )
            seen.setdefault(ex.id, i)
        if any(ex is None for ex in built):
            return None
        return tuple(ex for ex in built if ex is not None)

    def exercise(self, value: Any, where: str) -> Exercise | None:
        d = self.obj(value, where, _EXERCISE_FIELDS)
        if d is None:
            return None
        before = len(self.problems)
        ex_id = self.ident(d, "id", where)
        name = self.text(d, "name", where, required=True, limit=MAX_NAME)
        kind = self.choice(d, "kind", where, Kind, None)
        if "kind" not in d:
            self.err(_join(where, "kind"), 'required; expected "hold" or "reps"')
        sets = self.number(d, "sets", where, low=1, high=MAX_SETS, integer=True) or 1
        sides = self.choice(d, "sides", where, Sides, Sides.NONE)
        hold_s = reps = reps_range = tempo = None
        rep_hold_s = 0
        if kind is Kind.HOLD:
            hold_s = self.number(
                d, "hold_s", where, low=0, high=MAX_HOLD_S, required=True, low_open=True
            )
            for key in ("reps", "reps_range", "rep_hold_s", "tempo"):
                if key in d:
                    self.err(_join(where, key), 'only for kind "reps"; this exercise is a "hold"')
            if sides is Sides.ALTERNATING:
                self.err(_join(where, "sides"), 'a hold cannot alternate sides; use "each"')
        elif kind is Kind.REPS:
            if "hold_s" in d:
                self.err(_join(where, "hold_s"), 'only for kind "hold"; use rep_hold_s for reps')
            reps = self.number(d, "reps", where, low=1, high=MAX_REPS, integer=True, required=True)
            reps_range = self.reps_range(d, where, reps)
            rep_hold_s = self.number(d, "rep_hold_s", where, low=0, high=MAX_REP_HOLD_S) or 0
            if "tempo" in d:
                tempo = self.tempo(d["tempo"], _join(where, "tempo"))
        rests = {}
        for key in ("rest_between_sets_s", "rest_between_sides_s", "rest_after_s"):
            rests[key] = self.number(d, key, where, low=0, high=MAX_REST_S)
        setup = self.texts(d, "setup", where)
        cues = self.texts(d, "cues", where)
        caution = self.text(d, "caution", where)
        image = self.image(d, where)
        enabled = d.get("enabled", True)
        if not isinstance(enabled, bool):
            self.err(_join(where, "enabled"), f"expected true or false, got {_describe(enabled)}")
        if len(self.problems) > before or kind is None:
            return None
        return Exercise(
            id=ex_id,
            name=name,
            kind=kind,
            sets=sets,
            hold_s=hold_s,
            reps=reps,
            reps_range=reps_range,
            rep_hold_s=rep_hold_s,
            tempo=tempo,
            sides=sides,
            setup=setup,
            cues=cues,
            caution=caution,
            image=image,
            enabled=enabled,
            **rests,
        )

    def reps_range(self, d: dict[str, Any], where: str, reps: int | None) -> tuple[int, int] | None:
        if "reps_range" not in d:
            return None
        path = _join(where, "reps_range")
        value = d["reps_range"]
        if not (isinstance(value, list) and len(value) == 2):
            self.err(path, f"expected [lowest, highest], got {_describe(value)}")
            return None
        pair = {"0": value[0], "1": value[1]}
        low = self.number(pair, "0", path, low=1, high=MAX_REPS, integer=True, required=True)
        high = self.number(pair, "1", path, low=1, high=MAX_REPS, integer=True, required=True)
        if low is None or high is None:
            return None
        if low > high:
            self.err(path, f"lowest ({low}) is above highest ({high})")
            return None
        if reps is not None and not low <= reps <= high:
            self.err(_join(where, "reps"), f"expected a value within reps_range {low}-{high}")
            return None
        return (low, high)

    def tempo(self, value: Any, where: str) -> Tempo | None:
        d = self.obj(value, where, _TEMPO_FIELDS)
        if d is None:
            return None
        parts = [
            self.number(d, key, where, low=0, high=MAX_TEMPO_PART_S, required=True)
            for key in ("lift_s", "hold_s", "lower_s")
        ]
        if any(p is None for p in parts):
            return None
        lift, hold, lower = parts
        if lift + lower <= 0:
            self.err(where, "a paced rep needs time to lift or to lower")
            return None
        return Tempo(lift, hold, lower)

    def image(self, d: dict[str, Any], where: str) -> str:
        value = self.text(d, "image", where, limit=260)
        if not value:
            return ""
        # Split on both separators: a file written on Windows may use backslashes.
        parts = re.split(r"[\\/]", value)
        if (
            Path(value).is_absolute()
            or ".." in parts
            or value.startswith(("/", "\\"))
            or ":" in value
        ):
            self.err(_join(where, "image"), "expected a path relative to the routine file")
            return ""
        return value


def _join(where: str, key: str) -> str:
    if key.isdigit():
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _field_path(where: str, key: str) -> str:
    """The path of a key from the file, quoted when it is not a plain name.

    Keys like "0", "a.b" or ones holding control characters or unpaired surrogates
    would otherwise make a misleading or unprintable path.
    """
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return _join(where, key)
    quoted = json.dumps(key)
    return f"{where}.{quoted}" if where else quoted


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _describe(value: Any) -> str:
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


# ---------------------------------------------------------------- writing


def routine_to_data(routine: Routine) -> dict[str, Any]:
    """The JSON-ready form of a routine, omitting fields left at their defaults."""
    data: dict[str, Any] = {
        "format": FORMAT_MARKER,
        "version": FORMAT_VERSION,
        "id": routine.id,
        "title": routine.title,
    }
    _put(data, "revision", routine.revision, 1)
    _put(data, "based_on", routine.based_on, "")
    _put(data, "description", routine.description, "")
    _put(data, "source", routine.source, "")
    _put(data, "cautions", list(routine.cautions), [])
    if routine.schedule:
        data["schedule"] = {
            "min_per_week": routine.schedule.min_per_week,
            "max_per_week": routine.schedule.max_per_week,
        }
    if routine.rests != Rests():
        r = routine.rests
        data["rests"] = {
            "get_ready_s": r.get_ready_s,
            "between_sets_s": r.between_sets_s,
            "between_sides_s": r.between_sides_s,
            "after_exercise_s": r.after_exercise_s,
        }
    data["exercises"] = [exercise_to_data(ex) for ex in routine.exercises]
    return data


def exercise_to_data(ex: Exercise) -> dict[str, Any]:
    """The JSON-ready form of one exercise."""
    d: dict[str, Any] = {"id": ex.id, "name": ex.name, "kind": ex.kind.value, "sets": ex.sets}
    if ex.kind is Kind.HOLD:
        d["hold_s"] = ex.hold_s
    else:
        d["reps"] = ex.reps
        if ex.reps_range:
            d["reps_range"] = list(ex.reps_range)
        _put(d, "rep_hold_s", ex.rep_hold_s, 0)
        if ex.tempo:
            d["tempo"] = {
                "lift_s": ex.tempo.lift_s,
                "hold_s": ex.tempo.hold_s,
                "lower_s": ex.tempo.lower_s,
            }
    _put(d, "sides", ex.sides.value, Sides.NONE.value)
    _put(d, "rest_between_sets_s", ex.rest_between_sets_s, None)
    _put(d, "rest_between_sides_s", ex.rest_between_sides_s, None)
    _put(d, "rest_after_s", ex.rest_after_s, None)
    _put(d, "setup", list(ex.setup), [])
    _put(d, "cues", list(ex.cues), [])
    _put(d, "caution", ex.caution, "")
    _put(d, "image", ex.image, "")
    _put(d, "enabled", ex.enabled, True)
    return d


def _put(d: dict[str, Any], key: str, value: Any, default: Any) -> None:
    if value != default:
        d[key] = value


def routine_to_json(routine: Routine) -> str:
    return json.dumps(routine_to_data(routine), indent=2, ensure_ascii=False) + "\n"


def save_routine(routine: Routine, path: str | os.PathLike[str]) -> None:
    """Write a routine atomically: a temporary file in the same folder, then a rename."""
    write_atomic(Path(path), routine_to_json(routine))


def write_atomic(path: Path, text: str) -> None:
    """Write text so that a crash leaves either the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def iter_routine_files(folder: Path) -> Iterator[Path]:
    """The *.json files directly in a folder, sorted; nothing if it does not exist."""
    try:
        entries = sorted(folder.glob("*.json"))
    except OSError:
        return
    yield from entries

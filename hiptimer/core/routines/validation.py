"""Validating decoded routine data: every problem with its field path and what was expected.

Unknown fields are errors because they are usually typos; numbers are range-checked.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from hiptimer.core.routines.model import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    Exercise,
    Kind,
    Rests,
    Routine,
    Schedule,
    SideMode,
    Tempo,
)
from hiptimer.core.routines.retest_spec import parse_retest

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


_ROUTINE_FIELDS = {
    "format", "version", "id", "title", "description", "source", "cautions",
    "schedule", "rests", "revision", "based_on", "exercises",
}  # fmt: skip
_EXERCISE_FIELDS = {
    "id", "name", "kind", "sets", "hold_s", "reps", "reps_range", "rep_hold_s", "tempo",
    "sides", "rest_between_sets_s", "rest_between_sides_s", "rest_after_s", "setup", "cues",
    "caution", "image", "enabled", "test",
}  # fmt: skip
_SCHEDULE_FIELDS = {"min_per_week", "max_per_week"}
_RESTS_FIELDS = {"get_ready_s", "between_sets_s", "between_sides_s", "after_exercise_s"}
_TEMPO_FIELDS = {"lift_s", "hold_s", "lower_s"}


def validate_data(data: Any) -> list[Problem]:
    """Every problem in decoded routine data (empty when valid); for editors that validate as you type."""
    return check_routine(data)[1]


def check_routine(data: Any) -> tuple[Routine | None, list[Problem]]:
    """The routine built from decoded data (None when invalid) and every problem found."""
    v = _Validator()
    routine = v.routine(data)
    return (None if v.problems else routine), v.problems


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
        sides = self.choice(d, "sides", where, SideMode, SideMode.NONE)
        hold_s = reps = reps_range = tempo = None
        rep_hold_s = 0
        if kind is Kind.HOLD:
            hold_s = self.number(
                d, "hold_s", where, low=0, high=MAX_HOLD_S, required=True, low_open=True
            )
            for key in ("reps", "reps_range", "rep_hold_s", "tempo"):
                if key in d:
                    self.err(_join(where, key), 'only for kind "reps"; this exercise is a "hold"')
            if sides is SideMode.ALTERNATING:
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
        retest = parse_retest(self, d, where, kind)
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
            test=retest,
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

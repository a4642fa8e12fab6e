"""Validating decoded routine data: every problem with its field path and what was expected.

Unknown fields are errors because they are usually typos; numbers are range-checked.
"""

from __future__ import annotations

import re
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
from hiptimer.core.routines.problems import (
    ID_PATTERN,
    MAX_LIST_ITEMS,
    MAX_TEXT,
    Problem,
    Reader,
    RoutineError,
    describe,
    join,
)
from hiptimer.i18n import N_

# Re-exported: the format's limits and its problems are imported from here.
__all__ = [
    "ID_PATTERN", "MAX_LIST_ITEMS", "MAX_TEXT", "Problem", "RoutineError",
    "check_routine", "validate_data",
]  # fmt: skip

MAX_FILE_BYTES = 1024 * 1024
MAX_HOLD_S = 3600
MAX_REST_S = 3600
MAX_REPS = 500
MAX_SETS = 20
MAX_TEMPO_PART_S = 60
MAX_REP_HOLD_S = 120
MAX_EXERCISES = 100
MAX_NAME = 120


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


def validate_data(data: Any) -> list[Problem]:
    """Every problem in decoded routine data (empty when valid); for editors that validate as you type."""
    return check_routine(data)[1]


def check_routine(data: Any) -> tuple[Routine | None, list[Problem]]:
    """The routine built from decoded data (None when invalid) and every problem found."""
    v = _Validator()
    routine = v.routine(data)
    return (None if v.problems else routine), v.problems


class _Validator(Reader):
    """Walks routine data field by field; returns None for parts it cannot build."""

    def routine(self, data: Any) -> Routine | None:
        d = self.obj(data, "", _ROUTINE_FIELDS)
        if d is None:
            return None
        fmt = d.get("format")
        if fmt != FORMAT_MARKER:
            marker = N_('expected "{marker}", got {got}')
            self.err("format", marker, marker=FORMAT_MARKER, got=describe(fmt))
        version = d.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            newer = N_("made by a newer HipTimer (format {version}); this one reads {known}")
            self.err("version", newer, version=version, known=FORMAT_VERSION)
            return None
        if type(version) is not int or version != FORMAT_VERSION:
            wrong = N_("expected {version}, got {got}")
            self.err("version", wrong, version=FORMAT_VERSION, got=describe(version))
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
            fewer = N_("expected at least min_per_week ({low}), got {high}")
            self.err("schedule.max_per_week", fewer, low=low, high=high)
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
            self.err("exercises", N_("required list of exercises is missing"))
            return None
        if not isinstance(value, list):
            not_list = N_("expected a list of exercises, got {got}")
            self.err("exercises", not_list, got=describe(value))
            return None
        if not value:
            self.err("exercises", N_("a routine needs at least one exercise"))
            return None
        if len(value) > MAX_EXERCISES:
            too_many = N_("{n} exercises; at most {limit} allowed")
            self.err("exercises", too_many, n=len(value), limit=MAX_EXERCISES)
            return None
        built = [self.exercise(item, f"exercises[{i}]") for i, item in enumerate(value)]
        seen: dict[str, int] = {}
        for i, ex in enumerate(built):
            if ex is None:
                continue
            if ex.id in seen:
                used = N_('"{id}" is already used by exercises[{i}]')
                self.err(f"exercises[{i}].id", used, id=ex.id, i=seen[ex.id])
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
            self.err(join(where, "kind"), N_('required; expected "hold" or "reps"'))
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
                    only = N_('only for kind "reps"; this exercise is a "hold"')
                    self.err(join(where, key), only)
            if sides is SideMode.ALTERNATING:
                self.err(join(where, "sides"), N_('a hold cannot alternate sides; use "each"'))
        elif kind is Kind.REPS:
            if "hold_s" in d:
                only = N_('only for kind "hold"; use rep_hold_s for reps')
                self.err(join(where, "hold_s"), only)
            reps = self.number(d, "reps", where, low=1, high=MAX_REPS, integer=True, required=True)
            reps_range = self.reps_range(d, where, reps)
            rep_hold_s = self.number(d, "rep_hold_s", where, low=0, high=MAX_REP_HOLD_S) or 0
            if "tempo" in d:
                tempo = self.tempo(d["tempo"], join(where, "tempo"))
        rests = {}
        for key in ("rest_between_sets_s", "rest_between_sides_s", "rest_after_s"):
            rests[key] = self.number(d, key, where, low=0, high=MAX_REST_S)
        setup = self.texts(d, "setup", where)
        cues = self.texts(d, "cues", where)
        caution = self.text(d, "caution", where)
        image = self.image(d, where)
        enabled = d.get("enabled", True)
        if not isinstance(enabled, bool):
            not_bool = N_("expected true or false, got {got}")
            self.err(join(where, "enabled"), not_bool, got=describe(enabled))
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
        path = join(where, "reps_range")
        value = d["reps_range"]
        if not (isinstance(value, list) and len(value) == 2):
            self.err(path, N_("expected [lowest, highest], got {got}"), got=describe(value))
            return None
        pair = {"0": value[0], "1": value[1]}
        low = self.number(pair, "0", path, low=1, high=MAX_REPS, integer=True, required=True)
        high = self.number(pair, "1", path, low=1, high=MAX_REPS, integer=True, required=True)
        if low is None or high is None:
            return None
        if low > high:
            self.err(path, N_("lowest ({low}) is above highest ({high})"), low=low, high=high)
            return None
        if reps is not None and not low <= reps <= high:
            within = N_("expected a value within reps_range {low}-{high}")
            self.err(join(where, "reps"), within, low=low, high=high)
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
            self.err(where, N_("a paced rep needs time to lift or to lower"))
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
            self.err(join(where, "image"), N_("expected a path relative to the routine file"))
            return ""
        return value

"""Validating decoded routine data: every problem with its field path and what was expected.

Unknown fields are errors because they are usually typos; numbers are range-checked. Format 1
files keep loading as they always did; the fields format 2 adds are refused in them by name.
"""

from __future__ import annotations

from typing import Any

from hiptimer.core.escapes import escape_controls
from hiptimer.core.routines.dose_fields import (
    MAX_HOLD_S,
    MAX_NAME,
    MAX_REP_HOLD_S,
    MAX_REPS,
    MAX_SETS,
    MAX_TEMPO_PART_S,
    DoseReader,
)
from hiptimer.core.routines.json_fields import (
    ID_PATTERN,
    MAX_LIST_ITEMS,
    MAX_TEXT,
    Problem,
    describe,
    join,
)
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.model import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    Exercise,
    Kind,
    Rests,
    Routine,
    Rung,
    Schedule,
)
from hiptimer.core.routines.retest_spec import parse_retest
from hiptimer.i18n import N_

__all__ = [
    "ID_PATTERN",
    "MAX_EXERCISES",
    "MAX_FILE_BYTES",
    "MAX_HOLD_S",
    "MAX_LIST_ITEMS",
    "MAX_NAME",
    "MAX_REPS",
    "MAX_REP_HOLD_S",
    "MAX_REST_S",
    "MAX_SETS",
    "MAX_TEMPO_PART_S",
    "MAX_TEXT",
    "Problem",
    "RoutineError",
    "check_routine",
    "validate_data",
]

MAX_FILE_BYTES = 1024 * 1024
MAX_REST_S = 3600
MAX_EXERCISES = 100
MAX_RUNGS = 10


class RoutineError(Exception):
    """A routine file could not be used; carries every problem found."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0] if problems else source)

    def lines(self) -> list[str]:
        """One line per problem, each starting with the file name."""
        return [f"{self.source}: {p}" for p in self.problems]

    def shown_lines(self) -> list[str]:
        """lines(), in the language in use (on screen; the command line prints lines()), the
        file's name with its controls and direction marks escaped, as the command line does."""
        source = escape_controls(self.source)
        return [f"{source}: {p.shown_line()}" for p in self.problems]


_ROUTINE_FIELDS = {
    "format", "version", "id", "title", "description", "source", "cautions",
    "schedule", "rests", "revision", "based_on", "exercises",
}  # fmt: skip
_VARIANT_FIELDS = {
    "id", "name", "sets", "hold_s", "reps", "reps_range", "rep_hold_s", "tempo", "sides",
    "setup", "cues", "caution", "image", "load", "ceiling",
}  # fmt: skip
_EXERCISE_FIELDS = _VARIANT_FIELDS | {
    "kind", "rest_between_sets_s", "rest_between_sides_s", "rest_after_s", "enabled",
    "ladder", "rung", "test",
}  # fmt: skip
_FORMAT_2_FIELDS = ("load", "ceiling", "ladder", "rung", "test")
_SCHEDULE_FIELDS = {"min_per_week", "max_per_week"}
_RESTS_FIELDS = {"get_ready_s", "between_sets_s", "between_sides_s", "after_exercise_s"}


def validate_data(data: Any) -> list[Problem]:
    """Every problem in decoded routine data (empty when valid); for editors that validate as you type."""
    return check_routine(data)[1]


def check_routine(data: Any) -> tuple[Routine | None, list[Problem]]:
    """The routine built from decoded data (None when invalid) and every problem found."""
    v = _Validator()
    routine = v.routine(data)
    return (None if v.problems else routine), v.problems


class _Validator(DoseReader):
    """Walks a whole routine; returns None for parts it cannot build."""

    def routine(self, data: Any) -> Routine | None:
        d = self.obj(data, "", _ROUTINE_FIELDS)
        if d is None:
            return None
        fmt = d.get("format")
        if "format" not in d:  # "got null" would blame a null nobody wrote
            self.err("format", N_('required; expected "{marker}"'), marker=FORMAT_MARKER)
        elif fmt != FORMAT_MARKER:
            marker = N_('expected "{marker}", got {got}')
            self.err("format", marker, marker=FORMAT_MARKER, got=describe(fmt))
        version = d.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            newer = N_("made by a newer HipTimer (format {version}); this one reads 1 and 2")
            self.err("version", newer, version=version)
            return None
        if "version" not in d:
            self.err("version", N_("required; expected 1 or 2"))
        elif type(version) is not int or version not in FORMAT_VERSIONS:
            self.err("version", N_("expected 1 or 2, got {got}"), got=describe(version))
        else:
            self.version = version
        rid = self.ident(d, "id", "")
        title = self.text(d, "title", "", required=True, limit=MAX_NAME, shown=True)
        description = self.text(d, "description", "", shown=True)
        source = self.text(d, "source", "", shown=True)
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
            got = self.number(d, key, "rests", low=0, high=MAX_REST_S, seconds=True)
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
        first = len(self.problems)
        built = [self.exercise(item, f"exercises[{i}]") for i, item in enumerate(value)]
        self._unique_ids(value)
        # A duplicate id is found once every exercise is read: listed with its exercise's
        # other problems, not after the last exercise's (sorted() is stable).
        self.problems[first:] = sorted(self.problems[first:], key=_exercise_index)
        if any(ex is None for ex in built):
            return None
        return tuple(ex for ex in built if ex is not None)

    def _unique_ids(self, items: list[Any]) -> None:
        """Exercise ids and rung ids name one thing each in a routine (records, pictures).

        Read from the file, not from the exercises built, so that a duplicate is named even
        when its exercise has another problem too: the doc promises every problem at once.
        """
        seen: dict[str, str] = {}
        for where, name in _written_ids(items):
            if name in seen:
                used = N_('"{id}" is already used by {other}')
                self.err(where, used, id=name, other=seen[name].removesuffix(".id"))
            seen.setdefault(name, where)

    def exercise(self, value: Any, where: str) -> Exercise | None:
        d = self.obj(value, where, _EXERCISE_FIELDS)
        if d is None:
            return None
        before = len(self.problems)
        format_2 = self.format_2_only(d, where, _FORMAT_2_FIELDS)
        ex_id = self.ident(d, "id", where)
        kind = self.choice(d, "kind", where, Kind, None)
        if "kind" not in d:
            self.err(join(where, "kind"), N_('required; expected "hold" or "reps"'))
        fields = self.variant(d, where, kind, None)
        rests = {}
        for key in ("rest_between_sets_s", "rest_between_sides_s", "rest_after_s"):
            rests[key] = self.number(d, key, where, low=0, high=MAX_REST_S, seconds=True)
        enabled = self.flag(d, "enabled", where, True)
        ladder = self.ladder(d, where, kind, fields, ex_id) if format_2 else ()
        rung = 0
        if ladder:
            rung = self.number(d, "rung", where, low=0, high=len(ladder) - 1, integer=True) or 0
        elif format_2 and "ladder" not in d and d.get("rung") is not None:
            value = d["rung"]
            if not (type(value) is int and value == 0):
                no_ladder = N_("expected 0 without a ladder, got {got}")
                self.err(join(where, "rung"), no_ladder, got=describe(value))
        retest = parse_retest(self, d, where, kind)
        if len(self.problems) > before or kind is None:
            return None
        ex = Exercise(
            id=ex_id, kind=kind, enabled=enabled, ladder=ladder, test=retest, **fields, **rests
        )
        return at_rung(ex, rung) if ladder else ex

    def ladder(
        self, d: dict[str, Any], where: str, kind: Kind | None, base: dict[str, Any], ex_id: str
    ) -> tuple[Rung, ...]:
        """The whole ladder, the exercise itself as its first rung; () when there is none."""
        if "ladder" not in d:
            return ()
        path = join(where, "ladder")
        value = d["ladder"]
        if not isinstance(value, list) or not 1 <= len(value) <= MAX_RUNGS:
            got = f"{len(value)}" if isinstance(value, list) else describe(value)
            rungs = N_("expected a list of 1 to {limit} harder variants, got {got}")
            self.err(path, rungs, limit=MAX_RUNGS, got=got)
            return ()
        built = [Rung(id=ex_id, **base)]
        for i, item in enumerate(value):
            rung_path = f"{path}[{i}]"
            entry = self.obj(item, rung_path, _VARIANT_FIELDS)
            if entry is None:
                continue
            rung_id = self.ident(entry, "id", rung_path)
            built.append(Rung(id=rung_id, **self.variant(entry, rung_path, kind, base)))
        return tuple(built) if len(built) == len(value) + 1 else ()


def _written_ids(items: list[Any]) -> list[tuple[str, str]]:
    """Each well-formed exercise and ladder id as written, with its place, in file order."""
    found: list[tuple[str, Any]] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        found.append((f"exercises[{i}].id", item.get("id")))
        rungs = item.get("ladder")
        if isinstance(rungs, list):
            found += [
                (f"exercises[{i}].ladder[{n}].id", rung.get("id"))
                for n, rung in enumerate(rungs)
                if isinstance(rung, dict)
            ]
    # A malformed id has its own message; a clash between two of them would only repeat it.
    return [(where, str(name)) for where, name in found if _well_formed_id(name)]


def _well_formed_id(name: Any) -> bool:
    return isinstance(name, str) and len(name) <= 64 and ID_PATTERN.fullmatch(name) is not None


def _exercise_index(problem: Problem) -> int:
    """The exercise a problem is about, by its place in the list ("exercises[3].id": 3)."""
    head = problem.where.partition("]")[0]
    number = head.removeprefix("exercises[")
    return int(number) if number != head and number.isdigit() else -1

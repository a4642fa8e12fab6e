"""Reading one variant of an exercise: its name, dose, pacing, load, ceiling and texts.

The same reader serves an exercise and each rung of its ladder; a rung may leave out
what it shares with the exercise's first rung (ladder.INHERITED).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hiptimer.core.routines.json_fields import FieldReader, describe, join
from hiptimer.core.routines.ladder import INHERITED
from hiptimer.core.routines.model import Ceiling, Kind, Load, LoadUnit, SideMode, Tempo
from hiptimer.i18n import N_

MAX_HOLD_S = 3600
MAX_REPS = 500
MAX_SETS = 20
MAX_TEMPO_PART_S = 60
MAX_REP_HOLD_S = 120
MAX_LOAD = 500
MAX_NAME = 120

_TEMPO_FIELDS = {"lift_s", "hold_s", "lower_s", "pause_s"}
_LOAD_FIELDS = {"amount", "unit"}
_CEILING_FIELDS = {"sets", "reps", "hold_s"}
NEEDS_FORMAT_2 = N_('a format-2 field: the file must say "version": 2')
ONLY_REPS = N_('only for kind "reps"; this exercise is a "hold"')


class DoseReader(FieldReader):
    """Reads the fields every variant of an exercise has; `version` is the file's format."""

    def __init__(self) -> None:
        super().__init__()
        self.version = 2

    def format_2_only(self, d: dict[str, Any], where: str, keys: tuple[str, ...]) -> bool:
        """Refuse format-2 keys in a format-1 file; True when none is there."""
        found = [key for key in keys if key in d] if self.version < 2 else []
        for key in found:
            self.err(join(where, key), NEEDS_FORMAT_2)
        return not found

    def variant(
        self, d: dict[str, Any], where: str, kind: Kind | None, base: dict[str, Any] | None
    ) -> dict[str, Any]:
        """The Rung fields (all but id) of an exercise or a ladder entry; `base` fills gaps."""
        inherit = base or {}
        values: dict[str, Any] = {
            "name": self.text(d, "name", where, required=True, limit=MAX_NAME, shown=True),
            "sets": self.number(d, "sets", where, low=1, high=MAX_SETS, integer=True) or 1,
            "sides": self.choice(d, "sides", where, SideMode, inherit.get("sides", SideMode.NONE)),
            "hold_s": None,
            "reps": None,
            "reps_range": None,
            "rep_hold_s": 0,
            "tempo": None,
        }
        if kind is Kind.HOLD:
            values["hold_s"] = self.number(
                d, "hold_s", where, low=0, high=MAX_HOLD_S, required=True, low_open=True,
                seconds=True,
            )  # fmt: skip
            for key in ("reps", "reps_range", "rep_hold_s", "tempo"):
                if key in d:
                    self.err(join(where, key), ONLY_REPS)
            if values["sides"] is SideMode.ALTERNATING:
                self.err(
                    join(where, "sides"),
                    N_(
                        'a hold cannot alternate sides within a set; use "each" (Each side in turn)'
                    ),
                )
        elif kind is Kind.REPS:
            if "hold_s" in d:
                only = N_('only for kind "hold"; use rep_hold_s for reps')
                self.err(join(where, "hold_s"), only)
            reps = self.number(d, "reps", where, low=1, high=MAX_REPS, integer=True, required=True)
            values["reps"] = reps
            values["reps_range"] = self.reps_range(d, where, reps)
            rep_hold = self.number(d, "rep_hold_s", where, low=0, high=MAX_REP_HOLD_S, seconds=True)
            values["rep_hold_s"] = inherit.get("rep_hold_s", 0) if rep_hold is None else rep_hold
            tempo = self.tempo(d["tempo"], join(where, "tempo")) if "tempo" in d else None
            values["tempo"] = tempo if "tempo" in d else inherit.get("tempo")
        values["load"] = self.load(d["load"], join(where, "load")) if "load" in d else None
        values["ceiling"] = (
            self.ceiling(d["ceiling"], join(where, "ceiling"), kind, values["reps_range"])
            if "ceiling" in d
            else None
        )
        values["setup"] = self.texts(d, "setup", where)
        values["cues"] = self.texts(d, "cues", where)
        values["caution"] = self.text(d, "caution", where, shown=True)
        values["image"] = self.image(d, where)
        for key in INHERITED:
            if key not in d and key in inherit:
                values[key] = inherit[key]
        return values

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
        if d is None or not self.format_2_only(d, where, ("pause_s",)):
            return None
        parts = [
            self.number(d, key, where, low=0, high=MAX_TEMPO_PART_S, required=True, seconds=True)
            for key in ("lift_s", "hold_s", "lower_s")
        ]
        pause = self.number(d, "pause_s", where, low=0, high=MAX_TEMPO_PART_S, seconds=True)
        pause = pause or 0
        if any(p is None for p in parts):
            return None
        lift, hold, lower = parts
        if lift + lower <= 0:
            self.err(where, N_("a paced rep needs time to lift or to lower"))
            return None
        return Tempo(lift, hold, lower, pause)

    def load(self, value: Any, where: str) -> Load | None:
        d = self.obj(value, where, _LOAD_FIELDS)
        if d is None:
            return None
        amount = self.number(d, "amount", where, low=0, high=MAX_LOAD, required=True, low_open=True)
        unit = self.choice(d, "unit", where, LoadUnit, None)
        if "unit" not in d:
            self.err(join(where, "unit"), N_('required; expected "kg" or "lb"'))
        if amount is None or unit is None:
            return None
        return Load(amount, unit)

    def ceiling(
        self, value: Any, where: str, kind: Kind | None, reps_range: tuple[int, int] | None
    ) -> Ceiling | None:
        d = self.obj(value, where, _CEILING_FIELDS)
        if d is None:
            return None
        sets = self.number(d, "sets", where, low=1, high=MAX_SETS, integer=True)
        reps = hold = None
        if kind is Kind.HOLD:
            hold = self.number(
                d, "hold_s", where, low=0, high=MAX_HOLD_S, low_open=True, seconds=True
            )
            if "reps" in d:
                self.err(join(where, "reps"), ONLY_REPS)
        elif kind is Kind.REPS:
            reps = self.number(d, "reps", where, low=1, high=MAX_REPS, integer=True)
            if "hold_s" in d:
                only = N_('only for kind "hold"; a ceiling of reps is "reps"')
                self.err(join(where, "hold_s"), only)
            if reps is not None and reps_range is not None and reps > reps_range[1]:
                at_most = N_("expected at most the top of reps_range ({top})")
                self.err(join(where, "reps"), at_most, top=reps_range[1])
        return Ceiling(sets, reps, hold)

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
            # Say which rule: "../x.png" is relative too, as a person reads it.
            rule = N_(
                'expected a path relative to the routine file, without "..", a drive or a'
                " leading slash; got {got}"
            )
            self.err(join(where, "image"), rule, got=describe(value))
            return ""
        return value

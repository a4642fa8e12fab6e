"""Writing routines: the JSON form of a routine, saved atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hiptimer.core.routines.ladder import INHERITED, current_rung, rungs, uses_format_2
from hiptimer.core.routines.model import (
    FORMAT_MARKER,
    Ceiling,
    Exercise,
    Kind,
    Rests,
    Routine,
    Rung,
    SideMode,
    Tempo,
)
from hiptimer.core.routines.validation import MAX_FILE_BYTES, Problem, RoutineError
from hiptimer.core.safe_write import replacing_text, write_atomic
from hiptimer.i18n import N_


def routine_to_data(routine: Routine) -> dict[str, Any]:
    """The JSON-ready form of a routine, omitting fields left at their defaults.

    It is written as format 1 unless it uses a field of format 2, so that a routine without
    them stays readable by an older HipTimer.
    """
    data: dict[str, Any] = {
        "format": FORMAT_MARKER,
        "version": 2 if uses_format_2(routine) else 1,
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
    """The JSON-ready form of one exercise: its first rung, then the harder ones as a ladder."""
    ladder = rungs(ex)
    first = ladder[0] if ladder else current_rung(ex)
    d: dict[str, Any] = {"id": ex.id, "name": first.name, "kind": ex.kind.value}
    _put_dose(d, first, ex.kind)
    _put(d, "sides", first.sides.value, SideMode.NONE.value)
    _put(d, "rest_between_sets_s", ex.rest_between_sets_s, None)
    _put(d, "rest_between_sides_s", ex.rest_between_sides_s, None)
    _put(d, "rest_after_s", ex.rest_after_s, None)
    _put(d, "setup", list(first.setup), [])
    _put(d, "cues", list(first.cues), [])
    _put(d, "caution", first.caution, "")
    _put(d, "image", first.image, "")
    _put(d, "enabled", ex.enabled, True)
    if ladder:
        d["ladder"] = [_rung_to_data(r, first, ex.kind) for r in ladder[1:]]
        _put(d, "rung", ex.rung, 0)
    if ex.test is not None:
        test = {"measure": ex.test.measure.value}
        _put(test, "unit", ex.test.unit, "")
        _put(test, "better", ex.test.better, "higher")
        d["test"] = test
    return d


def _put_dose(d: dict[str, Any], r: Rung, kind: Kind, *, pacing: bool = True) -> None:
    d["sets"] = r.sets
    if kind is Kind.HOLD:
        d["hold_s"] = _seconds(r.hold_s)
    else:
        d["reps"] = r.reps
        if r.reps_range:
            d["reps_range"] = list(r.reps_range)
        if pacing:
            _put(d, "rep_hold_s", r.rep_hold_s, 0)
            if r.tempo:
                d["tempo"] = _tempo_to_data(r.tempo)
    if r.load is not None:
        d["load"] = {"amount": r.load.amount, "unit": r.load.unit.value}
    if r.ceiling is not None:
        d["ceiling"] = _ceiling_to_data(r.ceiling)


def _rung_to_data(r: Rung, first: Rung, kind: Kind) -> dict[str, Any]:
    """A ladder entry: its own dose, and what it does not share with the first rung."""
    d: dict[str, Any] = {"id": r.id, "name": r.name}
    _put_dose(d, r, kind, pacing=False)
    for name in INHERITED:
        mine, theirs = getattr(r, name), getattr(first, name)
        if mine != theirs:
            d[name] = _plain(mine)
    return d  # a rung cannot drop the first rung's tempo: it is then inherited


def _plain(value: Any) -> Any:
    if isinstance(value, Tempo):
        return _tempo_to_data(value)
    if isinstance(value, SideMode):
        return value.value
    return list(value) if isinstance(value, tuple) else value


def _tempo_to_data(tempo: Tempo) -> dict[str, Any]:
    d = {"lift_s": tempo.lift_s, "hold_s": tempo.hold_s, "lower_s": tempo.lower_s}
    _put(d, "pause_s", tempo.pause_s, 0)
    return d


def _ceiling_to_data(c: Ceiling) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for name in ("sets", "reps", "hold_s"):
        _put(d, name, getattr(c, name), None)
    if "hold_s" in d:
        d["hold_s"] = _seconds(d["hold_s"])
    return d


def _seconds(value: float | None) -> float | int | None:
    """25.0 s as 25: a dose changed by + and - is a float, and the file, and the editor's field
    filled from it, read "25.0" where the routine's author wrote 25."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _put(d: dict[str, Any], key: str, value: Any, default: Any) -> None:
    if value != default:
        d[key] = value


def routine_to_json(routine: Routine) -> str:
    """The routine as a file: indented, or compact when indenting would pass the size limit.

    The loader refuses files over MAX_FILE_BYTES, so nothing HipTimer writes may be larger:
    a valid 971 KB import once grew past 1 MiB when indented and then showed as broken.
    """
    data = routine_to_data(routine)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if len(text.encode("utf-8")) <= MAX_FILE_BYTES:
        return text
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        template = N_("the routine needs {size} bytes as a file; at most 1 MiB is kept")
        problem = Problem("", template.format(size=size), template, (("size", size),))
        raise RoutineError(routine.path or routine.id, [problem])
    return text


def save_routine(routine: Routine, path: str | os.PathLike[str]) -> None:
    """Write a routine atomically: a temporary file in the same folder, then a rename; the
    folder is made first (the user's routines folder, say)."""
    write_atomic(Path(path), routine_to_json(routine))


def export_routine_file(routine: Routine, path: str | os.PathLike[str]) -> None:
    """Write a routine where the user chose, as save_routine does, but only into a folder that
    is there (MissingFolderError otherwise): a save dialog saves only into one, and the CSV
    and PDF exports refuse such a path too. Nothing is written when the routine is too large."""
    text = routine_to_json(routine)
    with replacing_text(path) as fh:
        fh.write(text)

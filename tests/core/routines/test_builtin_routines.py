"""The built-in routines load, match the published JSON Schema and keep the seeds' doses."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hiptimer import paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Kind, Routine, SideMode, estimated_seconds
from hiptimer.core.routines.validation import validate_data

ROUTINES_DIR = paths.builtin_routines_dir()
BUILTIN_FILES = sorted(ROUTINES_DIR.glob("*.json"))
EXPECTED_IDS = {
    "fai-mobility-control",
    "hip-strength-mobility",
    "spinal-stenosis-basics",
    "daily-hip-stretches",
    "hip-strengthening",
    "gentle-hip-care",
    "monthly-check",
    "desk-micro-break",
}
DOC = Path(__file__).resolve().parents[3] / "docs" / "routine-format.md"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(paths.schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _builtin(routine_id: str) -> Routine:
    return load_routine(ROUTINES_DIR / f"{routine_id}.json", builtin=True)


def _by_file(path: Path) -> str:
    return path.name


# ---------------------------------------------------------------- every built-in file


def test_all_eight_builtins_are_shipped() -> None:
    assert {p.stem for p in BUILTIN_FILES} == EXPECTED_IDS


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=_by_file)
def test_builtin_loads(path: Path) -> None:
    routine = load_routine(path, builtin=True)
    assert routine.builtin
    assert routine.active_exercises


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=_by_file)
def test_builtin_matches_schema(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=_by_file)
def test_id_matches_file_name(path: Path) -> None:
    assert load_routine(path).id == path.stem


def test_ids_are_unique() -> None:
    ids = [load_routine(p).id for p in BUILTIN_FILES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=_by_file)
def test_has_source_cautions_and_the_general_safety_note(path: Path) -> None:
    routine = load_routine(path)
    retests = all(ex.test is not None for ex in routine.exercises)
    # Names the kind of source for users; the re-tests are none of the sources', and monthly.
    assert routine.source.startswith("Our own choice" if retests else "Adapted from ")
    assert routine.cautions
    text = " ".join(routine.cautions).lower()
    assert "physiotherapist" in text
    assert "surgeon" in text  # the after-surgery note
    assert "stop" in text
    assert (routine.schedule is None) if retests else (routine.schedule is not None)


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=_by_file)
def test_exercises_have_spoken_setup_and_short_cues(path: Path) -> None:
    for ex in load_routine(path).exercises:
        assert 2 <= len(ex.setup) <= 4, ex.id
        assert 2 <= len(ex.cues) <= 4, ex.id
        for cue in ex.cues:
            assert len(cue.split()) <= 8, cue


# ---------------------------------------------------------------- schema and loader agree on rejects

VALID: dict[str, Any] = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "tiny",
    "title": "Tiny",
    "exercises": [
        {"id": "stretch", "name": "Stretch", "kind": "hold", "hold_s": 30, "sides": "each"},
        {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10, "rep_hold_s": 3},
    ],
}

Mutation = Callable[[dict[str, Any]], None]


def _parent(d: dict[str, Any], path: str) -> tuple[Any, str]:
    """The object holding a dotted path's last key; a number picks a list item (exercises.0.hold_s)."""
    *parents, last = path.split(".")
    target: Any = d
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    return target, last


def _set(path: str, value: Any) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        target, key = _parent(d, path)
        target[key] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        target, key = _parent(d, path)
        del target[key]

    return apply


INVALID: dict[str, Mutation] = {
    "unknown routine field": _set("colour", "blue"),
    "unknown exercise field": _set("exercises.1.side", "each"),
    "missing format": _drop("format"),
    "wrong format": _set("format", "hiptimer"),
    "newer version": _set("version", 3),
    "negative hold": _set("exercises.0.hold_s", -30),
    "zero hold": _set("exercises.0.hold_s", 0),
    "reps on a hold": _set("exercises.0.reps", 10),
    "tempo on a hold": _set("exercises.0.tempo", {"lift_s": 2, "hold_s": 0, "lower_s": 2}),
    "alternating hold": _set("exercises.0.sides", "alternating"),
    "hold_s on reps": _set("exercises.1.hold_s", 3),
    "reps missing": _drop("exercises.1.reps"),
    "kind missing": _drop("exercises.0.kind"),
    "unknown kind": _set("exercises.0.kind", "stretch"),
    "uppercase id": _set("id", "Tiny"),
    "zero sets": _set("exercises.1.sets", 0),
    "tempo without lift or lower": _set(
        "exercises.1.tempo", {"lift_s": 0, "hold_s": 3, "lower_s": 0}
    ),
    "no exercises": _set("exercises", []),
    "blank title": _set("title", "  "),
    "blank cue": _set("exercises.1.cues", ["Push.", ""]),
    "image outside the folder": _set("exercises.1.image", "../secret.png"),
    "schedule above 14": _set("schedule", {"min_per_week": 15}),
}


def test_valid_example_passes_both(validator: jsonschema.Draft202012Validator) -> None:
    assert validate_data(VALID) == []
    assert validator.is_valid(VALID)


@pytest.mark.parametrize("mutate", INVALID.values(), ids=INVALID.keys())
def test_schema_rejects_what_the_loader_rejects(
    mutate: Mutation, validator: jsonschema.Draft202012Validator
) -> None:
    data = copy.deepcopy(VALID)
    mutate(data)
    assert validate_data(data), "the loader should reject this"
    assert not validator.is_valid(data), "the schema should reject this"


def test_doc_example_is_a_valid_routine(validator: jsonschema.Draft202012Validator) -> None:
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "docs/routine-format.md should contain a JSON example"
    data = json.loads(blocks[0])
    assert validate_data(data) == []
    assert validator.is_valid(data)


# ---------------------------------------------------------------- spot checks of the seeds' doses


def test_daily_stretches_hold_a_minute_three_times_each_side() -> None:
    routine = _builtin("daily-hip-stretches")
    assert [ex.id for ex in routine.exercises] == [
        "hamstring-stretch",
        "hip-flexor-stretch",
        "it-band-stretch",
        "piriformis-stretch",
    ]
    for ex in routine.exercises:
        assert (ex.kind, ex.hold_s, ex.sets, ex.sides) == (Kind.HOLD, 60, 3, SideMode.EACH)
    assert routine.schedule is not None and routine.schedule.label == "daily"


def test_strengthening_bridge_holds_three_seconds_for_10_to_15_reps() -> None:
    routine = _builtin("hip-strengthening")
    bridge = routine.exercise("bridge")
    assert bridge.kind is Kind.REPS
    assert bridge.rep_hold_s == 3
    assert bridge.reps_range == (10, 15)
    assert bridge.reps == 10
    assert routine.schedule is not None
    assert (routine.schedule.min_per_week, routine.schedule.max_per_week) == (3, 4)


@pytest.mark.parametrize(
    "exercise_id", ["straight-leg-raise", "side-lying-abduction", "prone-leg-raise"]
)
def test_strengthening_leg_raises_hold_three_seconds_fifteen_each_side(exercise_id: str) -> None:
    ex = _builtin("hip-strengthening").exercise(exercise_id)
    assert (ex.reps, ex.rep_hold_s, ex.sides) == (15, 3, SideMode.EACH)


def test_stenosis_knee_hugs_hold_five_seconds_10_to_15_times() -> None:
    routine = _builtin("spinal-stenosis-basics")
    for exercise_id in ("double-knee-hug", "single-knee-hug"):
        ex = routine.exercise(exercise_id)
        assert (ex.rep_hold_s, ex.reps_range) == (5, (10, 15))


def test_fai_routine_uses_slow_lowering_tempos() -> None:
    routine = _builtin("fai-mobility-control")
    abduction = routine.exercise("side-lying-abduction").tempo
    squat = routine.exercise("tempo-chair-squat").tempo
    assert abduction is not None and abduction.lower_s > abduction.lift_s
    assert squat is not None and squat.lower_s > squat.lift_s


def test_desk_micro_break_takes_two_to_three_minutes() -> None:
    routine = _builtin("desk-micro-break")
    assert 120 <= estimated_seconds(routine) <= 180
    assert routine.schedule is not None and routine.schedule.min_per_week >= 7

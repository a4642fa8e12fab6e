"""Routine format 2: ladders, loads, ceilings and a pause at the bottom; format 1 unchanged."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hiptimer import paths
from hiptimer.core.routines.ladder import at_rung, ceiling_of, rungs, variant_id, with_ladder
from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import Ceiling, Load, LoadUnit, Rung, SideMode, Tempo, dose_text
from hiptimer.core.routines.validation import RoutineError, validate_data
from hiptimer.core.routines.writer import exercise_to_data, routine_to_data
from tests.core.routines.v2_routine import V2
from tests.harness import hold, reps


def load(data: dict[str, Any]) -> Any:
    return routine_from_data(copy.deepcopy(data), "strength.json")


def problems(data: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate_data(data)]


def edited(path: str, value: Any, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of V2 (or `data`) with a dotted path set ("exercises.0.ladder.0.sets")."""
    result = copy.deepcopy(V2 if data is None else data)
    *parents, last = path.split(".")
    target: Any = result
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is DROP:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return result


DROP = object()


# ---------------------------------------------------------------- reading


def test_a_ladder_starts_on_the_exercise_itself() -> None:
    bridge = load(V2).exercise("bridge")
    assert (bridge.rung, bridge.name, bridge.sets, bridge.reps) == (0, "Bridge", 3, 10)
    assert variant_id(bridge) == "bridge"
    assert [r.id for r in bridge.ladder] == ["bridge", "single-leg-bridge"]


def test_a_ladder_entry_inherits_what_it_leaves_out_and_keeps_its_own_dose() -> None:
    single = load(V2).exercise("bridge").ladder[1]
    assert (single.sets, single.reps, single.reps_range, single.sides) == (
        2,
        8,
        (8, 12),
        SideMode.EACH,
    )
    assert single.rep_hold_s == 3  # from the bridge
    assert single.cues == ("Push through your heels.",)  # from the bridge
    assert single.setup[0].startswith("Lie face up, one leg")  # its own
    assert single.load is None and single.ceiling is None  # the dose is never inherited


def test_rung_puts_the_exercise_on_that_variant_under_its_own_id() -> None:
    raise_ = load(V2).exercise("straight-leg-raise")
    assert raise_.id == "straight-leg-raise"  # the history keeps one exercise
    assert variant_id(raise_) == "weighted-leg-raise"
    assert (raise_.name, raise_.sets, raise_.reps, raise_.rep_hold_s) == (
        "Straight leg raise with an ankle weight",
        2,
        10,
        3,
    )
    assert raise_.load == Load(1, LoadUnit.KG)
    assert raise_.sides is SideMode.EACH
    assert dose_text(raise_) == "2 x 10 (10-15) reps, 3 s hold each side, 1 kg"


def test_a_pause_at_the_bottom_and_a_hold_ceiling() -> None:
    routine = load(V2)
    assert routine.exercise("squat").tempo == Tempo(2, 1, 3, 1)
    assert routine.exercise("stretch").ceiling == Ceiling(hold_s=10)


def test_the_ceiling_defaults_to_the_dose_as_written() -> None:
    assert ceiling_of(reps(n=10, sets=3, reps_range=(10, 15))) == Ceiling(3, 15)
    assert ceiling_of(reps(n=15, sets=2)) == Ceiling(2, 15)
    assert ceiling_of(hold(hold_s=60, sets=3)) == Ceiling(3, hold_s=60)
    given = reps(n=15, sets=2).with_dose(ceiling=Ceiling(sets=3))
    assert ceiling_of(given) == Ceiling(3, 15)
    stretch = hold(hold_s=8, sets=3).with_dose(ceiling=Ceiling(hold_s=10))
    assert ceiling_of(stretch) == Ceiling(3, hold_s=10)


# ---------------------------------------------------------------- moving on the ladder


def test_moving_up_and_down_keeps_each_rungs_dose() -> None:
    bridge = load(V2).exercise("bridge").with_dose(reps=15)
    up = at_rung(bridge, 1)
    assert (up.name, up.sets, up.reps, up.sides) == ("Single-leg bridge", 2, 8, SideMode.EACH)
    down = at_rung(up.with_dose(reps=10), 0)
    assert (down.name, down.sets, down.reps, down.sides) == ("Bridge", 3, 15, SideMode.NONE)
    assert [r.reps for r in rungs(down)] == [15, 10]


def test_with_ladder_builds_one_from_an_exercise() -> None:
    ex = with_ladder(reps("bridge", 10), Rung("single", "Single", sets=2, reps=8), rung=1)
    assert (ex.id, ex.name, ex.reps, variant_id(ex)) == ("bridge", "Single", 8, "single")
    with pytest.raises(IndexError):
        at_rung(ex, 2)


# ---------------------------------------------------------------- writing


def test_format_2_round_trips() -> None:
    routine = load(V2)
    assert routine_to_data(routine) == V2
    again = routine_from_data(routine_to_data(routine), "again.json")
    assert again.exercises == routine.exercises


def test_the_writer_keeps_format_1_for_a_routine_without_format_2_fields() -> None:
    plain = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "plain",
        "title": "Plain",
        "exercises": [{"id": "b", "name": "B", "kind": "reps", "sets": 1, "reps": 5}],
    }
    assert routine_to_data(routine_from_data(plain)) == plain
    with_load = reps("b", 5).with_dose(load=Load(2.5, LoadUnit.LB))
    assert exercise_to_data(with_load)["load"] == {"amount": 2.5, "unit": "lb"}


@pytest.mark.parametrize(
    "path",
    sorted(paths.builtin_routines_dir().glob("*.json")),
    ids=lambda p: p.name,
)
def test_builtin_routines_write_back_as_they_are(path: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    routine = routine_from_data(data)
    written = routine_to_data(routine)
    assert written["version"] == data["version"]
    assert routine_from_data(written) == routine


# ---------------------------------------------------------------- refusing


def test_format_2_fields_in_a_format_1_file_are_named() -> None:
    data = edited("version", 1)
    assert problems(data) == [
        'exercises[0].ladder: a format-2 field: the file must say "version": 2',
        'exercises[1].ceiling: a format-2 field: the file must say "version": 2',
        'exercises[1].ladder: a format-2 field: the file must say "version": 2',
        'exercises[1].rung: a format-2 field: the file must say "version": 2',
        'exercises[2].tempo.pause_s: a format-2 field: the file must say "version": 2',
        'exercises[3].ceiling: a format-2 field: the file must say "version": 2',
    ]


BAD: dict[str, tuple[dict[str, Any], str]] = {
    "rung past the top": (edited("exercises.1.rung", 2), "exercises[1].rung: expected a whole"),
    "rung without a ladder": (
        edited("exercises.2.rung", 1),
        "exercises[2].rung: expected 0 without a ladder, got 1",
    ),
    "empty ladder": (
        edited("exercises.0.ladder", []),
        "exercises[0].ladder: expected a list of 1 to 10 harder variants, got 0",
    ),
    "ladder entry with a kind": (
        edited("exercises.0.ladder.0.kind", "reps"),
        "exercises[0].ladder[0].kind: unknown field",
    ),
    "ladder entry without reps": (
        edited("exercises.0.ladder.0.reps", DROP),
        "exercises[0].ladder[0].reps: required number is missing",
    ),
    "a hold's ladder entry with reps": (
        edited("exercises.3.ladder", [{"id": "longer", "name": "Longer", "reps": 3, "hold_s": 9}]),
        'exercises[3].ladder[0].reps: only for kind "reps"',
    ),
    "rung id used by an exercise": (
        edited("exercises.0.ladder.0.id", "squat"),
        'exercises[2].id: "squat" is already used by exercises[0].ladder[0]',
    ),
    "ceiling above the rep range": (
        edited("exercises.0.ceiling", {"reps": 20}),
        "exercises[0].ceiling.reps: expected at most the top of reps_range (15)",
    ),
    "hold ceiling on reps": (
        edited("exercises.0.ceiling", {"hold_s": 20}),
        'exercises[0].ceiling.hold_s: only for kind "hold"',
    ),
    "unknown load unit": (
        edited("exercises.1.ladder.0.load.unit", "stone"),
        'exercises[1].ladder[0].load.unit: expected one of kg, lb, got "stone"',
    ),
    "load without a unit": (
        edited("exercises.1.ladder.0.load.unit", DROP),
        'exercises[1].ladder[0].load.unit: required; expected "kg" or "lb"',
    ),
    "negative pause": (
        edited("exercises.2.tempo.pause_s", -1),
        "exercises[2].tempo.pause_s: expected 0, or a number of seconds from 0.1 to 60, got -1",
    ),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_a_broken_format_2_field_is_named(case: tuple[dict[str, Any], str]) -> None:
    data, expected = case
    found = problems(data)
    assert any(line.startswith(expected) for line in found), found
    with pytest.raises(RoutineError):
        load(data)


# ---------------------------------------------------------------- the JSON Schema


@pytest.fixture(scope="module")
def schema() -> jsonschema.Draft202012Validator:
    text = paths.schema_path(2).read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def test_the_schema_takes_format_2_and_format_1(schema: jsonschema.Draft202012Validator) -> None:
    assert schema.is_valid(V2)
    for path in paths.builtin_routines_dir().glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert schema.is_valid(data), path.name


# What a schema cannot say: a rung within this ladder, ids unique, a ceiling within the range.
LOADER_ONLY = {"rung past the top", "rung id used by an exercise", "ceiling above the rep range"}


@pytest.mark.parametrize("name", [n for n in BAD if n not in LOADER_ONLY])
def test_the_schema_refuses_what_the_loader_refuses(
    name: str, schema: jsonschema.Draft202012Validator
) -> None:
    assert not schema.is_valid(BAD[name][0])


def test_the_schema_refuses_format_2_fields_in_a_format_1_file(
    schema: jsonschema.Draft202012Validator,
) -> None:
    for i, key in [(0, "ladder"), (1, "ceiling"), (1, "rung"), (1, "ladder")]:
        data = edited("version", 1)
        for j, ex in enumerate(data["exercises"]):
            ex.pop("ladder", None), ex.pop("ceiling", None), ex.pop("rung", None)
            if j == 2:
                ex["tempo"].pop("pause_s")
        assert schema.is_valid(data)
        data["exercises"][i][key] = V2["exercises"][i].get(key, {"sets": 3})
        assert not schema.is_valid(data), key


RETEST = {"id": "stand", "name": "Chair stand", "kind": "hold", "hold_s": 30}


@pytest.mark.parametrize(
    ("version", "exercise"),
    [
        (1, {**RETEST, "test": {"measure": "time"}}),  # a format-2 field in a format-1 file
        (2, {**RETEST, "kind": "reps", "reps": 5, "hold_s": None, "test": {"measure": "time"}}),
        (2, {**RETEST, "test": {"measure": "count"}}),  # a count says what it counts
        (2, {**RETEST, "test": {"measure": "value", "unit": ""}}),
        (2, {**RETEST, "test": {"measure": "value", "unit": "  "}}),
        (2, {**RETEST, "test": {"measure": "time", "unit": "cm"}}),  # a time is in seconds
    ],
    ids=[
        "format 1", "on reps", "count without a unit", "value with an empty unit", "blank unit",
        "time in cm",
    ],
)  # fmt: skip
def test_the_schema_refuses_a_retest_the_loader_refuses(
    version: int, exercise: dict[str, Any], schema: jsonschema.Draft202012Validator
) -> None:
    exercise = {k: v for k, v in exercise.items() if v is not None}
    data = {**V2, "version": version, "exercises": [exercise]}
    assert validate_data(data) != []
    assert not schema.is_valid(data)
    good = {
        **data,
        "version": 2,
        "exercises": [{**RETEST, "test": {"measure": "count", "unit": "stands"}}],
    }
    assert validate_data(good) == [] and schema.is_valid(good)
    seconds = {**good, "exercises": [{**RETEST, "test": {"measure": "time", "unit": "s"}}]}
    assert validate_data(seconds) == [] and schema.is_valid(seconds)


def test_every_example_in_the_format_doc_is_a_valid_routine(
    schema: jsonschema.Draft202012Validator,
) -> None:
    text = (Path(__file__).resolve().parents[3] / "docs" / "routine-format.md").read_text("utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        data = json.loads(block)
        assert validate_data(data) == []
        assert schema.is_valid(data)
    ladder = load(json.loads(blocks[1]))
    raise_ = ladder.exercise("straight-leg-raise")  # as the text under the example says
    assert (raise_.sets, raise_.reps, raise_.rep_hold_s, raise_.load) == (
        2,
        10,
        3,
        Load(1, LoadUnit.KG),
    )


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        (
            {"unit": "cm"},
            'exercises[0].test.measure: required; expected "count", "time" or "value"',
        ),
        (
            {"measure": "distance", "unit": "cm"},
            'exercises[0].test.measure: expected "count", "time" or "value", got "distance"',
        ),
        (
            {"measure": "time", "better": "up"},
            'exercises[0].test.better: expected "higher" or "lower", got "up"',
        ),
        (
            {"measure": "count", "unit": " "},
            'exercises[0].test.unit: required for "count" and "value": what the number counts',
        ),
        (  # the outside tester: a unit HipTimer never used, without a word (it records "s")
            {"measure": "time", "unit": "cm"},
            'exercises[0].test.unit: a "time" is in seconds; leave the unit out, got "cm"',
        ),
    ],
)
def test_a_broken_retest_is_named_with_what_it_got(test: dict[str, Any], expected: str) -> None:
    data = {**V2, "exercises": [{**RETEST, "test": test}]}
    assert [str(p) for p in validate_data(data)] == [expected]

"""docs/routine-format.md's field tables held to the loader: each field's default as the model
reads it, and each documented range at its edges (lowest taken, just below refused, highest
taken, just above refused), read from the tables' cells rather than their sentences."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from enum import Enum
from typing import Any

import jsonschema
import pytest

from hiptimer import paths
from hiptimer.core.routines.loader import parse_routine_text
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.validation import RoutineError
from tests.doc_reading import Row, code_spans, doc, field_name, section, table

DOC = doc("routine-format.md")
HOLD = {"id": "h", "name": "H", "kind": "hold", "hold_s": 5}
REPS = {"id": "r", "name": "R", "kind": "reps", "reps": 5}
TEST = {"measure": "value", "unit": "cm"}
BASE: dict[str, Any] = {
    "format": "hiptimer-routine",
    "version": 2,
    "id": "edges",
    "title": "Edges",
    "schedule": {"min_per_week": 1},
    "exercises": [HOLD],
}
EPSILON = 0.001  # the finest step a number of seconds may take ("three decimals")

# Each table: its heading, and where its fields go in a file (and in the model).
Where = tuple[str, ...]
TABLES: dict[str, Where] = {
    "## The routine": (),
    "### `schedule`": ("schedule",),
    "### `rests`": ("rests",),
    "## An exercise": ("exercises", "0"),
    "### Re-tests": ("exercises", "0", "test"),
}
# Rows whose allowed values are a whole section of their own, tested there.
ELSEWHERE = {
    "schedule": "its own table, below",
    "rests": "its own table, below",
    "tempo": "Pacing reps: its parts' range, at the end of this module",
    "ceiling": "Ceilings (tests/core/routines/test_format_v2.py)",
    "test": "its own table, Re-tests",
}


def rows(heading: str) -> list[tuple[str, Row]]:
    return [(field_name(row["field"]), row) for row in table(DOC, heading)]


def every_row() -> list[tuple[str, str, Row]]:
    return [(heading, name, row) for heading in TABLES for name, row in rows(heading)]


def base_for(heading: str, name: str, row: Row) -> dict[str, Any]:
    """A valid file the field can be put into: a reps exercise where the field is for reps."""
    data = copy.deepcopy(BASE)
    cells = " ".join(row.values())
    for_reps = '"reps"` only' in cells or "(not for holds)" in cells
    if heading == "## An exercise" and (for_reps or 'required for `"reps"`' in cells):
        data["exercises"] = [dict(REPS)]
    if heading == "### Re-tests":
        data["exercises"] = [{**HOLD, "test": dict(TEST)}]
    if name == "rung":
        data["exercises"][0]["ladder"] = [{"id": "h2", "name": "H2", "hold_s": 6}]
    return data


OMIT = object()  # put(): leave the field out


def put(data: dict[str, Any], where: Where, name: str, value: Any) -> dict[str, Any]:
    target: Any = data
    for key in where:
        target = target[int(key)] if isinstance(target, list) else target.setdefault(key, {})
    if value is OMIT:
        target.pop(name, None)
    else:
        target[name] = value
        if name == "kind":  # the other kind's dose comes with it
            target.clear()
            target.update(REPS if value == "reps" else HOLD, kind=value)
        if where == TABLES["### Re-tests"] and name == "measure" and value == "time":
            target.pop("unit")  # a time is in seconds: its row says so, another unit is refused
    return data


def load(data: dict[str, Any]) -> Routine:
    return parse_routine_text(json.dumps(data, ensure_ascii=False), "edges.json")


def refusal(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RoutineError) as info:
        load(data)
    return info.value.lines()


def model_value(routine: Routine, where: Where, name: str) -> Any:
    owner: Any = routine
    for key in where:
        owner = owner[int(key)] if key.isdigit() else getattr(owner, key)
        if key == "exercises":
            owner = list(owner)
    value = getattr(owner, name)
    if isinstance(value, Enum):
        return value.value
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- the allowed values, as edges

Edge = tuple[Any, bool]  # a value and whether the loader takes it


def _number(text: str) -> float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


def number_edges(cell: str, whole: bool) -> list[Edge]:
    found = re.match(r"(0, or )?(\d[\d,]*(?:\.\d+)?)(?:-| to )(\d[\d,]*(?:\.\d+)?)", cell)
    assert found, cell
    low, high = _number(found.group(2)), _number(found.group(3))
    step = 1 if whole else EPSILON
    edges = [
        (low, True),
        (round(low - step, 3), False),
        (high, True),
        (round(high + step, 3), False),
    ]
    if found.group(1):
        return [(0, True), *edges]
    return edges + ([(0, False)] if not whole and low > 0 else [])  # a hold of 0 s is no hold


def length_edges(cell: str, not_blank: bool) -> list[Edge]:
    found = re.search(r"(?:(\d+)-|up to )(\d+) characters", cell)
    assert found, cell
    low, high = max(int(found.group(1) or 0), int(not_blank)), int(found.group(2))
    edges = [("a" * low, True), ("a" * high, True), ("a" * (high + 1), False)]
    return edges + ([("", False)] if low else []) + ([(" ", False)] if not_blank else [])


def list_edges(cell: str) -> list[Edge]:
    found = re.match(r"up to (\d+) items, each (\d+)-(\d+) characters", cell)
    assert found, cell
    most, low, high = (int(g) for g in found.groups())
    return [
        (["a"] * most, True),
        (["a"] * (most + 1), False),
        (["a" * high], True),
        (["a" * (high + 1)], False),
        (["a" * (low - 1)], False),
    ]


def count_edges(name: str, cell: str) -> list[Edge]:
    found = re.match(r"(\d+) to (\d+) (exercises|entries)", cell)
    assert found, cell
    low, high = int(found.group(1)), int(found.group(2))
    if name == "exercises":
        item: Callable[[int], dict[str, Any]] = lambda i: {**HOLD, "id": f"e{i}"}  # noqa: E731
    else:
        item = lambda i: {"id": f"v{i}", "name": "V", "hold_s": 5}  # noqa: E731
    return [([item(i) for i in range(n)], ok) for n, ok in
            ((low, True), (low - 1, False), (high, True), (high + 1, False))]  # fmt: skip


def enum_edges(cell: str) -> list[Edge]:
    values = [json.loads(span) for span in code_spans(cell)]
    if all(isinstance(v, bool) for v in values):
        return [(v, True) for v in values] + [("yes", False), (1, False)]
    if all(type(v) is int for v in values):
        return [(v, True) for v in values] + [(min(values) - 1, False), (max(values) + 1, False)]
    return [(v, True) for v in values] + [(values[0] + "x", False)]


def edges(name: str, row: Row) -> list[Edge]:
    cell = row.get("allowed values", row.get("value", ""))
    kind = row.get("type", "")
    if cell.startswith("same rules as the routine id"):
        cell = next(r["allowed values"] for n, r in rows("## The routine") if n == "id")
    if name == "rung":
        assert cell == "0 to the number of ladder entries", cell
        return [(0, True), (1, True), (-1, False), (2, False)]  # a ladder of one entry
    if name == "load":
        amount = re.search(r"amount above (\d+), up to (\d+)", cell)
        assert amount, cell
        low, high = int(amount.group(1)), int(amount.group(2))
        return [({"amount": a, "unit": u}, ok) for a, u, ok in [
            (low + EPSILON, "kg", True), (low, "kg", False), (high, "lb", True),
            (high + EPSILON, "kg", False), (1, "lbs", False)]]  # fmt: skip
    if name == "reps_range":
        low, high = (int(n) for n in re.findall(r"\d+", cell)[:2])
        return [([low, high], True), ([low - 1, high], False), ([low, high + 1], False)]
    if re.match(r"\d+ to \d+ (exercises|entries)", cell):
        return count_edges(name, cell)
    if cell.startswith("up to") and "items" in cell:
        return list_edges(cell)
    if "characters" in cell:  # "required, not blank" may be said in its meaning (a unit's)
        return length_edges(cell, "not blank" in " ".join(row.values()))
    if re.match(r"(0, or )?[\d.,]+(-| to )[\d.,]+", cell):
        return number_edges(cell, whole=kind == "whole number")
    if cell.startswith("exactly") or re.match(r'`("|\d|true)', cell):
        return enum_edges(cell)
    if kind == "`true` / `false`":
        return enum_edges(kind)
    raise AssertionError(f"{name}: allowed values not understood: {cell!r}")


def _ids(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 24 else f"{text[:10]}...({len(text)} chars)"


EDGE_CASES = [
    pytest.param(heading, name, row, value, ok, id=f"{name}={_ids(value)}")
    for heading, name, row in every_row()
    if name not in ELSEWHERE and heading != "### `rests`"  # their range: the next test
    for value, ok in edges(name, row)
]


def test_every_table_is_read_and_each_of_its_fields_has_edges_or_a_section() -> None:
    read = {name for _, name, _ in every_row()}
    assert {"format", "sets", "hold_s", "min_per_week", "get_ready_s", "measure"} <= read
    assert {name for _, name, _ in every_row() if name in ELSEWHERE} == set(ELSEWHERE)
    assert len(EDGE_CASES) > 100


@pytest.mark.parametrize(("heading", "name", "row", "value", "ok"), EDGE_CASES)
def test_a_value_at_the_edge_of_what_the_doc_allows(
    heading: str, name: str, row: Row, value: Any, ok: bool
) -> None:
    data = put(base_for(heading, name, row), TABLES[heading], name, value)
    if ok:
        load(data)
    else:
        path = ".".join(TABLES[heading]).replace(".0", "[0]")
        field = f"{path}.{name}" if path else name
        lines = refusal(data)
        assert any(f": {field}" in line for line in lines), lines


def beyond_the_schema() -> set[str]:
    """The fields in the doc's list of rules a schema cannot express (`rung`, `reps_range`...)."""
    listed = section(DOC, "### The JSON Schema").split("HipTimer still checks them", 1)[1]
    bullets = [line for line in listed.splitlines() if line.startswith("- ")]
    return {span for line in bullets for span in code_spans(line)}


@pytest.mark.parametrize(("heading", "name", "row", "value", "ok"), EDGE_CASES)
def test_the_json_schema_takes_and_refuses_the_same_edges(
    heading: str, name: str, row: Row, value: Any, ok: bool
) -> None:
    """The schema an editor checks a file with took a 0.05 s hold, a rest of 0.099 s and a
    tempo of 0.05 s, which the app refuses: the doc's 0.1 s floor was not in it."""
    data = put(base_for(heading, name, row), TABLES[heading], name, value)
    for version in (1, 2):  # routine-v1.schema.json describes version 1 alone
        v2_only = "version 2" in default_of(row) or heading == "### Re-tests"
        if version == 1 and (v2_only or name == "version"):
            continue
        schema = json.loads(paths.schema_path(version).read_text(encoding="utf-8"))
        data["version"] = value if name == "version" else version
        agrees = jsonschema.Draft202012Validator(schema).is_valid(data) is ok
        assert agrees or name in beyond_the_schema(), version  # rung: its own list says so


def test_the_rests_range_the_doc_gives_holds_for_each_rest_in_the_app_and_the_schema() -> None:
    said = re.search(r"Each is (0, or [\d.]+-\d+) seconds", section(DOC, "### `rests`"))
    assert said, "the rests' range is no longer given"
    schema = jsonschema.Draft202012Validator(
        json.loads(paths.schema_path(2).read_text(encoding="utf-8"))
    )
    for name, _ in rows("### `rests`"):
        for value, ok in number_edges(said.group(1), whole=False):
            data = put(copy.deepcopy(BASE), ("rests",), name, value)
            assert schema.is_valid(data) is ok, (name, value)
            if ok:
                assert model_value(load(data), ("rests",), name) == value
            else:
                assert any(f": rests.{name}: " in line for line in refusal(data))


def default_of(row: Row) -> str:
    return row.get("required / default", row.get("default", ""))


DEFAULTS = [
    pytest.param(heading, name, row, id=name)
    for heading, name, row in every_row()
    if name not in ("schedule", "rests", "test")
]


@pytest.mark.parametrize(("heading", "name", "row"), DEFAULTS)
def test_a_field_left_out_reads_as_its_documented_default(
    heading: str, name: str, row: Row
) -> None:
    where, said = TABLES[heading], default_of(row)
    data = put(base_for(heading, name, row), where, name, OMIT)
    if not said:
        return  # nothing promised (a re-test's unit: its meaning says when it is required)
    if said.startswith(("required", "(required)")):
        if said.startswith('required for `"reps"`'):
            data["exercises"] = [{k: v for k, v in REPS.items() if k != name}]
        assert any(f".{name}: " in line or f": {name}: " in line for line in refusal(data))
        return
    if said.startswith("routine's"):  # a routine rest of its own, unlike any default
        data["rests"] = {code_spans(said)[0]: 7}
    routine = load(data)
    value = model_value(routine, where, name)
    if said.startswith(("none", "the dose as written")):
        assert value in (None, []), value  # a ladder left out is no ladder: an empty one
    elif said.startswith("routine's"):  # the routine's rest, as the table names it
        assert value is None
        assert getattr(routine, name.removesuffix("_s"))(routine.exercises[0]) == 7
    elif said.startswith("same as"):
        (other,) = code_spans(said)
        assert value == model_value(routine, where, other)
    else:  # `1`, `"none"`, `[]`; the rests' table writes its seconds bare: 10
        assert value == json.loads((code_spans(said) or said.split())[0])


@pytest.mark.parametrize("part", ["lift_s", "hold_s", "lower_s", "pause_s"])
def test_a_tempo_s_parts_hold_the_range_the_doc_gives_in_the_app_and_the_schema(
    part: str,
) -> None:
    said = re.search(r"Each part is (0, or [\d.]+-\d+) seconds", section(DOC, "### Pacing reps"))
    assert said, "the tempo's range is no longer given"
    schema = jsonschema.Draft202012Validator(
        json.loads(paths.schema_path(2).read_text(encoding="utf-8"))
    )
    for value, ok in number_edges(said.group(1), whole=False):
        tempo = {"lift_s": 2, "hold_s": 1, "lower_s": 2, part: value}
        data = {**copy.deepcopy(BASE), "exercises": [{**REPS, "tempo": tempo}]}
        assert schema.is_valid(data) is ok, value
        if ok:
            assert getattr(load(data).exercises[0].tempo, part) == value
        else:
            assert any(f"tempo.{part}: " in line for line in refusal(data)), value

"""docs/reminders.md's settings held to the settings reader: its `settings.json` example loads
whole, its table names every field of the example and of the model, each field's type cell holds
at its edges, and the defaults it states are the code's."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from hiptimer.core.plan.model import (
    DESK_MINUTES,
    EVERY_DAY,
    MAX_ITEMS,
    DeskBreaks,
    PlanError,
    PlanItem,
    WeeklyPlan,
    plan_from_data,
    stamp_since,
)
from hiptimer.core.plan.today import still_to_do
from hiptimer.core.settings import Settings, settings_from_data, valid_value
from tests.core.plan.clocks import local_at, nothing_done, plan_of
from tests.doc_reading import Row, code_blocks, code_spans, doc, section, table

DOC = doc("reminders.md")
PROSE = " ".join(DOC.split())
IN_SETTINGS = "## In `settings.json`"
EXAMPLE: dict[str, Any] = json.loads(code_blocks(section(DOC, IN_SETTINGS), "json")[0])
TABLE = table(DOC, IN_SETTINGS)


def documented_paths() -> dict[str, Row]:
    """Each field the table names, as a full path: `items[].at` is plan.items[].at, and
    `quiet_until` beside `plan.desk.quiet_from` is plan.desk.quiet_until."""
    paths: dict[str, Row] = {}
    for row in TABLE:
        first, *more = code_spans(row["field"])
        for name in (first, *more):
            if name.startswith("items[]"):
                name = f"plan.{name}"
            elif "." not in name and "." in first:
                name = f"{first.rsplit('.', 1)[0]}.{name}"
            paths[name] = row
    return paths


def example_paths(value: Any, prefix: str = "") -> set[str]:
    """The leaves of the example, and the lists: items[] for each item of a list of objects."""
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in example_paths(v, f"{prefix}.{k}".lstrip("."))}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return {prefix} | {p for item in value for p in example_paths(item, f"{prefix}[]")}
    return {prefix}


def test_the_example_loads_whole_as_the_plan_it_shows(caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_from_data(EXAMPLE, "example")
    assert "ignoring" not in caplog.text  # every value of it is used
    plan = settings.plan
    assert [(i.routine_id, list(i.days), i.at, i.since, i.planned_at) for i in plan.items] == [
        (i["routine_id"], i["days"], i["at"], i["since"], i.get("planned_at", ""))
        for i in EXAMPLE["plan"]["items"]
    ]
    assert {k: getattr(plan.desk, k) for k in EXAMPLE["plan"]["desk"]} == EXAMPLE["plan"]["desk"]
    assert plan.reminders is EXAMPLE["plan"]["reminders"]
    assert (settings.keep_in_tray, settings.tray_explained) == (False, False)


def test_the_table_names_each_field_of_the_example_and_no_other() -> None:
    assert set(documented_paths()) == example_paths(EXAMPLE)


@pytest.mark.parametrize("path", sorted(documented_paths()))
def test_each_field_the_table_names_is_the_model_s(path: str) -> None:
    owner: Any = Settings(plan=plan_from_data(EXAMPLE["plan"]))
    for name in path.split("."):
        if name.endswith("[]"):
            owner = getattr(owner, name[:-2])[0]
        else:
            assert hasattr(owner, name), f"{path}: no {name} in {type(owner).__name__}"
            owner = getattr(owner, name)


def _set(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    target: Any = data
    *parents, last = path.split(".")
    for name in parents:
        target = target[name[:-2]][0] if name.endswith("[]") else target[name]
    target[last] = value
    return data


def taken(path: str, value: Any) -> bool:
    data = _set(path, value)
    top = path.split(".")[0]
    if top != "plan":
        return valid_value(top, data[top])
    try:
        plan_from_data(data["plan"])
    except PlanError:
        return False
    return True


def type_edges(path: str, cell: str) -> list[tuple[Any, bool]]:
    """The values a field's type cell allows, at their edges, and just past them."""
    if as_other := re.fullmatch(r"a routine id, as `(.+)`", cell):
        cell = documented_paths()[f"plan.{as_other.group(1)}"]["type"]
    if cell == "true / false":
        return [(True, True), (False, True), ("yes", False), (1, False)]
    if found := re.fullmatch(r"list of at most (\d+)", cell):
        most = int(found.group(1))
        item = EXAMPLE["plan"]["items"][0]
        many = [{**item, "routine_id": f"r{n}"} for n in range(most + 1)]
        return [(many[:most], True), (many, False)]
    if cell == "list of 0-6":
        return [([0, 6], True), ([], True), ([7], False), ([-1], False), ([0, 0], False)]
    if found := re.fullmatch(r"(\d+)-(\d+)", cell):
        low, high = int(found.group(1)), int(found.group(2))
        return [(low, True), (low - 1, False), (high, True), (high + 1, False)]
    if cell.startswith('`"HH:MM"`'):
        return [("00:00", True), ("23:59", True), ("24:00", False), ("6pm", False)]
    if cell.startswith('`"YYYY-MM-DDTHH:MM+HH:MM"`'):
        return [
            ("2026-01-05T19:05+01:00", True), ("2026-01-05T19:05-03:30", True), ("", True),
            ("2026-01-05T19:05", False), ("19:05", False), ("2026-01-05", False),
        ]  # fmt: skip
    if cell.startswith('`"YYYY-MM-DD"`'):
        return [("2026-01-05", True), ("", True), ("2026-1-5", False)]
    if cell.startswith("a routine id"):
        most = int(re.search(r"1-(\d+)", cell).group(1))  # type: ignore[union-attr]
        return [("a" * most, True), ("a" * (most + 1), False), ("Daily", False), ("", False)]
    raise AssertionError(f"{path}: type not understood: {cell!r}")


EDGES = [
    pytest.param(path, value, ok, id=f"{path}={json.dumps(value)[:20]}")
    for path, row in documented_paths().items()
    for value, ok in type_edges(path, row["type"])
]


@pytest.mark.parametrize(("path", "value", "ok"), EDGES)
def test_a_value_at_the_edge_of_a_field_s_type(path: str, value: Any, ok: bool) -> None:
    assert taken(path, value) is ok


def stated(pattern: str) -> re.Match[str]:
    found = re.search(pattern, PROSE)
    assert found, f"docs/reminders.md no longer says {pattern!r}"
    return found


def test_the_defaults_the_doc_states_are_the_code_s() -> None:
    desk = DeskBreaks()
    minutes = stated(r"N from (\d+) to (\d+), (\d+) by default")
    assert (int(minutes.group(1)), int(minutes.group(2))) == DESK_MINUTES
    assert desk.minutes == int(minutes.group(3))
    quiet = stated(r"quiet hours \((\d\d:\d\d) to (\d\d:\d\d) unless you change them")
    assert (desk.quiet_from, desk.quiet_until) == quiet.groups()
    assert stated(r"the built-in \*Desk micro-break\* unless you choose another")
    assert desk.routine_id == "desk-micro-break"
    assert stated(r"\*\*Keep running in the tray when the window closes\*\* \(off by default\)")
    assert Settings().keep_in_tray is False
    assert f"list of at most {MAX_ITEMS}" in {row["type"] for row in TABLE}


def test_the_library_s_choice_leaves_out_a_routine_planned_after_its_time_as_the_doc_says() -> None:
    """A new user planned the stretches at 02:05 for 01:00 and restarted: the library kept the
    last session's routine chosen, where the doc promised the first of today's not done nor
    skipped; the doc now names the exception the code makes."""
    local = local_at(2026, 12, 8, 2, 5)
    plan = stamp_since(WeeklyPlan(), plan_of(PlanItem("stretch", EVERY_DAY, "01:00")), local.now())
    assert still_to_do(plan, local.now(), local, nothing_done) == []
    choice = next(p for p in DOC.split("\n\n") if p.startswith("The library opens with the first"))
    assert "not one *planned after its time*" in " ".join(choice.split())

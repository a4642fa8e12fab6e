"""Tests for the editor's pure ladder edits: variants, their ids, the rung, kind switches."""

from __future__ import annotations

from typing import Any

from hiptimer.core.routines.loader import routine_from_data
from hiptimer.ui.editor import data_ops as ops
from hiptimer.ui.editor import ladder_ops


def bridge() -> dict[str, Any]:
    return {"id": "bridge", "name": "Bridge", "kind": "reps", "sets": 3, "reps": 10,
            "reps_range": [10, 15], "rep_hold_s": 3}  # fmt: skip


def routine(*exercises: dict[str, Any]) -> dict[str, Any]:
    return {"format": "hiptimer-routine", "version": 2, "id": "r", "title": "R",
            "exercises": list(exercises)}  # fmt: skip


def test_a_harder_variant_starts_at_the_dose_it_comes_after() -> None:
    ex, n = ladder_ops.add(bridge(), 0, {"bridge"})
    assert n == 1 and ladder_ops.count(ex) == 2
    entry = ex["ladder"][0]
    assert entry == {"id": "bridge-harder", "name": "Bridge (harder)", "sets": 3, "reps": 10,
                     "reps_range": [10, 15]}  # fmt: skip
    routine_from_data(routine(ex))  # a valid routine as it stands


def test_a_variant_added_below_the_one_done_keeps_the_user_on_it() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    ex = ladder_ops.set_current(ex, 1)
    ex, n = ladder_ops.add(ex, 0, set())
    assert n == 1 and ex["rung"] == 2
    assert ladder_ops.names(ex) == ["Bridge", "Bridge (harder)", "Bridge (harder)"]
    assert ex["ladder"][0]["id"] != ex["ladder"][1]["id"]


def test_removing_a_variant_moves_the_rung_and_the_last_one_drops_the_ladder() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    ex, _ = ladder_ops.add(ex, 1, set())
    ex = ladder_ops.set_current(ex, 2)
    ex = ladder_ops.remove(ex, 1)
    assert ex["rung"] == 1 and ladder_ops.count(ex) == 2
    ex = ladder_ops.remove(ex, 1)
    assert "ladder" not in ex and "rung" not in ex
    assert ex == bridge()


def test_variant_0_is_the_exercise_and_a_rung_of_0_is_not_written() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    assert ladder_ops.set_current(ladder_ops.set_current(ex, 1), 0) == ex
    assert ladder_ops.variant(ex, 1)["kind"] == "reps"  # shown with the exercise's kind
    assert "kind" not in ex["ladder"][0]


def test_a_kind_switch_changes_every_variant_and_the_ceilings() -> None:
    ex = {**bridge(), "ceiling": {"sets": 4, "reps": 15}}
    ex, _ = ladder_ops.add(ex, 0, set())
    ex = ladder_ops.set_field(ex, 1, "ceiling", {"reps": 12})
    held = ladder_ops.set_field(ex, 0, "kind", "hold")
    assert held["ceiling"] == {"sets": 4}
    entry = held["ladder"][0]
    assert "reps" not in entry and entry["hold_s"] == ops.NEW_HOLD_S and "ceiling" not in entry
    assert "kind" not in entry
    routine_from_data(routine(held))


def test_a_field_of_a_variant_changes_only_that_variant() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    ex = ladder_ops.set_field(ex, 1, "load", {"amount": 1, "unit": "kg"})
    assert ex["ladder"][0]["load"] == {"amount": 1, "unit": "kg"} and "load" not in ex
    ex = ladder_ops.set_field(ex, 0, "tempo.pause_s", 2)
    assert ex["tempo"] == {"pause_s": 2} and "tempo" not in ex["ladder"][0]


def test_a_copied_exercise_gets_fresh_ids_for_its_variants_too() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    data, index = ops.duplicate(routine(ex), 0)
    copy = data["exercises"][index]
    assert copy["id"] == "bridge-2" and copy["ladder"][0]["id"] == "bridge-harder-2"
    routine_from_data(data)  # no id clash


def test_the_list_names_the_variant_done_now() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    ex = ladder_ops.set_field(ex, 1, "name", "Single-leg bridge")
    assert ops.summary(ex) == "3 x 10 (10-15) reps, 3 s hold"
    assert ops.summary(ladder_ops.set_current(ex, 1)).startswith("now Single-leg bridge: 3 x 10")


def test_a_harder_variant_moves_among_the_harder_ones_and_the_user_stays_on_theirs() -> None:
    ex, _ = ladder_ops.add(bridge(), 0, set())
    ex, _ = ladder_ops.add(ex, 1, set())
    ex = ops.with_path(ex, "ladder", [{**ex["ladder"][0], "name": "Single-leg bridge"},
                                      {**ex["ladder"][1], "name": "Marching bridge"}])  # fmt: skip
    ex = ladder_ops.set_current(ex, 1)  # on the single-leg bridge
    assert not ladder_ops.can_move(ex, 0, 1)  # the exercise as written stays the easiest
    assert not ladder_ops.can_move(ex, 1, -1) and not ladder_ops.can_move(ex, 2, 1)
    moved, to = ladder_ops.move(ex, 2, -1)
    assert to == 1
    assert ladder_ops.names(moved) == ["Bridge", "Marching bridge", "Single-leg bridge"]
    assert moved["rung"] == 2  # still the single-leg bridge
    back, to = ladder_ops.move(moved, 1, 1)
    assert to == 2 and back == ex
    routine_from_data(routine(moved))  # a valid routine as it stands

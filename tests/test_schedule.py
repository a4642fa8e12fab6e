"""The workers' test order: long tests lead the slices worksteal cuts, and none is lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import pytest

from tests.schedule import SCREEN_FIT, slice_sizes, spread_long_tests


@dataclass
class FakeItem:
    nodeid: str
    e2e: bool = False

    def get_closest_marker(self, name: str) -> object | None:
        return "e2e" if name == "e2e" and self.e2e else None


def test_the_slices_are_those_worksteal_sends() -> None:
    assert slice_sizes(10, 4) == [2, 2, 3, 3]
    assert slice_sizes(1946, 4) == [486, 486, 487, 487]
    assert sum(slice_sizes(7, 3)) == 7


def test_the_waits_lead_the_first_half_of_the_slices_and_the_probes_the_rest() -> None:
    short = [FakeItem(f"tests/core/test_x.py::t{i}") for i in range(30)]
    waits = [FakeItem(f"tests/e2e/test_e.py::w{i}", e2e=True) for i in range(4)]
    probes = [FakeItem(f"{SCREEN_FIT}p{i}") for i in range(2)]
    items = cast(list[pytest.Item], short[:10] + waits + short[10:] + probes)
    spread_long_tests(items, 4)
    assert sorted(i.nodeid for i in items) == sorted(i.nodeid for i in short + waits + probes)
    starts = [0, 9, 18, 27]  # slice_sizes(36, 4) == [9, 9, 9, 9]
    heads = [[i.nodeid for i in items[s : s + 2]] for s in starts]
    assert heads[0] == ["tests/e2e/test_e.py::w0", "tests/e2e/test_e.py::w2"]
    assert heads[1] == ["tests/e2e/test_e.py::w1", "tests/e2e/test_e.py::w3"]
    assert heads[2][0] == f"{SCREEN_FIT}p0" and heads[3][0] == f"{SCREEN_FIT}p1"
    assert [i.nodeid for i in items if "core" in i.nodeid] == [i.nodeid for i in short]


def test_one_worker_or_no_long_test_keeps_the_order() -> None:
    items = cast(list[pytest.Item], [FakeItem(f"t{i}") for i in range(5)])
    before = list(items)
    spread_long_tests(items, 4)
    assert items == before
    items += cast(list[pytest.Item], [FakeItem("tests/e2e/x.py::w", e2e=True)])
    before = list(items)
    spread_long_tests(items, 1)
    assert items == before

"""The order the xdist workers get the tests in: the long ones at the head of their queues.

With `--dist=worksteal` each of n workers first gets one contiguous slice of the collection,
and a worker that runs dry steals the back half of the longest queue left. In collection order
the end-to-end tests (10-20 s each, mostly waiting for real-time sessions) and the screen-fit
probes (a few seconds of CPU each, in a process of their own) sat in one or two slices and ran
last: the run ended with workers waiting on real time while the CPUs had nothing left to do.
Here they lead the slices instead, so they overlap the short tests, which are stolen back and
forth at the end. Only the order changes; every worker still collects the same list.
"""

from __future__ import annotations

from itertools import islice

import pytest

# Slices that start with end-to-end tests: about half the workers wait on real time while the
# others keep both CPUs busy (the end-to-end tests sum to ~85 s of mostly waiting).
WAITING_SHARE = 2
SCREEN_FIT = "tests/ui/test_screen_fit.py::"


def slice_sizes(count: int, workers: int) -> list[int]:
    """The slices worksteal's first distribution cuts `count` tests into (its _send_tests)."""
    sizes = []
    for i in range(workers):
        size = count // (workers - i)
        sizes.append(size)
        count -= size
    return sizes


def _deal(tests: list[pytest.Item], into: list[list[pytest.Item]]) -> None:
    for i, test in enumerate(tests):
        into[i % len(into)].append(test)


def spread_long_tests(items: list[pytest.Item], workers: int) -> None:
    """Reorder `items` in place: each slice begins with its share of the long tests."""
    waits = [item for item in items if item.get_closest_marker("e2e") is not None]
    probes = [item for item in items if item.nodeid.startswith(SCREEN_FIT)]
    long = {id(item) for item in waits + probes}
    if workers < 2 or not long:
        return
    heads: list[list[pytest.Item]] = [[] for _ in range(workers)]
    _deal(waits, heads[: max(1, workers // WAITING_SHARE)])
    _deal(probes, heads[max(1, workers // WAITING_SHARE) :] or heads)
    rest = iter([item for item in items if id(item) not in long])
    ordered: list[pytest.Item] = []
    for head, size in zip(heads, slice_sizes(len(items), workers), strict=True):
        ordered += head
        ordered += islice(rest, max(0, size - len(head)))
    ordered += list(rest)
    assert sorted(map(id, ordered)) == sorted(map(id, items))
    items[:] = ordered

"""Where the test suite's CPU goes: a pytest plugin that records each test's CPU, and a summary.

Each xdist worker writes, for every test, the CPU time of its own process and of the child
processes it waited for (the app under test, the screen-fit probes, xdotool) as the test ran,
and its own total at the end (start-up and collection included) to DIR/cpu-<worker>.json.
CPU time, not wall: on a shared machine the wall time moves with the load far more.

    HIPTIMER_SUITE_CPU=/tmp/cpu PYTHONPATH=bench uv run pytest -p suite_cpu
    uv run python bench/suite_cpu.py /tmp/cpu [--top 40]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections import Counter
from collections.abc import Generator
from pathlib import Path

import pytest

_TESTS: list[tuple[str, float, float, float]] = []  # node id, own CPU, children's CPU, wall


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    own, kids, started = *_cpu(), time.monotonic()
    yield
    own_after, kids_after = _cpu()
    _TESTS.append((item.nodeid, own_after - own, kids_after - kids, time.monotonic() - started))


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = os.environ.get("HIPTIMER_SUITE_CPU")
    if not folder:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    own, kids = _cpu()
    data = {"tests": _TESTS, "own": own, "kids": kids}
    (Path(folder) / f"cpu-{worker}.json").write_text(json.dumps(data))


KINDS = (  # the first that matches a test's path names its kind
    ("tests/e2e/", "end-to-end (real app under Xvfb)"),
    ("tests/ui/test_screen_fit.py", "screen-fit probes"),
    ("tests/ui/history/", "History window, charts, PDF"),
    ("tests/ui/session/", "session pages"),
    ("tests/ui/", "other windows"),
    ("tests/core/", "core (no Qt)"),
    ("", "CLI, audio, catalogs, packaging"),
)


def kind(node: str) -> str:
    return next(name for prefix, name in KINDS if node.startswith(prefix))


def summary(folder: Path, top: int) -> None:
    workers = [json.loads(f.read_text()) for f in sorted(folder.glob("cpu-gw*.json"))]
    main = folder / "cpu-main.json"  # the xdist controller, or a run without workers
    if main.exists():
        controller = json.loads(main.read_text())
        if workers:  # its children are the workers, counted already
            controller["kids"] = 0.0
        workers.append(controller)
    tests = [t for w in workers for t in w["tests"]]
    total = sum(w["own"] + w["kids"] for w in workers)
    in_tests = sum(own + kids for _node, own, kids, _wall in tests)
    print(f"{len(tests)} tests, {total:.1f} s of CPU in the workers and their children; "
          f"{total - in_tests:.1f} s outside tests (start-up, collection, the shared Xvfb)")  # fmt: skip
    for label, key in (("kind", kind), ("module", lambda node: node.split("::")[0])):
        cpu: Counter[str] = Counter()
        count: Counter[str] = Counter()
        for node, own, kids, _wall in tests:
            cpu[key(node)] += own + kids
            count[key(node)] += 1
        print(f"\nby {label}: CPU s, tests")
        for name, seconds in cpu.most_common(top):
            print(f"{seconds:8.1f} {count[name]:5d}  {name}")
    print(f"\nthe {top} costliest tests: CPU s (own + children), wall s")
    for node, own, kids, wall in sorted(tests, key=lambda t: -(t[1] + t[2]))[:top]:
        print(f"{own + kids:6.2f} = {own:5.2f} + {kids:5.2f} {wall:6.1f}  {node}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    summary(args.folder, args.top)

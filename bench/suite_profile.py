"""Where the test suite's CPU goes by function: cProfile in each xdist worker, summed over all tests.

`suite_cpu.py` says which tests cost; this says which code, over the whole run, so work
repeated in every test (a window built, a file parsed, a style sheet set) shows as one line.
The profiler counts CPU time (`time.process_time`), not wall: on the shared host, wall
time under a profiler charged a commit's fsync or a lock wait as if it were work. It makes
the run ~2x slower; compare the shares, not the seconds, with a run without it.

    HIPTIMER_SUITE_PROFILE=/tmp/prof PYTHONPATH=bench uv run pytest -p suite_profile
    uv run python bench/suite_profile.py /tmp/prof [--sort tottime] [--top 40] [--only hiptimer]

Only the workers' main threads are profiled: the apps the tests start, the screen-fit probes
and the history's writer thread are not (`suite_cpu.py` gives the probes' and apps' CPU).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from pathlib import Path

import pytest

_PROFILE: cProfile.Profile | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _PROFILE
    if os.environ.get("HIPTIMER_SUITE_PROFILE"):
        _PROFILE = cProfile.Profile(time.process_time)
        _PROFILE.enable()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _PROFILE is None:
        return
    _PROFILE.disable()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _PROFILE.dump_stats(str(Path(os.environ["HIPTIMER_SUITE_PROFILE"]) / f"{worker}.prof"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sort", default="tottime", help="tottime (own) or cumulative")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--only", default="", help="a part of the file names to keep")
    args = parser.parse_args()
    stats = pstats.Stats(*(str(f) for f in sorted(args.folder.glob("*.prof"))))
    stats.sort_stats(args.sort)
    stats.print_stats(*([args.only] if args.only else []), args.top)


if __name__ == "__main__":
    main()

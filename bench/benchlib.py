"""Small helpers shared by the benchmarks: percentiles, plain-text tables and machine facts."""

from __future__ import annotations

import gc
import itertools
import math
import os
import platform
import sys
import time
from collections.abc import Sequence


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def longest_gap(start: float, ticks: Sequence[float], end: float) -> float:
    """The longest wait from `start` through each tick to `end` (seconds). Never of an empty
    list: a loop so stalled that its timer never ticked waited the whole time, and a stall
    still going on when the measuring stopped counts up to `end`."""
    moments = [start, *ticks, end]
    return max(b - a for a, b in itertools.pairwise(moments))


def no_tick_text(ticks: int, waited_s: float) -> str:
    """What a tick meter's row adds when its timer never ticked ("" when it did)."""
    return f" (no tick recorded in {waited_s:.1f} s)" if ticks == 0 else ""


def slope_per_minute(points: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of y against x (seconds), scaled to y units per minute."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return 0.0
    sxy = sum((x - mx) * (y - my) for x, y in points)
    return sxy / sxx * 60


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain left/right aligned text table (numbers right, text left)."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [
        all(_is_number(row[i]) for row in rows) if rows else False for i in range(len(headers))
    ]
    lines = []
    for k, row in enumerate(cells):
        parts = [
            c.rjust(w) if numeric[i] and k > 0 else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.1f}"
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def machine() -> str:
    """One line about this machine: cores, CPU, memory, OS, Python and PySide6."""
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?"
            )
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
            mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "absent"
    return (
        f"{os.cpu_count()} cores, {cpu}, {mem} RAM, {platform.platform(terse=True)}, "
        f"Python {sys.version.split()[0]}, PySide6 {pyside}"
    )


class CpuShare:
    """How busy the machine's other processes were between start() and stop().

    From /proc/stat (all CPUs) minus this process's own CPU time (its threads and the
    children it waited for); steal is time the hypervisor gave to other guests.
    """

    def __init__(self) -> None:
        self._start: tuple[float, float, float, float] | None = None
        self.other = float("nan")  # share of all cores used by other processes, 0..1
        self.steal = float("nan")

    @staticmethod
    def _read() -> tuple[float, float, float, float]:
        try:
            with open("/proc/stat", encoding="ascii") as f:
                fields = [float(x) for x in f.readline().split()[1:]]
        except OSError:
            fields = [0.0] * 8
        hz = float(os.sysconf("SC_CLK_TCK")) if hasattr(os, "sysconf") else 100.0
        idle = fields[3] + fields[4]
        busy = (sum(fields[:8]) - idle) / hz
        steal = fields[7] / hz if len(fields) > 7 else 0.0
        t = os.times()
        own = t.user + t.system + t.children_user + t.children_system
        return time.monotonic(), busy, own, steal

    def start(self) -> None:
        self._start = self._read()

    def stop(self) -> None:
        if self._start is None:
            return
        wall0, busy0, own0, steal0 = self._start
        wall1, busy1, own1, steal1 = self._read()
        capacity = max(1e-9, (wall1 - wall0) * (os.cpu_count() or 1))
        self.other = max(0.0, (busy1 - busy0) - (own1 - own0) - (steal1 - steal0)) / capacity
        self.steal = (steal1 - steal0) / capacity

    def describe(self) -> str:
        return f"other processes used {self.other:.0%} of the CPUs (steal {self.steal:.0%})"


class GcWatch:
    """Records every garbage collection: (start, ms, generation). It holds the GIL throughout,
    so a collection on any thread stops the GUI thread too."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []
        self._began = 0.0

    def start(self) -> None:
        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.monotonic()
        else:
            ms = (time.monotonic() - self._began) * 1000
            self.pauses.append((self._began, ms, info.get("generation", -1)))

    def overlapping(self, begin: float, end: float) -> float:
        """ms of collections inside [begin, end]."""
        return sum(
            max(0.0, min(s + ms / 1000, end) - max(s, begin)) * 1000
            for s, ms, _ in self.pauses
            if s < end
        )

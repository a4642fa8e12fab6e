"""The local time zone a test run uses: one of a few awkward zones, chosen afresh each run.

The app shows every time in the computer's zone, so a test could pass only where the machine
that ran it lives: the guidance's tests passed in UTC and failed in New York, where their fake
08:00 UTC morning is 03:00, the evening before the check-in's day (session 19). Each run now
picks its zone (printed in the header; HIPTIMER_TEST_TZ=zone repeats a run's, =system keeps
the machine's own), as pytest-randomly picks an order.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

ENV = "HIPTIMER_TEST_TZ"
SYSTEM = "system"

# Each name with the same rules in POSIX form, for a C library without the zone files (the
# years the tests use follow them; HipTimer's own dates never need the names).
ZONES = {
    "UTC": "UTC0",
    "Europe/Madrid": "CET-1CEST,M3.5.0,M10.5.0/3",  # DST in summer, an hour or two east
    "America/New_York": "EST5EDT,M3.2.0,M11.1.0",  # a morning in UTC is the night before
    "Pacific/Kiritimati": "<+14>-14",  # the first to reach a new day: UTC is yesterday
    "Pacific/Pago_Pago": "<-11>11",  # among the last: UTC is tomorrow
}


def choose() -> str:
    """The zone asked for in HIPTIMER_TEST_TZ (an xdist worker inherits its controller's),
    else one of ZONES at random."""
    asked = os.environ.get(ENV, "").strip()
    return asked or random.choice(sorted(ZONES))


def use(zone: str) -> None:
    """Make `zone` the process's local zone, and its children's (the xdist workers, the app
    started by a test): TZ read again by the C library, which Python's and SQLite's local
    times follow."""
    os.environ[ENV] = zone
    if zone == SYSTEM or not hasattr(time, "tzset"):  # tzset: not on Windows
        return
    known = Path("/usr/share/zoneinfo", zone).is_file()
    os.environ["TZ"] = zone if known or zone not in ZONES else ZONES[zone]
    time.tzset()


@contextlib.contextmanager
def read_as(rules: str) -> Iterator[None]:
    """The process reads the zone `rules` (POSIX form) for the block, then the run's zone
    again. Inside, setting TZ without time.tzset() is what a zone changed on the computer
    (/etc/localtime) looks like from inside a process: the C library keeps the zone it read
    until tzset() reads it again."""
    os.environ["TZ"] = rules
    time.tzset()
    try:
        yield
    finally:
        use(os.environ[ENV])

"""`hiptimer list`: the routines HipTimer finds, built-in and yours, one line each."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptimer.cli.common import cell, out

if TYPE_CHECKING:
    from hiptimer.core.routines.catalog import RoutineEntry
    from hiptimer.core.routines.model import Exercise, Routine

# The catalog and the cue code load when the command runs: --help builds this parser too.


def cmd_list(args: argparse.Namespace) -> int:
    from hiptimer.core.routines.catalog import load_catalog

    catalog = load_catalog()
    entries = catalog.entries()
    if not entries:
        out(f"No routines found in {catalog.builtin_dir} or {catalog.user_dir}.")
        return 0
    rows = [("ID", "TITLE", "TIME", "EXERCISES", "SCHEDULE", "STATUS")]
    from hiptimer.cli.voice_rule import next_session_lead_in  # the cue code: not for the window

    lead_in = next_session_lead_in()
    rows += [_list_row(entry, lead_in) for entry in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [text.ljust(width) for text, width in zip(row[:-1], widths, strict=True)]
        out("  ".join([*cells, row[-1]]).rstrip())
    return 0


def _list_row(
    entry: RoutineEntry, lead_in: Callable[[Exercise], float] | None
) -> tuple[str, str, str, str, str, str]:
    title = cell(entry.title, 40)
    if entry.routine is None:
        assert entry.error is not None
        problems = entry.error.problems
        reason = str(problems[0]) if problems else "cannot be read"
        if len(problems) > 1:
            reason += f" (and {len(problems) - 1} more)"
        # A broken file's id is its name, which may hold a control character: printed as its
        # code, so padded as that (the row stood 3 columns right of the others for a bell).
        return (cell(entry.id), title, "-", "-", "-", f"BROKEN: {cell(reason, 200)}")
    routine = entry.routine
    schedule = routine.schedule.label if routine.schedule else "-"
    status = "built-in" if entry.builtin else "yours"
    if entry.overrides_builtin:
        status = "yours (edited built-in)"
    return (entry.id, title, _time(routine, lead_in), _exercises(routine), schedule, status)


def _time(routine: Routine, lead_in: Callable[[Exercise], float] | None) -> str:
    from hiptimer.core.routines.model import estimated_seconds, format_duration

    if not routine.active_exercises:
        # Every exercise left out: listed as the library lists it, not as a "0 s" session.
        return "nothing to start"
    return format_duration(estimated_seconds(routine, lead_in))


def _exercises(routine: Routine) -> str:
    """How many exercises a session does; "1 of 3" when some are left out ("enabled": false)."""
    done, written = len(routine.active_exercises), len(routine.exercises)
    return str(done) if done == written else f"{done} of {written}"

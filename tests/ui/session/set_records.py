"""A set record as the summary page shows it, with only what a test changes given."""

from __future__ import annotations

from datetime import datetime, timezone

from hiptimer.core.session.events import SetRecord
from hiptimer.core.session.steps import Side
from tests.ui.sessions import (
    large_print,  # noqa: F401 (a fixture)
    no_timer_left,  # noqa: F401 (a fixture)
)

WHEN = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)


def record(index: int, **kw: object) -> SetRecord:
    fields: dict[str, object] = {
        "index": index,
        "exercise_id": "clam-hold",
        "exercise_name": "Clamshell hold",
        "side": Side.RIGHT,
        "set_number": 1,
        "planned_hold_s": 60.0,
        "actual_hold_s": 60.0,
        "planned_reps": None,
        "actual_reps": None,
        "completed": True,
        "skipped": False,
        "started_at": WHEN,
        "ended_at": WHEN,
    }
    fields.update(kw)
    return SetRecord(**fields)  # type: ignore[arg-type]

"""A bridge, a fixed moment, and the rise of its dose the rules advise."""

from __future__ import annotations

from datetime import datetime, timezone

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.routines.model import Exercise, Kind

NOW = datetime(2026, 3, 5, 8, 0, tzinfo=timezone.utc)
BRIDGE = Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=10)
BRIDGE_UP = Recommendation(
    "bridge",
    None,
    DoseAction.PROGRESS,
    Dose(3, reps=10),
    Dose(3, reps=12),
    "Ready.",
    "progress.reps",
)

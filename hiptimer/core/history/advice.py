"""HipTimer's advice in a period, for the clinician's report (no Qt): what, when, the answer.

Worked out in the dosing layer (hiptimer.core.dosing.advice_log), which reads the rules; kept
here as plain data so the report's data (export.ReportData) can hold it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# What the user did with it: a warning to see a clinician asks for no answer; a dose
# suggestion is declined (Not now) or still waits for Accept or Not now. An accepted one
# changed the dose and is listed with the dose changes instead.
WARNING, DECLINED, WAITING = "warning", "declined", "waiting"


@dataclass(frozen=True)
class Advice:
    """One piece of advice after a session: a warning to see a clinician or a dose suggestion."""

    advised_at: datetime  # the start of the session it followed
    exercise: str  # its name
    side: str | None  # the side judged; None for both or no sides
    answer: str  # WARNING, DECLINED or WAITING
    reason: str  # HipTimer's words as shown then
    changes: tuple[tuple[str, float | None, float | None], ...] = ()  # (field, old, new)
    answered_at: datetime | None = None  # when declined
    repeated: int = 0  # a warning: shown again after this many sessions in a row after it
    sessions_since: int = 0  # a warning: sessions of the exercise after the last of those

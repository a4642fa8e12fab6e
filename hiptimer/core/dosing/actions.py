"""What a dose rule can suggest: small, so that colours and words need not load the rules."""

from __future__ import annotations

from enum import Enum


class DoseAction(str, Enum):
    PROGRESS = "progress"
    STAY = "stay"
    STEP_BACK = "step_back"
    SEE_CLINICIAN = "see_clinician"

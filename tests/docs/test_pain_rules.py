"""docs/pain-rules.md's table of thresholds held to PainRuleSettings: each number a row's
*Default* cell gives is the field the rules read (the rules' behaviour: tests/core/dosing/)."""

from __future__ import annotations

import re

import pytest

from hiptimer.core.dosing.dose_steps import DEFAULT_SETTINGS, rules_for
from tests.doc_reading import doc, tables

(TABLE,) = [t for t in tables(doc("pain-rules.md")) if "Threshold" in t[0]]
D = DEFAULT_SETTINGS

# Each row's numbers, in the order its Default cell writes them, and the settings they are.
NUMBERS: dict[str, tuple[float, ...]] = {
    "Safe pain during an exercise": (0, D.safe_pain_max, 10),
    "Acceptable pain during an exercise": (D.acceptable_pain_max, 10),
    "Morning after: step back": (D.important_change,),
    "Good sessions in a row before doing more": (D.sessions_to_progress,),
    "Sessions above 5 / 10 in a row before seeing a clinician": (D.high_pain_sessions_for_clinician,),
    "Rise of the weekly average pain before seeing a clinician": (
        D.weekly_rise_for_clinician, D.trend_window_days, D.trend_window_days,
    ),
    "Progress: reps": (D.reps_step,),
    "Progress: hold": (D.hold_step_s, D.long_hold_step_s / 60, D.long_hold_from_s / 60),
    "Progress: sets (reps or hold at the ceiling)": (1,),
    "Step back without an earlier dose": (
        D.reps_step_back, D.hold_step_s, D.min_hold_s, D.long_hold_step_s / 60,
        D.long_hold_from_s / 60, 1,
    ),
}  # fmt: skip
# Rows with no number of their own: what the rules do, tested with them.
BEHAVIOUR = {
    "Morning after: no worse",
    "Progress at the ceiling",
    "Step back",
}


def test_every_row_is_a_number_held_here_or_a_behaviour() -> None:
    assert {row["Threshold"] for row in TABLE} == set(NUMBERS) | BEHAVIOUR


@pytest.mark.parametrize(
    "row", [r for r in TABLE if r["Threshold"] in NUMBERS], ids=lambda r: r["Threshold"]
)
def test_each_number_a_row_gives_is_the_rules(row: dict[str, str]) -> None:
    written = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", row["Default"])]
    assert written == [float(n) for n in NUMBERS[row["Threshold"]]], row["Default"]


def test_a_pain_limit_below_5_is_the_rules_too_much_and_one_above_is_not() -> None:
    cell = next(r["Default"] for r in TABLE if r["Threshold"].startswith("Acceptable pain"))
    assert "or up to your pain limit when it is lower" in cell
    assert rules_for(3).acceptable_pain_max == 3
    assert rules_for(8).acceptable_pain_max == D.acceptable_pain_max

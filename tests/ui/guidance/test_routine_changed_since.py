"""A suggestion or a kept dose answered after the routine's file changed during the session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from tests.ui.guided import SMALL, Days, K
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")

HIGH = [1, 7]  # sit to stand above 5: a step back is offered on the summary


def edit_file(days: Days, change: dict[str, object], exercise: int) -> dict[str, object]:
    """The routine's file changed by another hand (a text editor, a synced copy)."""
    path = Path(days.routine_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["exercises"][exercise].update(change)
    data["title"] = "Edited elsewhere"
    path.write_text(json.dumps(data), encoding="utf-8")
    return data


def test_accepting_a_suggestion_for_an_exercise_gone_from_the_file_says_so(days: Days) -> None:
    """Accept raised KeyError in a slot: the card kept its buttons and nothing was said."""
    days.session(HIGH)
    [card] = days.panel().cards
    edited = edit_file(days, {"id": "chair-stand"}, exercise=1)  # renamed meanwhile
    days.key(K.Key_A)
    outcome = card.outcome.text().replace("\u00a0", " ")
    assert outcome.startswith("Not saved: ") and "no longer in the routine" in outcome
    assert json.loads(Path(days.routine_file).read_text(encoding="utf-8")) == edited
    assert days.history.dose_changes(SMALL.id) == []  # nothing logged as accepted


def test_accepting_a_suggestion_whose_dose_changed_in_the_file_names_both(days: Days) -> None:
    days.session(HIGH)
    [card] = days.panel().cards
    edit_file(days, {"reps": 5}, exercise=1)
    days.key(K.Key_A)
    outcome = card.outcome.text().replace("\u00a0", " ")
    assert outcome == (
        "Not saved: the suggestion was made for 1 x 4 reps, but the routine now has 1 x 5 reps."
    )
    assert days.routine().exercise("sit-to-stand").reps == 5


def test_keeping_the_sessions_doses_keeps_an_edit_made_meanwhile(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Y wrote the routine as the session began, with the new dose: the edit was lost."""
    monkeypatch.setattr(KeepDosesDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    days.start()
    days.first_work_step()
    days.key(K.Key_Plus)  # the stretch 5 s longer, this set and the next
    edit_file(days, {"name": "Sit to stand, arms crossed", "reps": 6}, exercise=1)
    days.rate_sets([0, 0])
    days.key(K.Key_Y)
    saved = days.routine()
    assert saved.exercise("stretch").hold_s == 10  # the session's change, kept
    assert saved.exercise("sit-to-stand").name == "Sit to stand, arms crossed"  # and the edit
    assert (saved.title, saved.exercise("sit-to-stand").reps) == ("Edited elsewhere", 6)

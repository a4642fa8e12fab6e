"""A step back answered by keeping the session's dose stays answered after the routine goes
back to its original dose (Reset to original), and never aims at the dose thrown away."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.routines.writer import save_routine
from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from hiptimer.ui.session.summary_page import SummaryPage
from tests.ui.guided import SMALL, Days
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def test_a_reset_brings_back_no_step_back_to_the_kept_dose(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sit to stand hurt (7): lower in the session (4 -> 3 reps), kept; then the routine went
    # back to 4 reps. The step back came back unanswered, aiming at the 3 thrown away.
    days.session_lowered([0, 7])
    window = days.window
    assert window is not None
    monkeypatch.setattr(KeepDosesDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted.value)
    assert isinstance(window.summary, SummaryPage)
    window.summary.keep_button.click()
    assert days.routine().exercise("sit-to-stand").reps == 3
    save_routine(SMALL, days.routine_file)  # the routine as it was: 4 reps again
    guidance = window.guidance
    assert guidance is not None
    assert guidance.unanswered(days.routine()) == []  # the library's line: nothing waits
    # Its cards (V), worked out from the routine as it is now: answered, and not 3 reps.
    panel = RecommendationsPanel(days.routine(), guidance.answers.recommend(days.routine()))
    guidance.answers.declined(panel)
    [card] = [c for c in panel.cards if c.rec.action is DoseAction.STEP_BACK]
    assert card.rec.proposed == Dose(1, reps=2) and not card.awaiting
    assert card.outcome.text().startswith("Answered on ")
    assert not guidance.review(days.routine())
    panel.deleteLater()

"""A suggestion card's buttons: Tab onto one shows, whatever the card's edge colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.session.steps import Side
from hiptimer.ui import theme
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from hiptimer.ui.palette import DARK, HIGH_CONTRAST, LIGHT, Palette
from tests.ui.contrast import contrast


def told_apart(one: str, other: str) -> bool:
    """As far apart as e02f0f9's test asks: the channels' differences add up to 120."""
    ours = [int(one.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    theirs = [int(other.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return sum(abs(x - y) for x, y in zip(ours, theirs, strict=True)) >= 120


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("look", [DARK, LIGHT, HIGH_CONTRAST], ids=lambda p: p.name)
@pytest.mark.parametrize("action", [DoseAction.STEP_BACK, DoseAction.PROGRESS])
def test_tab_on_a_cards_button_changes_its_edge_to_a_ring_told_apart(
    qtbot: QtBot, look: Palette, action: DoseAction
) -> None:
    # The step-back card's edge is amber (#FFB74D in the dark theme): a yellow ring (#FFD54F)
    # on its buttons read as the card's own edge from the mat, as the pain prompt's "lower
    # dose" did (e02f0f9). The ring must differ from the button's edge and the card's.
    theme.use(look)
    try:
        clam = Exercise("clam", "Clamshell", Kind.HOLD, sets=2, hold_s=8)
        smaller, bigger = Dose(2, hold_s=6), Dose(2, hold_s=10)
        new = smaller if action is DoseAction.STEP_BACK else bigger
        rec = Recommendation("clam", Side.RIGHT, action, Dose(2, hold_s=8), new, "", "")
        panel = RecommendationsPanel(Routine("r", "R", (clam,)), [rec])
        panel.setStyleSheet(theme.app_style_sheet(look))  # the app's, on this panel only
        qtbot.addWidget(panel)
        panel.resize(1000, 600)
        panel.show()
        [card] = panel.cards
        back, card_edge = look.cards[action]
        assert card.buttons
        for button in card.buttons:
            edge = button.grab().toImage().pixelColor(1, button.height() // 2)
            button.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(button.hasFocus)
            ring = button.grab().toImage().pixelColor(1, button.height() // 2)
            assert told_apart(ring.name(), edge.name()), (look.name, button.text(), edge.name())
            assert told_apart(ring.name(), card_edge), (look.name, button.text(), ring.name())
            assert contrast(ring.name(), back) >= 3, (look.name, button.text(), ring.name())
    finally:
        theme.use(DARK)

"""A suggestion card's buttons: beside its dose where the dose reads on one line with room to
spare, else under it, at every window width the app takes, in both text sizes and languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from tests.ui.looks import apply_look

BRIDGE = Exercise("bridge", "Glute bridge", Kind.REPS, sets=3, reps=12)
STEP_BACK = Recommendation(
    "bridge", None, DoseAction.STEP_BACK, Dose(3, reps=12), Dose(3, reps=10),
    "Pain went above 5.", "step_back.pain",
)  # fmt: skip
# Windows the app takes (640 x 440 is the least), wide and narrow, short and tall: the page's
# height sizes the type.
SIZES = [(w, h) for w in (640, 800, 1024, 1280, 1920) for h in (440, 600, 800, 1080)]


def box(widget: QWidget, panel: QWidget) -> QRect:
    return QRect(widget.mapTo(panel, QPoint(0, 0)), widget.size())


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 150])
def test_the_buttons_go_under_the_dose_where_it_would_crowd_them(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int
) -> None:
    # At 640 px the dose "3 x 12 reps -> 3 x 10 reps" wrapped against Accept, its last word a
    # few pixels from the button: a narrow card now puts its buttons under the dose.
    apply_look(qapp, "dark", text_size)
    assert i18n.use(language) == language
    try:
        arranged = {}
        for width, height in SIZES:
            panel = RecommendationsPanel(Routine("r", "R", (BRIDGE,)), [STEP_BACK])
            qtbot.addWidget(panel)
            panel.setMinimumSize(1, 1)
            panel.resize(width - 48, 400)  # the summary's margins either side
            panel.show()
            panel.fit(height)
            for _ in range(3):
                QApplication.processEvents()
            [card] = panel.cards
            dose, accept = box(card.dose, panel), box(card.accept_button, panel)
            later = box(card.later_button, panel)
            inside = box(card, panel)
            assert inside.contains(accept) and inside.contains(later), (width, height)  # never cut
            words = card.dose.fontMetrics()
            line = words.height()
            text = card.dose.text()
            if accept.top() < dose.bottom():  # beside the dose
                assert words.horizontalAdvance(text) <= dose.width(), (width, height)  # on one line
                ends = dose.left() + words.horizontalAdvance(text)
                assert accept.left() - ends >= line, (width, height, accept.left() - ends)
                arranged[width, height] = "beside"
            else:
                assert accept.top() >= dose.bottom() and later.top() >= dose.bottom(), (
                    width,
                    height,
                )
                arranged[width, height] = "under"
        # Narrow, in the type of a tall page, under; wide, in a short page's type, beside.
        assert arranged[640, 1080] == "under" and arranged[1920, 440] == "beside", arranged
    finally:
        i18n.use("en")

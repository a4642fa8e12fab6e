"""A pause's steps where not a line of them fits beside the caution (a get-ready at 640 x 480
in large print, under the no-voice notice): the screen names the key to them, and it shows
them, every word, and the caution again after."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.routines.model import Routine
from hiptimer.ui.keys import Action, Mode, first_key
from hiptimer.ui.session.coaching_panel import CoachingPanel
from hiptimer.ui.session.step_parts import MORE
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.session.test_count_given_back import AT_640_X_480, first_get_ready
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import CAUTION, STEPS, tour_routine

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# Two sentences, as a Spanish caution or a careful user's takes: at 150 % under the notice
# the panel had 124 px, and not a line of a step fitted beside it even at 14 px.
LONG_CAUTION = f"{CAUTION} Keep the band loose and never pull it past a gentle stretch."


def long_cautioned() -> Routine:
    r = tour_routine()
    return replace(r, exercises=tuple(replace(e, caution=LONG_CAUTION) for e in r.exercises))


def steps_on_screen(panel: CoachingPanel) -> list[str]:
    return [
        label.text().removesuffix(MORE)
        for row, label in zip(panel.rows, panel.steps, strict=True)
        if row.isVisible()
    ]


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_get_ready_shows_its_steps_or_the_key_to_them_beside_the_caution(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int, in_language: None
) -> None:
    """In large print the caution showed alone, no heading, and Down arrow showed it again:
    someone who cannot hear had no way to the setup (the voice had failed: nothing read)."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    r = long_cautioned()
    a = make_app(qtbot, r)
    _, speech, _ = a.services()
    speech.auto_start, speech.works = False, False  # no voice: no step is read, none lit
    try:
        page = first_get_ready(a, AT_640_X_480, notice=True, routine=r)
        panel = page.coaching
        assert panel.caution.isVisible()
        key = first_key(Action.STEPS_PAGE, Mode.WORKOUT)
        assert steps_on_screen(panel) or (
            panel.heading.isVisible() and key in panel.heading.text()
        ), panel.texts()
        seen: list[str] = []
        for _ in range(40):  # every word of every step, by Down arrow alone
            seen += steps_on_screen(panel)
            if " ".join(" ".join(seen).split()) == " ".join(" ".join(STEPS).split()):
                break
            a.key(qtbot, Qt.Key.Key_Down)
        assert " ".join(" ".join(seen).split()) == " ".join(" ".join(STEPS).split())
        for _ in range(40):  # and the caution again after them
            if panel.caution.isVisible():
                break
            a.key(qtbot, Qt.Key.Key_Down)
        assert panel.caution.isVisible() and "band loose" in panel.caution.text()
    finally:
        a.window.close()
        a.history.close()

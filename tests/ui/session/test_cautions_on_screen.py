"""Every built-in exercise's caution is whole beside its steps at 1024 x 600 in large print."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise
from hiptimer.core.routines.translation import translated
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.session.coaching_panel import MIN_PX
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import Page
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

BUILT_IN = sorted(paths.builtin_routines_dir().glob("*.json"))
NETBOOK = (1012, 500)  # the page on a 1024 x 600 screen: less the frame and the menu bar
# The least the built-in exercises' steps and caution show at there, muted: 18 px, their size
# at 100 % (four Spanish exercises' long steps were 17 px before session 26, five 16 px before
# session 22).
LARGER_PX = {"en": 18, "es": 18}
GET_READY = {
    "en": "Get ready: {}. Right side first.",
    "es": "Prepárate: {}. Primero, el lado derecho.",
}


def cautioned(path: Path, language: str) -> list[Exercise]:
    """The routine's exercises and ladder rungs with a caution, in `language`."""
    routine = translated(load_routine(path, builtin=True), language)
    found = []
    for ex in routine.exercises:
        for rung in range(max(1, len(ex.ladder))):
            variant = at_rung(ex, rung) if ex.ladder else ex
            if variant.caution.strip():
                found.append(replace(variant, enabled=True))  # the short lunge is off
    return found


# The desk break and the monthly check have cautions of the whole routine only.
CAUTIONED = [p for p in BUILT_IN if cautioned(p, "en")]


def each_get_ready(
    qtbot: QtBot, app: QApplication, path: Path, language: str
) -> Iterator[tuple[Exercise, Page]]:
    """The get-ready before each of the routine's cautioned exercises, muted, at 150 % on the
    page of a 1024 x 600 screen, its caption shown, in `language`."""
    i18n.use(language)
    theme.apply(app, "dark", 150)
    exercises = cautioned(path, language)
    assert exercises
    for ex in exercises:
        p = Page(qtbot, quick_routine(ex, hold("walk", 60, name="Easy walking")), NETBOOK)
        try:
            p.driver.start()
            p.until(StepKind.GET_READY)
            p.page.show_caption(GET_READY[language].format(ex.name))
            p.settle()
            yield ex, p
        finally:
            p.driver.stop()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("path", CAUTIONED, ids=[p.stem for p in CAUTIONED])
def test_muted_each_caution_is_whole_and_the_steps_larger_than_the_least_on_a_small_screen(
    qtbot: QtBot, app_look: QApplication, path: Path, language: str
) -> None:
    """Both looks at each get-ready page, built once: they were two tests that built the same
    pages (the same routine, exercise, language, size and look), ~2 s of CPU in the suite."""
    for ex, p in each_get_ready(qtbot, app_look, path, language):
        caution_is_whole(ex, p)
        larger_than_the_least(ex, p, language)


def caution_is_whole(ex: Exercise, p: Page) -> None:
    """Without sound the caution is read, not heard: in the get-ready before the exercise it
    stands whole in its box beside the steps, at no less than the steps' least size, in the
    language in use (docs/fidelity.md; session 20 gave the prone leg raise its caution)."""
    panel, caution = p.page.coaching, p.page.coaching.caution
    assert panel.isVisible() and caution.isVisible(), ex.id
    assert ex.caution.strip() in caution.text(), ex.id
    assert caution.height() >= caution.heightForWidth(caution.width()), ex.id  # whole
    assert p.box(panel).contains(p.box(caution)), ex.id
    assert p.page.contentsRect().contains(p.box(panel)), ex.id
    assert caution.font().pixelSize() >= MIN_PX, ex.id


def larger_than_the_least(ex: Exercise, p: Page, language: str) -> None:
    """From the mat 2 m away 14 px is small: at 150 % on 1024 x 600 the steps and caution of 2
    English and 9 Spanish exercises were at that least. Muted, no step is ever read in bold
    on a highlight, so they are measured in their weight with their rows' padding for the
    words, and the steps take up to four fifths of the row from the countdown; the buttons
    keep one row."""
    least = LARGER_PX[language]
    panel = p.page.coaching
    assert panel.font_px >= least, ex.id
    assert panel.caution.font().pixelSize() >= least, ex.id
    assert all(label.font().pixelSize() >= least for label in panel.steps), ex.id
    assert not panel.paged, ex.id  # each step on screen, whole
    # The buttons in one row, read from the mat: in Spanish their second row took the
    # steps' room; and the time left beside the progress bar ("Sonido desactivado" did not
    # leave it the room in Spanish).
    buttons = [b for b in p.page.controls.buttons.values() if b.isVisible()]
    assert len({b.y() for b in buttons}) == 1, ex.id
    assert min(b.font().pixelSize() for b in buttons) >= 18, ex.id
    assert not p.page.progress_line.above, ex.id

"""A cue as long as a routine file allows keeps to a few lines under the countdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.harness import hold, quick_routine
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# 2,000 characters: the most a cue may have (docs/routine-format.md).
LONG = ("Keep your back straight and breathe slowly while you press the knee gently. " * 27)[:2000]


def countdown_and_caption(page: WorkoutPage, said: str) -> tuple[int, int, str]:
    page.show_caption(said)
    QApplication.processEvents()
    return page.big.pixel_size(), page.caption.height(), page.caption.text()


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_cue_of_2000_characters_leaves_the_countdown_its_size(
    qtbot: QtBot, qapp: QApplication, size: tuple[int, int], text_size: int
) -> None:
    """user22, a routine written from the docs: a cue of 2,000 characters (allowed) filled
    the screen under the name at 1280 x 800, 25 lines cut at the top and the bottom, and the
    countdown was 22 px, read from nowhere on the mat. The caption now takes at most three
    lines, cut with "…" (the voice says it whole; a screen reader reads it whole), and the
    countdown keeps most of the size it has beside a one-line cue (22 of 230-394 px before;
    now 60 % or more) and stays the largest thing by far."""
    apply_look(qapp, "dark", text_size)
    a = make_app(qtbot, quick_routine(hold("stretch", hold_s=60, cues=(LONG,))))
    a.window.resize(*size)
    a.key(qtbot, Qt.Key.Key_Return)
    a.until(StepKind.WORK)
    page = a.window.session.page if a.window.session is not None else None
    assert page is not None
    short_count, short_height, _text = countdown_and_caption(page, "Breathe slowly.")
    count, height, text = countdown_and_caption(page, LONG)
    assert count >= short_count * 0.6, (count, short_count)
    assert count >= 4 * page.caption.font().pixelSize()
    assert height <= 2 * page.caption.fontMetrics().lineSpacing() + short_height  # 3 lines
    assert text.startswith("\u201cKeep your back") and text.endswith("\u2026\u201d")
    assert page.caption.accessibleName() == f"\u201c{LONG}\u201d"
    a.window.close()

"""Muted, a setup step too long to fit even alone is read from the screen in parts, Down for the next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.coaching_panel import MIN_PX
from hiptimer.ui.session.step_parts import MORE
from tests.harness import hold
from tests.ui.looks import apply_look
from tests.ui.session.muted_steps import muted_get_ready, whole
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SENTENCES = (
    "Lie on your back on the mat with both knees bent and your feet flat, hip-width apart.",
    "Rest your arms by your sides, palms down, and let your shoulders and neck go soft.",
    "Tilt your pelvis so your lower back presses gently into the mat, then let it come back.",
    "Keep a small gap under your back that a hand could just slide into, all the way through.",
    "Breathe out as you lift, in as you come down, and never hold your breath at the top.",
    "If your hamstrings cramp, walk your feet a little closer to your seat and try again.",
    "Keep your knees pointing at the ceiling, not falling in or out, and your weight even.",
)
# A step of the most a routine file allows (2,000 characters), numbered so each word is its own.
LONGEST = " ".join(f"({n}) {SENTENCES[n % len(SENTENCES)]}" for n in range(23))[:2000].rstrip()
OTHERS = ("Press through both heels and lift your hips.", "Come down slowly.")


@pytest.mark.parametrize("language", ["en", "es"])
# At 1280 x 800 it fits whole now, the steps taking up to three quarters of the row (mat21).
@pytest.mark.parametrize("size", [(1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_muted_every_word_of_a_step_too_long_to_fit_alone_is_read_in_parts(
    qtbot: QtBot, qapp: QApplication, size: tuple[int, int], language: str, in_language: None
) -> None:
    """A step of 2,000 characters did not fit alone even at 14 px in large print and was cut:
    with the voice off, most of its words could not be read. It shows in parts now, each
    whole, at least 14 px, the heading naming the part and the key; Down shows the next part,
    and after the last part the next step."""
    assert len(LONGEST) == 2000
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    exercise = hold("bridge", 30, setup=(LONGEST, *OTHERS), caution="Stop if it is sharp.")
    a, panel = muted_get_ready(qtbot, exercise, size)
    try:
        step = panel.steps[0]
        parts: list[str] = []
        while len(parts) < 40 and panel.steps[0].isVisible():
            assert panel.paged and panel.font_px >= MIN_PX
            assert [label.isVisible() for label in panel.steps] == [True, False, False]
            assert whole(step) and whole(panel.caution), (len(parts), step.height())
            heading = panel.heading
            assert heading.fontMetrics().horizontalAdvance(heading.text()) <= heading.width()
            parts.append(step.accessibleName())
            count = "de" if language == "es" else "of"
            assert (
                f" 1 {count} 3, " in heading.text() and f" {len(parts)} {count} " in heading.text()
            )
            a.key(qtbot, Qt.Key.Key_Down)
            QApplication.processEvents()
        assert len(parts) > 1
        assert all(part.endswith(MORE) for part in parts[:-1])
        read = " ".join(part.removesuffix(MORE) for part in parts)
        assert read == LONGEST  # every word, in order, once
        assert panel.steps[1].isVisible() and panel.steps[1].text() == OTHERS[0]
        assert a.engine.step.kind is StepKind.GET_READY  # paging moves no step of the session
    finally:
        a.window.close()
        a.history.close()


@pytest.mark.parametrize("length", [700, 900, 1100, 1300])
def test_the_step_the_voice_reads_is_whole_in_bold_or_in_parts(qtbot: QtBot, length: int) -> None:
    """A step is measured in regular weight while it is not being read (muted, it never is:
    one that fits so is not cut in two), and in bold, as the highlight shows it, while the
    voice reads it: then it shows in parts where bold does not fit, never cut."""
    first = LONGEST[:length].rsplit(" ", 1)[0]
    exercise = hold("bridge", 30, setup=(first, *OTHERS), caution="Stop if it is sharp.")
    a, panel = muted_get_ready(qtbot, exercise, (1024, 600))
    try:
        step = panel.steps[0]
        for spoken in (0, -1, 0):
            panel.highlight(spoken)
            QApplication.processEvents()
            assert whole(step) and whole(panel.caution), (spoken, panel.heading.text())
            assert step.font().bold() == (spoken == 0)
            if "part" not in panel.heading.text():
                assert step.accessibleName() == first
    finally:
        a.window.close()
        a.history.close()

"""Beeps that cannot play: one notice above the pages says so, and the session runs on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.ui.services.notice_watch import NO_BEEPS
from hiptimer.ui.services.sounds import Beeper, SoundUnavailable
from tests.harness import quick_routine, side_hold
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def no_output(rates: list[int], parent: QObject) -> tuple[object, int]:
    """What QtMultimedia gives without a sound server (ALSA alone: aplay speaks, Qt cannot)."""
    raise SoundUnavailable("no audio output device")


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[App]:
    """The main window with a voice that works and real beeps on an output that never opens."""
    beeper = Beeper(output_factory=no_output)  # type: ignore[arg-type]
    made = make_app(qtbot, quick_routine(side_hold(hold_s=20)), beeper=beeper)
    yield made
    made.window.close()
    made.history.close()


def test_beeps_that_cannot_play_are_said_once_and_the_session_goes_on(
    app: App, qtbot: QtBot
) -> None:
    # Under Xvfb without a sound server the beeps were off with one line in the log: the
    # window said "No voice" when the voice failed too, and nothing when only the beeps did.
    window = app.window
    window.open_services(wait=True)
    assert not window.notice.shown  # nothing known before a session opens the output
    app.key(qtbot, Qt.Key.Key_Return)  # Start: the session preloads its sounds
    notice = f"{NO_BEEPS} Beeps are off: no audio output device."
    assert window.notice.shown == [notice] and window.notice.isVisible()
    app.until(StepKind.WORK)  # the get-ready's countdown beeps fell due meanwhile
    assert window.notice.shown == [notice]  # once, not a notice a beep

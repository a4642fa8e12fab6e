"""No speech engine: one notice above the pages, and the session runs on with captions."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.audio import tts
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.notice_bar import NoticeBar
from hiptimer.ui.services.notice_watch import NO_VOICE, watch_speech
from hiptimer.ui.services.ports import Services, SilentSpeaker
from hiptimer.ui.services.speech import SpeechService
from tests.fake_tts import FakeEngine
from tests.harness import hold, quick_routine, side_hold
from tests.ui.sessions import (
    FakeBeeper,
    FakeInhibitor,
    advance,
    large_print,  # noqa: F401 (a fixture)
    library_of,
    next_change,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

WAIT_MS = 5000
MakeWindow = Callable[[tts.EngineFactory], tuple[MainWindow, FakeClock]]


def no_espeak() -> FakeEngine:
    raise tts.SpeechUnavailable(tts.INSTALL_ESPEAK)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    """A main window whose voice is a real SpeechService on the given engine factory."""
    made: list[tuple[MainWindow, Services]] = []

    def make(factory: tts.EngineFactory) -> tuple[MainWindow, FakeClock]:
        store = SettingsStore()
        store.update(first_run_done=True)
        services = Services(
            beeper=FakeBeeper(),
            speech=SpeechService(engine_factory=factory),
            inhibitor=FakeInhibitor(),
        )
        clock = FakeClock()
        window = MainWindow(
            store,
            services,
            clock=clock,
            wall=FakeWall(clock),
            library=library_of(quick_routine(side_hold(hold_s=20, sets=2), hold(hold_s=10))),
        )
        qtbot.addWidget(window)
        window.show()
        made.append((window, services))
        return window, clock

    yield make
    for window, services in made:
        window.close()
        services.shutdown()


def whole_text(bar: NoticeBar) -> str:
    """The notice's words, its details opened where a short window shows the heading alone."""
    if bar.compact and not bar.details.isChecked():
        bar.details.click()
    return bar.text.text()


def captions_while_running(window: MainWindow, clock: FakeClock, limit_s: float = 300) -> list[str]:
    """Run the session to its summary, rating every set 0; the captions shown on the way."""
    seen: list[str] = []
    waited = 0.0
    while window.session is not None:
        assert waited < limit_s, "the session never ended"
        caption = window.session.page.caption.text()
        if caption and (not seen or seen[-1] != caption):
            seen.append(caption)
        if window.nav.key_mode() is Mode.PAIN:
            window.session.page.perform(Action.RATE, 0)
        else:  # change by change (and mark, so each word falls due): 0.5 s polls were 1,128
            waited += next_change(window, clock, marks=True)
    return seen


def test_no_engine_shows_one_notice_saying_what_to_install(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, clock = make_window(no_espeak)
    qtbot.waitUntil(window.notice.isVisible, timeout=WAIT_MS)
    assert window.notice.shown == [f"{NO_VOICE} {tts.INSTALL_ESPEAK}"]
    assert "sudo apt install espeak-ng" in whole_text(window.notice)
    assert "No voice" not in window.statusBar().currentMessage()  # one notice, not two
    qtbot.keyClick(window, Qt.Key.Key_Return)  # the session starts as usual
    assert window.session is not None
    captions = captions_while_running(window, clock)
    assert window.nav.key_mode() is Mode.SUMMARY
    assert len(captions) >= 4  # the voice is gone, the words on screen are not
    assert window.notice.shown == [f"{NO_VOICE} {tts.INSTALL_ESPEAK}"]


def test_an_engine_failing_mid_session_shows_the_notice_once_and_the_session_goes_on(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    engine = FakeEngine(fail_on_say=2)
    window, clock = make_window(lambda: engine)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    session = window.session
    assert session is not None
    captions: list[str] = []

    def run_on() -> bool:
        """One moment of the session (a set rated 0, or half a second); True once noticed."""
        if window.notice.isVisible():
            return True
        if window.nav.key_mode() is Mode.PAIN:
            session.page.perform(Action.RATE, 0)
        elif window.session is not None:
            advance(window, clock, 0.5)
        captions.append(session.page.caption.text())
        return False

    qtbot.waitUntil(run_on, timeout=WAIT_MS)
    assert window.session is session and session.driver.engine.running
    [shown] = window.notice.shown
    assert shown.startswith(NO_VOICE) and "the synthesiser crashed" in shown
    assert engine.spoken  # it spoke until it failed
    before = session.page.caption.text()
    after = captions_while_running(window, clock)
    assert window.nav.key_mode() is Mode.SUMMARY
    assert [c for c in after if c != before]  # new captions after the voice failed
    assert len(window.notice.shown) == 1


def test_a_notice_shows_once_and_dismiss_hides_it(qtbot: QtBot) -> None:
    host = QWidget()  # a bar is never a window of its own
    qtbot.addWidget(host)
    bar = NoticeBar(host)
    bar.show_notice(NO_VOICE, "Install <espeak-ng>")
    assert not bar.isHidden()
    assert "&lt;espeak-ng&gt;" in whole_text(bar)  # shown as text, not markup
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    bar.show_notice(NO_VOICE, "Install <espeak-ng>")  # the same news again: stays dismissed
    assert bar.isHidden() and len(bar.shown) == 1


def test_a_later_notice_does_not_hide_an_earlier_one_for_good(qtbot: QtBot) -> None:
    # No notification service and no tray said so at the start; the voice failing at the
    # first session put its notice in the same strip, and the first was never seen again
    # (seen under Xvfb). The newer shows; Dismiss (or its action) brings back the older.
    host = QWidget()
    qtbot.addWidget(host)
    bar = NoticeBar(host)
    acted: list[str] = []
    bar.show_notice("Reminders", "No tray either, so closing the window quits.")
    bar.show_notice("Kept", "Unsaved changes were kept.", ("Open", lambda: acted.append("open")))
    bar.show_notice(NO_VOICE, "Install espeak-ng")
    assert "Install espeak-ng" in whole_text(bar)
    bar.dismiss.click()
    assert not bar.isHidden() and "Unsaved changes were kept." in whole_text(bar)
    assert bar.action.isVisibleTo(bar) and bar.action.text() == "Open"
    bar.action.click()
    assert acted == ["open"]
    assert not bar.isHidden() and "closing the window quits" in whole_text(bar)
    assert not bar.action.isVisibleTo(bar)
    bar.dismiss.click()
    assert bar.isHidden()
    bar.show_notice("Reminders", "No tray either, so closing the window quits.")
    assert bar.isHidden() and len(bar.shown) == 3  # each still shows once


class FailingSpeaker(SilentSpeaker):
    """A Speaker whose voice has failed already (`reason`) or fails when `fail()` is called."""

    def __init__(self, reason: str | None = None) -> None:
        self.reason = reason
        self.listeners: list[Callable[[str], None]] = []

    @property
    def unavailable_reason(self) -> str | None:
        return self.reason

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        self.listeners.append(slot)

    def fail(self, reason: str) -> None:
        self.reason = reason
        for slot in self.listeners:
            slot(reason)


def test_the_notice_reads_the_speakers_fields(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    silent, failed, failing = NoticeBar(host), NoticeBar(host), NoticeBar(host)
    watch_speech(silent, SilentSpeaker())  # no voice, and nothing to install: no notice
    watch_speech(failed, FailingSpeaker("Install espeak-ng."))  # failed before we looked
    speaker = FailingSpeaker()
    watch_speech(failing, speaker)
    assert silent.shown == [] and failing.shown == []
    assert failed.shown == [f"{NO_VOICE} Install espeak-ng."]
    speaker.fail("The synthesiser crashed.")
    speaker.fail("The synthesiser crashed.")
    assert failing.shown == [f"{NO_VOICE} The synthesiser crashed."]


def test_the_notice_is_in_spanish_with_the_command_kept(
    qtbot: QtBot, make_window: MakeWindow, spanish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tts.sys, "platform", "linux")
    monkeypatch.setattr(tts, "espeak_library_found", lambda: False)

    def engine_fails() -> FakeEngine:  # as default_engine_factory says it
        raise tts.SpeechUnavailable(tts.explain_init_failure(RuntimeError("no espeak")))

    window, _clock = make_window(engine_fails)
    qtbot.waitUntil(window.notice.isVisible, timeout=WAIT_MS)
    (shown,) = window.notice.shown
    assert shown.startswith("Sin voz: los subtítulos siguen en pantalla. La voz está desactivada")
    assert shown.endswith("Instálalo con: sudo apt install espeak-ng")
    assert window.notice.dismiss.accessibleName() == "Cerrar"


@pytest.mark.usefixtures("large_print")
def test_on_a_short_window_the_notice_is_one_line_and_details_opens_the_rest(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    # At 150 % on 1024 x 768 the whole no-voice notice took four lines (145 px) of the workout.
    window, _clock = make_window(no_espeak)
    window.resize(1012, 724)  # 1024 x 768 less the frame
    qtbot.waitUntil(window.notice.isVisible, timeout=WAIT_MS)
    bar = window.notice
    line = bar.text.fontMetrics().lineSpacing()
    # One line, margins: once the layout settles (after a whole session run first in the same
    # process it took a few more events: 98 px for a moment, then 60).
    qtbot.waitUntil(
        lambda: bar.height() <= max(bar.dismiss.height(), line) + 2 * 8 + 4, timeout=WAIT_MS
    )
    # The gist: the heading, and as much of the detail as the line holds.
    gist = bar.text.text()
    assert bar.compact and gist.startswith(f"<b>{NO_VOICE}</b> ") and gist.endswith("\u2026")
    details = bar.details
    assert details.isVisible() and details.isCheckable()  # a reader says whether it is down
    assert details.text() == "Details" == details.accessibleName()
    assert details.focusPolicy() is Qt.FocusPolicy.TabFocus  # Tab reaches it
    details.click()  # the rest, and a way back
    assert "sudo apt install espeak-ng" in bar.text.text() and details.isChecked()
    detail = bar.text.text().removeprefix(f"<b>{NO_VOICE}</b> ")
    begun = gist.removeprefix(f"<b>{NO_VOICE}</b> ").removesuffix("\u2026")
    assert begun and detail.startswith(begun) and detail[len(begun)] in " ,:;"  # whole words
    assert details.text() == "Hide details" == details.accessibleName()
    details.click()
    assert bar.text.text() == gist
    # Tab goes as the buttons read, left to right: Details, (the notice's action,) Dismiss.
    assert details.nextInFocusChain() is bar.action
    assert bar.action.nextInFocusChain() is bar.dismiss
    assert details.x() < bar.dismiss.x()
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)  # still dismissed as before
    assert bar.isHidden()


def test_on_a_roomy_window_the_notice_shows_whole(qtbot: QtBot, make_window: MakeWindow) -> None:
    window, _clock = make_window(no_espeak)
    window.resize(1200, 400)
    qtbot.waitUntil(window.notice.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    assert window.notice.compact
    window.resize(1200, 1040)  # taller only: the bar's own size may not change at all
    QApplication.processEvents()
    assert not window.notice.compact and not window.notice.details.isVisible()
    assert "sudo apt install espeak-ng" in window.notice.text.text()


def pain_sizes(window: MainWindow) -> tuple[int, int, int]:
    """The pain question's, a rating button's and a scale word's size (px) on screen."""
    assert window.session is not None
    pain = window.session.page.pain
    [word] = [w for w in pain.findChildren(QLabel) if w.text() == "none"]  # under the 0
    return pain.question.font().pixelSize(), pain.scale_buttons[0].width(), word.font().pixelSize()


def to_the_pain_question(window: MainWindow, clock: FakeClock) -> None:
    while window.nav.key_mode() is not Mode.PAIN:
        next_change(window, clock, marks=True)
    QApplication.processEvents()


@pytest.mark.usefixtures("large_print")
def test_the_notice_strip_gives_the_pain_question_its_room_and_comes_back_after(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    # At 1024 x 600 in large print the Reminders strip (60 px) shrank the pain scale to its
    # 60 % floor: its words 12 px, the question 26 px (look16).
    sizes = []
    for notice in (False, True):
        window, clock = make_window(FakeEngine)
        window.resize(1012, 563)  # 1024 x 600 less the frame and the menu bar
        if notice:
            window.notice.show_notice("Reminders", NO_TRAY_WORDS)
        qtbot.keyClick(window, Qt.Key.Key_Return)
        to_the_pain_question(window, clock)
        assert window.notice.isHidden()
        sizes.append(pain_sizes(window))
    without, beside = sizes
    assert all(b >= w for b, w in zip(beside, without, strict=True)), sizes  # it costs nothing
    window.notice.show_notice("No tray", "Closing the window quits.")  # comes while asked
    assert window.notice.isHidden()
    assert window.session is not None
    window.session.page.perform(Action.RATE, 2)
    QApplication.processEvents()
    assert window.notice.isVisible() and "Closing the window quits." in whole_text(window.notice)
    window.notice.dismiss.click()  # the one it covered is still there
    assert window.notice.isVisible() and NO_TRAY_WORDS in whole_text(window.notice)


def test_at_100_percent_on_1024_x_600_the_scale_s_words_stay_readable_with_a_notice(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    # At 100 % on 1024 x 600 with a notice showing the scale's words were 9 px (12 without
    # it), the question 19 px: the notice, the caption and the "Next:" line now make way
    # there too, as in large print, and all come back once the question is answered.
    window, clock = make_window(FakeEngine)
    window.resize(1012, 563)  # 1024 x 600 less the frame and the menu bar
    window.notice.show_notice("Reminders", NO_TRAY_WORDS)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    to_the_pain_question(window, clock)
    assert window.session is not None
    page = window.session.page
    question, _button, words = pain_sizes(window)
    assert words >= 14 and question >= 24, (question, words)
    assert window.notice.isHidden() and page.caption.isHidden() and page.next_line.isHidden()
    page.perform(Action.RATE, 2)
    QApplication.processEvents()
    assert window.notice.isVisible() and page.caption.isVisible() and page.next_line.isVisible()
    # A roomy window at 100 % keeps them all while it asks: its words were never small.
    window.resize(1012, 724)
    advance(window, clock, 0.5)
    to_the_pain_question(window, clock)
    assert pain_sizes(window)[2] >= 14
    assert window.notice.isVisible() and page.caption.isVisible()


NO_TRAY_WORDS = "Reminders cannot be shown: no notification service answers on this desktop."


@pytest.mark.usefixtures("large_print")
def test_a_session_ended_during_the_pain_question_brings_the_notice_back(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, clock = make_window(FakeEngine)
    window.notice.show_notice("Reminders", NO_TRAY_WORDS)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    to_the_pain_question(window, clock)
    assert window.notice.isHidden()
    window.flow.end(lambda: True)  # Esc, and yes
    assert window.nav.key_mode() is Mode.SUMMARY
    assert window.notice.isVisible() and NO_TRAY_WORDS in whole_text(window.notice)

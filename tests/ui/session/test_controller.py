"""Tests for the session controller: beeps, voice, history and the screen saver, per event."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.routines.model import Exercise, Routine, Tempo
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.steps import StepKind
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.phrase import Phrase
from hiptimer.ui.session.controller import SessionController, make_cue_writer
from tests.harness import hold, quick_routine, reps, self_paced
from tests.ui.sessions import (
    DriverOnFakeClock,
    FakeBeeper,
    FakeInhibitor,
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


@dataclass
class FakeHistory:
    calls: list[tuple[str, Any]] = field(default_factory=list)
    fail_on: str = ""

    def begin_session(self, routine_id: str, title: str, revision: int, doses: dict[str, Any],
                      started_at: datetime, *, sets_planned: int | None = None) -> int:  # fmt: skip
        self.calls.append(("begin", (routine_id, sorted(doses), sets_planned)))
        return 7

    def add_set(self, session_id: int, record: SetRecord) -> int:
        if self.fail_on == "add_set":
            raise OSError("disk on fire")
        self.calls.append(("add", (session_id, record.exercise_id, record.skipped)))
        return 100 + record.index

    def record_doses_now(self, session_id: int, doses_now: dict[str, Any]) -> None:
        self.calls.append(("doses_now", (session_id, sorted(doses_now))))

    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None:
        self.calls.append(("rate", (set_id, pain, choice)))

    def skip_rating(self, set_id: int) -> None:
        self.calls.append(("skip", set_id))

    def correct_pain(
        self, set_id: int, pain: int | None, *, at: datetime, source: str = "history",
        reason: str = "",
    ) -> None:  # fmt: skip
        self.calls.append(("correct", (set_id, pain, source)))

    def record_result(self, set_id: int, value: float | None, unit: str) -> None:
        self.calls.append(("result", (set_id, value, unit)))

    def finish_session(self, session_id: int, end_reason: str, ended_at: datetime) -> None:
        self.calls.append(("finish", (session_id, end_reason)))

    def mark_resumed(self, session_id: int, at: datetime) -> None:
        self.calls.append(("resumed", (session_id,)))

    def close(self) -> None:
        pass

    # The rest of the window's History port: always saving, nothing to retry.
    on_status: Callable[[HistoryStatus], None] | None = None

    @property
    def status(self) -> HistoryStatus:
        return HistoryStatus(HistoryState.OK, Path("fake.sqlite3"))

    def retry(self) -> bool:
        return True

    def notice_seen(self) -> None:
        pass

    def get_session(self, session_id: int) -> None:
        return None  # nothing read back: the summary keeps the session's own time


class Session(DriverOnFakeClock):
    def __init__(
        self,
        r: Routine,
        history: FakeHistory | None = None,
        cues: Any = None,
        *,
        muted: bool = False,
        lead_in: Callable[[Exercise], float] | None = None,
    ) -> None:
        super().__init__(r, lead_in=None if muted else lead_in)
        self.history = history or FakeHistory()
        self.services = fake_services(self.history)
        self.controller = SessionController(
            self.driver, self.services, clock=self.clock, cues=cues,
            muted=muted, lead_in=lead_in,
        )  # fmt: skip
        self.captions: list[str] = []
        self.problems: list[str] = []
        self.lines: list[int] = []
        self.controller.caption.connect(self._caption)
        self.controller.problem.connect(self.problems.append)
        self.controller.speaking_line.connect(self.lines.append)

    def _caption(self, text: str) -> None:
        if text:  # "" clears the screen's caption as a step starts
            self.captions.append(text)

    @property
    def beeper(self) -> FakeBeeper:
        assert isinstance(self.services.beeper, FakeBeeper)
        return self.services.beeper

    @property
    def speech(self) -> FakeSpeech:
        assert isinstance(self.services.speech, FakeSpeech)
        return self.services.speech

    @property
    def inhibitor(self) -> FakeInhibitor:
        assert isinstance(self.services.inhibitor, FakeInhibitor)
        return self.services.inhibitor


@pytest.fixture
def made(qtbot: QtBot) -> Iterator[list[Session]]:
    sessions: list[Session] = []
    yield sessions
    for s in sessions:
        s.driver.stop()


def start(made: list[Session], r: Routine, **kw: Any) -> Session:
    s = Session(r, **kw)
    made.append(s)
    s.driver.start()
    return s


def test_three_ticks_then_an_end_tone_for_each_hold_and_rest(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)))  # a 2 s get-ready, then a 5 s hold
    assert s.beeper.calls == ["start"]
    s.advance(2)
    assert s.beeper.calls == ["start", "tick", "end"]  # the get-ready has only its last second
    s.advance(5)
    assert s.beeper.calls == ["start", "tick", "end", "tick", "tick", "tick", "end"]


def test_the_beeps_stream_is_released_when_the_session_ends_not_before(
    made: list[Session],
) -> None:
    s = start(made, quick_routine(hold(hold_s=5)))
    s.advance(7)  # the hold's last tick and end chime played; its pain prompt waits
    assert s.beeper.released == 0
    s.driver.rate_pain(0)
    assert s.beeper.released == 1


def test_no_end_tone_when_a_step_is_cut_short_early(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=20)))
    s.advance(2 + 5)
    s.driver.next()
    assert s.beeper.calls.count("end") == 1  # only the get-ready's


def test_the_screen_saver_is_held_off_while_the_session_runs(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)))
    assert s.inhibitor.calls == ["inhibit"]
    s.advance(7)
    s.driver.rate_pain(0)
    assert s.inhibitor.calls == ["inhibit", "release"]


def test_closing_mid_session_ends_it_and_lets_the_screen_saver_back(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)))
    s.controller.close()
    assert s.inhibitor.calls == ["inhibit", "release"]
    assert ("finish", (7, "ended_early")) in s.history.calls
    assert not s.driver.timer_active


def test_every_set_is_written_as_it_completes_and_rated(made: list[Session]) -> None:
    r = quick_routine(hold("a", hold_s=5, sets=2), self_paced(n=2, sets=2))
    s = start(made, r)
    assert s.history.calls == [("begin", ("quick-test", ["a", "bridge"], 4))]
    s.advance(7)
    assert s.history.calls[-1] == ("add", (7, "a", False))
    s.driver.rate_pain(8)
    s.driver.choose(PainChoice.STOP)
    assert ("rate", (100, 8, None)) in s.history.calls
    assert ("rate", (100, 8, "stop")) in s.history.calls
    assert ("add", (7, "a", True)) in s.history.calls  # the set skipped by "stop"
    s.advance(3)
    assert s.driver.engine.step.kind is StepKind.WORK
    s.driver.skip_exercise()
    skipped = [c for c in s.history.calls if c[0] == "add" and c[1][1] == "bridge"]
    assert skipped == [("add", (7, "bridge", True)), ("add", (7, "bridge", True))]
    assert s.history.calls[-1] == ("finish", (7, "completed"))


def test_a_failing_history_is_reported_and_the_session_goes_on(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)), history=FakeHistory(fail_on="add_set"))
    s.advance(7)
    assert s.problems and "history" in s.problems[0] and "disk on fire" in s.problems[0]
    assert s.driver.view().awaiting_pain
    assert s.beeper.calls[-1] == "end"  # the other services still ran


def test_phrases_are_spoken_and_shown_except_numbers(made: list[Session]) -> None:
    cues = make_cue_writer("never", (), 5)
    s = start(made, quick_routine(hold(hold_s=5)), cues=cues)
    s.advance(7)
    assert s.speech.texts[0].startswith("Get ready")
    assert "Three." in s.speech.texts or "Three" in " ".join(s.speech.texts)
    assert not any(c.rstrip(".").lower() in ("three", "two", "one") for c in s.captions)
    assert s.captions[-1] == "How much pain, zero to ten?"


def test_a_phrase_already_too_late_is_not_spoken(made: list[Session]) -> None:
    class Late:
        def phrases_for(self, event: object) -> list[Phrase]:
            at = getattr(event, "at", 0.0)
            return [Phrase("Two.", "count", at - 1.0, stale_after_s=0.6)]

    s = start(made, quick_routine(hold(hold_s=5)), cues=Late())
    assert s.speech.said == []


def test_a_new_moment_cuts_off_the_last_ones_speech(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)), cues=CueWriter())
    before = s.speech.clears
    s.driver.back()  # a new step at the same moment adds to what is being said
    assert s.speech.clears == before
    s.advance(0.5)
    s.driver.next()  # a new step later on: its announcement cuts off the last one
    assert s.speech.clears == before + 1


def test_mute_reaches_the_voice_and_the_beeps(made: list[Session]) -> None:
    s = start(made, quick_routine(hold()))
    s.controller.set_muted(True)
    assert s.speech.muted and s.beeper.muted


def test_the_sounds_are_loaded_before_the_start_tone(made: list[Session]) -> None:
    class Preloading(FakeBeeper):
        def preload(self) -> None:
            self.calls.append("preload")

    s = Session(quick_routine(hold(hold_s=5)))
    made.append(s)
    s.services.beeper = Preloading()
    s.driver.start()
    assert s.beeper.calls == ["preload", "start"]


def test_history_goes_through_the_recorder(made: list[Session]) -> None:
    s = start(made, quick_routine(hold(hold_s=5)))
    assert s.controller.session_id == s.controller.recorder.session_id == 7


# ---------------------------------------------------------------- captions as said (issue 14)

COACHED = hold(
    "flexor",
    10,
    name="Hip flexor stretch",
    setup=("Kneel on a cushion.", "Tuck your pelvis under.", "Lean forward gently."),
    caution="Stop if the front of the hip pinches.",
)


def queued_not_started(made: list[Session], **kw: Any) -> Session:
    s = Session(quick_routine(COACHED), cues=make_cue_writer("always", (), 5), **kw)
    made.append(s)
    s.speech.auto_start = False  # the voice takes its time: nothing starts until we say so
    s.driver.start()
    return s


def test_captions_follow_what_the_voice_is_saying_not_what_was_queued(
    made: list[Session],
) -> None:
    s = queued_not_started(made)
    assert s.speech.texts == [
        "Get ready: Hip flexor stretch.",
        "Kneel on a cushion.",
        "Tuck your pelvis under.",
        "Lean forward gently.",
        "Caution: Stop if the front of the hip pinches.",
    ]
    assert s.captions == []  # all queued, none said yet
    s.speech.start("Get ready: Hip flexor stretch.")
    assert s.captions == ["Get ready: Hip flexor stretch."] and s.lines == [-1]
    s.speech.start("Kneel on a cushion.")
    assert s.captions[-1] == "Kneel on a cushion." and s.lines[-1] == 0
    s.speech.start("Lean forward gently.")  # the line before it was dropped
    assert s.captions[-1] == "Lean forward gently." and s.lines[-1] == 2
    s.speech.start("Caution: Stop if the front of the hip pinches.")
    assert s.lines[-1] == -1


def test_a_phrase_cut_off_before_it_started_is_never_captioned(made: list[Session]) -> None:
    s = queued_not_started(made)
    s.speech.start("Get ready: Hip flexor stretch.")
    s.advance(2)  # the get-ready ends: the set's announcement cuts off the setup still queued
    s.speech.start("Kneel on a cushion.")  # a late report of a phrase already cut
    assert "Kneel on a cushion." not in s.captions


def test_with_no_voice_the_announcement_stays_as_the_caption(made: list[Session]) -> None:
    s = queued_not_started(made, muted=True)
    assert s.speech.texts == []  # nothing is given to a muted voice
    assert s.captions == ["Get ready: Hip flexor stretch."]  # the steps are on screen whole


def test_a_voice_that_fails_leaves_the_captions_to_the_screen(made: list[Session]) -> None:
    s = queued_not_started(made)
    s.speech.fail("espeak-ng is not installed")
    s.advance(2)
    assert s.captions[-1].startswith("Hip flexor stretch.")  # said at once, as there is no voice


def test_muting_gives_a_stretched_lead_in_its_written_time_back(made: list[Session]) -> None:
    s = queued_not_started(made, lead_in=lambda ex: 12.0)
    assert s.driver.view().duration_s == 12  # the voice needs 12 s for a written 2 s
    s.advance(1)
    s.controller.set_muted(True)
    assert s.driver.view().duration_s == 2 and s.lines[-1] == -1
    s.advance(1)
    assert s.driver.engine.step.kind is StepKind.WORK


def test_a_failing_voice_gives_the_later_lead_ins_their_written_time_back(
    made: list[Session],
) -> None:
    r = quick_routine(COACHED, hold("b", 5, setup=("Stand tall.",)))
    s = Session(r, cues=make_cue_writer("always", (), 5), lead_in=lambda ex: 12.0)
    made.append(s)
    s.driver.start()
    s.advance(0.025)
    s.speech.fail("no audio device")  # its first words found no sound device
    view = s.driver.view()
    assert view.duration_s == 12 and view.remaining_s == pytest.approx(11.975)  # no jump
    assert s.lines[-1] == -1
    s.advance(12)
    assert s.driver.engine.step.kind is StepKind.WORK
    s.until(StepKind.PAIN)
    s.driver.rate_pain(0)
    assert s.driver.engine.step.kind is StepKind.REST and s.driver.view().duration_s == 2


def test_a_session_started_muted_has_its_pauses_as_written_until_unmuted(
    made: list[Session],
) -> None:
    r = quick_routine(COACHED, hold("b", 5, setup=("Stand tall.",)))
    s = Session(r, muted=True, lead_in=lambda ex: 12.0)
    made.append(s)
    s.driver.start()
    assert s.driver.view().duration_s == 2
    s.controller.set_muted(False)
    assert s.driver.view().duration_s == 2  # never lengthened while it runs
    s.until(StepKind.PAIN)
    s.driver.rate_pain(0)
    assert s.driver.engine.step.kind is StepKind.REST and s.driver.view().duration_s == 12


def test_a_new_step_clears_the_last_steps_caption(made: list[Session]) -> None:
    s = Session(quick_routine(reps("squat", n=2, tempo=Tempo(2, 1, 2))), muted=True)
    made.append(s)
    shown: list[str] = []
    s.controller.caption.connect(shown.append)
    s.driver.start()
    assert shown == ["", "Get ready: Squat. Two reps, hold one second at the top."]
    s.advance(2)  # the set starts on its first tempo word, with no announcement of its own
    assert shown[-1] == ""


# ---------------------------------------------------------------- captions past their moment


@pytest.mark.parametrize("muted", [True, False])
def test_go_leaves_the_caption_soon_after_a_resume(made: list[Session], muted: bool) -> None:
    s = Session(quick_routine(hold(hold_s=30)), cues=make_cue_writer("never", (), 5), muted=muted)
    made.append(s)
    shown: list[str] = []
    s.controller.caption.connect(shown.append)
    s.driver.start()
    s.until(StepKind.WORK)
    s.driver.toggle_pause()
    assert shown[-1] == "Paused."
    s.driver.toggle_pause()
    assert shown[-1] == "Go."
    s.advance(1)
    assert shown[-1] == "Go."  # said a moment ago
    s.advance(2.5)
    assert shown[-1] == "" and s.driver.engine.step.kind is StepKind.WORK  # the hold goes on


def test_the_advice_above_the_limit_leaves_with_the_rating_taken_back(made: list[Session]) -> None:
    s = Session(quick_routine(hold(hold_s=5, sets=2)), muted=True)
    made.append(s)
    shown: list[str] = []
    s.controller.caption.connect(shown.append)
    s.driver.start()
    s.until(StepKind.PAIN)
    s.driver.rate_pain(7)
    assert shown[-1] == "That is above five. Stop, or carry on?"
    s.driver.change_rating()  # Backspace: the scale again, the choice withdrawn
    assert s.driver.view().awaiting_pain and shown[-1] == ""
    s.driver.rate_pain(2)
    assert "That is above" not in shown[-1]


def test_a_form_cue_still_waiting_as_its_set_ends_is_not_said_after_it(
    made: list[Session],
) -> None:
    # Seen under Xvfb: reps counted quickly, "Smooth, easy circles." (queued 5 s into the set,
    # behind the counts) was said over the pain question, before "How much pain...".
    s = start(made, quick_routine(self_paced(n=3)))
    s.until(StepKind.WORK)
    s.speech.auto_start = False  # the voice is busy with the counts
    s.advance(5.5)  # the set's first form cue is due
    s.driver.count_rep()
    s.driver.count_rep()
    s.driver.count_rep()  # the last rep: the pain question
    assert s.driver.engine.step.kind is StepKind.PAIN
    texts = s.speech.texts
    queued_at, asked_at = texts.index("Squeeze."), texts.index("How much pain, zero to ten?")
    # Forgotten as the pain question's step started, before the question was queued.
    assert [k for i, k in s.speech.forgotten if queued_at < i <= asked_at] == ["form"]

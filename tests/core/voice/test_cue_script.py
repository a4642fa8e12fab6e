"""Tests for the timed cue script: a whole session's voice on a fake clock."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import (
    Exercise,
    Rests,
    Routine,
    SideMode,
    Tempo,
    estimated_seconds,
)
from hiptimer.core.session.events import PainChoice
from hiptimer.core.voice.cue_script import (
    MAX_PREPARED,
    SessionRun,
    cue_script,
    cue_timeline,
    format_script,
    iter_cue_script,
    iter_spoken,
    iter_timeline,
    session_phrases,
    simulate_speech,
    upcoming_texts,
)
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.phrase import SECONDS_PER_CHAR, STALE_COUNT_S, Phrase
from tests import harness
from tests.harness import hold, reps

# A 5 s switch between sides (the harness default is 3 s): long enough for its announcement
# to overlap the countdown numbers.
RESTS = Rests(get_ready_s=5, between_sets_s=10, between_sides_s=5, after_exercise_s=15)


def routine(*exercises: Exercise) -> Routine:
    return harness.routine(*exercises, rests=RESTS)


def at(script: list[tuple[float, str]], text: str) -> list[float]:
    return [offset for offset, said in script if said == text]


def test_a_short_hold_session() -> None:
    script = cue_script(routine(hold("stretch", 30)))
    assert script[0] == (0.0, "Get ready: Stretch.")
    offsets = [offset for offset, _ in script]
    assert offsets == sorted(offsets)
    # The get-ready counts down to 5 s, then the hold runs from 5 s to 35 s.
    assert at(script, "Stretch. Hold for thirty seconds.") == [pytest.approx(5.0)]
    assert at(script, "Halfway.") == [pytest.approx(20.0)]
    assert at(script, "Ten seconds.") == [pytest.approx(25.0)]
    assert at(script, "Three") == [pytest.approx(2.0), pytest.approx(32.0)]
    assert at(script, "Two") == [pytest.approx(3.0), pytest.approx(33.0)]
    assert at(script, "One") == [pytest.approx(4.0), pytest.approx(34.0)]
    assert at(script, "Release.") == [pytest.approx(35.0)]
    assert script[-2][1] == "How much pain, zero to ten?"
    assert script[-1][1] == "Done. One set in thirty-five seconds."


def test_release_follows_every_hold_and_the_next_exercise_is_named() -> None:
    script = cue_script(routine(hold("a", 20, sets=2, sides=SideMode.EACH), hold("b", 20)), 2)
    said = [text for _, text in script]
    assert said.count("Release.") == 5
    assert "Switch to the left side." in said
    assert "Rest fifteen seconds. Next: B." in said
    assert said[-1] == "Done. Five sets in two minutes. Highest pain two."


def test_a_countdown_number_that_cannot_be_said_in_time_is_dropped() -> None:
    # The switch lasts 5 s; its announcement is still being said when "Three" and "Two" fall due.
    timeline = cue_timeline(routine(hold("stretch", 20, sides=SideMode.EACH)))
    switch = next(s for s in timeline if s.phrase.text == "Switch to the left side.")
    during = [s for s in timeline if switch.phrase.at < s.phrase.at < switch.phrase.at + 5]
    assert [s.phrase.text for s in during] == ["One"]
    assert all(s.start - s.phrase.at <= STALE_COUNT_S for s in timeline if s.phrase.kind == "count")


def test_paced_reps_are_counted_on_time() -> None:
    script = cue_script(routine(reps("bridge", n=3, tempo=Tempo(2, 2, 2))))
    # Work starts at 5 s; each rep takes 6 s. Each rep is named as it starts, as the screen
    # shows it ("2 / 3"): "One." as the second began read against "2 / 3" (the audit).
    assert at(script, "One.") == []  # the set's announcement starts the first
    assert at(script, "Two.") == [pytest.approx(11.0)]
    assert at(script, "Three.") == [pytest.approx(17.0)]
    assert script[[text for _, text in script].index("Three.") + 1][1] == "Lift"
    assert at(script, "Hold")[-2:] == [pytest.approx(13.0), pytest.approx(19.0)]


def test_self_paced_reps_are_pressed_by_the_simulated_user() -> None:
    script = cue_script(routine(reps("clams", n=4)))
    assert at(script, "Clams. Four reps. Press enter for each rep.") == [pytest.approx(5.0)]
    assert at(script, "Four.") == [pytest.approx(5 + 4 * 3.0)]


def test_pain_above_the_limit_asks_and_the_choice_is_made() -> None:
    said = [text for _, text in cue_script(routine(hold("a", 10, sets=2)), 7)]
    assert said.count("That is above five. Stop, go lighter, or carry on?") == 2
    said = [
        text
        for _, text in cue_script(
            routine(hold("a", 10, sets=2), hold("b", 10)), 7, choice=PainChoice.STOP
        )
    ]
    assert "Stopping A for today." in said
    assert "Skipping A." not in said
    assert said[-1] == "Done. Two sets in forty seconds. Highest pain seven."


def test_a_pain_rating_outside_zero_to_ten_is_refused() -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        cue_script(routine(hold("a")), 11)


def test_a_thirty_minute_routine_runs_through() -> None:
    exercises = [
        hold(f"stretch{i}", hold_s=60, sets=3, sides=SideMode.EACH, cues=("Breathe.",))
        for i in range(4)
    ] + [reps("bridge", n=12, sets=3, rep_hold_s=3), reps("clams", n=10, sides=SideMode.EACH)]
    script = cue_script(routine(*exercises), 1)
    assert script[-1][0] > 30 * 60
    assert script[-1][1].startswith("Done. Twenty-nine sets in")
    offsets = [offset for offset, _ in script]
    assert offsets == sorted(offsets)


# ---------------------------------------------------------------- the speech model


def test_phrases_are_said_one_at_a_time() -> None:
    first = Phrase("Bridge. Twelve reps.", "announce", 0.0, interrupt=True)
    second = Phrase("Lie down.", "setup", 0.0)
    spoken = simulate_speech([(0.0, first), (0.0, second)])
    assert [s.start for s in spoken] == [0.0, pytest.approx(len(first.text) * SECONDS_PER_CHAR)]


def test_stale_phrases_are_dropped_and_interrupts_cut_earlier_speech() -> None:
    setup = Phrase("A long setup sentence that takes a few seconds to say.", "setup", 0.0)
    count = Phrase("Three", "count", 1.0, STALE_COUNT_S)
    work = Phrase("Bridge.", "announce", 3.0, interrupt=True)
    skip = Phrase("Skipping Bridge.", "announce", 10.0, interrupt=True)
    rest = Phrase("Rest thirty seconds.", "announce", 10.0, interrupt=True)
    spoken = simulate_speech([(0.0, setup), (1.0, count), (3.0, work), (10, skip), (10, rest)])
    assert [s.phrase.text for s in spoken] == [setup.text, "Bridge.", skip.text, rest.text]
    assert spoken[0].cut and spoken[0].end == 3.0
    assert not spoken[2].cut


def test_format_script() -> None:
    text = format_script([(0.0, "Get ready."), (65.04, "Three"), (59.96, "Two"), (3725.0, "x")])
    assert text.splitlines() == [
        "00:00.0  Get ready.",
        "01:05.0  Three",
        "01:00.0  Two",
        "62:05.0  x",
    ]


def test_a_valid_routine_longer_than_a_day_gives_its_script() -> None:
    # Issue 13, fault 2: this ended in "the simulated session did not end within a day".
    long = [hold(f"hold{i}", hold_s=3600, sets=20) for i in range(2)]  # 40 hours of holds
    script = cue_script(routine(*long))
    assert script[-1][0] > 40 * 3600
    assert script[-1][1].startswith("Done.")


def test_upcoming_texts_name_each_phrase_once_in_the_order_first_said() -> None:
    session = routine(hold("stretch", 20, sets=2, setup=("Lie on your back.",)))
    texts = upcoming_texts(session, CueWriter(setup_mode="first"))
    assert texts[:2] == ["Get ready: Stretch.", "Lie on your back."]
    assert len(texts) == len(set(texts))
    assert {"Three", "Two", "One", "Release.", "How much pain, zero to ten?"} <= set(texts)
    assert texts.index("Three") < texts.index("Release.")


def test_upcoming_texts_follow_the_writer_and_the_sets_already_done() -> None:
    session = routine(hold("stretch", 20, sets=2, setup=("Lie on your back.",)))
    heard = CueWriter(setup_mode="first", setup_heard=["stretch"])
    assert "Lie on your back." not in upcoming_texts(session, heard)
    resumed = upcoming_texts(session, CueWriter(), done_sets=[("stretch", 1, None)])
    assert "Stretch, set two of two. Hold for twenty seconds." in resumed


def test_the_first_rep_keeps_its_lift_and_hold_after_a_long_lead_in() -> None:
    bridge = reps(
        "bridge",
        n=3,
        rep_hold_s=3,
        setup=("Lie face up, knees bent, feet planted.", "Brace your stomach muscles."),
        caution="If bridging strains your lower back, do a pelvic tilt instead.",
    )
    for stretched in (True, False):
        timeline = cue_timeline(routine(bridge), stretched=stretched)
        lifts = [s for s in timeline if s.phrase.text == "Lift"]
        holds = [s for s in timeline if s.phrase.text == "Hold"]
        assert len(lifts) == len(holds) == 3  # the first rep's words are not lost
        assert all(s.start - s.phrase.at <= STALE_COUNT_S for s in lifts + holds)
        assert holds[0].start == pytest.approx(lifts[0].start + 2)
    # With the voice's lead-in the whole setup and caution are heard before the first lift.
    timeline = cue_timeline(routine(bridge), stretched=True)
    caution = next(s for s in timeline if s.phrase.kind == "caution")
    first_lift = next(s for s in timeline if s.phrase.text == "Lift")
    assert not caution.cut and caution.end <= first_lift.start


GET_READY_E0 = "Get ready: E0. Five hundred reps, hold sixty seconds at the top. Right side."


def longest_valid_routine() -> Routine:
    """Every limit of docs/routine-format.md at its top: about 19 years of counted reps."""
    exercise = {
        "kind": "reps",
        "sets": 20,
        "reps": 500,
        "rep_hold_s": 120,
        "tempo": {"lift_s": 60, "hold_s": 60, "lower_s": 60},
        "sides": "each",
        "rest_between_sets_s": 3600,
        "rest_between_sides_s": 3600,
        "rest_after_s": 3600,
    }
    return routine_from_data(
        {
            "format": "hiptimer-routine",
            "version": 1,
            "id": "longest",
            "title": "Longest",
            "exercises": [{"id": f"e{i}", "name": f"E{i}", **exercise} for i in range(100)],
        }
    )


def test_the_script_comes_phrase_by_phrase_while_the_session_runs() -> None:
    # Issue 13, fault 2: the whole script was built first; for this valid routine that is
    # some 120 million phrases (gigabytes) before the first line.
    run = SessionRun(longest_valid_routine())
    first = list(itertools.islice(iter_spoken(run), 5))
    assert [s.phrase.text for s in first[:3]] == [GET_READY_E0, "Three", "Two"]
    assert run.engine.ended is None  # the rest is still to come
    lines = list(itertools.islice(iter_cue_script(longest_valid_routine()), 3))
    assert [text for _, text in lines] == [GET_READY_E0, "Three", "Two"]
    assert lines[2][0] - lines[1][0] == 1.0  # the count, a second a word


def test_a_streamed_timeline_is_the_whole_one() -> None:
    session = routine(hold("a", 20, sets=2, sides=SideMode.EACH), reps("b", n=3))
    start, heard = session_phrases(session, 3)
    whole = [replace(s, start=s.start - start, end=s.end - start) for s in simulate_speech(heard)]
    assert list(iter_timeline(session, 3)) == whole == cue_timeline(session, 3)


def test_upcoming_texts_look_only_at_the_first_phrases() -> None:
    session = routine(hold("a", 20, sets=3, setup=("Lie on your back.",)))
    _, heard = session_phrases(session, lead_in=CueWriter().lead_in_seconds)
    first = list(dict.fromkeys(phrase.text for _, phrase in heard[:6]))
    assert upcoming_texts(session, CueWriter(), limit=6) == first
    # The session starts at once for any valid routine: this one ran for hours (the GUI
    # thread frozen) before it gave its texts.
    texts = upcoming_texts(longest_valid_routine(), CueWriter())
    assert texts[0] == GET_READY_E0 and len(texts) < MAX_PREPARED


def test_each_cue_is_said_in_turn_when_a_hold_has_room_for_one() -> None:
    # The doc's first example: a 30 s stretch each side, two sets, two cues. Every hold
    # began at the first cue, so "Gentle pull only." was never said.
    cues = ("Breathe slowly.", "Gentle pull only.")
    script = cue_script(routine(hold("piriformis", 30, 2, sides=SideMode.EACH, cues=cues)))
    said = [text for _, text in script if text in cues]
    assert said == ["Breathe slowly.", "Gentle pull only.", "Breathe slowly.", "Gentle pull only."]
    one_side = cue_script(routine(hold("lunge", 30, 3, cues=cues)))
    assert [text for _, text in one_side if text in cues] == [*cues, cues[0]]


def test_a_caution_is_heard_whole_where_no_pause_comes_before_the_set() -> None:
    """A 0 s get-ready and a 0 s rest before a short set: the audit heard the caution cut off
    by the rest's announcement, and the set's countdown lost under it. With the voice on, a
    0 s pause before words to read becomes a lead-in that lasts as long as they need
    (docs/routine-format.md, *How long a pause lasts*); muted, the set starts at once."""
    rests = Rests(get_ready_s=0, between_sets_s=10, between_sides_s=5, after_exercise_s=0)
    bridge = hold(
        "bridge",
        5,
        name="Bridge",
        setup=("Lie on your back, knees bent.", "Feet flat on the floor."),
        caution="Stop if the front of the hip pinches or your back arches.",
    )
    clam = hold("clam", 5, name="Clam", caution="Keep the pelvis still; do not roll back.")
    session = harness.routine(bridge, clam, rests=rests)
    timeline = cue_timeline(session, stretched=True)
    cautions = [s for s in timeline if s.phrase.kind == "caution"]
    assert len(cautions) == 2 and not any(s.cut for s in cautions)
    for caution, name in zip(cautions, ("Bridge", "Clam"), strict=True):
        starts = next(s for s in timeline if s.phrase.text == f"{name}. Hold for five seconds.")
        assert caution.end <= starts.start  # heard before its set begins
    assert [s.phrase.text for s in timeline].count("Release.") == 2  # each set ends heard
    writer = CueWriter()
    assert estimated_seconds(session, writer.lead_in_seconds) == pytest.approx(
        timeline[-1].phrase.at - timeline[0].phrase.at
    )
    muted = cue_script(session)  # no voice: the pauses as written, none
    assert muted[0] == (0.0, "Bridge. Hold for five seconds.")
    assert estimated_seconds(session) == 10


@pytest.mark.parametrize("name", ["Keep your toes forward!", "Ready to lift?", "Lie down\u2026"])
def test_a_name_that_ends_its_own_sentence_takes_no_full_stop(name: str) -> None:
    # "...toes forward!." was said and shown: the cue's full stop after the name's own "!".
    first = hold("first", 30, name="Stretch")
    texts = [said for _, said in cue_script(routine(first, hold("second", 30, 2, name=name)))]
    with_name = [t for t in texts if name in t]
    assert any(t.endswith(f"Next: {name}") for t in with_name), with_name
    assert any(t.startswith(f"{name} Hold for") for t in with_name), with_name
    assert not [t for t in with_name if f"{name}." in t]

"""Tests for the cue wording: every engine event to the phrases the voice says."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiptimer.core.routines.model import Exercise, Kind, Routine, SideMode, Tempo
from hiptimer.core.session.events import (
    Countdown,
    DoseChanged,
    EndReason,
    Event,
    ExerciseSkipped,
    FormCue,
    Halfway,
    HoldCount,
    PainChoice,
    PainChoiceMade,
    PainRated,
    PainRequested,
    Paused,
    RepCounted,
    RepPhase,
    RepUncounted,
    ResultRequested,
    Resumed,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
    StepStarted,
)
from hiptimer.core.session.set_outcome import count_sets
from hiptimer.core.session.steps import RestKind, Side, Step, StepKind
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.numbers import duration_words, number_words
from hiptimer.core.voice.phrase import SECONDS_PER_CHAR, STALE_COUNT_S, Phrase, interrupts

AT = 100.0
WALL = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)

BRIDGE = Exercise(
    id="bridge",
    name="Bridge",
    kind=Kind.REPS,
    sets=3,
    reps=12,
    rep_hold_s=3,
    setup=("Lie on your back, knees bent", "Feet flat on the floor."),
)
HAMSTRING = Exercise(
    id="hamstring", name="Hamstring stretch", kind=Kind.HOLD, hold_s=60, sets=2, sides=SideMode.EACH
)
FLEXOR = Exercise(
    id="flexor",
    name="Hip flexor stretch",
    kind=Kind.HOLD,
    hold_s=30,
    setup=("Kneel on a cushion.",),
)
CLAMS = Exercise(id="clams", name="Clamshell", kind=Kind.REPS, reps=15, sides=SideMode.EACH)
MARCH = Exercise(id="march", name="March", kind=Kind.REPS, reps=4, sides=SideMode.ALTERNATING)


def started(
    kind: StepKind,
    ex: Exercise | None,
    *,
    set_number: int = 1,
    side: Side | None = None,
    rest_kind: RestKind | None = None,
    duration: float | None = None,
    first: bool = False,
    at: float = AT,
) -> StepStarted:
    step = Step(kind, 0, set_number, side, rest_kind, duration or 0.0)
    return StepStarted(at, step, ex, duration, first_of_exercise=first, next_exercise=None)


def record(
    ex: Exercise = HAMSTRING,
    pain: int | None = None,
    skipped: bool = False,
    minute: int = 0,
) -> SetRecord:
    is_hold = ex.kind is Kind.HOLD
    return SetRecord(
        index=0,
        exercise_id=ex.id,
        exercise_name=ex.name,
        side=None,
        set_number=1,
        planned_hold_s=ex.hold_s if is_hold else None,
        actual_hold_s=ex.hold_s if is_hold else None,
        planned_reps=None if is_hold else ex.reps,
        actual_reps=None if is_hold else ex.reps,
        completed=not skipped,
        skipped=skipped,
        started_at=WALL + timedelta(minutes=minute),
        ended_at=WALL + timedelta(minutes=minute, seconds=60),
        pain=pain,
    )


WORK = Step(StepKind.WORK, 0, 1)
WORK_RIGHT = Step(StepKind.WORK, 0, 1, Side.RIGHT)


def texts(phrases: list[Phrase]) -> list[str]:
    return [p.text for p in phrases]


# ---------------------------------------------------------------- every event kind

CASES: list[tuple[str, Event, list[str]]] = [
    (
        "get ready reads the setup",
        started(StepKind.GET_READY, BRIDGE, duration=10),
        ["Get ready: Bridge.", "Lie on your back, knees bent.", "Feet flat on the floor."],
    ),
    (
        "first set of reps with a hold at the top",
        started(StepKind.WORK, BRIDGE.with_dose(setup=()), duration=84, first=True),
        ["Bridge. Twelve reps, hold three seconds at the top."],
    ),
    (
        "first set of a hold on one side",
        started(StepKind.WORK, HAMSTRING, side=Side.RIGHT, duration=60, first=True),
        ["Hamstring stretch, right side. Hold for sixty seconds."],
    ),
    (
        "a name ending its own sentence starts the side's",
        started(
            StepKind.WORK, replace(HAMSTRING, name="Knees together!"), side=Side.LEFT, first=True
        ),
        ["Knees together! Left side. Hold for sixty seconds."],
    ),
    (
        "a name ending its own sentence starts a resumed set's",
        started(StepKind.WORK, replace(HAMSTRING, name="Wide?"), set_number=2, first=True),
        ["Wide? Set two of two. Hold for sixty seconds."],
    ),
    (
        "first self-paced set",
        started(StepKind.WORK, CLAMS, side=Side.RIGHT, first=True),
        ["Clamshell, right side. Fifteen reps. Press enter for each rep."],
    ),
    (
        "alternating dose",
        started(StepKind.WORK, MARCH, first=True),
        ["March. Four reps each side, alternating. Press enter for each rep."],
    ),
    (
        "a later set",
        started(StepKind.WORK, BRIDGE, set_number=2, duration=84),
        ["Set two of three."],
    ),
    (
        "a later set on the right",
        started(StepKind.WORK, HAMSTRING, set_number=2, side=Side.RIGHT, duration=60),
        ["Set two of two. Right side."],
    ),
    (
        "the left side of a set",
        started(StepKind.WORK, HAMSTRING, set_number=2, side=Side.LEFT, duration=60),
        ["Left side."],
    ),
    (
        "switch sides",
        started(StepKind.SWITCH_SIDES, HAMSTRING, side=Side.LEFT, duration=5),
        ["Switch to the left side."],
    ),
    (
        "rest between sets",
        started(StepKind.REST, BRIDGE, rest_kind=RestKind.BETWEEN_SETS, duration=15),
        ["Rest fifteen seconds."],
    ),
    (
        "rest after an exercise leads to the next",
        started(StepKind.REST, FLEXOR, rest_kind=RestKind.AFTER_EXERCISE, duration=30),
        ["Rest thirty seconds. Next: Hip flexor stretch.", "Kneel on a cushion."],
    ),
    ("pain step says nothing itself", started(StepKind.PAIN, BRIDGE), []),
    ("done step says nothing itself", started(StepKind.DONE, None), []),
    ("ten seconds", Countdown(AT, WORK, 10, 0.0), ["Ten seconds."]),
    ("three", Countdown(AT, WORK, 3, 0.0), ["Three"]),
    ("two", Countdown(AT, WORK, 2, 0.0), ["Two"]),
    ("one", Countdown(AT, WORK, 1, 0.0), ["One"]),
    ("halfway", Halfway(AT, WORK, 0.0), ["Halfway."]),
    ("form cue", FormCue(AT, WORK, "Keep your back flat", 0.0), ["Keep your back flat."]),
    ("lift", RepPhase(AT, WORK, 1, None, "lift", 2.0, 0.0), ["Lift"]),
    ("hold", RepPhase(AT, WORK, 1, None, "hold", 3.0, 0.0), ["Hold"]),
    ("lower", RepPhase(AT, WORK, 1, None, "lower", 2.0, 0.0), ["Lower"]),
    ("a short phase is not named", RepPhase(AT, WORK, 1, None, "lower", 1.0, 0.0), []),
    (
        "a side on an each-side set is not a cue",
        RepPhase(AT, WORK_RIGHT, 1, Side.RIGHT, "lift", 1.0, 0.0),
        [],
    ),
    (
        "alternating reps name the leg",
        RepPhase(AT, WORK, 1, Side.LEFT, "lift", 1.0, 0.0),
        ["Left"],
    ),
    ("hold count", HoldCount(AT, WORK, 1, 2, 0.0), ["two"]),
    ("rep count", RepCounted(AT, WORK, 4, 12, 0.0), ["Four."]),
    ("end of a hold", SetCompleted(AT, record(HAMSTRING)), ["Release."]),
    ("end of a reps set", SetCompleted(AT, record(BRIDGE)), []),
    ("pain prompt", PainRequested(AT, record()), ["How much pain, zero to ten?"]),
    ("pain within the limit", PainRated(AT, record(pain=3), above_limit=False), []),
    (
        "pain above the limit",
        PainRated(AT, record(pain=7), above_limit=True),
        ["That is above five. Stop, go lighter, or carry on?"],
    ),
    (
        "pain above the limit at the smallest dose",
        PainRated(AT, record(pain=7), above_limit=True, can_lower=False),
        ["That is above five. Stop, or carry on?"],
    ),
    (
        "stop",
        PainChoiceMade(AT, record(), PainChoice.STOP),
        ["Stopping Hamstring stretch for today."],
    ),
    ("lower", PainChoiceMade(AT, record(), PainChoice.LOWER), ["Going lighter."]),
    ("continue", PainChoiceMade(AT, record(), PainChoice.CONTINUE), ["Carrying on."]),
    (
        "longer hold",
        DoseChanged(AT, "hamstring", "hold_s", 40, 45, "adjusted"),
        ["Hold now forty-five seconds."],
    ),
    ("fewer reps", DoseChanged(AT, "bridge", "reps", 12, 8, "pain"), ["Now eight reps."]),
    ("one rep", DoseChanged(AT, "bridge", "reps", 2, 1, "adjusted"), ["Now one rep."]),
    ("skip", ExerciseSkipped(AT, BRIDGE, ()), ["Skipping Bridge."]),
    ("pause", Paused(AT), ["Paused."]),
    ("resume", Resumed(AT), ["Go."]),
    ("session start is silent", SessionStarted(AT, Routine("r", "R", (BRIDGE,))), []),
    ("ended early", SessionEnded(AT, EndReason.ENDED_EARLY, (record(),)), ["Session ended."]),
    (
        "summary",
        SessionEnded(
            AT,
            EndReason.COMPLETED,
            (
                record(pain=1),
                record(BRIDGE, pain=3, minute=21),
                record(FLEXOR, skipped=True, minute=21),
            ),
        ),
        ["Done. Two sets in twenty-two minutes. Highest pain three."],
    ),
    (
        "summary without pain",
        SessionEnded(AT, EndReason.COMPLETED, (record(pain=0),)),
        ["Done. One set in one minute. No pain."],
    ),
    ("summary with nothing done", SessionEnded(AT, EndReason.COMPLETED, ()), ["Done."]),
    (
        "a measured result asked for in its unit",
        ResultRequested(AT, replace(record(), result_unit="cm")),
        ["Type in the result, in cm."],
    ),
    (
        "a unit ending its own sentence takes no full stop after it",
        ResultRequested(AT, replace(record(), result_unit="jumps!")),
        ["Type in the result, in jumps!"],
    ),
]


@pytest.mark.parametrize(("event", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_event_to_phrases(event: Event, expected: list[str]) -> None:
    phrases = CueWriter().phrases_for(event)
    assert texts(phrases) == expected
    assert all(p.at == AT for p in phrases)


def test_counts_and_tempo_go_stale_quickly() -> None:
    writer = CueWriter()
    for event in [
        Countdown(AT, WORK, 3, 0.0),
        RepPhase(AT, WORK, 2, None, "lift", 2.0, 0.0),  # rep 1's lift starts the set: below
        HoldCount(AT, WORK, 1, 2, 0.0),
        RepCounted(AT, WORK, 4, 12, 0.0),
    ]:
        (phrase,) = writer.phrases_for(event)
        assert phrase.stale_after_s == STALE_COUNT_S
        assert phrase.kind in ("count", "tempo")
        assert not phrase.interrupt
    assert texts(writer.phrases_for(Countdown(AT, WORK, 10, 0.0))) == ["Ten seconds."]


def test_announcements_and_setup_never_go_stale() -> None:
    announce, *setup = CueWriter().phrases_for(started(StepKind.GET_READY, BRIDGE, duration=10))
    assert announce.kind == "announce" and announce.interrupt
    assert announce.stale_after_s is None
    assert [p.kind for p in setup] == ["setup", "setup"]
    assert all(p.stale_after_s is None and not p.interrupt for p in setup)


def test_the_session_summary_times_the_session_from_its_start() -> None:
    writer = CueWriter()
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (BRIDGE,))))
    (summary,) = writer.phrases_for(
        SessionEnded(AT + 12 * 60 + 20, EndReason.COMPLETED, (record(pain=2),))
    )
    assert summary.text == "Done. One set in twelve minutes. Highest pain two."
    assert summary.kind == "summary"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(150, "three minutes"), (210, "four minutes"), (40.5, "forty-one seconds")],
)
def test_the_session_summary_rounds_its_time_as_history_does(seconds: float, words: str) -> None:
    """Halves up, as History and `hiptimer history` round a session's time: a 2:30 session is
    "3 min" there, and the voice said "two minutes" (Python's round() goes to the even)."""
    writer = CueWriter()
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (BRIDGE,))))
    (summary,) = writer.phrases_for(SessionEnded(AT + seconds, EndReason.COMPLETED, (record(),)))
    assert summary.text == f"Done. One set in {words}."


def test_the_session_summary_counts_a_set_done_again_once() -> None:
    """Back repeats a set: two tries, one set, as the summary page and History count it
    (docs/history.md, *What a set's outcome means*); a set only skipped is not counted."""
    writer = CueWriter()
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (HAMSTRING, BRIDGE))))
    tries = (record(pain=1), record(pain=3, minute=2), record(BRIDGE, skipped=True, minute=3))
    (summary,) = writer.phrases_for(SessionEnded(AT + 4 * 60, EndReason.COMPLETED, tries))
    assert summary.text == "Done. One set in four minutes. Highest pain three."


def test_a_resumed_sessions_summary_counts_the_whole_session() -> None:
    """The sets recorded before the stop, and the time they took, count too, as on the
    summary page ("4 of 7 sets done ... Total time"), not only the part after the resume."""
    writer = CueWriter()
    writer.resumed_after((record(pain=6), record(BRIDGE, pain=2, minute=1)), earlier_s=600)
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (HAMSTRING, BRIDGE))))
    later = (record(FLEXOR, pain=1, minute=30),)
    (summary,) = writer.phrases_for(SessionEnded(AT + 120, EndReason.COMPLETED, later))
    assert summary.text == "Done. Three sets in twelve minutes. Highest pain six."


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([HAMSTRING, BRIDGE]),
            st.integers(1, 2),
            st.sampled_from([None, Side.RIGHT, Side.LEFT]),
            st.booleans(),
            st.booleans(),
        ),
        max_size=8,
    )
)
def test_the_voice_counts_the_sets_by_the_one_rule_the_views_use(
    tries: list[tuple[Exercise, int, Side | None, bool, bool]],
) -> None:
    """The voice's last words count the sets begun by count_sets, as the summary page, History
    and the dose rules do: it had a count of its own (sets_begun) beside it."""
    records = tuple(
        replace(
            record(ex, skipped=skipped), set_number=n, side=side, completed=done and not skipped
        )
        for ex, n, side, done, skipped in tries
    )
    writer = CueWriter()
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (HAMSTRING, BRIDGE))))
    (summary,) = writer.phrases_for(SessionEnded(AT + 60, EndReason.COMPLETED, records))
    begun = count_sets(records, None).begun
    if begun == 0:
        assert " set" not in summary.text
    else:
        said = "One set" if begun == 1 else f"{number_words(begun).capitalize()} sets"
        assert f"Done. {said} in " in summary.text


def test_pain_limit_is_named() -> None:
    writer = CueWriter(pain_limit=3)
    (phrase,) = writer.phrases_for(PainRated(AT, record(pain=4), above_limit=True))
    assert phrase.text.startswith("That is above three.")


def test_stopping_for_pain_is_not_announced_twice_as_a_skip() -> None:
    writer = CueWriter()
    assert texts(writer.phrases_for(PainChoiceMade(AT, record(BRIDGE), PainChoice.STOP))) == [
        "Stopping Bridge for today."
    ]
    assert writer.phrases_for(ExerciseSkipped(AT, BRIDGE, ())) == []
    assert texts(writer.phrases_for(ExerciseSkipped(AT, BRIDGE, ()))) == ["Skipping Bridge."]


def test_the_space_hint_is_given_once_a_session() -> None:
    writer = CueWriter()
    first = writer.phrases_for(started(StepKind.WORK, CLAMS, side=Side.RIGHT, first=True))
    assert first[0].text.endswith("Press enter for each rep.")
    later = writer.phrases_for(started(StepKind.WORK, CLAMS, side=Side.LEFT))
    assert texts(later) == ["Left side."]
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (CLAMS,))))
    again = writer.phrases_for(started(StepKind.WORK, CLAMS, side=Side.RIGHT, first=True))
    assert again[0].text.endswith("Press enter for each rep.")


def test_self_paced_alternating_reps_are_counted_as_the_engine_reports() -> None:
    writer = CueWriter()
    writer.phrases_for(started(StepKind.WORK, MARCH, first=True))
    said = [texts(writer.phrases_for(RepCounted(AT, WORK, n, 4))) for n in range(1, 5)]
    assert said == [["One."], ["Two."], ["Three."], ["Four."]]


def test_paced_alternating_reps_count_as_the_engine_reports() -> None:
    paced = MARCH.with_dose(tempo=Tempo(1, 0, 1))
    writer = CueWriter()
    writer.phrases_for(started(StepKind.WORK, paced, duration=16, first=True))
    # The rep starting, as the screen shows it ("2 / 4"); after the last, nothing.
    assert texts(writer.phrases_for(RepCounted(AT, WORK, 1, 4))) == ["Two."]
    assert texts(writer.phrases_for(RepCounted(AT, WORK, 4, 4))) == []


# ---------------------------------------------------------------- setup modes


def lead_in(writer: CueWriter, ex: Exercise = BRIDGE) -> list[str]:
    return texts(writer.phrases_for(started(StepKind.GET_READY, ex, duration=10)))


def test_setup_always_is_read_at_every_lead_in() -> None:
    writer = CueWriter(setup_mode="always", setup_heard={"bridge"})
    assert len(lead_in(writer)) == 3
    assert len(lead_in(writer)) == 3


def test_setup_first_is_read_once_per_exercise_across_sessions() -> None:
    writer = CueWriter(setup_mode="first", setup_heard={"flexor"})
    assert len(lead_in(writer)) == 3
    assert writer.setup_heard == {"flexor", "bridge"}
    assert lead_in(writer) == ["Get ready: Bridge."]
    assert lead_in(writer, FLEXOR) == ["Get ready: Hip flexor stretch."]
    later_session = CueWriter(setup_mode="first", setup_heard=writer.setup_heard)
    assert lead_in(later_session) == ["Get ready: Bridge."]


def test_setup_never_is_not_read() -> None:
    writer = CueWriter(setup_mode="never")
    assert lead_in(writer) == ["Get ready: Bridge."]
    work = writer.phrases_for(started(StepKind.WORK, BRIDGE, duration=84, first=True))
    assert len(work) == 1
    assert writer.setup_heard == set()


def test_without_a_lead_in_the_setup_follows_the_first_announcement() -> None:
    writer = CueWriter()
    work = texts(writer.phrases_for(started(StepKind.WORK, BRIDGE, duration=84, first=True)))
    assert work == [
        "Bridge. Twelve reps, hold three seconds at the top.",
        "Lie on your back, knees bent.",
        "Feet flat on the floor.",
    ]


def test_after_a_lead_in_the_first_set_does_not_repeat_the_setup() -> None:
    writer = CueWriter(setup_mode="always")
    lead_in(writer)
    work = writer.phrases_for(started(StepKind.WORK, BRIDGE, duration=84, first=True))
    assert len(work) == 1


def test_a_resumed_session_names_the_set() -> None:
    phrases = CueWriter().phrases_for(
        started(StepKind.WORK, HAMSTRING, set_number=2, side=Side.RIGHT, first=True)
    )
    assert (
        phrases[0].text == "Hamstring stretch, set two of two, right side. Hold for sixty seconds."
    )


def test_an_unknown_setup_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="setup_mode"):
        CueWriter(setup_mode="sometimes")  # type: ignore[arg-type]


# ---------------------------------------------------------------- interrupts


def test_an_announcement_cuts_off_only_earlier_moments() -> None:
    new = Phrase("Rest thirty seconds.", "announce", AT, interrupt=True)
    assert interrupts(new, Phrase("Keep breathing.", "cue", AT - 2))
    assert not interrupts(new, Phrase("Skipping Bridge.", "announce", AT, interrupt=True))
    assert not interrupts(Phrase("Two", "count", AT), Phrase("Three", "count", AT - 1))


def test_staleness_is_measured_from_the_moment() -> None:
    phrase = Phrase("Three", "count", AT, STALE_COUNT_S)
    assert not phrase.is_stale(AT + 0.5)
    assert phrase.is_stale(AT + 0.7)
    assert not Phrase("Bridge.", "announce", AT).is_stale(AT + 100)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (13, "thirteen"),
        (21, "twenty-one"),
        (45, "forty-five"),
        (60, "sixty"),
        (90, "ninety"),
        (100, "one hundred"),
        (125, "one hundred twenty-five"),
        (3600, "three thousand six hundred"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "zero seconds"),
        (1, "one second"),
        (13, "thirteen seconds"),
        (21, "twenty-one seconds"),
        (45, "forty-five seconds"),
        (60, "sixty seconds"),
        (90, "one minute thirty"),
        (100, "one minute forty"),
        (120, "two minutes"),
        (125, "two minutes five"),
        (3600, "one hour"),
        (3661, "one hour one minute one second"),
        (2.5, "two and a half seconds"),
        (0.5, "half a second"),
        (1e-300, "less than a second"),  # issue 13: once "zero seconds"
        (0.2, "less than a second"),
    ],
)
def test_duration_words(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words


def test_number_words_refuses_negatives() -> None:
    with pytest.raises(ValueError):
        number_words(-1)


def test_lead_in_time_covers_the_setup_only_when_it_will_be_read() -> None:
    writer = CueWriter(setup_mode="first")
    with_setup = writer.lead_in_seconds(BRIDGE)
    lead_in(writer)  # the setup is heard once
    assert writer.lead_in_seconds(BRIDGE) < with_setup
    spoken = sum(len(line) for line in BRIDGE.setup) * SECONDS_PER_CHAR
    assert with_setup >= spoken


# ---------------------------------------------------------------- coaching (issue 14)

SQUAT = Exercise(
    id="squat",
    name="Tempo squat",
    kind=Kind.REPS,
    sets=2,
    reps=5,
    tempo=Tempo(2, 1, 3),
    setup=("Stand in front of a chair.",),
    caution="A groin pinch with FAI: stop",
)


def pause_before(
    kind: StepKind, ex: Exercise, coming: Step, *, rest_kind: RestKind | None = None
) -> StepStarted:
    step = Step(kind, 0, max(coming.set_number - 1, 0), coming.side, rest_kind, 10.0)
    return StepStarted(AT, step, ex, 10.0, False, None, next_step=coming)


def test_a_paced_set_is_introduced_by_its_pause_and_starts_on_its_first_word() -> None:
    writer = CueWriter()
    work = Step(StepKind.WORK, 0, 1)
    lead = writer.phrases_for(pause_before(StepKind.GET_READY, SQUAT, work))
    assert lead[0].text == "Get ready: Tempo squat. Five reps, hold one second at the top."
    start = StepStarted(AT + 10, work, SQUAT, 30.0, first_of_exercise=True, next_exercise=None)
    assert writer.phrases_for(start) == []  # no intro over the first rep's words
    (lift,) = writer.phrases_for(RepPhase(AT + 10, work, 1, None, "lift", 2.0, 0.0))
    assert lift.text == "Lift" and lift.interrupt  # it cuts off what is left of the lead-in


def test_a_rest_between_paced_sets_names_the_set_to_come() -> None:
    writer = CueWriter()
    work = Step(StepKind.WORK, 0, 2)
    rest = pause_before(StepKind.REST, SQUAT, work, rest_kind=RestKind.BETWEEN_SETS)
    assert texts(writer.phrases_for(rest)) == ["Rest ten seconds. Then set two of two."]
    start = StepStarted(AT + 10, work, SQUAT, 30.0, first_of_exercise=False, next_exercise=None)
    assert writer.phrases_for(start) == []


def test_a_paced_set_reached_without_a_pause_is_announced_as_before() -> None:
    writer = CueWriter()
    work = Step(StepKind.WORK, 0, 1)
    start = StepStarted(AT, work, SQUAT, 30.0, first_of_exercise=True, next_exercise=None)
    assert (
        texts(writer.phrases_for(start))[0] == "Tempo squat. Five reps, hold one second at the top."
    )


def test_the_lead_in_to_an_exercise_done_on_each_side_says_which_side_comes_first() -> None:
    # The listener sets up on the mat for that side during the get-ready, not at the set.
    right = Step(StepKind.WORK, 0, 1, Side.RIGHT)
    hold = writer_texts(pause_before(StepKind.GET_READY, HAMSTRING, right))
    assert hold == ["Get ready: Hamstring stretch. Right side first."]
    after = pause_before(StepKind.REST, CLAMS, right, rest_kind=RestKind.AFTER_EXERCISE)
    assert writer_texts(after) == ["Rest ten seconds. Next: Clamshell. Right side first."]
    left = Step(StepKind.WORK, 0, 2, Side.LEFT)  # a session resumed on a set's left side
    resumed = writer_texts(pause_before(StepKind.GET_READY, HAMSTRING, left))
    assert resumed == ["Get ready: Hamstring stretch. Left side first."]
    # Alternating sides have no first side; a rest between sets is no lead-in.
    march = writer_texts(pause_before(StepKind.GET_READY, MARCH, Step(StepKind.WORK, 0, 1)))
    assert march == ["Get ready: March."]
    between = pause_before(StepKind.REST, HAMSTRING, right, rest_kind=RestKind.BETWEEN_SETS)
    assert writer_texts(between) == ["Rest ten seconds."]


def test_the_lead_in_lasts_long_enough_for_the_first_side() -> None:
    writer = CueWriter(setup_mode="never", speak_cautions=False)
    one_side = HAMSTRING.with_dose(sides=SideMode.NONE)
    said = SECONDS_PER_CHAR * len(" Right side first.")
    # Whole seconds, rounded up: the one-sided lead-in's words took more than its value - 1.
    assert writer.lead_in_seconds(HAMSTRING) >= math.ceil(
        writer.lead_in_seconds(one_side) - 1 + said
    )


def test_a_lead_in_stretched_for_the_voice_lasts_whole_seconds() -> None:
    """A rest stretched to 18.5 s was announced "Rest eighteen and a half seconds."."""
    for setup_mode in ("always", "never"):
        writer = CueWriter(setup_mode=setup_mode)
        for ex in (HAMSTRING, BRIDGE, SQUAT):
            lead_in = writer.lead_in_seconds(ex)
            assert lead_in == int(lead_in) > 0, (setup_mode, ex.id, lead_in)


def writer_texts(event: StepStarted) -> list[str]:
    return texts(CueWriter().phrases_for(event))


def test_a_paced_set_with_a_short_lift_starts_on_go() -> None:
    quick = Exercise(id="q", name="Quick", kind=Kind.REPS, reps=5, tempo=Tempo(1, 1, 1))
    writer = CueWriter()
    work = Step(StepKind.WORK, 0, 1)
    writer.phrases_for(pause_before(StepKind.GET_READY, quick, work))
    start = StepStarted(AT + 10, work, quick, 15.0, first_of_exercise=True, next_exercise=None)
    (go,) = writer.phrases_for(start)
    assert go.text == "Go." and go.interrupt


def test_the_caution_is_said_once_a_session_after_the_setup() -> None:
    writer = CueWriter(setup_mode="always")
    work = Step(StepKind.WORK, 0, 1)
    phrases = writer.phrases_for(pause_before(StepKind.GET_READY, SQUAT, work))
    assert [(p.kind, p.line) for p in phrases] == [
        ("announce", None),
        ("setup", 0),
        ("caution", None),
    ]
    assert phrases[-1].text == "Caution: A groin pinch with FAI: stop."
    again = writer.phrases_for(pause_before(StepKind.GET_READY, SQUAT, work))
    assert [p.kind for p in again] == ["announce", "setup"]
    writer.phrases_for(SessionStarted(AT, Routine("r", "R", (SQUAT,))))
    later = writer.phrases_for(pause_before(StepKind.GET_READY, SQUAT, work))
    assert later[-1].kind == "caution"  # a new session says it again


def test_the_spoken_caution_can_be_turned_off() -> None:
    writer = CueWriter(speak_cautions=False)
    work = Step(StepKind.WORK, 0, 1)
    phrases = writer.phrases_for(pause_before(StepKind.GET_READY, SQUAT, work))
    assert "caution" not in [p.kind for p in phrases]
    assert CueWriter().lead_in_seconds(SQUAT) > writer.lead_in_seconds(SQUAT)


def test_setup_lines_carry_their_place_for_the_screen() -> None:
    phrases = CueWriter().phrases_for(started(StepKind.GET_READY, BRIDGE, duration=10))
    assert [p.line for p in phrases if p.kind == "setup"] == [0, 1]


def test_a_count_taken_back_says_where_the_count_is_now() -> None:
    (phrase,) = CueWriter().phrases_for(RepUncounted(AT, WORK, 2, 12))
    assert phrase.text == "Back to two." and phrase.interrupt


def test_a_step_reached_during_a_pause_is_named_and_still_paused() -> None:
    """Back, Next or Skip while paused: the voice says where, not the setup, then "Paused."."""
    writer = CueWriter(setup_mode="first")
    step = Step(StepKind.GET_READY, 0, 0, None, None, 10)
    paused = StepStarted(
        AT, step, BRIDGE, 10, first_of_exercise=False, next_exercise=None, paused=True
    )
    assert texts(writer.phrases_for(paused)) == ["Get ready: Bridge.", "Paused."]
    assert writer.setup_heard == set()  # read at a lead-in that runs


def _said_after_lowering(r: Routine) -> list[str]:
    """What the voice says from choosing a lower dose after the first set's pain question."""
    from hiptimer.core.clock import FakeClock
    from tests.harness import fake_engine

    clock = FakeClock()
    engine, writer = fake_engine(r, clock), CueWriter()
    events: list[Event] = []
    engine.subscribe(events.append)
    engine.start()
    engine.next()  # through the get-ready
    while engine.step.kind is StepKind.WORK:
        engine.count_rep()
    engine.rate_pain(8)
    seen = len(events)
    for event in events[:seen]:
        writer.phrases_for(event)
    engine.choose(PainChoice.LOWER)
    return [p.text for event in events[seen:] for p in writer.phrases_for(event)]


def test_a_dose_lowered_after_an_exercises_last_set_is_not_said_as_the_next_ones() -> None:
    # Seen under Xvfb: "Now five reps." over the next exercise's rest, as if of that one.
    from tests.harness import hold, quick_routine, self_paced

    last = _said_after_lowering(quick_routine(self_paced(n=9, sets=1), hold(hold_s=10)))
    assert "Going lighter." in last and not any(t.startswith("Now ") for t in last)
    more = _said_after_lowering(quick_routine(self_paced(n=9, sets=2), hold(hold_s=10)))
    assert "Now six reps." in more

"""A suggestion card writes its dose as its reasons and the library do: the exercise decides."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation, recommend
from hiptimer.core.dosing.words import WAITS_FOR_MORNING as WAITS
from hiptimer.core.dosing.words import next_dose_text
from hiptimer.core.routines.model import Exercise, Kind, Routine, SideMode, dose_text
from hiptimer.core.session.steps import Side
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from tests.core.dosing.exposures import GOOD, LADDER, SINGLE, SINGLE_START, STRETCH, history, on0, s
from tests.ui.drawn import wrapped

MARCH = Exercise(
    "march", "Marching", Kind.REPS, sets=2, reps=10, reps_range=(8, 12),
    sides=SideMode.ALTERNATING,
)  # fmt: skip


def card_words(qtbot: QtBot, ex: Exercise, rec: Recommendation) -> tuple[str, str]:
    """The dose line and the reason of the one card a panel shows for `rec`."""
    panel = RecommendationsPanel(Routine("r", "R", (ex,)), [rec])
    qtbot.addWidget(panel)
    [card] = panel.cards
    return words(card.dose.text()), words(card.reason.text())


def words(text: str) -> str:
    """What a label says, its no-break spaces read as spaces."""
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("ex", "side", "words"),
    [
        (STRETCH, None, " each side"),
        (dataclasses.replace(STRETCH, sides=SideMode.NONE), Side.LEFT, ""),
    ],
    ids=["no-side-on-each-side", "a-side-on-both-legs"],
)
def test_the_exercise_decides_each_side_not_the_side_judged(
    qtbot: QtBot, ex: Exercise, side: Side | None, words: str
) -> None:
    # History rows from before sides were kept have none: the dose line read '3 x 30 s ->
    # 3 x 25 s', as if in all, above a reason ending 'go back to 3 x 25 s each side.' A side
    # judged of a stretch edited since to be done with both legs said 'each side' the other way.
    flare = dataclasses.replace(recommend(history(ex, s(7)), ex), side=side)
    dose, reason = card_words(qtbot, ex, flare)
    assert dose == f"3 x 30 s \u2192 3 x 25 s{words}"
    assert reason.endswith(f"Next time, go back to 3 x 25 s{words}.")


def test_an_exercise_done_with_alternating_sides_says_so_as_the_library_does(
    qtbot: QtBot,
) -> None:
    # The library reads '2 x 10 (8-12) reps each side, alternating'; the card read '2 x 10
    # reps -> 2 x 8 reps', as if the reps were both legs' together.
    assert dose_text(MARCH).endswith("reps each side, alternating")
    flare = recommend(history(MARCH, s(7)), MARCH)
    dose, reason = card_words(qtbot, MARCH, flare)
    assert dose == "2 x 10 reps \u2192 2 x 8 reps each side, alternating"
    assert reason.endswith("Next time, go back to 2 x 8 reps each side, alternating.")
    assert next_dose_text(MARCH) == "2 x 10 reps each side, alternating"  # 'Saved: next time'


@pytest.mark.parametrize(
    ("ex", "rec", "expected"),
    [
        (
            LADDER,
            recommend(history(LADDER, GOOD, GOOD), LADDER),
            "3 x 15 reps \u2192 Single-leg bridge, 2 x 8 reps each side",
        ),
        (
            SINGLE,
            recommend(history(SINGLE, s(7), doses=(on0(15), SINGLE_START)), SINGLE),
            "2 x 8 reps each side \u2192 Bridge, 3 x 15 reps",
        ),
    ],
    ids=["up-to-each-side", "back-to-both-legs"],
)
def test_a_move_on_the_ladder_says_each_variant_s_sides_as_the_reason_does(
    qtbot: QtBot, ex: Exercise, rec: Recommendation, expected: str
) -> None:
    # Up from the bridge the reason said 'the next step: Single-leg bridge, 2 x 8 reps each
    # side' below a dose line without 'each side'.
    dose, reason = card_words(qtbot, ex, rec)
    assert dose == expected
    assert expected.split("\u2192 ")[1] in reason


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_dose_never_breaks_over_two_lines_of_a_card(qtbot: QtBot, language: str) -> None:
    # A narrow card read "vuelve a 1" at the end of a line and "x 25 s" at the start of the
    # next. Its dose line ("3 x 30 s -> 3 x 25 s") and each dose in its reason stay whole.
    i18n.use(language)
    ex = dataclasses.replace(STRETCH, sides=SideMode.NONE)
    panel = RecommendationsPanel(Routine("r", "R", (ex,)), [recommend(history(ex, s(7)), ex)])
    qtbot.addWidget(panel)
    [card] = panel.cards
    assert "3\u00a0x\u00a025\u00a0s" in card.reason.text()
    # The arrow goes with the new dose; a line may break before it, or a narrow card would
    # cut the whole change at its edge.
    assert card.dose.text() == "3\u00a0x\u00a030\u00a0s \u2192\u00a03\u00a0x\u00a025\u00a0s"
    for width in range(40, 400, 7):
        assert any("3 x 25 s" in line for line in map(words, wrapped(card.reason, width))), width
        lines = [words(line) for line in wrapped(card.dose, width)]
        assert any("3 x 30 s" in line for line in lines), width
        assert any("\u2192 3 x 25 s" in line for line in lines), width


def test_the_morning_note_goes_on_in_lowercase_after_its_colon_in_spanish(
    qtbot: QtBot, spanish: None
) -> None:
    # "Estiramiento: Lo sabremos mañana..." (Spanish writes lowercase after a colon).
    waits = Recommendation(STRETCH.id, None, DoseAction.STAY, Dose.of(STRETCH), None, "", WAITS)
    at = datetime(2026, 12, 6, 18, tzinfo=timezone.utc)
    panel = RecommendationsPanel(Routine("r", "R", (STRETCH,)), [waits], at=at)
    qtbot.addWidget(panel)
    assert panel.note.text().startswith(f"{STRETCH.name}: lo sabremos mañana")

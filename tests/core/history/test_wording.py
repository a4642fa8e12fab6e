"""The history in words: recorded dose changes and how sessions ended, in each language."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from hiptimer.core.history.records import DosePoint
from hiptimer.core.history.result_text import unit_text
from hiptimer.core.history.wording import (
    adjustment_text,
    change_text,
    dose_label,
    pain_change,
    set_label,
    with_side,
)


def test_a_dose_change_names_its_unit() -> None:
    assert change_text("reps", 10, 12) == "10 reps \u2192 12 reps"
    assert change_text("hold_s", 30, 35.5) == "30 s \u2192 35.5 s"
    assert change_text("sets", 1, 2) == "1 set \u2192 2 sets"
    assert change_text("sets", None, 2) == "- \u2192 2 sets"
    assert change_text("hold_s", 60, 65) == "1 min \u2192 65 s"  # as the library writes them


def test_a_planned_dose_of_whole_minutes_reads_as_the_library_writes_it() -> None:
    # The PDF's "Dose first \u2192 last" read "300 s \u2192 300 s" for a "1 x 5 min" cardio.
    at = datetime(2026, 11, 29, 16, tzinfo=timezone.utc)
    assert dose_label(DosePoint(at, 300.0, None, 1)) == "5 min"
    assert dose_label(DosePoint(at, 45.0, None, 1)) == "45 s"


@pytest.mark.usefixtures("spanish")
def test_a_planned_dose_of_whole_minutes_in_spanish() -> None:
    at = datetime(2026, 11, 29, 16, tzinfo=timezone.utc)
    assert dose_label(DosePoint(at, 120.0, None, 1)) == "2 min"
    assert change_text("hold_s", 60, 35.5) == "1 min \u2192 35,5 s"


@pytest.mark.usefixtures("spanish")
def test_a_dose_change_in_spanish() -> None:
    assert change_text("reps", 1, 12) == "1 repetición \u2192 12 repeticiones"
    assert change_text("hold_s", 30, 35.5) == "30 s \u2192 35,5 s"
    assert change_text("sets", 3, 4) == "3 series \u2192 4 series"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "30 s \u2192 35 s; 10 reps \u2192 11 reps"),
        ("es", "30 s \u2192 35 s; 10 repeticiones \u2192 11 repeticiones"),
    ],
)
def test_a_stored_adjustment_reads_as_the_screens_word_a_change(
    request: pytest.FixtureRequest, language: str, shown: str
) -> None:
    # The History window's Adjustment column showed the CSV's 'hold 30 -> 35 s' (in English
    # in Spanish too) beside the summary's and the dose cards' arrow.
    if language == "es":
        request.getfixturevalue("spanish")
    assert adjustment_text("hold 30 -> 35 s; reps 10 -> 11") == shown
    assert adjustment_text("+2 reps; hold 6 -> 4.5 s") == "+2 reps; 6 s \u2192 " + (
        "4.5 s" if language == "en" else "4,5 s"
    )  # a form HipTimer never wrote, as stored
    assert adjustment_text("") == ""


def test_result_units_we_write_are_worded_in_the_language_and_others_as_written(
    spanish: None,
) -> None:
    assert [unit_text(u) for u in ("stands", "s", "degrees", "cm")] == [
        "levantamientos", "s", "grados", "cm",
    ]  # fmt: skip
    assert unit_text("reps of mine") == "reps of mine"  # a routine's own: never translated


def test_an_exercise_and_its_side_one_wording_for_every_view() -> None:
    assert with_side("Clamshell", "right") == "Clamshell (right)"
    assert with_side("Single-leg stance", "left") == "Single-leg stance (left)"
    assert with_side("Bridge", None) == "Bridge"
    assert set_label("Bridge", 2, "left") == "Bridge, set 2 (left)"


def test_an_exercise_and_its_side_in_spanish_agree_whatever_the_names_gender(
    spanish: None,
) -> None:
    # "Sentadilla (derecho)" is wrong Spanish: the side names the "lado", not the exercise.
    assert with_side("Almeja", "right") == "Almeja (lado derecho)"
    assert with_side("Sentadilla", "left") == "Sentadilla (lado izquierdo)"
    assert with_side("Puente", None) == "Puente"
    assert set_label("Sentadilla", 2, "right") == "Sentadilla, serie 2 (lado derecho)"
    assert set_label("Puente", 1, "left") == "Puente, serie 1 (lado izquierdo)"
    assert set_label("Puente", 3, None) == "Puente, serie 3"


def test_a_change_of_average_pain_is_given_to_one_decimal_as_the_averages_are() -> None:
    assert [pain_change(c) for c in (-2.0, 0.5, -0.04, 0.0, 2.25, -0.25, 1.15)] == [
        "-2.0",
        "+0.5",
        "0.0",
        "0.0",
        "+2.3",
        "-0.3",
        "+1.2",
    ]  # fmt: skip  (halves away from zero, as by hand; round() gave +2.2 and +1.1)


@pytest.mark.usefixtures("spanish")
def test_a_change_of_average_pain_in_spanish() -> None:
    assert pain_change(-1.5) == "-1,5"

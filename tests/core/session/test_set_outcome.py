"""Tests of the one definition of a set's outcome (core/session/set_outcome.py) and its counts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hiptimer.core.session.set_outcome import (
    Outcome,
    SetCounts,
    attempt_outcome,
    count_sets,
    deciding,
    set_outcomes,
)


@dataclass(frozen=True)
class Tried:
    """One attempt at a set, as set_outcome.Attempt reads it (the engine's or the store's)."""

    set_number: int
    completed: bool = True
    skipped: bool = False
    side: str | None = None
    exercise_id: str = "bridge"


def attempt(
    number: int = 1, *, done: bool = True, skipped: bool = False, side: str | None = None
) -> Tried:
    return Tried(number, completed=done, skipped=skipped, side=side)


@pytest.mark.parametrize(
    ("completed", "skipped", "outcome"),
    [
        (True, False, Outcome.DONE),
        (False, False, Outcome.PARTLY_DONE),
        (False, True, Outcome.SKIPPED),
        (True, True, Outcome.SKIPPED),  # skipped wins: the schema allows both flags
    ],
)
def test_an_attempt_is_done_partly_done_or_skipped(
    completed: bool, skipped: bool, outcome: Outcome
) -> None:
    assert attempt_outcome(completed, skipped) is outcome


def test_a_set_tried_again_counts_once_by_its_best_attempt() -> None:
    tries = [attempt(1), attempt(2, done=False, skipped=True), attempt(2), attempt(3, done=False)]
    assert set_outcomes(tries) == {
        ("bridge", 1, None): Outcome.DONE,
        ("bridge", 2, None): Outcome.DONE,  # skipped, then done after Back
        ("bridge", 3, None): Outcome.PARTLY_DONE,
    }
    assert deciding(tries) == [True, False, True, True]
    # Done, then done again: the last of equals decides; a worse repeat never does.
    assert deciding([attempt(1), attempt(1)]) == [False, True]
    assert deciding([attempt(1), attempt(1, done=False)]) == [True, False]
    # Each side is a set of its own.
    assert len(set_outcomes([attempt(1, side="right"), attempt(1, side="left")])) == 2


def test_the_planned_sets_without_an_attempt_are_not_reached() -> None:
    tries = [attempt(1), attempt(2, done=False, skipped=True), attempt(2)]
    assert count_sets(tries, 4) == SetCounts(done=2, not_reached=2)
    assert count_sets(tries, None) == SetCounts(done=2)  # the plan is not known
    assert count_sets(tries, 1) == SetCounts(done=2)  # never below 0
    assert count_sets([], 3).text() == "0 of 3 sets done, 3 not reached"


def test_the_words_every_view_uses() -> None:
    counts = SetCounts(done=3, partly_done=1, skipped=2, not_reached=1)
    assert counts.text() == "3 of 7 sets done, 1 partly done, 2 skipped, 1 not reached"
    assert SetCounts(done=1).text() == "1 of 1 set done"
    assert SetCounts().text() == "no sets"
    assert not counts.all_done and SetCounts(done=2).all_done and counts.begun == 4


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (SetCounts(done=24, partly_done=1), "24 de 25 series hechas, 1 hecha en parte"),
        (SetCounts(done=3, partly_done=2), "3 de 5 series hechas, 2 hechas en parte"),
        (
            SetCounts(done=3, skipped=1, not_reached=1),
            "3 de 5 series hechas, 1 omitida, 1 sin llegar",
        ),
    ],
)
def test_the_counts_agree_in_number_in_spanish(
    counts: SetCounts, expected: str, spanish: None
) -> None:
    """History said '24 de 25 series hechas, 1 hechas en parte' (seen under Xvfb)."""
    assert counts.text() == expected

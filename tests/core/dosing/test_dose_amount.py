"""A dose is written the same way everywhere: the cards' and reasons' words as the library's."""

from __future__ import annotations

import pytest

from hiptimer.core.dosing.dose_steps import Dose, dose_text
from hiptimer.core.routines import model
from hiptimer.core.routines.model import Exercise, Kind, SideMode


@pytest.mark.parametrize("hold_s", [2.5, 30, 45, 60, 90, 120])
@pytest.mark.parametrize("sides", [SideMode.NONE, SideMode.EACH])
def test_a_hold_reads_on_a_card_as_the_library_writes_it(hold_s: float, sides: SideMode) -> None:
    ex = Exercise(id="stretch", name="Stretch", kind=Kind.HOLD, hold_s=hold_s, sets=3, sides=sides)
    # The summary's card said "3 x 60 s each side" under a library that said "3 x 1 min".
    assert dose_text(Dose.of(ex), ex) == model.dose_text(ex)


def test_reps_read_on_a_card_as_the_library_writes_them() -> None:
    ex = Exercise(id="bridge", name="Bridge", kind=Kind.REPS, reps=12, sets=2)
    assert dose_text(Dose.of(ex), ex) == model.dose_text(ex) == "2 x 12 reps"

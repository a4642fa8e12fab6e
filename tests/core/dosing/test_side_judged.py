"""Which side an exercise done on each side is judged on, where both sides get the same kind of
suggestion for different reasons."""

from __future__ import annotations

import dataclasses

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.rules import per_exercise, recommend
from hiptimer.core.session.steps import Side
from tests.core.dosing.exposures import STRETCH, history, s


def test_where_both_sides_stay_the_side_that_hurt_more_is_named() -> None:
    """user27, a real week under Xvfb: the right side hurt 3, the left 4; both sides were to
    keep the dose, and the card read "Right side: Pain reached 3 on 3 November", the milder
    side, as the right was judged first. docs/pain-rules.md promises the more cautious side
    where the reasons differ, its own example "Left side: Pain reached 4 on 3 March"."""
    for first, second in ((Side.RIGHT, Side.LEFT), (Side.LEFT, Side.RIGHT)):
        milder = dataclasses.replace(history(STRETCH, s(1), s(3)), side=first)
        worse = dataclasses.replace(history(STRETCH, s(1), s(4)), side=second)
        recs = [recommend(h, STRETCH) for h in (milder, worse)]
        assert [r.action for r in recs] == [DoseAction.STAY, DoseAction.STAY]
        (card,) = per_exercise(recs)
        assert card.side is second
        assert "Pain reached 4" in card.reason and card.reason.startswith(
            "Left side:" if second is Side.LEFT else "Right side:"
        )

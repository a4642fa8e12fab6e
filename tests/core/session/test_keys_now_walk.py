"""engine.keys_now() remembers +/- per step, length and dose: a random walk through every
move a user can make must never find it out of date."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from hiptimer.core.clock import FakeClock
from hiptimer.core.routines.model import Routine, SideMode, Tempo
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice
from tests.harness import fake_engine, hold, reps, routine

ROUTINES: list[Callable[[], Routine]] = [
    lambda: routine(hold("a", hold_s=6, sets=2, sides=SideMode.EACH), reps("b", n=2, sets=2)),
    lambda: routine(reps("b", n=1, sets=2, tempo=Tempo(1, 1, 1)), hold("c", hold_s=2)),
    lambda: routine(reps("s", n=2, sets=2), hold("h", hold_s=11, sets=3)),
]


def move(e: SessionEngine, clock: FakeClock, rnd: random.Random) -> None:
    op = rnd.choice(["time", "time", "time", "plus", "minus", "pause", "toggle", "next",
                     "back", "skip", "rate", "choose", "count", "uncount", "rerate"])  # fmt: skip
    if op == "time":
        clock.advance(rnd.choice([0.1, 0.5, 1, 3]))
        e.update()
    elif op in ("plus", "minus"):
        e.adjust(+1 if op == "plus" else -1)
    elif op == "pause":
        e.pause()
    elif op == "toggle":
        e.toggle_pause()
    elif op == "next":
        e.next()
    elif op == "back":
        e.back()
    elif op == "skip":
        e.skip_exercise()
    elif op == "rate":
        e.rate_pain(rnd.choice([2, 8]))
    elif op == "choose":
        e.choose(rnd.choice(list(PainChoice)))
    elif op == "count":
        e.count_rep()
    elif op == "uncount":
        e.uncount_rep()
    else:
        e.change_rating()


@pytest.mark.parametrize("which", range(len(ROUTINES)))
def test_the_remembered_keys_always_match_a_fresh_answer(which: int) -> None:
    for seed in range(40):
        rnd = random.Random(seed)
        clock = FakeClock()
        e = fake_engine(ROUTINES[which](), clock)
        e.start()
        for step in range(150):
            move(e, clock, rnd)
            assert e.keys_now() == (e.can_adjust(+1), e.can_adjust(-1)), (seed, step, e.step)
            view = e.view()
            assert not view.can_lower or view.awaiting_choice
            if not e.running:
                break

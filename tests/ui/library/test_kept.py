"""The holder that keeps what the library hands to threads: the last two, the older let go."""

from __future__ import annotations

import gc
import weakref

from hiptimer.ui.library.kept import LastTwo


class Work:
    """Stands for a LibraryReading."""


def test_it_keeps_the_last_two_and_lets_the_one_before_them_go() -> None:
    kept: LastTwo[Work] = LastTwo()
    assert kept.last is None
    first = kept.add(Work())
    gone = weakref.ref(first)
    second = kept.add(Work())
    del first
    gc.collect()
    assert gone() is not None  # the one before the last: kept
    third = kept.add(Work())
    gc.collect()
    assert gone() is None and kept.last is third and second is not None

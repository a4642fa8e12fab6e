"""The words over the steps' panel: which steps (or which part of one) are on screen, and the key to the rest."""

from __future__ import annotations

from hiptimer.i18n import N_, translate
from hiptimer.ui.keys import Action, Mode, first_key

HEADING = N_("How to do it")
# Where the steps do not all fit, even at MIN_PX: which are on screen, and the key for the next.
PAGED_HEADING = N_("How to do it: steps {first}-{last} of {count} ({key}: more)")
PAGED_HEADING_ONE = N_("How to do it: step {first} of {count} ({key}: more)")
# And where one step alone does not fit: which of its parts is on screen.
PAGED_HEADING_PART = N_(
    "How to do it: step {first} of {count}, part {part} of {parts} ({key}: more)"
)
# Where not a line of a step fits beside the caution: the key that shows them in its place.
STEPS_ASIDE_HEADING = N_("How to do it: the steps ({key}: show them)")


def _key() -> str:
    return first_key(Action.STEPS_PAGE, Mode.WORKOUT)


def page_heading(first: int, last: int, count: int) -> str:
    """Steps `first` to `last` (from 1) of `count` on screen."""
    words = translate(PAGED_HEADING if last > first else PAGED_HEADING_ONE)
    return words.format(first=first, last=last, count=count, key=_key())


def part_heading(step: int, part: int, parts: int, count: int) -> str:
    """Part `part` of `parts` of step `step` (from 0) of `count` on screen."""
    words = translate(PAGED_HEADING_PART)
    return words.format(first=step + 1, count=count, part=part, parts=parts, key=_key())


def steps_aside_heading() -> str:
    """The caution on screen, and the key that shows the steps in its place."""
    return translate(STEPS_ASIDE_HEADING).format(key=_key())

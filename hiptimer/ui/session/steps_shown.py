"""Whether the exercise's steps and caution show during a set: on I, and in a first set that
no pause led into (a 0 s get-ready or rest), where the voice reads them too."""

from __future__ import annotations

from collections.abc import Set

from hiptimer.core.session.steps import Step


class StepsShown:
    """I keeps the steps on screen in the sets too, or only in the pauses; an exercise whose
    lead-in was skipped shows them in its first set as if I were pressed, and I hides them."""

    def __init__(self, without_lead_in: Set[Step]) -> None:
        self.wanted = False  # I: in every set from now on
        self._led_out = without_lead_in
        self._hidden: Step | None = None  # a set of _led_out whose steps I hid

    def during(self, step: Step) -> bool:
        """Whether they show during this set (or switch of sides)."""
        return self.wanted or (step in self._led_out and step != self._hidden)

    def toggle(self, step: Step) -> None:
        if self.during(step) and not self.wanted:
            self._hidden = step
        else:
            self.wanted = not self.wanted

"""An exercise's "test" field: a functional re-test and how its result is measured."""

from __future__ import annotations

from typing import Any, Protocol

from hiptimer.core.routines.json_fields import blank, describe
from hiptimer.core.routines.model import Kind, Measure, Retest
from hiptimer.i18n import N_

_FIELDS = {"measure", "unit", "better"}
MAX_UNIT = 20


class Checker(Protocol):
    """The parts of the routine checker this uses."""

    def err(self, where: str, template: str, **values: object) -> None: ...
    def obj(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any] | None: ...
    def text(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        required: bool = ...,
        limit: int = ...,
        shown: bool = ...,
    ) -> str: ...


def parse_retest(
    checker: Checker, exercise: dict[str, Any], where: str, kind: Kind | None
) -> Retest | None:
    """The re-test of an exercise's data, or None (problems go to `checker`)."""
    if "test" not in exercise:
        return None
    here = f"{where}.test" if where else "test"
    d = checker.obj(exercise["test"], here, _FIELDS)
    if d is None:
        return None
    if kind is not Kind.HOLD:
        checker.err(here, N_('a re-test is a timed set: only for kind "hold"'))
    measure = d.get("measure")
    if "measure" not in d:
        checker.err(f"{here}.measure", N_('required; expected "count", "time" or "value"'))
        return None
    if measure not in {m.value for m in Measure}:
        wrong = N_('expected "count", "time" or "value", got {got}')
        checker.err(f"{here}.measure", wrong, got=describe(measure))
        return None
    unit = checker.text(d, "unit", here, limit=MAX_UNIT, shown=True)
    if measure != Measure.TIME.value and blank(unit):  # a blank unit says nothing either
        checker.err(f"{here}.unit", N_('required for "count" and "value": what the number counts'))
    if measure == Measure.TIME.value and unit not in ("", "s"):  # else taken for "s" unsaid
        wrong = N_('a "time" is in seconds; leave the unit out, got {got}')
        checker.err(f"{here}.unit", wrong, got=describe(unit))
    better = d.get("better", "higher")
    if better not in ("higher", "lower"):
        checker.err(
            f"{here}.better", N_('expected "higher" or "lower", got {got}'), got=describe(better)
        )
        return None
    return Retest(Measure(measure), unit, better)

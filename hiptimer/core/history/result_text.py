"""A re-test's result in words ('12 stands', '12.7 cm'): one wording for every view."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hiptimer.i18n import N_, _, decimal, translate

# A re-test's result unit as the built-in routines and docs/routine-format.md write it,
# stored in English whatever the language; a unit of the user's own is shown as written.
RESULT_UNITS = {
    "s": N_("s"),
    # Translators: the unit of the 30-second chair stand's result: "12 stands".
    "stands": N_("stands"),
    "cm": N_("cm"),
    "degrees": N_("degrees"),
}


def unit_text(unit: str) -> str:
    """A stored result unit in the language in use ('stands' -> 'levantamientos')."""
    return translate(RESULT_UNITS[unit]) if unit in RESULT_UNITS else unit


def to_tenth(value: float) -> float:
    """`value` to one decimal, halves away from zero, as one rounds by hand: an average pain
    of 2.25 is 2.3 (round() and format() gave 2.2, the binary value's nearest even tenth, and
    a reader working it out from the CSV got 2.3). The shortest decimal that reads back as
    `value` is rounded, so 1.15 (23 ratings / 20) is 1.2 though its float is a hair less."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def result_number(value: float) -> str:
    """The number of a result to one decimal, as every view shows it ('12', '12.7')."""
    return decimal(to_tenth(value))


def result_text(value: float | None, unit: str | None) -> str:
    """'12 stands', '12.7 cm', '17.3 s'; 'no result' for a re-test that has none (a chair
    stand ended early, a measured value not typed in)."""
    if value is None:
        return _("no result")
    return f"{result_number(value)} {unit_text(unit or '')}".strip()

"""A re-test's result in words ('12 stands', '12.7 cm'): one wording for every view."""

from __future__ import annotations

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


def result_number(value: float) -> str:
    """The number of a result to one decimal, as every view shows it ('12', '12.7')."""
    return decimal(round(value, 1))


def result_text(value: float | None, unit: str | None) -> str:
    """'12 stands', '12.7 cm', '17.3 s'; 'no result' for a re-test that has none (a chair
    stand ended early, a measured value not typed in)."""
    if value is None:
        return _("no result")
    return f"{result_number(value)} {unit_text(unit or '')}".strip()

"""One pain colour scale for every screen, chart and report: a rating has one colour everywhere.

Three bands, those of the pain-monitoring model the suggestions follow (docs/pain-rules.md):
0-2 safe (green), 3-5 acceptable (amber), above 5 too much (red). The same in every theme, and
on paper; a colour is never the only signal, as the number is always written on or beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hiptimer.core.history.review import ACCEPTABLE_MAX, SAFE_MAX
from hiptimer.i18n import N_


@dataclass(frozen=True)
class PainBand:
    label: str  # the chart legend's words (translate them where shown)
    low: float  # chart edges: half-way between whole ratings
    high: float
    fill: str  # the colour of a rating in the band: scale buttons, table cells, chart bands
    ink: str  # text on the fill, at 4.5:1 or more


BANDS = (
    PainBand(N_("0-2 safe"), 0.0, SAFE_MAX + 0.5, "#1B7F3B", "#FFFFFF"),
    PainBand(N_("3-5 acceptable"), SAFE_MAX + 0.5, ACCEPTABLE_MAX + 0.5, "#F2B01E", "#000000"),
    PainBand(N_("over 5 too much"), ACCEPTABLE_MAX + 0.5, 10.0, "#C62828", "#FFFFFF"),
)
PAPER_TINT = (
    0.22  # on paper a band is its colour this strong over white: a grey print tells them apart
)


def band(value: float) -> PainBand:
    """The band of a rating, or of an average (3.4 is acceptable, 2.4 safe)."""
    for b in BANDS:
        if value <= b.high:
            return b
    return BANDS[-1]


def pain_fill(value: float) -> str:
    """The colour of a rating (or average) everywhere it is shown."""
    return band(value).fill


def pain_ink(value: float) -> str:
    """The colour of words written on pain_fill(value)."""
    return band(value).ink


def tint(value: float, strength: float = PAPER_TINT) -> str:
    """The rating's colour as a pale tint over white (the PDF's bands, behind black ink)."""
    return paper(band(value), strength)


def paper(b: PainBand, strength: float = PAPER_TINT) -> str:
    """A band's colour as a pale tint over white."""
    fill = b.fill.lstrip("#")
    parts = [int(fill[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(255 + (c - 255) * strength) for c in parts]
    return "#" + "".join(f"{c:02X}" for c in mixed)

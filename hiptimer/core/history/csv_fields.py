"""One CSV field exactly as csv.writer writes it, and text a spreadsheet would run as a
formula quoted (CSV injection)."""

from __future__ import annotations

import csv
import io
import math
import re
from decimal import ROUND_HALF_UP, Decimal

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
# routine name such as '=HYPERLINK(...)' must reach the clinician as text. OWASP's advice:
# put a single quote in front. Numbers are written as numbers, so -1 stays -1.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_PLAIN = re.compile(r'[^,"\r\n]*').fullmatch  # text csv.writer writes as it is


def safe_text(value: object) -> object:
    """`value`, with a quote in front where a spreadsheet would read text as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_number(value: float) -> str:
    """A stored number as a clinician writes it (docs/history.md): 3600 and 0, never 3600.0
    and 0.0; a fraction to at most three decimals, halves up, without trailing zeros (12.5).

    A hold is recorded to a tenth of a second and a typed result as typed, at most three
    decimals (the result prompt takes no fourth, KEPT_DECIMALS); a value another tool wrote
    with a binary tail (0.30000000000000004) reads 0.3.
    """
    if not math.isfinite(value):  # not one HipTimer writes; shown, not hidden
        return repr(value)
    text = format(Decimal(repr(value)).quantize(_THOUSANDTH, rounding=ROUND_HALF_UP), "f")
    text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# The decimals a number keeps in the CSV, and so the most a typed result may have: 1.2345
# typed was stored so and exported as 1.235 (record26).
KEPT_DECIMALS = 3
_THOUSANDTH = Decimal(1).scaleb(-KEPT_DECIMALS)


def csv_field(value: object) -> str:
    """One field exactly as csv.writer writes it (quoted when needed, None as empty).

    Text that a spreadsheet would run as a formula gets a quote in front (`safe_text`).
    """
    # The common cases without a csv.writer: a writer per field took 2.5 us, and a session
    # has twenty of its own fields (0.15 s of the ten-year export). Text needs quotes only
    # with the delimiter, the quote or a line end in it (QUOTE_MINIMAL).
    if value is None:
        return ""
    if type(value) is int:
        return str(value)
    if type(value) is float:
        return csv_number(value)
    if type(value) is str and not value.startswith(FORMULA_STARTS) and _PLAIN(value):
        return value
    value = safe_text(value)
    out = io.StringIO(newline="")
    # Two fields, as a lone "" is written quoted; the line end decides what needs quotes.
    csv.writer(out).writerow([value, ""])
    return out.getvalue()[:-3]

"""What the history window's charts show, in words: a screen reader's description of each."""

from __future__ import annotations

from collections.abc import Sequence

from hiptimer.core.history.records import DosePoint, PainPoint
from hiptimer.core.history.result_text import result_number, unit_text
from hiptimer.core.history.retests import RetestSeries
from hiptimer.core.history.wording import pain_number
from hiptimer.i18n import _, decimal, short_date


def pain_words(shown: Sequence[PainPoint]) -> str:
    """'From 3 Nov 2026 to 1 Dec 2026; the latest: average 2.5, highest 4' ("" for none)."""
    if not shown:
        return ""
    first, latest = shown[0], shown[-1]
    return _("From {first} to {last}; the latest: average {average}, highest {highest}").format(
        first=short_date(first.started_at.astimezone().date()),
        last=short_date(latest.started_at.astimezone().date()),
        average=pain_number(latest.avg_pain),  # as the tables give it
        highest=latest.max_pain,
    )


def dose_words(known: Sequence[tuple[DosePoint, float]], unit: str) -> str:
    """'From 3 Nov 2026 to 1 Dec 2026; the latest: 30 s' ("" with no dose recorded);
    `known`: review.known_doses; `unit` is dose_unit's ("s" or "reps")."""
    if not known:
        return ""
    (first, _value), (latest, value) = known[0], known[-1]
    return _("From {first} to {last}; the latest: {dose} {unit}").format(
        first=short_date(first.started_at.astimezone().date()),
        last=short_date(latest.started_at.astimezone().date()),
        dose=decimal(value),
        unit=unit,
    )


def result_words(series: RetestSeries | None) -> str:
    """'First 12 s on 3 Nov 2026; latest 17.3 s on 1 Dec 2026.': a test's first and latest
    result, the re-tests tab's summary and both result charts' description."""
    if series is None:
        return _("No re-test results in this period.")
    first, latest = series.points[0], series.points[-1]
    return _("First {first} {unit} on {day1}; latest {latest} {unit} on {day2}.").format(
        first=result_number(first[1]),
        latest=result_number(latest[1]),
        unit=unit_text(series.unit),
        day1=short_date(first[0].astimezone().date()),
        day2=short_date(latest[0].astimezone().date()),
    )

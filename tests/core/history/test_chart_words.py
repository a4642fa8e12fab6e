"""The history charts' descriptions for a screen reader: the period and the latest values."""

from __future__ import annotations

from datetime import datetime

import pytest

from hiptimer.core.history.chart_words import dose_words, pain_words, result_words
from hiptimer.core.history.records import DosePoint, PainPoint
from hiptimer.core.history.retests import RetestSeries
from hiptimer.core.history.review import known_doses

NOV, DEC = (
    datetime(2026, 11, 3, 12).astimezone(),  # local noon: the day a reader is told
    datetime(2026, 12, 1, 12).astimezone(),
)

STANCE = RetestSeries(
    "stance", "Single-leg stance", "left", "s", "higher", [(NOV, 12), (DEC, 17.34)]
)


def test_the_pain_chart_says_its_period_and_its_latest_average_and_highest() -> None:
    points = [PainPoint(NOV, 1.0, 2, 1, 3), PainPoint(DEC, 2.54, 4, 2, 3)]
    assert pain_words(points) == (
        "From 3 Nov 2026 to 1 Dec 2026; the latest: average 2.5, highest 4"
    )
    assert pain_words([]) == ""
    # An average of 2 reads as the sessions table gives it: "2.0", never "2".
    assert pain_words([PainPoint(DEC, 2.0, 3, 2, 3)]).endswith("average 2.0, highest 3")


def test_the_dose_chart_says_its_latest_dose_and_skips_sessions_without_one() -> None:
    points = [
        DosePoint(NOV, 20, None, 1),
        DosePoint(DEC, 30, None, 2),
        DosePoint(DEC, None, None, 3),
    ]
    assert known_doses(points) == [(points[0], 20.0), (points[1], 30.0)]
    assert dose_words(known_doses(points), "s") == (
        "From 3 Nov 2026 to 1 Dec 2026; the latest: 30 s"
    )
    assert dose_words(known_doses([DosePoint(NOV, None, None, 1)]), "s") == ""
    reps = [DosePoint(NOV, None, 12, 1)]
    assert (
        dose_words(known_doses(reps), "reps")
        == "From 3 Nov 2026 to 3 Nov 2026; the latest: 12 reps"
    )


def test_the_result_chart_says_the_first_and_the_latest_result_without_qt() -> None:
    # Shown under the re-tests tab's chart and describing both result charts; it lived in the
    # Qt module retests_pane, which the exercise pane imported for these words.
    assert result_words(STANCE) == "First 12 s on 3 Nov 2026; latest 17.3 s on 1 Dec 2026."
    assert result_words(None) == "No re-test results in this period."


def test_the_result_chart_writes_its_dates_as_the_other_charts_do() -> None:
    # It wrote ISO days ("2026-11-03") under the pain and dose charts' "3 Nov 2026".
    pain = pain_words([PainPoint(NOV, 1.0, 2, 1, 3), PainPoint(DEC, 2.0, 4, 2, 3)])
    assert pain.startswith("From 3 Nov 2026 to 1 Dec 2026;")
    assert "on 3 Nov 2026; " in result_words(STANCE) and result_words(STANCE).endswith(
        " on 1 Dec 2026."
    )


@pytest.mark.usefixtures("spanish")
def test_the_result_chart_writes_its_dates_as_the_other_charts_do_in_spanish() -> None:
    pain = pain_words([PainPoint(NOV, 1.0, 2, 1, 3), PainPoint(DEC, 2.0, 4, 2, 3)])
    assert pain.startswith("Del 3 nov 2026 al 1 dic 2026;")
    assert result_words(STANCE) == "Primero 12 s el 3 nov 2026; último 17,3 s el 1 dic 2026."

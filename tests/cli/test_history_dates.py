"""`hiptimer history list` on histories that fall on awkward dates, whatever today is.

The shared test history is counted back from today, so a listing's columns were only ever
tried on the days the suite happened to run: session 18 found a test that failed on days whose
sessions mixed one- and two-digit days. Here the same history falls on chosen weeks.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from hiptimer import paths
from hiptimer.cli.main import main
from hiptimer.core.history.store import open_history
from hiptimer.core.history.wording import when_text
from tests.history_data import Weeks, at, fill

AWKWARD_DAYS = [
    date(2026, 12, 7),  # 7 Dec beside 23 Nov: one- and two-digit days in one column
    date(2027, 1, 3),  # a Sunday; the weeks before it in the old year
    date(2027, 3, 29),  # the Monday after Europe's spring DST change, weeks before it in winter
    date(2027, 11, 8),  # the Monday after America's autumn change
    date(2028, 3, 1),  # the weeks around 29 February 2028
    date(2028, 1, 1),  # a Saturday, new year's day
]


@pytest.mark.parametrize("today", AWKWARD_DAYS, ids=str)
def test_the_list_names_each_session_s_day_in_aligned_columns(
    today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    weeks = Weeks(today)
    with open_history(paths.history_db_path()) as store:
        recorded = fill(store, weeks)
    assert main(["history", "list", "--limit", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header, rows = lines[0], lines[1:]
    assert header.split() == ["DATE", "ROUTINE", "TIME", "DONE", "MAX", "AVG", "NOTE"]
    newest_first = sorted(recorded.ids, key=lambda key: (key[1], recorded.ids[key]), reverse=True)
    assert len(rows) == len(newest_first)
    starts = [header.index(word) for word in ("ROUTINE", "TIME", "DONE")]
    for row, (routine, day) in zip(rows, newest_first, strict=True):
        # Each column starts under its heading, however wide the dates above and below it.
        assert [row[i - 2 : i] == "  " and row[i] != " " for i in starts] == [True] * 3, row
        date_text, title = re.split(r" {2,}", row)[:2]
        assert date_text == when_text(at(day))
        assert title == {"hips": "Hips", "stretch": "Stretches"}[routine]

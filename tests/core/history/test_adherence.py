"""Tests of adherence: periods from the first session, full weeks only, sets by outcome."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

import pytest

from hiptimer.core.history.adherence import (
    SessionKinds,
    adherence,
    listed_text,
    period_start,
    schedules_text,
)
from hiptimer.core.history.export import gather_report
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.i18n import short_date
from tests.history_data import HIPS, STRETCH, Weeks, fill, record


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def test_adherence_counts_only_full_weeks_against_the_schedule(
    store: HistoryStore, weeks: Weeks
) -> None:
    fill(store, weeks)
    since, until = weeks.week1 + timedelta(days=2), weeks.week2 + timedelta(days=9)  # Wed to Wed
    sessions = store.list_sessions("hips", since, until)
    result = adherence(store, sessions, HIPS.schedule, "hips", since, until)
    assert [w.sessions for w in result.weeks] == [1, 3, 0]
    assert result.full_weeks == [result.weeks[1]]
    assert (result.per_week, result.weeks_on_schedule) == (3.0, 1)
    assert result.summary()[:3] == [
        f"4 sessions in 3 weeks from {since.day} {since:%b %Y}",
        "3.0 a week on average over 1 full week",
        "at least 3 a week (the schedule: 3-4 times a week) in 1 of 1 full week",
    ]
    short = adherence(store, sessions[:1], None, "hips", weeks.week2 + timedelta(days=4), until)
    assert short.full_weeks == [] and short.weeks_on_schedule is None
    assert short.per_week is None and "no full week yet" in short.summary()


def test_the_period_starts_at_the_first_session_not_before(store: HistoryStore) -> None:
    # Issue 15: on day one the report said "0.0 a week over 12 full weeks".
    today = date(2025, 3, 12)  # a Wednesday
    record(store, HIPS, today, {("bridge", None): [2, 2]})
    twelve_weeks_ago = today - timedelta(weeks=12)
    sessions = store.list_sessions("hips", twelve_weeks_ago, today)
    result = adherence(store, sessions, HIPS.schedule, "hips", twelve_weeks_ago, today)
    assert result.first_day == today and [w.sessions for w in result.weeks] == [1]
    assert result.summary()[:2] == ["1 session in 1 week from 12 Mar 2025", "no full week yet"]
    # Later on, a --since before the first session still starts at it.
    later = today + timedelta(days=19)
    record(store, HIPS, later, {("bridge", None): [1, 1]})
    assert period_start(store, "hips", date(2025, 1, 1)) == today
    assert period_start(store, "hips", today + timedelta(days=1)) == today + timedelta(days=1)
    assert period_start(store, "stretch", None) is None
    result = adherence(store, store.list_sessions("hips"), None, "hips", date(2025, 1, 1), later)
    assert [w.sessions for w in result.weeks] == [1, 0, 0, 1]
    assert len(result.full_weeks) == 2  # the weeks of 17 and 24 March


def test_a_session_with_no_set_begun_is_listed_but_not_counted(
    store: HistoryStore, weeks: Weeks
) -> None:
    day = weeks.week2
    record(store, HIPS, day, {("bridge", None): [1, 2]})
    empty = store.begin_session("hips", "Hips", 1, {}, datetime.combine(day, time(18)).astimezone(),
                                sets_planned=4)  # fmt: skip
    when = datetime.combine(day, time(18, 1)).astimezone()
    store.add_set(
        empty, StoredSet("bridge", "Bridge", 1, when, when, skipped=True, completed=False)
    )
    store.finish_session(empty, "ended_early", when)
    sessions = store.list_sessions("hips")
    assert len(sessions) == 2
    result = adherence(store, sessions, HIPS.schedule, "hips", today=weeks.today)
    assert result.sessions == 1 and result.not_counted == 1
    assert result.weeks[0].sessions == 1
    assert result.counts.text() == "2 of 2 sets done"
    assert result.summary()[-1] == "1 more session begun with no set done, not counted"


def test_the_list_and_adherence_read_one_split_of_the_sessions(
    store: HistoryStore, weeks: Weeks
) -> None:
    # One rule sorts a session: a re-test routine's session is a re-test even with no set
    # done; otherwise a set done or partly done makes it exercise, else it was only begun.
    day = weeks.week2
    record(store, HIPS, day, {("bridge", None): [1, 2]})
    record(store, STRETCH, day, {("hamstring", None): [0]})
    for routine in (HIPS, STRETCH):  # begun, no set done: one of each kind
        when = datetime.combine(day, time(19)).astimezone()
        store.begin_session(routine.id, routine.title, 1, {}, when, sets_planned=2)
    sessions, checks = store.list_sessions(), {"stretch"}
    kinds = SessionKinds.of(sessions, checks)
    assert kinds == SessionKinds(exercise=1, retests=2, begun=1)
    result = adherence(store, sessions, None, today=weeks.today, checks=checks)
    assert (result.sessions, result.checks, result.not_counted) == (1, 2, 1)
    assert listed_text(sessions, checks) == (
        "4 sessions: 1 exercise session, 2 re-tests, 1 begun with no set done"
    )


def test_the_sets_are_counted_by_outcome(store: HistoryStore, weeks: Weeks) -> None:
    fill(store, weeks)
    sessions = store.list_sessions("hips")
    result = adherence(store, sessions, None, "hips", today=weeks.today)
    assert result.counts.text() == "20 of 20 sets done"
    assert "20 of 20 planned sets done in full (100%)" in result.summary()
    assert "5 of 5 sessions ran to the end" in result.summary()


def test_each_routine_says_its_own_schedule() -> None:
    both = {"hips": "Hips", "stretch": "Stretches"}
    routines = {"hips": HIPS, "stretch": STRETCH}
    assert schedules_text(routines, both) == "Hips: 3-4 times a week; Stretches: daily"
    assert schedules_text(routines, {"hips": "Hips"}) == "3-4 times a week"
    assert schedules_text({}, {"gone": "Old"}) == "not known (routine not found)"


def test_a_report_from_an_early_date_starts_at_the_first_session(
    store: HistoryStore, weeks: Weeks
) -> None:
    # Issue 15: `--since 2026-01-01` squeezed every chart of the report to its right edge.
    fill(store, weeks)
    early = weeks.week1 - timedelta(weeks=20)
    data = gather_report(store, {"hips": HIPS}, early, weeks.today, "hips")
    assert data.since == weeks.week1 and data.until == weeks.today
    assert data.adherence.first_day == weeks.week1
    assert data.schedules == "3-4 times a week"


def test_the_morning_after_each_session_in_range(store: HistoryStore, weeks: Weeks) -> None:
    got = fill(store, weeks)
    first, second = got.id("hips", weeks.week1), got.id("hips", weeks.week2)
    morning = datetime.combine(weeks.week1 + timedelta(days=1), time(7)).astimezone()
    store.record_morning(first, 3, 5, morning)
    store.record_morning(second, 1, None, morning + timedelta(days=7))
    series = store.morning_series("hips")
    assert [(m.session_id, m.at, m.pain, m.stiffness) for m in series] == [
        (first, morning, 3, 5),
        (second, morning + timedelta(days=7), 1, None),
    ]
    assert [m.session_id for m in store.morning_series("hips", since=weeks.week2)] == [second]
    assert store.morning_series("stretch") == []
    store.mark_representative(first, False, at=morning)
    assert [m.session_id for m in store.morning_series("hips")] == [second]


def test_the_share_of_sets_done_is_written_as_spanish_writes_it(
    store: HistoryStore, weeks: Weeks, spanish: None
) -> None:
    """Spanish puts a space before the sign ("100 %", as the Settings dialog already wrote
    its volume); the adherence said "(100%)"."""
    fill(store, weeks)
    sessions = store.list_sessions("hips")
    result = adherence(store, sessions, None, "hips", today=weeks.today)
    assert "20 de 20 series previstas hechas enteras (100\u00a0%)" in result.summary()
    assert "5 de 5 sesiones llegaron al final" in result.summary()


def test_one_check_in_written_to_each_session_of_its_day_counts_once(
    store: HistoryStore, weeks: Weeks
) -> None:
    """The check-in is written to every session of the day before (each routine's dose rules
    read the morning after its session); the charts and the report's averages count it once.
    Three sessions, then a morning of 6: with one of 0 two days on, the average is 3, not 4.5."""
    day = weeks.week1
    ids = [record(store, r, day, {(r.exercises[0].id, None): [2]}) for r in (HIPS, STRETCH, HIPS)]
    later = record(store, HIPS, day + timedelta(days=2), {("bridge", None): [2]})
    morning = datetime.combine(day + timedelta(days=1), time(7)).astimezone()
    for sid in ids:  # as the check-in page writes it
        store.record_morning(sid, 6, 4, morning)
    store.record_morning(later, 0, 0, morning + timedelta(days=2))
    series = store.morning_series()
    assert [(m.session_id, m.pain) for m in series] == [(ids[-1], 6), (later, 0)]
    data = gather_report(store, {"hips": HIPS, "stretch": STRETCH}, day, day + timedelta(days=3))
    pain = data.morning_trends[0]
    assert (len(pain.pain), pain.first_avg) == (2, 3.0)
    assert [s.morning_pain for s in data.sessions] == [0, 6, 6, 6]  # beside each session
    # Changed on any of them, it changes on each (each session's trail keeps its own).
    store.correct_morning(ids[0], 2, 4, at=morning + timedelta(hours=3))
    assert [s.morning_pain for s in store.list_sessions()] == [0, 2, 2, 2]
    assert [m.pain for m in store.morning_series()] == [2, 0]
    assert [c.session_id for c in store.corrections()] == ids
    counts = gather_report(store, {"hips": HIPS}, day, day + timedelta(days=3)).corrected
    assert (counts.mornings.values, counts.mornings.changes) == (1, 3)


def test_the_weeks_the_period_cuts_short_are_named(store: HistoryStore, weeks: Weeks) -> None:
    """The report shades them: a low or empty bar there (this week, begun today) is no
    missed week. Sessions just either side of local midnight between two weeks (the test's
    zone is random) fall in their own weeks."""
    fill(store, weeks)
    since, until = weeks.week1 + timedelta(days=2), weeks.week2 + timedelta(days=7)  # Wed, Mon
    last_sunday = weeks.week2 + timedelta(days=6)
    for when in (time(23, 50), time(0, 10)):
        day = last_sunday if when.hour else until
        start = datetime.combine(day, when).astimezone()
        sid = store.begin_session("hips", "Hips", 1, {}, start, sets_planned=1)
        store.add_set(sid, StoredSet("bridge", "Bridge", 1, start, start, planned_reps=10,
                                     actual_reps=10))  # fmt: skip
    sessions = store.list_sessions("hips", since, until)
    result = adherence(store, sessions, HIPS.schedule, "hips", since, until)
    assert [w.sessions for w in result.weeks] == [1, 4, 1]
    first_sunday = weeks.week1 + timedelta(days=6)
    assert [(w.first, w.last) for w in result.cut_weeks] == [(since, first_sunday), (until, until)]
    short = partial(short_date, year=False)
    assert result.cut_text() == f"{short(since)} – {short(first_sunday)}; {short(until)}"

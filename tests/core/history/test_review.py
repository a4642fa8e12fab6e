"""Tests of the Qt-free history review and exports: filters, exercise lists, trends, CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiptimer.core.history.adherence import adherence
from hiptimer.core.history.export import export_csv, gather_report
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.review import (
    ExerciseInfo,
    exercise_trend,
    exercises_for,
    filter_sessions,
    routines_by_id,
)
from hiptimer.core.history.series import started_with
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import Catalog, RoutineEntry
from hiptimer.core.routines.model import Measure, Retest
from tests.harness import hold, routine
from tests.history_data import HIPS, STRETCH, Weeks, at, fill, knee_to_wall_checks, record


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_routines_come_from_a_list_a_mapping_or_a_catalog() -> None:
    hips = RoutineEntry("hips", "Hips", Path("hips.json"), builtin=True, routine=HIPS)
    broken = RoutineEntry("broken", "broken.json", Path("broken.json"), builtin=False)
    assert routines_by_id([HIPS, STRETCH]) == {"hips": HIPS, "stretch": STRETCH}
    assert routines_by_id({"hips": HIPS}) == {"hips": HIPS}
    assert routines_by_id(Catalog([hips], [broken])) == {"hips": HIPS}
    assert routines_by_id(None) == {}


def test_filter_sessions_by_routine_and_local_day(store: HistoryStore, weeks: Weeks) -> None:
    fill(store, weeks)
    everything = store.list_sessions()
    hips = filter_sessions(everything, "hips")
    assert len(hips) == 5 and all(s.routine_id == "hips" for s in hips)
    week2 = filter_sessions(everything, None, weeks.week2, weeks.week2 + timedelta(days=6))
    assert len(week2) == 4
    assert filter_sessions(everything, None, weeks.week1, weeks.week1) == [everything[-1]]


def test_exercises_come_from_the_routines_and_their_recent_sessions(
    store: HistoryStore, weeks: Weeks
) -> None:
    fill(store, weeks)
    sessions = store.list_sessions()
    found = exercises_for(store, sessions, {"hips": HIPS})
    assert [e.id for e in found] == ["bridge", "clam", "hamstring"]
    assert found[1] == ExerciseInfo("clam", "Clamshell", True)
    assert found[2] == ExerciseInfo("hamstring", "Hamstring stretch", False)  # from its sets
    assert [e.id for e in exercises_for(store, sessions, {}, "stretch")] == ["hamstring"]


def test_trend_compares_the_first_and_last_two_weeks(store: HistoryStore, weeks: Weeks) -> None:
    start = weeks.week1 - timedelta(days=28)
    for day, pain in (
        (start, 6),
        (start + timedelta(days=1), 5),
        (weeks.week2, 3),
        (weeks.week2 + timedelta(days=1), 2),
    ):
        record(store, HIPS, day, {("bridge", None): [pain]})
    bridge = ExerciseInfo("bridge", "Bridge", False)
    trend = exercise_trend(store, bridge)
    assert (trend.first_avg, trend.first_max, trend.last_avg, trend.last_max) == (5.5, 6, 2.5, 3)
    assert trend.trend == "better (-3.0)"
    assert (trend.first_dose, trend.last_dose) == ("10 reps", "10 reps")
    only_recent = exercise_trend(store, bridge, since=weeks.week2)
    assert only_recent.last_avg is None and only_recent.trend == "-"  # under two weeks
    assert exercise_trend(store, bridge, until=start).trend == "-"  # one session: no trend


def test_adherence_and_trend_in_spanish(store: HistoryStore, weeks: Weeks, spanish: None) -> None:
    fill(store, weeks)
    since, until = weeks.week1 + timedelta(days=2), weeks.week2 + timedelta(days=9)
    sessions = store.list_sessions("hips", since, until)
    result = adherence(store, sessions, HIPS.schedule, "hips", since, until)
    summary = result.summary()
    assert summary[0].startswith("4 sesiones en 3 semanas desde el ")
    assert summary[1:3] == [
        "3,0 por semana de media en 1 semana completa",
        "al menos 3 por semana (la frecuencia: 3-4 veces por semana) en 1 de 1 semana completa",
    ]
    start = weeks.week1 - timedelta(days=28)
    for day, pain in ((start, 6), (weeks.week2 + timedelta(days=3), 2)):
        record(store, HIPS, day, {("bridge", None): [pain]})
    trend = exercise_trend(store, ExerciseInfo("bridge", "Bridge", False), until=until)
    assert trend.trend.startswith("mejor (-")
    assert trend.first_dose.endswith(" repeticiones")


def test_csv_export_filters_by_end_day_and_routine(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    got = fill(store, weeks)
    sid = got.id("hips", weeks.week1)
    store.set_note(sid, 'line one\nline two, with a comma and "quotes"')
    out = tmp_path / "out.csv"
    assert export_csv(store, out, until=weeks.week1 + timedelta(days=2), routine_id="hips") == 8
    rows = read_csv(out)
    assert len(rows) == 8 and {r["routine_id"] for r in rows} == {"hips"}
    assert rows[0]["session_note"] == 'line one\nline two, with a comma and "quotes"'
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert export_csv(store, out, since=weeks.week2, routine_id="stretch") == 1
    assert export_csv(store, out) == len(read_csv(out)) == 21


def test_report_data_for_one_routine(store: HistoryStore, weeks: Weeks) -> None:
    fill(store, weeks)
    store.record_dose_change(
        "hips",
        "bridge",
        "reps",
        10,
        12,
        accepted=True,
        decided_at=datetime.combine(weeks.week2, datetime.min.time()).astimezone(),
        reason="pain stayed low",
    )
    data = gather_report(
        store, {"hips": HIPS}, weeks.week1, weeks.week2 + timedelta(days=6), "hips"
    )
    assert data.routines == "Hips" and data.schedule == HIPS.schedule
    assert data.adherence.sessions == 5 and [w.sessions for w in data.adherence.weeks] == [2, 3]
    assert data.adherence.weeks_on_schedule == 1
    assert [t.exercise.id for t in data.trends] == ["bridge", "clam"]
    assert data.trends[0].first_dose == "10 reps" and data.trends[0].last_dose == "12 reps"
    assert [(c.new, c.decided_by) for c in data.changes] == [(12, "accepted")]
    assert [s.note for s in data.notes] == ["Much better", "Sore, took it easy"]


def test_a_side_whose_every_set_was_lowered_keeps_the_dose_its_session_started_with(
    store: HistoryStore, weeks: Weeks
) -> None:
    # 8/10 after the right clamshell, then Lower: every left set ran at 20 s instead of 30 s.
    # The left side had no dose at all ('-' in the report's Dose first -> last, no line on
    # the Pain and dose chart), while the session started both sides at 30 s.
    clam = {"id": "clam", "name": "Clamshell", "kind": "hold", "hold_s": 30, "sides": "each"}
    banded = {**clam, "rung": 1, "ladder": [{"id": "band", "name": "Banded", "hold_s": 45}]}
    for offset, doses, start_s in ((0, clam, 30.0), (2, banded, 45.0)):
        start = at(weeks.week2 + timedelta(days=offset))
        sid = store.begin_session("hips", "Hips", 1, {"clam": doses}, start, sets_planned=2)
        for n, (side, pain, choice, adjustment) in enumerate(
            [("right", 8, "lower", None), ("left", 2, None, "hold 30 -> 20 s")]
        ):
            when = start + timedelta(minutes=n)
            planned = start_s if adjustment is None else 20.0
            store.add_set(sid, StoredSet("clam", "Clamshell", 1, when, when, side=side,
                                         planned_hold_s=planned, actual_hold_s=planned,
                                         pain=pain, pain_choice=choice, adjustment=adjustment))  # fmt: skip
        store.finish_session(sid, "completed", start + timedelta(minutes=2))
    for which in ("right", "left", None):
        series = store.exercise_dose_series("clam", which)
        assert [(p.planned_hold_s, p.planned_reps) for p in series] == [(30.0, None), (45.0, None)]
    data = gather_report(store, {"hips": HIPS}, weeks.week2, weeks.week2 + timedelta(days=6))
    assert {(t.label, t.first_dose, t.last_dose) for t in data.side_trends} == {
        ("Clamshell (right)", "30 s", "45 s"),
        ("Clamshell (left)", "30 s", "45 s"),
    }


@pytest.mark.parametrize(
    ("doses", "dose"),
    [
        ('{"clam": {"reps": 12}}', (None, 12)),
        (
            '{"clam": {"hold_s": 30, "rung": 2, "ladder": [{"hold_s": 4}, {"hold_s": 5.5}]}}',
            (5.5, None),
        ),
        ('{"clam": {"hold_s": 30, "rung": 3, "ladder": [{"hold_s": 40}]}}', None),
        ('{"clam": {"hold_s": 30, "rung": -1, "ladder": [{"hold_s": 4}, {"hold_s": 5}]}}', None),
        ('{"clam": {"hold_s": "30"}}', None),
        ('{"clam": {"hold_s": 30, "rung": 1, "ladder": "up"}}', None),
        ('{"clam": 30}', None),
        ('{"bridge": {"reps": 10}}', None),
        ("[1]", None),
        ("not json", None),
    ],
)
def test_the_dose_a_session_started_with_is_read_or_none(
    doses: str, dose: tuple[float | None, int | None] | None
) -> None:
    assert started_with(doses, "clam") == dose


def test_a_re_test_of_a_routine_no_longer_in_the_library_stays_out_of_the_pain_table(
    store: HistoryStore, weeks: Weeks
) -> None:
    when = at(weeks.week2)
    sid = store.begin_session("knee-check", "Check", 1, {}, when, sets_planned=1)
    store.add_set(sid, StoredSet("knee-to-wall", "Knee to wall", 1, when, when, planned_hold_s=60,
                                 actual_hold_s=1.4, result=12.7, result_unit="cm", pain=1))  # fmt: skip
    data = gather_report(store, {}, weeks.week1, weeks.today)
    # Its planned time is no dose ("60 s -> 60 s"): its result has the re-test table.
    assert [t.exercise.id for t in data.trends] == []
    assert [(r.exercise_id, r.points[0][1]) for r in data.retests] == [("knee-to-wall", 12.7)]


def test_a_re_tests_direction_comes_from_its_sessions_when_its_routine_is_gone(
    store: HistoryStore, weeks: Weeks
) -> None:
    knee_to_wall_checks(store, weeks, (14.0, 12.7))
    data = gather_report(store, {}, weeks.week1, weeks.today)  # the routine file is gone
    [series] = data.retests
    assert series.better == "lower"  # was "higher": 14 -> 12.7 cm read as worse
    assert series.improved is True


def test_a_re_tests_direction_as_recorded_outweighs_the_routine_file_now(
    store: HistoryStore, weeks: Weeks
) -> None:
    knee_to_wall_checks(store, weeks, (14.0, 12.7))
    edited = routine(hold("knee-to-wall", 60, test=Retest(Measure.VALUE, "cm")), id="knee-check")
    data = gather_report(store, {edited.id: edited}, weeks.week1, weeks.today)
    assert data.retests[0].better == "lower"  # the sessions measured it that way


def test_an_old_session_without_its_test_recorded_falls_back_to_the_routine(
    store: HistoryStore, weeks: Weeks
) -> None:
    when = at(weeks.week2)
    sid = store.begin_session("knee-check", "Check", 1, {}, when, sets_planned=1)
    store.add_set(sid, StoredSet("knee-to-wall", "Knee to wall", 1, when, when,
                                 planned_hold_s=60, result=12.7, result_unit="cm"))  # fmt: skip
    check = routine(
        hold("knee-to-wall", 60, test=Retest(Measure.VALUE, "cm", "lower")), id="knee-check"
    )
    assert (
        gather_report(store, {check.id: check}, weeks.week1, weeks.today).retests[0].better
        == "lower"
    )
    assert gather_report(store, {}, weeks.week1, weeks.today).retests[0].better == "higher"


def test_a_dose_changed_during_one_session_is_not_a_change_of_the_routine(
    store: HistoryStore, weeks: Weeks
) -> None:
    # + during the one clamshell hold of the middle session (30 -> 35 s), ended early and not
    # kept: the plan stayed 30 s, so the report must not say the routine was edited twice.
    for offset, adjustment in ((0, None), (2, "hold 30 -> 35 s"), (4, None)):
        start = at(weeks.week2 + timedelta(days=offset))
        sid = store.begin_session("hips", "Hips", 1, {}, start, sets_planned=1)
        store.add_set(
            sid,
            StoredSet(
                "clam", "Clamshell", 1, start, start + timedelta(seconds=20), side="right",
                planned_hold_s=30.0 if adjustment is None else 35.0, actual_hold_s=20.0,
                completed=adjustment is None, pain=2, adjustment=adjustment,
            ),
        )  # fmt: skip
        store.finish_session(sid, "completed", start + timedelta(seconds=30))
    data = gather_report(store, {"hips": HIPS}, weeks.week2, weeks.week2 + timedelta(days=6))
    assert data.changes == []
    assert [p.planned_hold_s for p in store.exercise_dose_series("clam")] == [30.0, 30.0]


def test_a_re_test_and_its_routine_are_named_as_the_library_names_them_in_the_language_in_use(
    store: HistoryStore, weeks: Weeks
) -> None:
    # Results recorded in English, then read in Spanish: the PDF's re-test table said
    # "30-second chair stand" beside the pain table's "Puente", as the Re-tests tab did,
    # since a series took the name its latest session recorded; its header, "Rutina: Control
    # mensual, Hip strengthening", took the routines' titles from the sessions likewise.
    knee_to_wall_checks(store, weeks, (14.0, 12.7))
    spanish = routine(
        hold("knee-to-wall", 60, name="Rodilla a la pared", test=Retest(Measure.VALUE, "cm")),
        id="knee-check",
        title="Control de rodilla",
    )
    data = gather_report(store, {spanish.id: spanish}, weeks.week1, weeks.today)
    assert [s.name for s in data.retests] == ["Rodilla a la pared"]
    assert data.routines == "Control de rodilla"
    data = gather_report(store, {}, weeks.week1, weeks.today)  # no longer in the library
    assert [s.name for s in data.retests] == ["Knee to wall"] and data.routines == "Check"

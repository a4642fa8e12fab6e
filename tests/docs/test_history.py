"""docs/history.md held to a real session's record: the engine on a fake clock writes a session
(a set ended early, a skipped exercise, both sides, a lower dose, a re-test), a note a spreadsheet
could misread and a check-in; its CSV must read as the doc's column table says, and the database
must have the columns the doc's tables name. The *dose_changes* and *corrections* paragraphs
are held to the store's own rows and CHECKs."""

from __future__ import annotations

import csv
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.dosing.decisions import log_kept
from hiptimer.core.history.csv_columns import CSV_COLUMNS, CSV_HEADER
from hiptimer.core.history.dose_log import KEPT_REASON
from hiptimer.core.history.records import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.writes import DOSE_FIELDS
from hiptimer.core.routines.model import Measure, Retest, SideMode
from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from tests.doc_reading import Row, code_spans, doc, field_name, section, table
from tests.harness import advance, advance_until, hold, reps, routine

DOC = doc("history.md")
CSV_TABLE = table(DOC, "## Exporting for your physiotherapist (CSV)")
NOTE = '=cmd|" /C calc", then "fine"\nnext day: stiff'  # a formula, a comma, quotes, a new line
TITLE = 'Hips, "daily"'
STORY = routine(
    reps("bridge", 3, sets=3, name="Bridge"),
    hold("clam", 6, name="Clamshell, side", sides=SideMode.EACH),
    hold("stretch", 10, sets=2, name="Stretch"),
    hold("knee-to-wall", 60, name="Knee to wall", test=Retest(Measure.VALUE, "cm", "lower")),
    id="doc-story",
    title=TITLE,
)
ISO_LOCAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def run_story(store: HistoryStore) -> None:
    """Bridge: 3 reps; 1 rep and Right arrow, a 7 and Lower; K on the last set. Clamshell: the
    right side in full, the left ended at 2.5 s. Stretch: S. The re-test: 12.75 cm typed."""
    clock = FakeClock()
    clock.advance(1_760_000_000)  # the wall clock says 9 October 2025
    engine = SessionEngine(STORY, clock=clock, wall=FakeWall(clock))
    engine.subscribe(SessionRecorder(store, engine).handle)

    def at(kind: StepKind) -> None:
        advance_until(clock, lambda: engine.step.kind is kind, engine.update)

    engine.start()
    at(StepKind.WORK)
    for _ in range(3):
        engine.count_rep()
    at(StepKind.PAIN)
    engine.rate_pain(2)
    at(StepKind.WORK)
    engine.count_rep()
    engine.next()  # ended early: partly done
    engine.rate_pain(7)  # above the limit of 5: the choice
    engine.choose(PainChoice.LOWER)
    at(StepKind.WORK)
    while engine.step.kind is StepKind.WORK:
        engine.count_rep()
    engine.skip_pain()  # K
    at(StepKind.WORK)  # the clamshell's right side, held in full
    at(StepKind.PAIN)
    engine.rate_pain(1)
    at(StepKind.WORK)
    advance(clock, 2.5, engine.update)
    engine.next()
    engine.rate_pain(0)
    at(StepKind.WORK)  # the stretch
    engine.skip_exercise()
    at(StepKind.WORK)  # the re-test
    advance(clock, 1.4, engine.update)
    engine.next()
    assert engine.enter_result(12.75)
    engine.rate_pain(0)
    assert engine.ended is not None
    (session,) = store.list_sessions()
    store.set_note(session.id, NOTE)
    store.record_morning(session.id, 3, 4, datetime.fromtimestamp(1_760_090_000).astimezone())


def exported(store: HistoryStore, tmp_path: Path) -> list[dict[str, str]]:
    target = tmp_path / "sets.csv"
    store.export_csv(target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # "UTF-8 with a byte-order mark"
    with target.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    """One session's export, read by every test of the module (a session per test took 19 s)."""
    folder = tmp_path_factory.mktemp("story")
    with open_history(folder / "history.sqlite3") as store:
        run_story(store)
        return exported(store, folder)


def meaning(column: str) -> str:
    return next(row["meaning"] for row in CSV_TABLE if field_name(row["column"]) == column)


def test_the_csv_has_the_doc_s_columns_in_the_doc_s_order() -> None:
    assert [field_name(row["column"]) for row in CSV_TABLE] == CSV_HEADER


def test_the_code_s_words_for_each_column_are_the_doc_s() -> None:
    """csv_columns.py says the two are held equal: the doc's words, without their markdown."""
    documented = {field_name(row["column"]): row["meaning"] for row in CSV_TABLE}
    for name, words in CSV_COLUMNS:
        assert words == re.sub(r"[`*]", "", documented[name]), name


def test_the_real_session_s_rows_in_the_doc_s_order(rows: list[dict[str, str]]) -> None:
    assert list(rows[0]) == [field_name(row["column"]) for row in CSV_TABLE]
    # a row per set and try: bridge 3, clamshell 2 sides, stretch 2 skipped, the re-test
    assert [(r["exercise_id"], r["side"], r["set_number"]) for r in rows] == [
        ("bridge", "", "1"), ("bridge", "", "2"), ("bridge", "", "3"),
        ("clam", "right", "1"), ("clam", "left", "1"),
        ("stretch", "", "1"), ("stretch", "", "2"), ("knee-to-wall", "", "1"),
    ]  # fmt: skip


@pytest.mark.parametrize("column", CSV_HEADER)
def test_each_column_is_empty_only_where_the_doc_says_it_may_be(
    rows: list[dict[str, str]], column: str
) -> None:
    if "empty" not in meaning(column) and "if known" not in meaning(column):
        assert all(row[column] != "" for row in rows), column


@pytest.mark.parametrize("column", CSV_HEADER)
def test_each_column_holds_the_kind_of_value_its_meaning_names(
    rows: list[dict[str, str]], column: str
) -> None:
    said, values = meaning(column), [row[column] for row in rows if row[column]]
    if said.startswith("1 "):  # "1 if ..., else 0"
        assert set(values) <= {"0", "1"}
    if "ISO 8601" in said:  # local time, with the offset it had then
        for value in values:
            assert ISO_LOCAL.fullmatch(value), value
            assert value == datetime.fromisoformat(value).astimezone().isoformat(), value
    if (listed := re.findall(r"'([a-z_]+)'", said)) and "e.g." not in said:
        assert set(values) <= set(listed), (column, values)
    if said.startswith("How the session ended: "):
        codes = re.findall(r"[a-z_]+", said.split(": ", 1)[1].removesuffix("or empty"))
        assert set(values) <= set(codes) and values
    if "0 (none) to 10" in said or "0-10" in said:
        assert all(0 <= int(v) <= 10 for v in values), values
    if column.endswith("_s") or "whole seconds" in said:  # seconds, written as by hand
        for value in values:
            assert re.fullmatch(r"-?\d+(\.\d{1,3})?", value) and not value.endswith("0."), value
            assert not re.search(r"\.\d*0$", value), value
    if "whole seconds" in said:
        assert all(v.isdigit() for v in values), values


def test_what_the_session_did_reads_as_the_doc_says(rows: list[dict[str, str]]) -> None:
    by_set = {(r["exercise_id"], r["side"], r["set_number"]): r for r in rows}
    assert by_set[("bridge", "", "2")]["outcome"] == "partly_done"
    assert by_set[("bridge", "", "2")]["pain_choice"] == "lower"
    assert by_set[("bridge", "", "3")]["adjustment"] == "reps 3 -> 2"  # as its e.g. writes one
    assert by_set[("bridge", "", "3")]["pain"] == ""  # K: no rating
    # record26: a K and a rating never asked both left pain empty; pain_skipped tells them apart
    assert [r["pain_skipped"] for r in rows] == ["0", "0", "1", "0", "0", "0", "0", "0"]
    left = by_set[("clam", "left", "1")]
    assert (left["planned_hold_s"], left["completed"]) == ("6", "0")
    assert left["actual_hold_s"] in ("2.5", "2.6")  # to the tenth, as the polls reached it
    assert by_set[("clam", "right", "1")]["actual_hold_s"] == "6"  # seconds, no ".0"
    assert {r["outcome"] for r in rows if r["exercise_id"] == "stretch"} == {"skipped"}
    test = by_set[("knee-to-wall", "", "1")]
    assert (test["result"], test["result_unit"]) == ("12.75", "cm")
    assert all(r["result"] == "" for r in rows if r["exercise_id"] != "knee-to-wall")
    assert all(r["planned_reps"] == "" for r in rows if r["exercise_id"] != "bridge")


def test_the_session_s_columns_repeat_on_each_row_and_add_up(rows: list[dict[str, str]]) -> None:
    session = ("session_id", "routine_title", "session_note", "session_end", "sets_done",
               "morning_pain", "morning_stiffness", "morning_at", "session_time_s")  # fmt: skip
    assert len({tuple(r[c] for c in session) for r in rows}) == 1
    first = rows[0]
    assert first["routine_title"] == TITLE  # its comma and quotes back as written
    assert first["session_note"] == "'" + NOTE  # a formula gets a quote in front
    assert (first["morning_pain"], first["morning_stiffness"]) == ("3", "4")
    counted = Counter(r["outcome"] for r in rows if r["counted"] == "1")
    assert len([r for r in rows if r["counted"] == "1"]) == len(rows)  # no set was tried twice
    assert (first["sets_done"], first["sets_partly_done"], first["sets_skipped"]) == (
        str(counted["done"]), str(counted["partly_done"]), str(counted["skipped"]),
    )  # fmt: skip
    assert (first["sets_planned"], first["sets_not_reached"]) == ("8", "0")
    assert first["session_end"] == "completed"


def stored_columns(heading_word: str) -> list[str]:
    """The columns a table of "What is stored" names, `a`, `b` in its first cell."""
    at = {"sessions": 0, "sets": 1}[heading_word]
    found: list[Row] = table(DOC, "## What is stored", at)
    return [name for row in found for name in code_spans(row["column"])]


@pytest.mark.parametrize("name", ["sessions", "sets"])
def test_the_database_has_the_columns_the_doc_names_and_no_other(
    store: HistoryStore, tmp_path: Path, name: str
) -> None:
    assert f"**{name}**" in section(DOC, "## What is stored")
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({name})")]
    documented = stored_columns(name)
    assert sorted(documented) == sorted(columns)


def paragraph(name: str) -> str:
    """The paragraph of "What is stored" that opens with **name**."""
    return section(DOC, "## What is stored").split(f"**{name}**", 1)[1].split("\n\n", 1)[0]


def allowed(db: sqlite3.Connection, name: str, column: str) -> set[str]:
    """The values a table's CHECK (column IN (...)) lets in."""
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    found = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", sql)
    assert found is not None, f"{name}.{column} has no CHECK"
    return set(re.findall(r"'([^']*)'", found.group(1)))


def _a_set_corrected(store: HistoryStore) -> list[tuple[str, str | None, str | None, str]]:
    """A rating changed 7 -> 3 -> none in History, a check-in changed, the mark and a note:
    the corrections table's rows (field, old, new, source), oldest first."""
    at = datetime(2026, 3, 2, 9, 0).astimezone()
    sid = store.begin_session("hips", "Hips", 1, {}, at)
    set_id = store.add_set(sid, StoredSet("bridge", "Bridge", 1, at, at, planned_reps=3, pain=7))
    store.correct_pain(set_id, 3, at=at, source="session")  # the pain screen, right after
    store.correct_pain(set_id, None, at=at, reason="no pain really")
    store.finish_session(sid, "completed", at)
    store.record_morning(sid, 4, 5, at)
    store.correct_morning(sid, 2, None, at=at)
    store.mark_representative(sid, False, at=at)
    store.set_note(sid, "first", at=at)
    store.set_note(sid, "second", at=at)
    return [(c.field, c.old_value, c.new_value, c.source) for c in store.corrections(sid)]


def test_the_corrections_paragraph_names_every_column_field_and_source_and_no_other(
    store: HistoryStore, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(corrections)")} - {"id"}
        values = allowed(db, "corrections", "field") | allowed(db, "corrections", "source")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    # (The tables it names, `sets` and `sessions`, are where the changed value goes.)
    assert set(code_spans(paragraph("corrections"))) - tables == columns | values


def test_each_change_of_a_value_is_one_correction_as_the_doc_says(store: HistoryStore) -> None:
    # "a rating changed 7 -> 3 -> none is two rows"; a check-in's pain and stiffness are a
    # field each; a first note is no correction; "empty for no rating".
    rows = _a_set_corrected(store)
    assert rows == [
        ("pain", "7", "3", "session"),
        ("pain", "3", None, "history"),
        ("morning_pain", "4", "2", "history"),
        ("morning_stiffness", "5", None, "history"),
        ("not_representative", "0", "1", "history"),
        ("note", "first", "second", "history"),
    ]


def test_the_dose_changes_paragraph_gives_the_fields_the_kept_reason_and_who_decided(
    store: HistoryStore, tmp_path: Path
) -> None:
    named = set(code_spans(paragraph("dose_changes")))
    assert set(DOSE_FIELDS) <= named  # `sets`, `reps`, `hold_s`, `rung`
    assert KEPT_REASON in named  # "always the English words"
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(dose_changes)")}
        decided_by = allowed(db, "dose_changes", "decided_by")
    assert decided_by == {"suggestion", "session"} and decided_by <= named
    assert {"decided_by", "session_id"} <= columns & named
    # What the doc says of a change kept from a session, as the summary's Keep records it.
    at = datetime(2026, 3, 2, 9, 0).astimezone()
    sid = store.begin_session("hips", "Hips", 1, {}, at)
    log_kept(store, "hips", [DoseChange("bridge", "Bridge", "reps", 10, 12)], at, sid)
    (kept,) = store.dose_changes("hips")
    assert (kept.side, kept.reason, kept.decided_by, kept.accepted) == (
        None, KEPT_REASON, "session", True,
    )  # fmt: skip

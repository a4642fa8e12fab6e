"""A record whose numbers agree everywhere: generated histories, written through the store,
read back by every surface (History's models, the CSV, the PDF's sessions table, `hiptimer
history list`, the voice's last words, the week line) and compared with figures worked out
on the side (tests/records_story.py)."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import itertools
import os
import re
import time
from collections.abc import Iterator
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.cli.main import main
from hiptimer.core.clock import SystemLocalTime
from hiptimer.core.history.csv_fields import safe_text
from hiptimer.core.history.export import gather_report
from hiptimer.core.history.resume import offer_text, plan_resume
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.wording import completion_text, day_text, when_text
from hiptimer.core.routines.model import format_duration
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.core.session.events import EndReason, SessionEnded, SessionStarted
from hiptimer.core.voice.cue_words import rounded_duration_words
from hiptimer.core.voice.cues import CueWriter
from hiptimer.ui.history.report_sections import session_rows
from hiptimer.ui.history.session_words import session_heading
from hiptimer.ui.history.sessions_model import SessionsModel
from hiptimer.ui.history.sets_model import SetsModel, set_rows
from hiptimer.ui.reminders.history_reads import history_done
from tests.harness import hold, routine, self_paced, side_hold
from tests.records_story import Story, engine_records, histories, write

ROUTINE = routine(self_paced(), side_hold(), hold(), id="hips")
DOSES: dict[str, object] = {ex.id: exercise_to_data(ex) for ex in ROUTINE.exercises}
ZONE = "Europe/Madrid"
ACCESSIBLE, HORIZONTAL = Qt.ItemDataRole.AccessibleTextRole, Qt.Orientation.Horizontal
_runs = itertools.count()


@pytest.fixture
def madrid() -> Iterator[None]:
    """Local time in Madrid (summer time from 30 March), where midnight is 22:00 or 23:00 UTC."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is Unix only")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = ZONE
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def avg_text(pains: list[int], spanish: bool) -> str:
    """The mean of every rating to one decimal, '-' without a rating."""
    if not pains:
        return "-"
    exact = Decimal(sum(pains)) / Decimal(len(pains))  # halves up, as by hand: 2.25 is 2.3
    text = str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if spanish else text


def numbers(text: str) -> list[float]:
    """The numbers in a cell's words ('11,7 s (parcialmente)' -> [11.7])."""
    return [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]


def csv_rows(store_path: Path) -> dict[int, list[dict[str, str]]]:
    with open_history(store_path) as store:
        out = io.StringIO(newline="")
        store.export_csv(out)
    by_session: dict[int, list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(out.getvalue(), newline="")):
        by_session.setdefault(int(row["session_id"]), []).append(row)
    return by_session


def cli_cells(folder: Path, language: str) -> list[list[str]]:
    """`hiptimer history list`'s cells, in `language` (the locale asks for it), cut where
    its header's columns start (an empty TIME is blank, as in the window)."""
    said = io.StringIO()
    locale = {"LC_ALL": "es_ES.UTF-8" if language == "es" else "C.UTF-8"}
    with contextlib.redirect_stdout(said), mock.patch.dict(os.environ, locale):
        assert main(["--data-dir", str(folder), "history", "list"]) == 0
    assert i18n.language() == language
    header, *lines = said.getvalue().splitlines()
    starts = [m.start() for m in re.finditer(r"\S+", header)]
    return [
        [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        for line in lines
    ]


def voice_summary(
    story: Story, store: HistoryStore, sid: int, earlier: tuple[float, int] | None
) -> str:
    """What the voice says as the session (or its part after a resumption, `earlier`: the
    time and tries before the stop) ends, told the history's time as the app tells it
    (hiptimer.ui.session.active.open_session)."""
    earlier_s, after = earlier or (0.0, 0)
    cues = CueWriter()
    cues.time_from(lambda: (store.get_session(sid) or pytest.fail("no session")).duration_s)
    _tries, end = story.timeline()
    records = engine_records(story)
    cues.resumed_after(records[:after], earlier_s)
    started = story.started_at if earlier is None else story.resumptions()[-1]
    cues.phrases_for(SessionStarted(started.timestamp(), ROUTINE))
    ended = SessionEnded(end.timestamp(), EndReason.COMPLETED, tuple(records[after:]))
    (phrase,) = cues.phrases_for(ended)
    return phrase.text


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stories=histories(), spanish=st.booleans())
def test_every_surface_gives_each_session_the_same_figures(
    qtbot: QtBot, tmp_path: Path, madrid: None, stories: list[Story], spanish: bool
) -> None:
    folder = tmp_path / f"run{next(_runs)}"
    folder.mkdir()
    db = folder / "history.sqlite3"
    ids: dict[int, Story] = {}
    earlier: dict[int, tuple[float, int]] = {}  # resumed: the part before, as resuming read it
    before = i18n.language()
    i18n.use("es" if spanish else "en")
    with open_history(db) as store:
        for story in stories:

            def stopped(sid: int, stop: int, story: Story = story) -> None:
                """The app stops here (its `stop`th time); the next start reads the session
                to resume it."""
                plan = plan_resume(store, lambda _rid: ROUTINE)
                assert plan is not None and store.saved_id(plan.session.id) == sid
                earlier[sid] = (plan.earlier_s, story.tries_before(stop))
                # The time it ran so far, each earlier stop left out once (the summary and
                # the voice add it to the part after the resumption).
                ran = format_duration(story.whole_seconds(stops_seen=stop))
                assert format_duration(plan.earlier_s) == ran
                # The offer counts the sets recorded as History does: done, partly done and
                # skipped, each set once by its best try.
                before = dataclasses.replace(story, sets=story.sets[: story.stops[stop].after])
                assert plan.sets_done == len(before.sets)
                offer = offer_text(plan, story.started_at.date())
                done, partly, skipped, _ = before.counts()
                for n, said in ((done, True), (partly, partly > 0), (skipped, skipped > 0)):
                    if said and before.sets:  # none: "interrupted before its first set was done"
                        assert re.search(rf"\b{n}\b", offer), (n, offer)

            ids[write(store, story, DOSES, stopped)] = story
        voice = {
            sid: voice_summary(story, store, sid, earlier.get(sid))
            for sid, story in ids.items()
            if story.end == "completed" and any(t.outcome != "skipped" for t in story.tries())
        }
        summaries = {s.id: s for s in store.list_sessions()}
        stored_sets = {sid: store.session_sets(sid) for sid in ids}
        report = gather_report(store, {"hips": ROUTINE}, now=datetime(2025, 4, 1).astimezone())
        done_days = history_done(lambda: store, SystemLocalTime())(
            datetime(2025, 3, 1).astimezone()
        )
    try:
        model = SessionsModel()
        model.set_rows(list(summaries.values()))
        window = {
            model.index(row, 0).data(): [model.index(row, c).data() for c in range(7)]
            for row in range(model.rowCount())
        }
        said = {
            model.index(row, 0).data(): model.index(row, 3).data(ACCESSIBLE)
            for row in range(model.rowCount())
        }
        pdf = {row[0]: row for row in session_rows(report)}
        cli = {cells[0]: cells for cells in cli_cells(folder, i18n.language()) if len(cells) > 3}
        exported = csv_rows(db)
        # Adherence (the window's tab and the PDF's first page): the sessions with a set
        # begun, and their sets by outcome.
        begun = [st.counts() for st in ids.values() if sum(st.counts()[:2])]
        assert report.adherence.sessions == len(begun)
        got = report.adherence.counts
        assert (got.done, got.partly_done, got.skipped) == tuple(
            sum(c[i] for c in begun) for i in range(3)
        )
        for sid, story in ids.items():
            s = summaries[sid]
            done, partly, skipped, not_reached = story.counts()
            pains = story.pains()
            local_day = story.started_at.astimezone().date()
            # The store, which every view reads: counts, pain, time, day.
            assert (s.counts.done, s.counts.partly_done, s.counts.skipped) == (
                done,
                partly,
                skipped,
            )
            assert s.counts.not_reached == not_reached
            assert s.started_at.astimezone().date() == local_day
            recorded = any(p.tries for p in story.sets)
            unsaid = story.end == "unfinished" and not recorded  # no end, no set: no time
            duration = "" if unsaid else format_duration(story.whole_seconds())
            top = "-" if not pains else str(max(pains))
            average = avg_text(pains, spanish)
            words = completion_text(s)
            # History: the sessions table and the chosen session's heading.
            row = window[when_text(s.started_at)]
            all_sets = done + partly + skipped + not_reached
            # The list's sets in figures, "2/5" (the same numbers), said in the words.
            assert row[2:6] == [duration, f"{done}/{all_sets}", top, average]
            assert said[when_text(s.started_at)] == f"{model.headerData(3, HORIZONTAL)}: {words}"
            heading = session_heading(s)
            assert duration in heading and words in heading and average in heading
            # The PDF's sessions table: the day, the sets, pain max / avg.
            line = pdf[day_text(s.started_at)]
            assert line[1:3] == (words, f"{top} / {average}")
            # hiptimer history list.
            assert cli[when_text(s.started_at)][2:6] == [duration, words, top, average]
            # The CSV: the session's counts, time and every rating; its local day.
            rows = exported.get(sid, [])
            if rows:
                first = rows[0]
                counts = [int(first[k]) for k in ("sets_done", "sets_partly_done", "sets_skipped")]
                assert counts == [done, partly, skipped]
                assert int(first["sets_not_reached"]) == not_reached
                assert sorted(int(r["pain"]) for r in rows if r["pain"]) == sorted(pains)
                assert format_duration(float(first["session_time_s"])) == duration
                assert bool(first["session_ended"]) == (story.end != "unfinished")
                day = datetime.fromisoformat(first["session_started"]).date()
                assert day == local_day
                # Each try's dose, planned and done: the numbers of the window's set table.
                table = SetsModel()
                table.set_rows(set_rows(stored_sets[sid]))
                for i, r in enumerate(rows):
                    planned = r["planned_hold_s"] or r["planned_reps"]
                    done_now = r["actual_hold_s"] or r["actual_reps"]
                    assert numbers(table.index(i, 3).data()) == [float(planned)]
                    shown = numbers(table.index(i, 4).data())
                    assert shown == ([] if r["skipped"] == "1" else [float(done_now)])
                assert {r["session_note"] for r in rows} == {
                    "" if story.end == "unfinished" else safe_text(story.note)
                }
            # The voice's last words, for a session that ran to its end.
            if sid in voice:
                assert rounded_duration_words(story.whole_seconds()) in voice[sid]
            # The library's week line: a day with a set begun is done.
            assert (("hips", local_day) in done_days) == bool(done or partly)
    finally:
        i18n.use(before)

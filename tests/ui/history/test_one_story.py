"""One session, told five ways: the summary, History, the CSV, the PDF and the dose rules agree."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.dosing.inputs import exercise_histories, routine_recommendations
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.wording import completion_text
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import EndReason, PainChoice
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.set_outcome import SetCounts
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.history.report_pdf import write_report
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.session.summary_page import SessionResult, stats_line
from tests.harness import advance_until, hold, routine, self_paced, side_hold
from tests.ui.history.pdf_text import pdf_text

ROUTINE = routine(self_paced(n=3, sets=3), side_hold(hold_s=6), hold("stretch", 10), id="hips")
# Bridge 1 done; S at set 2 skips sets 2 and 3; Back does set 3 again, in full; the clamshell
# is ended early on the right, and the session on the left; the stretch is never reached.
STORY = SetCounts(done=2, partly_done=2, skipped=1, not_reached=1)
WORDS = "2 of 6 sets done, 2 partly done, 1 skipped, 1 not reached"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def run_session(store: HistoryStore) -> tuple[SessionEngine, int]:
    clock = FakeClock()
    clock.advance(1_760_000_000)  # the wall clock says 9 October 2025
    engine = SessionEngine(ROUTINE, clock=clock, wall=FakeWall(clock))
    recorder = SessionRecorder(store, engine)
    engine.subscribe(recorder.handle)

    def at(kind: StepKind, exercise: int | None = None) -> None:
        advance_until(
            clock,
            lambda: (
                engine.step.kind is kind
                and (exercise is None or engine.step.exercise_index == exercise)
            ),
            engine.update,
        )

    def bridge_set() -> None:
        at(StepKind.WORK, 0)
        for _ in range(3):
            engine.count_rep()
        at(StepKind.PAIN)

    engine.start()
    bridge_set()
    engine.rate_pain(1)
    at(StepKind.WORK, 0)
    assert engine.step.set_number == 2
    engine.skip_exercise()
    assert engine.back()  # from the clamshell's get-ready: bridge set 3 again
    assert (engine.step.kind, engine.step.set_number) == (StepKind.WORK, 3)
    for _ in range(3):
        engine.count_rep()
    at(StepKind.PAIN)
    engine.rate_pain(2)
    at(StepKind.WORK, 1)
    clock.advance(3)
    engine.update()
    engine.next()  # the right side ended early
    at(StepKind.PAIN)
    engine.rate_pain(6)
    engine.choose(PainChoice.CONTINUE)
    at(StepKind.WORK, 1)
    clock.advance(1)
    engine.update()
    engine.end(EndReason.ENDED_EARLY)
    assert recorder.session_id is not None
    return engine, store.saved_id(recorder.session_id)


def test_one_session_tells_one_story_everywhere(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    engine, sid = run_session(store)

    # 1. The summary at the end of the session.
    planned = sum(1 for step in engine.steps if step.kind is StepKind.WORK)
    result = SessionResult(ROUTINE, tuple(engine.records), EndReason.ENDED_EARLY, 60.0,
                           sets_planned=planned)  # fmt: skip
    assert result.counts == STORY
    assert "  \u00b7  ".join(STORY.parts()) in stats_line(result)

    # 2. History: the session list and the chosen session's heading.
    (session,) = store.list_sessions()
    assert session.counts == STORY
    assert completion_text(session) == f"{WORDS}; ended early"
    window = HistoryWindow(store, {"hips": ROUTINE}, wall=lambda: engine.records[-1].ended_at)
    qtbot.addWidget(window)
    window.apply_preset(None)
    sets = window.sessions_pane.sessions.index(0, 3)
    assert sets.data() == "2/6"  # the list's figures; their words for a screen reader
    assert sets.data(Qt.ItemDataRole.AccessibleTextRole) == f"Sets: {WORDS}; ended early"
    assert WORDS in window.sessions_pane.heading.text()

    # 3. The CSV: the session's counts on every row, and one counted row per set.
    target = tmp_path / "log.csv"
    assert store.export_csv(target) == 6  # 6 attempts: bridge set 3 twice
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        counts = (row["sets_done"], row["sets_partly_done"], row["sets_skipped"])
        assert (*counts, row["sets_not_reached"], row["sets_planned"]) == ("2", "2", "1", "1", "6")
    counted = [row["outcome"] for row in rows if row["counted"] == "1"]
    assert sorted(counted) == ["done", "done", "partly_done", "partly_done", "skipped"]

    # 4. The PDF report: the session's line says the same words.
    now = engine.records[-1].ended_at
    write_report(store, tmp_path / "report.pdf", catalog={"hips": ROUTINE}, now=now)
    assert WORDS in pdf_text(tmp_path / "report.pdf")

    # 5. The dose rules count each exercise's sets the same way.
    histories = exercise_histories(store, ROUTINE)
    per_exercise = [h.exposures[-1].counts for h in histories.values()]
    assert sum(c.done for c in per_exercise if c) == STORY.done
    assert sum(c.partly_done for c in per_exercise if c) == STORY.partly_done
    assert sum(c.skipped for c in per_exercise if c) == STORY.skipped
    bridge = next(r for r in routine_recommendations(store, ROUTINE) if r.exercise_id == "bridge")
    assert bridge.rule == "stay.incomplete"
    assert "(2 of 3 sets done, 1 skipped)" in bridge.reason
    assert sid == session.id

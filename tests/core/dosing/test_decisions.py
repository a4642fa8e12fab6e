"""Tests of hiptimer.core.dosing.decisions and advice_words: a yes saves and logs, a no only logs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.decisions import accept, decline
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.words import change_text, is_offer, spoken, waits_for_morning
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.ladder import with_ladder
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise, Kind, Routine, Rung, SideMode
from hiptimer.core.routines.saved_now import latest
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.session.steps import Side
from tests.core.dosing.bridge_advice import BRIDGE, BRIDGE_UP, NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def builtin() -> Routine:
    return load_catalog().original("hip-strengthening")


def logged(store: HistoryStore) -> list[tuple[object, ...]]:
    return [
        (c.exercise_id, c.field, c.old_value, c.new_value, c.accepted, c.reason, c.session_id)
        for c in store.dose_changes("hip-strengthening")
    ]


def test_accepting_for_a_builtin_saves_the_users_version(store: HistoryStore) -> None:
    original = builtin()
    saved = accept(store, original, BRIDGE_UP, NOW)
    target = paths.user_routines_dir() / "hip-strengthening.json"
    assert Path(saved.path) == target and not saved.builtin
    assert (saved.revision, saved.based_on) == (original.revision + 1, "hip-strengthening")
    assert load_routine(target).exercise("bridge").reps == 12
    entry = load_catalog().get("hip-strengthening")
    assert entry is not None and entry.overrides_builtin
    assert logged(store) == [("bridge", "reps", 10, 12, True, "Ready.", None)]


def test_a_second_decision_builds_on_the_first(store: HistoryStore) -> None:
    accept(store, builtin(), BRIDGE_UP, NOW)
    sets_up = dataclasses.replace(
        BRIDGE_UP, current=Dose(3, reps=12), proposed=Dose(4, reps=12), rule="progress.sets"
    )
    saved = accept(store, builtin(), sets_up, NOW)  # the stale built-in: the saved one is used
    bridge = saved.exercise("bridge")
    assert (bridge.sets, bridge.reps, saved.revision) == (4, 12, builtin().revision + 2)


def test_a_stale_recommendation_changes_nothing(store: HistoryStore) -> None:
    accept(store, builtin(), BRIDGE_UP, NOW)
    with pytest.raises(ValueError, match="was made for 3 x 10 reps"):
        accept(store, builtin(), BRIDGE_UP, NOW)
    assert len(logged(store)) == 1


def test_declining_logs_and_saves_nothing(store: HistoryStore) -> None:
    back = Recommendation(
        "single-leg-bridge", Side.LEFT, DoseAction.STEP_BACK, Dose(2, reps=8), Dose(1, reps=8),
        "Too much.", "step_back.pain",
    )  # fmt: skip
    decline(store, "hip-strengthening", back, NOW)
    assert not (paths.user_routines_dir() / "hip-strengthening.json").exists()
    [change] = store.dose_changes()
    assert (change.field, change.old_value, change.new_value, change.side) == (
        "sets",
        2,
        1,
        "left",
    )
    assert not change.accepted


def test_a_users_routine_is_saved_in_place() -> None:
    mine = Routine(
        "mine",
        "Mine",
        (Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=10, reps_range=(8, 14)),),
    )
    path = paths.user_routines_dir() / "my-file.json"
    save_routine(mine, path)
    loaded = load_routine(path)
    assert latest(loaded) == loaded
    saved = accept(None, loaded, BRIDGE_UP, NOW)
    assert Path(saved.path) == path and saved.revision == 2 and saved.based_on == ""
    assert load_routine(path).exercise("bridge").reps == 12


def test_words() -> None:
    assert spoken(BRIDGE_UP, "Bridge") == "Suggestion: bridge, ready for twelve reps."
    hold = Recommendation(
        "clam",
        None,
        DoseAction.STEP_BACK,
        Dose(2, hold_s=30),
        Dose(2, hold_s=25),
        "",
        "step_back.pain",
    )
    assert (
        spoken(hold, "Clamshell") == "Suggestion: clamshell, back to holds of twenty-five seconds."
    )
    clam = Exercise("clam", "Clamshell", Kind.HOLD, sets=2, hold_s=30)
    assert change_text(hold, clam) == "2 x 30 s \u2192 2 x 25 s"
    # Done on each side, the dose is each side's, as the library and hiptimer show write it.
    sided = dataclasses.replace(hold, side=Side.RIGHT, proposed=Dose(1, hold_s=30))
    each = dataclasses.replace(clam, sides=SideMode.EACH)
    assert change_text(sided, each) == "2 x 30 s \u2192 1 x 30 s each side"
    assert change_text(dataclasses.replace(sided, proposed=None), each) == "2 x 30 s each side"
    clinician = dataclasses.replace(hold, action=DoseAction.SEE_CLINICIAN, proposed=None)
    assert "physiotherapist or doctor" in (spoken(clinician, "Clamshell") or "")
    waiting = dataclasses.replace(
        hold, action=DoseAction.STAY, proposed=None, rule="missing.morning"
    )
    assert waits_for_morning(waiting) and not is_offer(waiting)
    assert spoken(waiting, "Clamshell") is None


def test_doses_kept_from_a_session_are_logged_as_the_users_decision(store: HistoryStore) -> None:
    from hiptimer.core.dosing.decisions import log_kept
    from hiptimer.core.routines.user_routines import DoseChange as Kept

    changes = [
        Kept("bridge", "Bridge", "reps", 10, 8),
        Kept("bridge", "Bridge", "reps_range", (8, 12), (6, 12)),  # no dose field of the log
        Kept("stretch", "Stretch", "hold_s", 30, 25.0),
    ]
    log_kept(store, "hips", changes, NOW, session_id=None)
    logged = store.dose_changes("hips")
    assert [(c.exercise_id, c.field, c.old_value, c.new_value) for c in logged] == [
        ("bridge", "reps", 10, 8),
        ("stretch", "hold_s", 30, 25),
    ]
    assert {(c.accepted, c.decided_by) for c in logged} == {(True, "session")}
    decline(store, "hips", BRIDGE_UP, NOW)
    assert store.dose_changes("hips")[-1].decided_by == "suggestion"


def test_words_in_spanish(spanish: None) -> None:
    assert spoken(BRIDGE_UP, "Puente") == "Sugerencia: puente, ya toca doce repeticiones."
    one_set = dataclasses.replace(BRIDGE_UP, proposed=Dose(1, reps=10), current=Dose(2, reps=10))
    assert spoken(one_set, "Puente") == "Sugerencia: puente, ya toca una serie."
    hold = dataclasses.replace(BRIDGE_UP, current=Dose(2, hold_s=30), proposed=Dose(2, hold_s=21))
    assert spoken(hold, "Almeja") == "Sugerencia: almeja, ya toca mantener veintiún segundos."
    assert change_text(BRIDGE_UP, BRIDGE) == "3 x 10 repeticiones \u2192 3 x 12 repeticiones"


def test_words_for_a_move_on_the_ladder() -> None:
    climb = Recommendation(
        "bridge", None, DoseAction.PROGRESS, Dose(3, reps=15, name="Bridge"),
        Dose(2, reps=8, rung=1, name="Single-leg bridge"), "", "progress.ladder",
    )  # fmt: skip
    assert spoken(climb, "Bridge") == "Suggestion: bridge, ready for the single-leg bridge."
    bridge = with_ladder(
        Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=15),
        Rung("single-leg-bridge", "Single-leg bridge", sets=2, reps=8),
    )
    assert change_text(climb, bridge) == "3 x 15 reps \u2192 Single-leg bridge, 2 x 8 reps"
    # A step on the same variant names it once: the card's heading already does, and "Bridge,
    # 3 x 15 reps -> Bridge, 3 x 12 reps" read as two exercises (journey13).
    lower = dataclasses.replace(climb, proposed=Dose(3, reps=12, name="Bridge"))
    assert change_text(lower, bridge) == "3 x 15 reps \u2192 3 x 12 reps"
    assert climb.proposed is not None
    down = dataclasses.replace(
        climb, action=DoseAction.STEP_BACK, current=climb.proposed, proposed=climb.current
    )
    assert spoken(down, "Single-leg bridge") == "Suggestion: single-leg bridge, back to the bridge."


def test_accepting_a_climb_logs_the_rung_and_the_dose(store: HistoryStore) -> None:
    mine = Routine(
        "mine",
        "Mine",
        (
            with_ladder(
                Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=15),
                Rung("single-leg-bridge", "Single-leg bridge", sets=2, reps=8),
            ),
        ),
    )
    path = paths.user_routines_dir() / "mine.json"
    save_routine(mine, path)
    climb = Recommendation(
        "bridge", None, DoseAction.PROGRESS, Dose(3, reps=15), Dose(2, reps=8, rung=1),
        "Ready for more.", "progress.ladder",
    )  # fmt: skip
    saved = accept(store, load_routine(path), climb, NOW)
    bridge = saved.exercise("bridge")
    assert (bridge.rung, bridge.name, bridge.sets, bridge.reps) == (1, "Single-leg bridge", 2, 8)
    assert json.loads(path.read_text(encoding="utf-8"))["exercises"][0]["rung"] == 1
    rows = [(c.field, c.old_value, c.new_value) for c in store.dose_changes("mine")]
    assert rows == [("rung", 0, 1), ("sets", 3, 2), ("reps", 15, 8)]


def test_a_not_now_is_found_again_for_the_same_change_after_the_same_session() -> None:
    from hiptimer.core.dosing.decisions import declined_at
    from hiptimer.core.history.records import DoseChange

    class Log:  # the rows decline() writes, as the store reads them back
        def __init__(self) -> None:
            self.rows: list[DoseChange] = []

        def record_dose_change(self, *args: object, **kw: object) -> int:
            routine, exercise, field, old, new = args
            row = DoseChange(
                len(self.rows) + 1, kw["session_id"], routine, exercise, kw["side"], field,  # type: ignore[arg-type]
                old, new, kw["reason"], kw["accepted"], kw["decided_at"],  # type: ignore[arg-type]
            )  # fmt: skip
            self.rows.append(row)
            return row.id

    log = Log()
    up = dataclasses.replace(BRIDGE_UP, session_id=7)
    assert declined_at(up, log.rows) is None
    decline(log, "r", up, NOW)
    assert declined_at(up, log.rows) == NOW
    # The same words about another session, or another change, are new evidence.
    assert declined_at(dataclasses.replace(up, session_id=8), log.rows) is None
    assert declined_at(dataclasses.replace(up, proposed=Dose(4, reps=10)), log.rows) is None
    assert declined_at(dataclasses.replace(up, exercise_id="clam"), log.rows) is None
    assert declined_at(BRIDGE_UP, log.rows) is None  # no session: nothing to match
    # A yes is not a "not now".
    yes = dataclasses.replace(log.rows[0], accepted=True, session_id=9)
    assert declined_at(dataclasses.replace(up, session_id=9), [yes]) is None


def test_unanswered_keeps_the_offers_now_that_were_not_declined(store: HistoryStore) -> None:
    # The library's line counts these (ui/library/offers.py).
    from hiptimer.core.dosing.decisions import unanswered

    first, later = (store.begin_session("mine", "Mine", 1, {}, NOW) for _ in range(2))
    up = dataclasses.replace(BRIDGE_UP, session_id=first)
    stay = dataclasses.replace(up, action=DoseAction.STAY, proposed=None, rule="stay.pain")
    assert unanswered([up, stay], []) == [up]  # "keep the dose" asks for no answer
    decline(store, "mine", up, NOW)
    assert unanswered([up, stay], store.dose_changes("mine")) == []
    again = dataclasses.replace(up, session_id=later)  # a later session: new evidence
    assert unanswered([again], store.dose_changes("mine")) == [again]

"""The resume offer names a session's routine and sets as History does (names.py), not as
they were recorded: a session done in English is offered in Spanish with Spanish names."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from hiptimer import i18n, paths
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.resume import details_lines, offer_text, plan_resume
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.writer import exercise_to_data

T0 = datetime(2026, 3, 3, 8, 0, tzinfo=timezone.utc)
ID = "hip-strengthening"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def strengthening() -> Routine:
    """The built-in, in the language in use."""
    return load_routine(paths.builtin_routines_dir() / f"{ID}.json", builtin=True)


def done_in_english(store: HistoryStore, routine: Routine, at: datetime, pain: int) -> int:
    """A session of the built-in as HipTimer in English recorded it, stopped after one set."""
    doses = {ex.id: exercise_to_data(ex) for ex in routine.active_exercises}
    sid = store.begin_session(ID, "Hip strengthening", routine.revision, doses, at)
    bridge = StoredSet("bridge", "Bridge", 1, at, ended_at=at + timedelta(seconds=40), pain=pain)
    store.add_set(sid, bridge)
    return sid


def test_a_session_done_in_english_is_offered_with_the_spanish_names(
    store: HistoryStore, spanish: None
) -> None:
    # The offer said "Tu sesión de Hip strengthening ..." and "Bridge, serie 1" where History,
    # the library and the session it resumes say "Fortalecimiento de cadera" and "Puente".
    routine = strengthening()
    done_in_english(store, routine, T0 - timedelta(days=1), 2)  # older: kept as partial
    done_in_english(store, routine, T0, 7)  # above the limit, no choice made
    plan = plan_resume(store, {ID: routine}.get)
    assert plan is not None
    today = T0.astimezone().date()
    offer = offer_text(plan, today)
    assert "Fortalecimiento de cadera" in offer and "Hip strengthening" not in offer
    lines = " ".join(details_lines(plan, today, limit=5))
    assert "Puente, serie 1" in lines and "Bridge" not in lines
    assert "Fortalecimiento de cadera, ayer" in lines and "Hip strengthening" not in lines


def test_a_routine_gone_from_the_library_keeps_its_recorded_names(
    store: HistoryStore, spanish: None
) -> None:
    done_in_english(store, strengthening(), T0, 7)
    plan = plan_resume(store, lambda _id: None)
    assert plan is not None
    today = T0.astimezone().date()
    assert "Hip strengthening" in offer_text(plan, today)
    assert "Bridge, serie 1" in " ".join(details_lines(plan, today, limit=5))


def test_a_session_done_in_english_resumes_in_spanish_at_its_own_doses(
    store: HistoryStore, spanish: None
) -> None:
    # Seen on screen: every exercise of a session done in English was "changed" in Spanish
    # (its stored words differ), so the offer listed all seven as "doses it started with"
    # and the resumed session ran their English names, steps and cautions.
    i18n.use("en")
    english = strengthening()
    i18n.use("es")
    done_in_english(store, english, T0, 2)
    routine = strengthening()
    plan = plan_resume(store, {ID: routine}.get)
    assert plan is not None and plan.from_session == ()
    assert plan.routine.exercises[0].name == "Puente" and plan.routine.exercises == tuple(
        dataclasses.replace(ex, enabled=True) for ex in routine.exercises
    )
    assert not any("dosis con las que empezó" in line for line in details_lines(plan, T0.date()))

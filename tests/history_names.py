"""A history done in English with built-ins the app now shows in Spanish, and one routine gone
from the library: what the tests of shown names (names25) read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hiptimer import paths
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.writer import exercise_to_data

DONE_AT = datetime(2026, 3, 3, 8, 0, tzinfo=timezone.utc)
ENGLISH = ("Desk micro-break", "Standing hip circles", "Monthly check", "30-second chair stand")
SPANISH = (
    "Micropausa en el escritorio",
    "Círculos de cadera de pie",
    "Control mensual",
    "Levantarse de la silla en 30 segundos",
)


def builtins(*ids: str) -> list[Routine]:
    """These built-ins as the library has them, in the language in use."""
    folder = paths.builtin_routines_dir()
    return [load_routine(folder / f"{rid}.json", builtin=True) for rid in ids]


def record_in_english(store: HistoryStore) -> None:
    """A micro-break (its first set's rating corrected 6 -> 2) and a monthly check, both done
    in English, and a session of a routine no longer in the library: the newest first."""
    english = {r.id: r for r in _english()}
    for n, (rid, ex_id) in enumerate(
        (("monthly-check", "chair-stand-30s"), ("desk-micro-break", "standing-hip-circles"))
    ):
        routine = english[rid]
        ex = next(e for e in routine.exercises if e.id == ex_id)
        start = DONE_AT - timedelta(days=n + 1)
        doses = {e.id: exercise_to_data(e) for e in routine.exercises}
        sid = store.begin_session(rid, routine.title, 1, doses, start, sets_planned=1)
        done = StoredSet(ex.id, ex.name, 1, start, start + timedelta(seconds=30), pain=6)
        set_id = store.add_set(sid, done)
        if ex.test is not None:
            store.record_result(set_id, 12, "stands")
        else:
            store.correct_pain(set_id, 2, at=start + timedelta(minutes=5))
        store.finish_session(sid, "completed", start + timedelta(minutes=1))
    start = DONE_AT - timedelta(days=3)
    sid = store.begin_session("gone", "Old one", 1, {}, start)
    store.add_set(sid, StoredSet("clam", "Clamshell", 1, start, start + timedelta(seconds=30)))
    store.finish_session(sid, "completed", start + timedelta(minutes=1))


def _english() -> list[Routine]:
    from hiptimer import i18n

    was = i18n.language()
    i18n.use("en")
    try:
        return builtins("monthly-check", "desk-micro-break")
    finally:
        i18n.use(was)

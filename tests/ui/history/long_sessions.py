"""The history window at a screen's size, and sessions whose sets have long words."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, at, fill


def window_sized(qtbot: QtBot, store: HistoryStore, size: tuple[int, int]) -> HistoryWindow:
    """The history window shown at `size` (the look in use), laid out and its tables fitted."""
    w = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(w)
    w.setMinimumSize(1, 1)
    w.resize(*size)
    w.show()
    for _ in range(3):  # the window's layout, then the tables' own
        QApplication.processEvents()
    return w


LONG_NAME = "Side-lying hip abduction with a resistance band"


Held = tuple[str, int, str | None, str | None, bool]  # side, pain, choice, change, completed


def add_holds(
    store: HistoryStore, sid: int, name: str, start: datetime, sets: list[Held]
) -> datetime:
    """Add these sets of a 30 s hold, 12 s held unless completed, a minute apart from `start`:
    the time after the last."""
    when = start
    for side, pain, choice, adjusted, completed in sets:
        store.add_set(sid, StoredSet(
            "abduction", name, 1, when, when + timedelta(seconds=40), side=side,
            planned_hold_s=30, actual_hold_s=12, completed=completed, pain=pain,
            pain_choice=choice, adjustment=adjusted,
        ))  # fmt: skip
        when += timedelta(minutes=1)
    return when


def session_of_long_sets(store: HistoryStore, start: datetime) -> int:
    """A session whose sets have every column wide: a long name, each side, a changed
    rating, a choice after pain, a quick dose change and a set done again after Back."""
    sid = store.begin_session("fai", "FAI mobility and control", 1, {}, start, sets_planned=3)
    when = add_holds(store, sid, LONG_NAME, start, [
        ("right", 7, "stop", "hold 30 -> 35 s; hold 35 -> 40 s", False),
        ("left", 3, None, None, False),
    ])  # fmt: skip
    first = store.session_sets(sid)[0]
    assert first.id is not None
    store.correct_pain(first.id, 10, at=when)  # "10/10 (was 7)"
    store.finish_session(sid, "completed", when)
    return sid


def session_of_long_words(store: HistoryStore, start: datetime) -> int:
    """A session whose sets have long words in every column of words, in Spanish: done in
    part and tried again ("12 s (hecha en parte) · no cuenta"), each choice after pain
    ("lo dejó por hoy", "bajó la carga") and quick changes of a hold and of reps."""
    sid = store.begin_session("fai", "FAI mobility and control", 1, {}, start, sets_planned=3)
    when = add_holds(store, sid, "Abducción de cadera tumbado de lado con banda", start, [
        ("right", 7, "stop", "hold 30 -> 35 s; hold 35 -> 40 s", False),
        ("left", 5, "lower", "reps 10 -> 8", False),
        ("left", 3, "continue", None, True),
    ])  # fmt: skip
    store.finish_session(sid, "completed", when)
    return sid


def stretches_today(store: HistoryStore, weeks: Weeks) -> int:
    """The shared history and, today, a routine of long names done whole, each side, with its
    next morning's check-in: the chosen session's heading takes four lines at 800 x 600 in
    large print, and each set's name three (as the week bench/screenshot_states.py writes)."""
    fill(store, weeks)
    start = at(weeks.today, 7)
    title = "Estiramientos diarios de cadera"
    sid = store.begin_session("daily-hip", title, 1, {}, start, sets_planned=6)
    when = start
    for number in (1, 2, 3):
        for side in ("right", "left"):
            store.add_set(sid, StoredSet(
                "hamstring", "Estiramiento de isquiotibiales", number, when,
                when + timedelta(seconds=60), side=side, planned_hold_s=60, actual_hold_s=60,
                completed=True, pain=2,
            ))  # fmt: skip
            when += timedelta(seconds=80)
    store.finish_session(sid, "completed", when)
    store.record_morning(sid, 2, 3, start + timedelta(days=1))
    return sid

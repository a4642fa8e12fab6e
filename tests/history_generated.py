"""A varied history made from a seed, for tests that compare a whole export byte for byte."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hiptimer.core.history.queries import to_db_time
from hiptimer.core.history.store import HistoryStore, open_history

START = datetime(2024, 1, 1, 6, 0, tzinfo=timezone.utc)  # the first session; DST both ways after
# (id, name, kind, sides): names a CSV must quote, one a spreadsheet would run as a formula.
EXERCISES = (
    ("bridge", "Bridge", "reps", False),
    ("clam", "Clam, side-lying", "hold", True),
    ("stance", 'Single-leg "stance"', "hold", True),
    ("sts", "=30-s chair stand", "reps", False),
    ("bird", "Bird dog\nslow", "reps", True),
)
NOTES = ("", "", "", "Felt stiff.", 'Knee "clicked", no pain', "=SUM(A1)", "two\r\nlines", "-3")
ADJUSTMENTS = (None, None, None, "hold 30 -> 35 s", 'reps 10 -> 8, "kept"', "+2 reps")
END_REASONS = ("completed", "completed", "completed", "ended_early", "interrupted", "partial")


def generate(path: Path, sessions: int = 160, seed: int = 15) -> HistoryStore:
    """A history of `sessions` sessions about 2.3 days apart from START, opened as a store.

    Sets are inserted in one transaction (a durable commit per set would take seconds); the
    corrections, check-ins, marks and notes then go through the store as the app writes them.
    """
    rng = random.Random(seed)
    open_history(path).close()
    conn = sqlite3.connect(path)
    rows: list[tuple[object, ...]] = []
    heads: list[tuple[object, ...]] = []
    for sid in range(1, sessions + 1):
        began = START + timedelta(
            hours=55 * (sid - 1) + rng.randint(0, 3), minutes=rng.randint(0, 59)
        )
        at, seq, tried = began, 0, set()
        for ex_id, name, kind, sides in EXERCISES:
            for number in range(1, rng.randint(1, 3) + 1):
                for side in ("right", "left") if sides else (None,):
                    for _attempt in range(2 if rng.random() < 0.05 else 1):
                        seq += 1
                        key = (ex_id, side, number)
                        skipped = rng.random() < 0.04
                        completed = not skipped and rng.random() > 0.1
                        hold = 30.0 + 5 * rng.randint(0, 2) if kind == "hold" else None
                        reps = rng.randint(6, 12) if kind == "reps" else None
                        ended = at + timedelta(seconds=rng.uniform(0, 75))
                        result = unit = None
                        if ex_id == "sts" and rng.random() < 0.5:
                            result, unit = float(rng.randint(8, 16)), "stands"
                        elif ex_id == "stance" and rng.random() < 0.3:
                            result, unit = round(rng.uniform(5, 60), rng.randint(0, 3)), "s"
                        rows.append((
                            sid, seq, ex_id, name, side, number, hold,
                            None if hold is None or skipped else hold * rng.uniform(0.2, 1.0),
                            reps, None if reps is None or skipped else rng.randint(0, reps),
                            int(completed), int(skipped),
                            None if skipped or rng.random() < 0.1 else rng.randint(0, 10),
                            rng.choice((None, None, None, "stop", "lower", "continue")),
                            rng.choice(ADJUSTMENTS), to_db_time(at), to_db_time(ended),
                            result, unit, int(key in tried),
                        ))  # fmt: skip
                        tried.add(key)
                        at = ended + timedelta(seconds=rng.randint(10, 40))
        planned = rng.choice((None, seq, seq + 3))
        heads.append((
            sid, "hips" if sid % 4 else "knees, daily", "Hips" if sid % 4 else 'Knees "daily"',
            planned, to_db_time(began), to_db_time(at), rng.choice(END_REASONS), rng.choice(NOTES),
        ))  # fmt: skip
    with conn:
        conn.executemany(
            "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, sets_planned,"
            " started_at, ended_at, end_reason, note) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
            heads,
        )
        conn.executemany(
            "INSERT INTO sets (session_id, seq, exercise_id, exercise_name, side, set_number,"
            " planned_hold_s, actual_hold_s, planned_reps, actual_reps, completed, skipped, pain,"
            " pain_choice, adjustment, started_at, ended_at, result, result_unit, tried_before)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    set_ids = [r[0] for r in conn.execute("SELECT id FROM sets ORDER BY id")]
    conn.close()
    store = open_history(path)
    _after_the_fact(store, rng, sessions, set_ids)
    return store


def _after_the_fact(
    store: HistoryStore, rng: random.Random, sessions: int, sets: list[int]
) -> None:
    """Check-ins, then corrections with their trail: ratings, notes, marks."""
    later = START + timedelta(days=400)
    for sid in range(1, sessions + 1):
        if rng.random() < 0.6:
            morning = START + timedelta(hours=55 * (sid - 1) + 20, minutes=rng.randint(0, 59))
            store.record_morning(
                sid, rng.choice((None, *range(11))), rng.choice((None, *range(11))), morning
            )
    for n, set_id in enumerate(rng.sample(sets, 40)):
        for again in range(rng.randint(1, 2)):
            pain = rng.choice((None, *range(11)))
            store.correct_pain(set_id, pain, at=later + timedelta(hours=n, minutes=again))
    for n, sid in enumerate(rng.sample(range(1, sessions + 1), 20)):
        store.set_note(sid, rng.choice(NOTES[3:]), at=later + timedelta(days=1, hours=n))
    checked = [s.id for s in store.list_sessions() if s.morning_at is not None]
    for n, sid in enumerate(rng.sample(checked, 15)):
        for again in range(rng.randint(1, 2)):
            pain, stiffness = rng.choice((None, *range(11))), rng.choice((None, *range(11)))
            when = later + timedelta(days=4, hours=n, minutes=again)
            store.correct_morning(sid, pain, stiffness, at=when, reason="read it wrong")
    for n, sid in enumerate(rng.sample(range(1, sessions + 1), 12)):
        reason = rng.choice(("had a cold", "=new shoes", "flare, after a fall"))
        store.mark_representative(sid, False, at=later + timedelta(days=2, hours=n), reason=reason)
        if n % 3 == 0:
            store.mark_representative(sid, True, at=later + timedelta(days=3, hours=n))

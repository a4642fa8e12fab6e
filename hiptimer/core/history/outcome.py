"""A set's outcome in SQL, for the store's sums, and in words, for the tables (the rule
itself, for every view: hiptimer.core.session.set_outcome)."""

from __future__ import annotations

from typing import Protocol

from hiptimer.core.history.result_text import result_text
from hiptimer.core.routines.model import seconds_text
from hiptimer.core.session.set_outcome import Attempt, Outcome, attempt_outcome
from hiptimer.i18n import _, n_

# The rule (set_outcome) in SQL, for a row of `sets` called `t` (the store counts in SQL); a test
# holds the two to the same answers.
DONE_SQL = "(t.completed = 1 AND t.skipped = 0)"
SKIPPED_SQL = "(t.skipped = 1)"
PARTLY_DONE_SQL = "(t.completed != 1 AND t.skipped = 0)"
# A session that counts as exercise (adherence, the morning check-in): a set begun in it.
EXERCISED_SQL = "EXISTS (SELECT 1 FROM sets AS d WHERE d.session_id = s.id AND d.skipped = 0)"


class Measured(Attempt, Protocol):
    """An attempt with its planned and actual dose, and a re-test's result (SetRecord,
    StoredSet; an ordinary set has no result unit: '' or None)."""

    @property
    def planned_hold_s(self) -> float | None: ...
    @property
    def actual_hold_s(self) -> float | None: ...
    @property
    def planned_reps(self) -> int | None: ...
    @property
    def actual_reps(self) -> int | None: ...
    @property
    def result(self) -> float | None: ...
    @property
    def result_unit(self) -> str | None: ...


def reps_text(n: int | None) -> str:
    return "" if n is None else n_("{n} rep", "{n} reps", n).format(n=n)


def planned_text(a: Measured) -> str:
    """'30 s' or '12 reps'."""
    if a.planned_hold_s is not None:
        # As the library writes a dose: '1 min', where the summary, History and the PDF wrote
        # '60 s' beside the library's '3 x 1 min' (seen under Xvfb).
        return seconds_text(a.planned_hold_s)
    return reps_text(a.planned_reps)


def done_text(a: Measured, counted: bool = True) -> str:
    """What was done in words: '30 s', '12 s (partly done)', 'skipped'; `counted` False
    for an attempt that does not decide its set (it was tried again after Back).

    A re-test says its result instead ('12 stands', '12.7 cm'): the time a chair stand or
    a measurement took is not its result, and the result is what the test is for.
    """
    outcome = attempt_outcome(a.completed, a.skipped)
    if outcome is Outcome.SKIPPED:
        text = _("skipped")
    else:
        if a.result is not None or a.result_unit:
            text = result_text(a.result, a.result_unit)
        elif a.planned_hold_s is not None or a.actual_hold_s is not None:
            text = "" if a.actual_hold_s is None else seconds_text(a.actual_hold_s)
        else:
            text = reps_text(a.actual_reps)
        if outcome is Outcome.PARTLY_DONE:
            text = _("{done} (partly done)").format(done=text).strip()
    # The set has another row that counts: the best attempt (see `best_attempts`).
    return text if counted else _("{done} \u00b7 not counted").format(done=text)

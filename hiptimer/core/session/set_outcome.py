"""One definition of a set's outcome (done, partly done, skipped, not reached), for the
engine's records and the store's rows alike: every view, the voice's last words and the dose
rules count by it (the same rule in SQL, and in words: hiptimer.core.history.outcome)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from hiptimer.core.session.steps import SetKey
from hiptimer.i18n import N_, _, n_, translate


class Outcome(str, Enum):
    """What became of one planned set (one exercise, side and set number) in a session."""

    DONE = "done"  # done in full: the hold to its end, every rep
    PARTLY_DONE = "partly_done"  # begun and ended early: a shorter hold, fewer reps
    SKIPPED = "skipped"  # skipped (S, or "stop this exercise for today")
    NOT_REACHED = "not_reached"  # planned, but the session ended before it

    @property
    def words(self) -> str:
        """'partly done' in the language in use."""
        return translate(OUTCOME_WORDS[self])


OUTCOME_WORDS = {
    Outcome.DONE: N_("done"),
    Outcome.PARTLY_DONE: N_("partly done"),
    Outcome.SKIPPED: N_("skipped"),
    Outcome.NOT_REACHED: N_("not reached"),
}

# Which attempt decides a set done more than once (Back repeats a set): the best one.
_RANK = {Outcome.SKIPPED: 1, Outcome.PARTLY_DONE: 2, Outcome.DONE: 3}


class Attempt(Protocol):
    """One recorded attempt at a set: the engine's SetRecord or the store's StoredSet."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def set_number(self) -> int: ...
    @property
    def side(self) -> object: ...  # 'right', 'left', a Side, or None
    @property
    def completed(self) -> bool: ...
    @property
    def skipped(self) -> bool: ...


def attempt_outcome(completed: bool, skipped: bool) -> Outcome:
    """The outcome of one attempt: skipped wins over the completed flag."""
    if skipped:
        return Outcome.SKIPPED
    return Outcome.DONE if completed else Outcome.PARTLY_DONE


def set_key(attempt: Attempt) -> SetKey:
    side = attempt.side
    side_text = None if side is None else str(side.value if isinstance(side, Enum) else side)
    return (attempt.exercise_id, attempt.set_number, side_text)


def best_attempts(keyed: Sequence[tuple[SetKey, Outcome]]) -> dict[SetKey, int]:
    """Each set (in the order first tried) and the index of the attempt that decides its
    outcome: the best one (done over partly done over skipped), the last of equals."""
    best: dict[SetKey, int] = {}
    for i, (key, outcome) in enumerate(keyed):
        held = best.get(key)
        if held is None or _RANK[outcome] >= _RANK[keyed[held][1]]:
            best[key] = i
    return best


def _keyed(attempts: Iterable[Attempt]) -> list[tuple[SetKey, Outcome]]:
    return [(set_key(a), attempt_outcome(a.completed, a.skipped)) for a in attempts]


def deciding(attempts: Iterable[Attempt]) -> list[bool]:
    """For each attempt, whether it decides its set's outcome (one True per set)."""
    keyed = _keyed(attempts)
    chosen = set(best_attempts(keyed).values())
    return [i in chosen for i in range(len(keyed))]


def set_outcomes(attempts: Iterable[Attempt]) -> dict[SetKey, Outcome]:
    """Each set with an attempt, in the order first tried, and its outcome."""
    keyed = _keyed(attempts)
    return {key: keyed[i][1] for key, i in best_attempts(keyed).items()}


@dataclass(frozen=True)
class SetCounts:
    """How many of a session's planned sets ended each way."""

    done: int = 0
    partly_done: int = 0
    skipped: int = 0
    not_reached: int = 0

    @property
    def planned(self) -> int:
        return self.done + self.partly_done + self.skipped + self.not_reached

    @property
    def begun(self) -> int:
        """Sets done or partly done: the session counts as exercise when this is not 0."""
        return self.done + self.partly_done

    @property
    def all_done(self) -> bool:
        return self.planned > 0 and self.done == self.planned

    def parts(self, *, not_reached: bool = True) -> list[str]:
        """['3 of 4 sets done', '1 partly done', ...]: the counts that are not 0 (those not
        reached left out where the sentence says the session stopped)."""
        n = self.planned
        if not n:
            return [_("no sets")]
        head = n_("{done} of {n} set done", "{done} of {n} sets done", n)
        parts = [head.format(done=self.done, n=n)]
        # Translators: sets, counted as the language counts them ("1 hecha", "2 hechas").
        if self.partly_done:
            n = self.partly_done
            parts.append(n_("{n} partly done", "{n} partly done", n).format(n=n))
        if self.skipped:
            n = self.skipped
            parts.append(n_("{n} skipped", "{n} skipped", n).format(n=n))
        if self.not_reached and not_reached:
            parts.append(_("{n} not reached").format(n=self.not_reached))
        return parts

    def text(self, joiner: str = ", ", *, not_reached: bool = True) -> str:
        """'3 of 4 sets done, 1 skipped' (the words every view uses)."""
        return joiner.join(self.parts(not_reached=not_reached))


def count_outcomes(outcomes: Iterable[Outcome], planned: int | None) -> SetCounts:
    """The counts of a session from the outcome of each set tried (once each); the planned
    sets without an attempt are not reached. `planned` None: only the sets tried are known."""
    found = list(outcomes)
    return counts_of(
        found.count(Outcome.DONE),
        found.count(Outcome.PARTLY_DONE),
        found.count(Outcome.SKIPPED),
        planned,
    )


def count_sets(attempts: Iterable[Attempt], planned: int | None) -> SetCounts:
    """The counts of a session from its attempts: each set once, by its best attempt."""
    return count_outcomes(set_outcomes(attempts).values(), planned)


def counts_of(done: int, partly_done: int, skipped: int, planned: int | None) -> SetCounts:
    """The counts from per-set sums (each set tried once, as the store sums them in SQL)."""
    tried = done + partly_done + skipped
    reached = max(0, planned - tried) if planned is not None else 0
    return SetCounts(done, partly_done, skipped, reached)

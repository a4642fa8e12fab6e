"""Adherence over a period (no Qt): sessions a week from the first session on, and sets done."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from hiptimer.core.history.records import SessionSummary, WeekCount
from hiptimer.core.history.result_text import to_tenth
from hiptimer.core.history.series import HistorySeries
from hiptimer.core.history.wording import day_text
from hiptimer.core.routines.model import Routine, Schedule
from hiptimer.core.session.set_outcome import SetCounts
from hiptimer.i18n import _, decimal, n_, p_, short_date


def period_start(store: HistorySeries, routine_id: str | None, since: date | None) -> date | None:
    """Where a period really starts: at `since`, but never before the first session (of the
    routine, or of any routine), so weeks before anyone began are never counted as missed."""
    first = store.first_session_day(routine_id)
    if first is None:
        return since
    return first if since is None else max(since, first)


class CutWeek(NamedTuple):
    """A week the period cuts short: its Monday, and its first and last days in the period."""

    week_start: date
    first: date
    last: date


@dataclass(frozen=True)
class Adherence:
    """Sessions per week against the schedule, and how much of each session was done.

    Only sessions with a set done or partly done count (hiptimer.core.session.set_outcome);
    only full weeks (Monday to Sunday inside the period, which starts at the first session)
    count towards the average and the schedule: a week the period cuts is not a missed week.
    """

    weeks: list[WeekCount]
    schedule: Schedule | None
    sessions: int  # sessions with a set begun
    counts: SetCounts  # their sets, each once, by outcome
    completed: int  # of them, sessions that ran to the end ('completed')
    first_day: date | None = None  # the period
    last_day: date | None = None
    not_counted: int = 0  # sessions begun with no set done or partly done
    checks: int = 0  # sessions of re-tests in the period, not counted either

    @property
    def full_weeks(self) -> list[WeekCount]:
        first, last = self.first_day or date.min, self.last_day or date.max
        return [w for w in self.weeks if first <= w.week_start <= last - timedelta(days=6)]

    @property
    def cut_weeks(self) -> list[CutWeek]:
        """Each week the period cuts short (its first, its last: this week, so far) and its
        days in the period: a low or empty bar there is no missed week."""
        full = {w.week_start for w in self.full_weeks}
        first, last = self.first_day or date.min, self.last_day or date.max
        return [
            CutWeek(
                w.week_start, max(w.week_start, first), min(w.week_start + timedelta(days=6), last)
            )
            for w in self.weeks
            if w.week_start not in full
        ]

    def cut_text(self) -> str:
        """'17 Nov – 22 Nov; 7 Dec': the days of the weeks the period cuts short."""
        spans = [
            short_date(a, year=False)
            if a == b
            else _("{first} – {last}").format(
                first=short_date(a, year=False), last=short_date(b, year=False)
            )
            for _monday, a, b in self.cut_weeks
        ]
        return "; ".join(spans)

    def cut_note(self) -> str:
        """The words under a chart that shades the weeks the period cuts short (the PDF's and
        the window's alike), '' when it cuts none."""
        if not self.cut_weeks:
            return ""
        words = _(
            "Shaded: weeks the period cuts short ({days}), sessions on those days only;"
            " the average counts full weeks."
        )
        return words.format(days=self.cut_text())

    @property
    def per_week(self) -> float | None:
        """Sessions a week on average over the full weeks; None before a week is full."""
        weeks = self.full_weeks
        return sum(w.sessions for w in weeks) / len(weeks) if weeks else None

    @property
    def weeks_on_schedule(self) -> int | None:
        """Full weeks with at least the schedule's minimum; None without a schedule."""
        if self.schedule is None:
            return None
        return sum(1 for w in self.full_weeks if w.sessions >= self.schedule.min_per_week)

    @property
    def completion_rate(self) -> float | None:
        planned = self.counts.planned
        return self.counts.done / planned if planned else None

    def _share(self) -> str:
        """The share of sets done in full as the language writes it: "93%", "93 %"."""
        # Translators: a percentage; Spanish puts a (non-breaking) space before the sign.
        rate = self.completion_rate or 0.0  # asked only when sets were planned
        return p_("percent", "{n}%").format(n=f"{rate * 100:.0f}")

    def summary(self) -> list[str]:
        """'53 sessions in 14 weeks from 3 Mar 2025', '3.9 a week on average over 12 full
        weeks', ...: one clause each, in the language in use."""
        full, weeks = len(self.full_weeks), len(self.weeks)
        sessions = n_("{n} session", "{n} sessions", self.sessions).format(n=self.sessions)
        in_weeks = n_("{n} week", "{n} weeks", weeks).format(n=weeks)
        if self.first_day:
            first = _("{sessions} in {weeks} from {day}").format(
                sessions=sessions, weeks=in_weeks, day=day_text(self.first_day)
            )
        else:
            first = _("{sessions} in {weeks}").format(sessions=sessions, weeks=in_weeks)
        parts = [first]
        over = n_("{n} full week", "{n} full weeks", full).format(n=full)
        if self.per_week is None:
            parts.append(_("no full week yet"))
        else:
            average = decimal(to_tenth(self.per_week), ".1f")
            parts.append(_("{n} a week on average over {weeks}").format(n=average, weeks=over))
        if self.schedule is not None and full:
            parts.append(
                _("at least {n} a week (the schedule: {schedule}) in {ok} of {weeks}").format(
                    n=self.schedule.min_per_week,
                    schedule=self.schedule.label,
                    ok=self.weeks_on_schedule,
                    weeks=over,
                )
            )
        c = self.counts
        if c.planned:
            done = n_(
                "{done} of {n} planned set done in full ({share})",
                "{done} of {n} planned sets done in full ({share})",
                c.planned,
            ).format(done=c.done, n=c.planned, share=self._share())
            rest = ", ".join(c.parts()[1:])
            parts.append(f"{done}; {rest}" if rest else done)
        if self.sessions:
            parts.append(
                n_(
                    "{done} of {n} session ran to the end",
                    "{done} of {n} sessions ran to the end",
                    self.sessions,
                ).format(done=self.completed, n=self.sessions)
            )
        return parts + self.left_out()

    def sentence(self, *advice: str) -> str:
        """The summary as one sentence, `advice` after it; with no exercise session in the
        period, that alone and plainly (what it lists instead after it), not "0 sessions in
        0 weeks; no full week yet" (the window's Adherence tab on an empty history, session
        27). The window's words and the PDF's alike."""
        if self.sessions:
            return "; ".join([*self.summary(), *advice]) + "."
        left_out = self.left_out()  # sessions the lists show, but no exercise session
        if not left_out:
            return _("No sessions in this period.")
        return "; ".join([_("No exercise sessions in this period"), *left_out]) + "."

    def left_out(self) -> list[str]:
        """'2 re-test sessions, not counted', ...: the sessions listed that the figures leave
        out (with no exercise session, all there is to say of the period)."""
        parts = []
        if self.checks:
            parts.append(
                n_(
                    "{n} re-test session, not counted",
                    "{n} re-test sessions, not counted",
                    self.checks,
                ).format(n=self.checks)
            )
        if self.not_counted:
            parts.append(
                n_(
                    "{n} more session begun with no set done, not counted",
                    "{n} more sessions begun with no set done, not counted",
                    self.not_counted,
                ).format(n=self.not_counted)
            )
        return parts


def adherence(
    store: HistorySeries,
    sessions: list[SessionSummary],
    schedule: Schedule | None,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    *,
    today: date | None = None,
    checks: Collection[str] = (),
) -> Adherence:
    """Adherence over these (already filtered, newest first) sessions; weeks from the store.

    The period starts at `since` or the first session, whichever is later, and ends at
    `until`, else `today` (by default, the computer's). `checks`: routines of re-tests,
    whose sessions are listed but are not exercise sessions.
    """
    kinds = SessionKinds.of(sessions, checks)
    counted = [s for s in sessions if session_kind(s, checks) is SessionKind.EXERCISE]
    first = period_start(store, routine_id, since)
    last = until or today or date.today()
    weeks = store.weekly_adherence(routine_id, first, last, leave_out=checks) if first else []
    total = SetCounts()
    for s in counted:
        c = s.counts
        total = SetCounts(
            total.done + c.done,
            total.partly_done + c.partly_done,
            total.skipped + c.skipped,
            total.not_reached + c.not_reached,
        )
    return Adherence(
        weeks=weeks,
        schedule=schedule,
        sessions=kinds.exercise,
        counts=total,
        completed=sum(1 for s in counted if s.end_reason == "completed"),
        first_day=first,
        last_day=last,
        not_counted=kinds.begun,
        checks=kinds.retests,
    )


class SessionKind(Enum):
    """The three kinds of session adherence, the report and History's list tell apart."""

    EXERCISE = "exercise"  # a set done or partly done: counted
    RETEST = "retest"  # a session of a routine of re-tests: listed, not counted
    BEGUN = "begun"  # begun with no set done or partly done: listed, not counted


def session_kind(session: SessionSummary, checks: Collection[str]) -> SessionKind:
    """The one rule: a re-test routine's session is a re-test whatever was done in it."""
    if session.routine_id in checks:
        return SessionKind.RETEST
    return SessionKind.EXERCISE if session.exercised else SessionKind.BEGUN


@dataclass(frozen=True)
class SessionKinds:
    """How many sessions of a list are of each kind: what every surface's counts read, so
    History's list, adherence and the report cannot split one list two ways."""

    exercise: int = 0
    retests: int = 0
    begun: int = 0

    @classmethod
    def of(cls, sessions: Iterable[SessionSummary], checks: Collection[str]) -> SessionKinds:
        found = Counter(session_kind(s, checks) for s in sessions)
        return cls(found[SessionKind.EXERCISE], found[SessionKind.RETEST], found[SessionKind.BEGUN])


def listed_text(sessions: list[SessionSummary], checks: Collection[str]) -> str:
    """'48 sessions: 46 exercise sessions, 2 re-tests' for a list of sessions, split as
    adherence and the report count them (History's list has every one: its count alone
    read 48 beside the report's 46)."""
    listed = n_("{n} session", "{n} sessions", len(sessions)).format(n=len(sessions))
    kinds = SessionKinds.of(sessions, checks)
    counted, retests, begun = kinds.exercise, kinds.retests, kinds.begun
    if counted == len(sessions):
        return listed
    parts = [n_("{n} exercise session", "{n} exercise sessions", counted).format(n=counted)]
    if retests:
        parts.append(n_("{n} re-test", "{n} re-tests", retests).format(n=retests))
    if begun:
        parts.append(
            n_("{n} begun with no set done", "{n} begun with no set done", begun).format(n=begun)
        )
    return _("{sessions}: {kinds}").format(sessions=listed, kinds=", ".join(parts))


def check_routines(routines: Mapping[str, Routine]) -> set[str]:
    """The routines made of re-tests only (the monthly check): not exercise sessions."""
    return {
        rid
        for rid, r in routines.items()
        if r.active_exercises and all(ex.test is not None for ex in r.active_exercises)
    }


def schedule_for(routines: Mapping[str, Routine], routine_ids: Iterable[str]) -> Schedule | None:
    """The schedule to compare with: that of the one routine in question, if it has one."""
    ids = set(routine_ids)
    if len(ids) != 1:
        return None
    routine = routines.get(ids.pop())
    return routine.schedule if routine else None


def schedules_text(routines: Mapping[str, Routine], titles: Mapping[str, str]) -> str:
    """'Hips: 3-4 times a week; Stretches: daily' for the routines of a period, each as its
    routine file says now; 'not set' for one without, 'not known' for one not found."""
    parts = []
    for rid, title in titles.items():
        routine = routines.get(rid)
        if routine is None:
            said = _("not known (routine not found)")
        elif rid in check_routines({rid: routine}):
            said = _("re-tests, about once a month")
        else:
            said = routine.schedule.label if routine.schedule else _("not set")
        parts.append(said if len(titles) == 1 else f"{title.strip()}: {said}")
    return "; ".join(parts) or _("not set")

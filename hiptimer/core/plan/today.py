"""Where the plan stands: today's planned routines (done, due, missed) and the week's tally."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from hiptimer.core.clock import LocalTime
from hiptimer.core.plan.model import WeeklyPlan, day_names
from hiptimer.i18n import N_, _, n_, translate, weekday_name

# A reminder fires up to this long after its planned time (after sleep, a clock jump or a
# pause); later, the routine counts as missed for the day and no reminder comes. Our choice.
WINDOW = timedelta(hours=3)

Done = Callable[[str, date], bool]  # whether a routine was done on a local day


class Mark(str, Enum):
    """A planned routine's state on a day (its value is the word shown, in English)."""

    LATER = "later"  # its time has not come
    DUE = "due"  # its time has come, within the reminder window
    MISSED = "missed"  # past its window (doing it later that day still counts as done)
    DONE = "done"
    SKIPPED = "skipped"  # "Skip today"
    SNOOZED = "snoozed"  # its reminder snoozed, to come again later today
    # Its time was already past when it was planned (or its days changed): neither due nor
    # missed, and not in the week's count.
    NOT_COUNTED = "planned after its time"


@dataclass(frozen=True)
class Slot:
    """A routine planned on a local day, and the instant its local time falls on."""

    routine_id: str
    day: date
    at: datetime  # aware
    counted: bool = True  # False: planned when its time had already passed (PlanItem.counts)

    def mark(
        self, now: datetime, *, done: bool, skipped: bool = False, again: datetime | None = None
    ) -> Mark:
        """`again`: when its snoozed reminder comes again (None: not snoozed)."""
        if done:
            return Mark.DONE
        if not self.counted:
            return Mark.NOT_COUNTED
        if skipped:
            return Mark.SKIPPED
        if again is not None and now < again:
            return Mark.SNOOZED
        if now < self.at:
            return Mark.LATER
        return Mark.DUE if now - self.at <= WINDOW and now.date() == self.day else Mark.MISSED


def slots_on(plan: WeeklyPlan, day: date, local: LocalTime) -> list[Slot]:
    """The routines planned on `day`, earliest first (a skipped DST hour moves on with the
    clock: 02:30 on a spring-forward night is 03:30)."""
    slots = []
    for item in plan.items:
        if item.on(day.weekday()):
            at = local.at(day, item.time)
            slots.append(Slot(item.routine_id, day, at, item.counts(day, at)))
    return sorted(slots, key=lambda slot: (slot.at, slot.routine_id))


@dataclass(frozen=True)
class DayTally:
    """One day of the week: sessions planned and how many of them were done."""

    day: date
    planned: int
    done: int
    late: int = 0  # slots planned after their time: in neither number, but not "nothing"


def week_tally(plan: WeeklyPlan, today: date, done: Done, local: LocalTime) -> list[DayTally]:
    """Monday to Sunday of today's week; days after today count what is planned only. A
    slot not counted (planned after its time) is in neither number."""
    monday = today - timedelta(days=today.weekday())
    tally = []
    for n in range(7):
        day = monday + timedelta(days=n)
        slots = slots_on(plan, day, local)
        planned = [slot for slot in slots if slot.counted]
        count = sum(1 for slot in planned if day <= today and done(slot.routine_id, day))
        late = sum(1 for slot in slots if not slot.counted and _from_then(plan, slot))
        tally.append(DayTally(day, len(planned), count, late))
    return tally


def _from_then(plan: WeeklyPlan, slot: Slot) -> bool:
    """Whether the slot's day is one its routine was planned on (not one before `since`,
    when nothing was planned yet): a slot not counted then was planned after its time."""
    item = plan.item_for(slot.routine_id)
    return item is not None and item.planned_on(slot.day)


def done_lookup(sessions: Collection[tuple[str, date]]) -> Done:
    """A Done for a set of (routine id, local day) pairs with a set done."""
    found = set(sessions)
    return lambda routine_id, day: (routine_id, day) in found


def today_lines(
    plan: WeeklyPlan,
    now: datetime,
    local: LocalTime,
    done: Done,
    title: Callable[[str], str],
    skipped: Collection[str] = (),
    snoozed: Mapping[str, datetime] | None = None,
) -> list[str]:
    """ "Daily hip stretches at 18:00 — due", one line per routine planned today. `snoozed`:
    routine id -> when its snoozed reminder comes again."""
    lines = []
    for slot in slots_on(plan, now.date(), local):
        rid = slot.routine_id
        again = (snoozed or {}).get(rid)
        mark = slot.mark(now, done=done(rid, slot.day), skipped=rid in skipped, again=again)
        word = translate(MARK_WORDS[mark])
        if mark is Mark.SNOOZED and again is not None:
            word = word.format(time=f"{local.wall(again):%H:%M}")
        # Translators: "Daily hip stretches at 18:00 — due"; {mark} is one of the marks.
        line = _("{title} at {time} \u2014 {mark}").format(
            title=title(rid), time=f"{slot.at:%H:%M}", mark=word
        )
        lines.append(line)
    return lines


def still_to_do(
    plan: WeeklyPlan, now: datetime, local: LocalTime, done: Done, skipped: Collection[str] = ()
) -> list[str]:
    """Today's planned routines neither done nor skipped yet, as the Today line lists them
    (a missed one too: doing it later that day still counts; one planned after its time
    does not count today)."""
    return [
        slot.routine_id
        for slot in slots_on(plan, now.date(), local)
        if slot.counted and not done(slot.routine_id, slot.day) and slot.routine_id not in skipped
    ]


MARK_WORDS = {
    Mark.LATER: N_("later today"),
    Mark.DUE: N_("due"),
    Mark.MISSED: N_("missed"),
    Mark.DONE: N_("done"),
    Mark.SKIPPED: N_("skipped"),
    # Translators: a mark, as "Daily hip stretches at 18:00 — snoozed until 18:10".
    Mark.SNOOZED: N_("snoozed until {time}"),
    # Translators: a mark, as "Hip strengthening at 07:30 — planned after its time" (put in
    # the plan when 07:30 had passed today: neither due nor missed).
    Mark.NOT_COUNTED: N_("planned after its time"),
}


def week_text(tally: list[DayTally], today: date) -> str:
    """ "This week: 4 of 6 planned sessions done so far (Mon ✓ Tue ✓ Wed ✗ Thu …)"."""
    so_far = [t for t in tally if t.day <= today]
    planned = sum(t.planned for t in so_far)
    done = sum(t.done for t in so_far)
    names = day_names()
    days = " ".join(f"{names[t.day.weekday()]} {_day_sign(t, today)}" for t in tally)
    if planned == 0 and any(t.late for t in so_far):  # planned, yet nothing to count
        return _("This week: nothing to count so far ({days})").format(days=days)
    if planned == 0:
        return _("This week: nothing planned so far ({days})").format(days=days)
    return n_(
        "This week: {done} of {planned} planned session done so far ({days})",
        "This week: {done} of {planned} planned sessions done so far ({days})",
        planned,
    ).format(done=done, planned=planned, days=days)


def week_words(tally: list[DayTally], today: date) -> str:
    """The week's marks in words, a day a line ("Monday: all done"): the today line's tooltip,
    and what a screen reader says for the signs."""
    lines = []
    for t in tally:
        mark = translate(DAY_MARKS[_day_mark(t, today)][1])
        # Translators: a day of the week and its mark, as "Monday: all done".
        line = _("{day}: {mark}").format(day=weekday_name(t.day), mark=mark)
        lines.append(line[:1].upper() + line[1:])  # a line's start ("lunes" in Spanish)
    return "\n".join(lines)


# A day's sign in the week's tally, and what it means (docs/reminders.md).
DAY_MARKS = {
    "all": ("\u2713", N_("all done")),
    "some": ("\u00bd", N_("some done")),
    "none": ("\u2717", N_("none done")),
    "today": ("\u2026", N_("not all done yet")),
    "coming": ("\u00b7", N_("to come")),
    "nothing": ("\u2013", N_("nothing planned")),
    # Put in the plan when that day's time had passed: neither due nor missed, not counted.
    "late": ("+", N_("planned after its time, not counted")),
}


def _day_sign(t: DayTally, today: date) -> str:
    return DAY_MARKS[_day_mark(t, today)][0]


def _day_mark(t: DayTally, today: date) -> str:
    if t.planned == 0:
        return "late" if t.late else "nothing"
    if t.day > today:
        return "coming"
    if t.done >= t.planned:
        return "all"
    return "some" if t.done else ("today" if t.day == today else "none")

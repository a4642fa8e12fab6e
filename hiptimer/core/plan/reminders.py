"""Which plan reminders to show now: each planned routine once a day, with snooze and skip.

Nothing here counts time: every check compares the local wall clock with the plan, so a
late check (a laptop waking, a clock set forward, a busy event loop) finds the same answer
as a punctual one. A reminder whose time passed while nothing looked fires once if it is
still within its window (today.WINDOW) and is missed otherwise; missed ones never pile up,
as only today's plan is ever looked at, and each routine is reminded once a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from hiptimer.core.clock import LocalTime
from hiptimer.core.plan.model import WeeklyPlan
from hiptimer.core.plan.today import WINDOW, Done, Slot, slots_on
from hiptimer.core.routines.model import half_up
from hiptimer.i18n import N_, _, translate

SNOOZES = (10, 60)  # minutes offered by a reminder
PAUSE_MINUTES = 60  # "Pause reminders for 1 h"


@dataclass(frozen=True)
class Reminder:
    """A reminder to show: do this routine now (it was planned for `planned`)."""

    routine_id: str
    day: date
    planned: datetime
    snoozed: bool = False  # shown again after a snooze
    again: datetime | None = None  # a snoozed one: when its snooze ended

    @property
    def key(self) -> str:
        """Names the reminder in a notification's actions and in a tray message."""
        return f"{self.routine_id}@{self.day.isoformat()}"


@dataclass
class ReminderState:
    """What happened to today's reminders; kept in a small file so a restart does not
    remind twice. A new day starts it afresh (yesterday's snoozes are not carried over)."""

    day: date | None = None
    fired: set[str] = field(default_factory=set)  # routine ids reminded today
    skipped: set[str] = field(default_factory=set)  # "Skip today"
    snoozed: dict[str, datetime] = field(default_factory=dict)  # routine id -> remind again at
    paused_until: datetime | None = None
    # A reminder snoozed past midnight: routine id -> (its planned time, remind again at). It
    # belongs to the day it was planned for, and outlives that day's state by one night.
    overnight: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    # Reminded today but shown nowhere (no notification service, no tray): not looked for
    # again while HipTimer runs, but not kept in the file either, so that a restart where it
    # can be shown brings it, within its window.
    unshown: set[str] = field(default_factory=set)
    # A snooze that ended with its reminder shown nowhere: routine id -> (its planned time, when
    # the snooze ended). Kept in the file as the snooze it was, so a restart brings it too.
    unshown_snoozes: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)

    def roll_to(self, today: date) -> bool:
        """Start afresh if the day changed (either way: a clock set back a day too), keeping
        only the snoozes that end today; True if it did."""
        if self.day == today:
            return False
        self.day = today
        self.fired.clear()
        self.unshown.clear()
        self.skipped.clear()
        self.snoozed.clear()
        for kept in (self.overnight, self.unshown_snoozes):
            for rid, (_planned, again) in list(kept.items()):
                if again.date() != today:
                    del kept[rid]
        return True


class Reminders:
    """Decides, at each check, which reminders are due; the caller shows them.

    `done(routine_id, day)` says whether a routine was done that day (from the history).
    """

    def __init__(
        self, plan: WeeklyPlan, local: LocalTime, state: ReminderState | None = None
    ) -> None:
        self.plan = plan
        self.local = local
        self.state = state or ReminderState()

    def check(self, done: Done) -> list[Reminder]:
        """The reminders to show now, each marked as shown."""
        now = self.local.now()
        self.state.roll_to(now.date())
        if not self.plan.reminders or self.paused(now):
            return []
        due = self._overnight_due(now, done)
        for slot in self._open_slots(now.date(), done):
            reminder = self._due(slot, now)
            if reminder is not None:
                due.append(reminder)
        return due

    def _open_slots(self, day: date, done: Done) -> list[Slot]:
        """Today's counted slots (not planned after their time) not done and not skipped."""
        return [
            slot
            for slot in slots_on(self.plan, day, self.local)
            if slot.counted
            and slot.routine_id not in self.state.skipped
            and not done(slot.routine_id, day)
        ]

    def _due(self, slot: Slot, now: datetime) -> Reminder | None:
        state, rid = self.state, slot.routine_id
        again = state.snoozed.get(rid)
        if again is not None:
            if now < again:
                return None
            del state.snoozed[rid]
            if now - again > WINDOW:  # asleep through the snooze and long after: missed
                return None
            return Reminder(rid, slot.day, slot.at, snoozed=True, again=again)
        if rid in state.fired or not slot.at <= now <= slot.at + WINDOW:
            return None
        state.fired.add(rid)
        return Reminder(rid, slot.day, slot.at)

    def _overnight_due(self, now: datetime, done: Done) -> list[Reminder]:
        """The snoozes of an earlier day's reminders that end now: each comes once, unless it
        was done (that day or since), skipped, taken out of the plan, or is past its window."""
        due = []
        for rid, (planned, again) in list(self.state.overnight.items()):
            if now < again:
                continue
            del self.state.overnight[rid]
            day = planned.date()
            if now - again > WINDOW or self.plan.item_for(rid) is None:
                continue
            if not done(rid, day) and not done(rid, now.date()):
                due.append(Reminder(rid, day, planned, snoozed=True, again=again))
        return due

    def paused(self, now: datetime) -> bool:
        """Within the pause; one ending more than PAUSE_MINUTES ahead (the clock was set back
        after it began, or the state file says so) no longer holds anything back."""
        until = self.state.paused_until
        return until is not None and now < until <= now + timedelta(minutes=PAUSE_MINUTES)

    def next_at(self, done: Done) -> datetime | None:
        """When the next reminder is planned (today's, else the next day's); None if none."""
        if not self.plan.reminders:
            return None
        now = self.local.now()
        self.state.roll_to(now.date())
        snoozes = [*self.state.snoozed.values(), *(t for _p, t in self.state.overnight.values())]
        times = [t for t in snoozes if t > now]
        for slot in self._open_slots(now.date(), done):
            if slot.routine_id not in self.state.fired and slot.at > now:
                times.append(slot.at)
        day = now.date()
        for _day in range(7):
            if times:
                break
            day += timedelta(days=1)
            times = [slot.at for slot in slots_on(self.plan, day, self.local) if slot.counted]
        if not times:
            return None
        first = min(times)
        until = self.state.paused_until
        # A snooze or pause read back from the file keeps the offset it was written with.
        return self.local.wall(
            max(first, until) if until is not None and self.paused(now) else first
        )

    # ------------------------------------------------------------ what the user chose

    def snooze(self, reminder: Reminder, minutes: int) -> datetime:
        """Remind again in `minutes`; returns when. A snooze that ends after the midnight that
        follows the reminder's day comes then, as that day's reminder (a 23:50 one snoozed
        30 min comes at 00:20); one of a still earlier day is not kept."""
        now = self.local.now()
        self.state.roll_to(now.date())
        again = self.local.wall(_later(now, minutes))
        if again.date() == reminder.day == now.date():
            self.state.snoozed[reminder.routine_id] = again
        elif again.date() == reminder.day + timedelta(days=1):
            self.state.overnight[reminder.routine_id] = (reminder.planned, again)
        return again

    def show_again(self, reminder: Reminder) -> None:
        """Show this reminder again at the next look that finds it due (its Start was pressed
        while a session ran, and opened nothing): as it came, within its window, or as a
        snooze that ends now."""
        now = self.local.now()
        self.state.roll_to(now.date())
        if reminder.snoozed:
            self.snooze(reminder, 0)
        elif reminder.day == now.date():
            self.state.fired.discard(reminder.routine_id)

    def not_shown(self, reminder: Reminder) -> None:
        """It could be shown nowhere (no notification service, no tray): not looked for again
        while HipTimer runs, and not kept as shown either, so that a restart where it can be
        shown brings it within its window; a snoozed one as its snooze, ended then."""
        if reminder.again is not None:
            self.state.unshown_snoozes[reminder.routine_id] = (reminder.planned, reminder.again)
        else:
            self.state.unshown.add(reminder.routine_id)

    def skip_today(self, routine_id: str, day: date | None = None) -> None:
        """No more reminders of the routine today. `day`: the reminder's day; Skip pressed
        after midnight on a reminder of the day before skips that one only."""
        now = self.local.now()
        self.state.roll_to(now.date())
        self.state.overnight.pop(routine_id, None)
        if day is not None and day != now.date():
            return
        self.state.skipped.add(routine_id)
        self.state.snoozed.pop(routine_id, None)

    def pause(self) -> datetime:
        """No reminders for PAUSE_MINUTES (those due meanwhile come at its end, within their
        window); returns when they start again."""
        until = self.local.wall(_later(self.local.now(), PAUSE_MINUTES))
        self.state.paused_until = until
        return until

    def resume(self) -> None:
        self.state.paused_until = None

    def set_plan(self, plan: WeeklyPlan) -> None:
        """A changed plan: today's routines already reminded are not reminded again."""
        self.plan = plan


def _later(now: datetime, minutes: int) -> datetime:
    """`minutes` of real time after `now`, in UTC (LocalTime.wall makes it local again):
    across a DST change 01:30 + 60 min is 03:30 on the clock (spring) or 01:30 again
    (autumn), where adding to a local time gave 02:30 both times."""
    return now.astimezone(timezone.utc) + timedelta(minutes=minutes)


def whole_minutes(minutes: float) -> int:
    """A routine's length in whole minutes as the library shows it (format_duration: the
    seconds, then the minutes, halves up; round() made the 2:30 desk break "about 2 min"
    beside the library's "3 min"), at least 1."""
    return max(1, half_up(half_up(minutes * 60) / 60))


# What the end of a reminder says: a notification has a Start button; a tray message has
# none, and a click on it is the Start.
START_HINT = N_("Start opens its get-ready.")
CLICK_HINT = N_("Click this message to open its get-ready.")


def reminder_text(
    title: str, reminder: Reminder, minutes: float | None, hint: str = START_HINT
) -> tuple[str, str]:
    """A plan reminder's heading and body, in plain text; `hint` (untranslated) ends it."""
    at = f"{reminder.planned:%H:%M}"
    if minutes and reminder.snoozed:
        body = _("Planned for {time} (snoozed), about {minutes} min.")
    elif minutes:
        body = _("Planned for {time}, about {minutes} min.")
    elif reminder.snoozed:
        body = _("Planned for {time} (snoozed).")
    else:
        body = _("Planned for {time}.")
    length = whole_minutes(minutes) if minutes else 0
    body = f"{body.format(time=at, minutes=length)} {translate(hint)}"
    return _("Time for {title}").format(title=title), body


def gone_text(reminder: Reminder) -> tuple[str, str]:
    """The heading and body of a reminder whose routine is no longer in the library (its file
    was removed): nothing to start, so it says so and points to the plan."""
    summary = _("{routine} is no longer in your library").format(routine=reminder.routine_id)
    body = _(
        "It was planned for {time}. Change the plan to choose another routine, or remove this "
        "reminder."
    ).format(time=f"{reminder.planned:%H:%M}")
    return summary, body


def desk_text(title: str, used_min: float, minutes: float | None) -> tuple[str, str]:
    """A desk-break reminder's heading and body, in plain text."""
    if minutes:
        body = _(
            "You have been at the computer for {used} min. Stand up and move ({title}, "
            "about {minutes} min)."
        )
    else:
        body = _("You have been at the computer for {used} min. Stand up and move ({title}).")
    length = whole_minutes(minutes) if minutes else 0
    return _("Time for a desk break"), body.format(
        used=round(used_min), title=title, minutes=length
    )


def desk_gone_text(routine_id: str, used_min: float, builtin: str | None) -> tuple[str, str]:
    """The heading and body of a desk break whose routine (plan.desk.routine_id) is no longer
    in the library: nothing to start, so it says so and offers `builtin`, the title of the
    built-in desk micro-break (None where that is missing too), or no desk breaks."""
    summary = _("{routine} is no longer in your library").format(routine=routine_id)
    if builtin:
        body = _(
            "You have been at the computer for {used} min. Your desk breaks opened {routine}: "
            "use {builtin} from now on, or turn desk breaks off."
        )
    else:
        body = _(
            "You have been at the computer for {used} min. Stand up and move; your desk "
            "breaks have no routine to open, so turn them off or bring {routine} back."
        )
    return summary, body.format(used=round(used_min), routine=routine_id, builtin=builtin)

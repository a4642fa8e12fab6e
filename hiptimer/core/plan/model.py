"""The weekly plan as the user sets it: which routines, on which days, at what time."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from hiptimer.core.routines.ids import ID_RULE, is_id
from hiptimer.i18n import _, p_

if TYPE_CHECKING:  # reading the settings (every start) needs no routine model
    from hiptimer.core.routines.model import Routine, Schedule

DEFAULT_TIME = "18:00"  # our choice: after the working day, before the evening meal
DESK_ROUTINE = "desk-micro-break"
MAX_ITEMS = 50
DESK_MINUTES = (15, 180)  # shorter nags; longer is no reminder to move at all
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")

# Days a routine is planned on by default, by how many sessions a week it asks for (at
# least): spread over the week with a day of rest between where there is room. Our choice.
SPREAD = {
    1: (2,),
    2: (1, 4),
    3: (0, 2, 4),
    4: (0, 2, 4, 6),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
}
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


class PlanError(ValueError):
    """A plan in the settings file that cannot be used; the message names the field."""


@dataclass(frozen=True)
class PlanItem:
    """One routine in the plan: the weekdays it is done on (0 = Monday) and its local time."""

    routine_id: str
    days: tuple[int, ...] = EVERY_DAY
    at: str = DEFAULT_TIME  # "HH:MM", 24-hour local time
    since: str = ""  # ISO date it was planned from (so earlier days never count as missed)
    # The moment it was planned or its days or time changed, to the minute with its UTC offset
    # (""; before session 28 only the day was kept): a slot of that day already past then is
    # not counted.
    planned_at: str = ""

    @property
    def time(self) -> time:
        return clock_time(self.at)

    def on(self, weekday: int) -> bool:
        return weekday in self.days

    def planned_on(self, day: date) -> bool:
        """Whether it is planned on that date: its weekday, and not before it was planned."""
        return self.on(day.weekday()) and (not self.since or day.isoformat() >= self.since)

    def counts(self, day: date, at: datetime) -> bool:
        """Whether its slot on `day`, at the instant `at`, is part of the plan: planned that
        day, and its time not already past when it was planned (added at 19:05, today's 07:30
        is not one to call missed). Only that day: the days before it (from `since`, its time
        changed later) count as they did."""
        if not self.planned_on(day):
            return False
        if not self.planned_at:
            return True
        when = moment(self.planned_at)
        return at >= when or day != when.astimezone(at.tzinfo).date()


@dataclass(frozen=True)
class DeskBreaks:
    """Reminders to do the desk micro-break after `minutes` of continuous computer use,
    never between `quiet_from` and `quiet_until` (local time; the span may cross midnight)."""

    on: bool = False
    minutes: int = 45
    quiet_from: str = "20:00"
    quiet_until: str = "08:00"
    routine_id: str = DESK_ROUTINE

    def quiet_at(self, now: time) -> bool:
        start, end = clock_time(self.quiet_from), clock_time(self.quiet_until)
        if start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end


@dataclass(frozen=True)
class WeeklyPlan:
    """The plan and whether reminders are on; off and empty until the user sets them."""

    reminders: bool = False
    items: tuple[PlanItem, ...] = ()
    desk: DeskBreaks = field(default_factory=DeskBreaks)

    def item_for(self, routine_id: str) -> PlanItem | None:
        return next((item for item in self.items if item.routine_id == routine_id), None)


def clock_time(text: str) -> time:
    """ "18:05" as a time; a PlanError for anything else."""
    match = _CLOCK.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise PlanError(f"expected a time as HH:MM (24-hour), got {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def default_days(schedule: Schedule | None) -> tuple[int, ...]:
    """The weekdays a routine is planned on when first added: from its schedule's
    sessions a week (at least), every day for "daily" or for a routine without one."""
    if schedule is None or schedule.min_per_week >= 7:
        return EVERY_DAY
    return SPREAD[schedule.min_per_week]


def stamp_since(old: WeeklyPlan, new: WeeklyPlan, now: datetime) -> WeeklyPlan:
    """The new plan with each item's `since` (kept where its days are unchanged, else today)
    and `planned_at` (kept where its days and time are unchanged, else `now`, aware and local,
    to the minute: a slot at the very minute it was planned still counts)."""
    items = []
    stamp = now.isoformat(timespec="minutes")
    for item in new.items:
        before = old.item_for(item.routine_id)
        if before is not None and before.days == item.days and before.since:
            since = before.since
            planned_at = before.planned_at if before.at == item.at else stamp
        else:
            since, planned_at = now.date().isoformat(), stamp
        items.append(dataclasses.replace(item, since=since, planned_at=planned_at))
    return dataclasses.replace(new, items=tuple(items))


def moment(text: str) -> datetime:
    """ "2026-01-05T19:05+01:00" as an aware datetime; a PlanError for anything else."""
    try:
        when = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        when = None
    if when is None or when.utcoffset() is None:
        raise PlanError(
            f"expected a moment as YYYY-MM-DDTHH:MM with its UTC offset (+01:00), got {text!r}"
        )
    return when


def without_bad_moments(data: Any) -> tuple[Any, list[tuple[str, Any]]]:
    """A settings file's "plan" with each damaged `items[].planned_at` cleared, and the
    fields cleared with their values as read. Only that field: "" counts every time of the
    item's `since` day (as a plan saved before session 28 does), where a damaged moment once
    dropped the whole plan. Anything else is left for plan_from_data to judge."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return data, []
    items, dropped = [], []
    for n, item in enumerate(data["items"]):
        if isinstance(item, dict) and not _moment_or_none(item.get("planned_at", "")):
            dropped.append((f"plan.items[{n}].planned_at", item["planned_at"]))
            item = {**item, "planned_at": ""}
        items.append(item)
    return {**data, "items": items}, dropped


def _moment_or_none(value: Any) -> bool:
    try:
        return value == "" or bool(moment(value))
    except PlanError:
        return False


def default_item(routine: Routine) -> PlanItem:
    return PlanItem(routine.id, default_days(routine.schedule), DEFAULT_TIME)


def day_names() -> tuple[str, ...]:
    """Short weekday names in the language in use, Monday first (date.weekday() order)."""
    return (
        p_("weekday", "Mon"), p_("weekday", "Tue"), p_("weekday", "Wed"),
        p_("weekday", "Thu"), p_("weekday", "Fri"), p_("weekday", "Sat"), p_("weekday", "Sun"),
    )  # fmt: skip


def days_text(days: tuple[int, ...]) -> str:
    """ "every day", "Mon, Wed, Fri" or "no day"."""
    if set(days) == set(EVERY_DAY):
        return _("every day")
    if set(days) == {0, 1, 2, 3, 4}:
        return _("weekdays")
    names = day_names()
    return ", ".join(names[d] for d in sorted(days)) or _("no day")


# ---------------------------------------------------------------- from and to the settings file


def plan_from_data(data: Any) -> WeeklyPlan:
    """The plan in a settings file's "plan" object; a PlanError naming the bad field."""
    if isinstance(data, WeeklyPlan):  # one made in code is checked as strictly
        data = dataclasses.asdict(data)
    d = _object(data, "plan", {"reminders", "items", "desk"})
    reminders = _bool(d.get("reminders", False), "plan.reminders")
    items_data = d.get("items", [])
    if not isinstance(items_data, (list, tuple)) or len(items_data) > MAX_ITEMS:
        raise PlanError(f"plan.items: expected a list of at most {MAX_ITEMS} routines")
    items = tuple(_item(value, f"plan.items[{n}]") for n, value in enumerate(items_data))
    ids = [item.routine_id for item in items]
    if len(set(ids)) != len(ids):
        raise PlanError("plan.items: a routine is planned twice")
    desk = _desk(d.get("desk", {}))
    return WeeklyPlan(reminders, items, desk)


def _item(value: Any, where: str) -> PlanItem:
    d = _object(value, where, {"routine_id", "days", "at", "since", "planned_at"})
    rid = d.get("routine_id")
    if not is_id(rid):  # a routine's id (an RLO in one turned the today line around)
        raise PlanError(f"{where}.routine_id: expected {ID_RULE}; got {_quoted(rid)}")
    days = d.get("days", list(EVERY_DAY))
    if (
        not isinstance(days, (list, tuple))
        or not all(type(x) is int and 0 <= x <= 6 for x in days)
        or len(set(days)) != len(days)
    ):
        raise PlanError(
            f"{where}.days: expected a list of weekdays from 0 (Monday) to 6 (Sunday), each at"
            f" most once; got {_quoted(days)}"
        )
    at = d.get("at", DEFAULT_TIME)
    _clock(at, f"{where}.at")
    since = d.get("since", "")
    try:
        if not isinstance(since, str) or (since and date.fromisoformat(since).isoformat() != since):
            raise ValueError
    except ValueError:
        raise PlanError(
            f'{where}.since: expected a date as YYYY-MM-DD, or ""; got {_quoted(since)}'
        ) from None
    planned_at = d.get("planned_at", "")
    if planned_at != "":
        try:
            moment(planned_at)
        except PlanError:
            raise PlanError(
                f"{where}.planned_at: expected a moment as YYYY-MM-DDTHH:MM with its UTC offset"
                f' (2026-01-05T19:05+01:00), or ""; got {_quoted(planned_at)}'
            ) from None
    return PlanItem(rid, tuple(sorted(days)), at, since, planned_at)


def _desk(value: Any) -> DeskBreaks:
    d = _object(value, "plan.desk", {"on", "minutes", "quiet_from", "quiet_until", "routine_id"})
    minutes = d.get("minutes", 45)
    low, high = DESK_MINUTES
    if type(minutes) is not int or not low <= minutes <= high:
        raise PlanError(
            f"plan.desk.minutes: expected a whole number from {low} to {high}; got {_quoted(minutes)}"
        )
    quiet = [d.get(name, getattr(DeskBreaks(), name)) for name in ("quiet_from", "quiet_until")]
    for name, text in zip(("quiet_from", "quiet_until"), quiet, strict=True):
        _clock(text, f"plan.desk.{name}")
    rid = d.get("routine_id", DESK_ROUTINE)
    if not is_id(rid):
        raise PlanError(f"plan.desk.routine_id: expected {ID_RULE}; got {_quoted(rid)}")
    on = _bool(d.get("on", False), "plan.desk.on")
    return DeskBreaks(on, minutes, quiet_from=quiet[0], quiet_until=quiet[1], routine_id=rid)


def _quoted(value: Any) -> str:
    """A value as the notice names it: escaped (a bell, an RLO) and at most 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _object(value: Any, where: str, known: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PlanError(f"{where}: expected an object")
    unknown = sorted(set(value) - known)
    if unknown:
        raise PlanError(f"{where}: unknown field {unknown[0]!r}")
    return value


def _bool(value: Any, where: str) -> bool:
    if type(value) is not bool:
        raise PlanError(f"{where}: expected true or false; got {_quoted(value)}")
    return value


def _clock(text: Any, where: str) -> None:
    try:
        clock_time(text)
    except PlanError as exc:
        raise PlanError(f"{where}: {exc}") from None

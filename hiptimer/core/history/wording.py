"""The history in words: dates, how a session ended, pain numbers and doses, as people read them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from hiptimer.core.history.queries import Correction, DosePoint, SessionSummary
from hiptimer.core.history.result_text import to_tenth
from hiptimer.core.routines.model import format_duration, seconds_text
from hiptimer.i18n import N_, _, decimal, month_name, n_, p_, short_date, translate

END_WORDS = {
    "completed": N_("completed"),
    "ended_early": N_("ended early"),
    "interrupted": N_("ended by the system"),  # a logout, a shutdown, a termination signal
    "partial": N_("partial"),
    None: N_("unfinished"),
}
# A set's choice after a rating above the limit (pain_choice), as History and the summary
# name it.
CHOICE_WORDS = {
    "stop": N_("stopped for today"),
    "lower": N_("lower dose"),
    "continue": N_("continued"),
}


def when_text(when: datetime, *, weekday: bool = True, compact: bool = False) -> str:
    """'Mon 3 Mar 2025 09:00' in local time, in the language in use; `compact`: without the
    weekday, and without the year in the year of `date.today()`: '3 Mar 09:00'."""
    local = when.astimezone()
    day = local.date()
    if not compact:
        return f"{short_date(day, weekday=weekday)} {local:%H:%M}"
    short_month = month_abbreviation(day.month)
    this_year = day.year == date.today().year
    # Translators: how History's narrow list of sessions writes a date: "numbers" for its
    # day and month in figures, day first ("6/12", "6/12/2025" of another year), as Spanish
    # does; anything else for the words of "{day} {month}" below.
    if p_("compact date", "words") == "numbers":
        text = f"{day.day}/{day.month}" if this_year else f"{day.day}/{day.month}/{day.year}"
    elif this_year:
        # Translators: a date of this year in History's narrow list of sessions, before its
        # time: "6 Dec" (its tooltip says it whole).
        text = p_("compact date", "{day} {month}").format(day=day.day, month=short_month)
    else:
        # Translators: as "{day} {month}" above, of another year: "6 Dec 2025".
        text = p_("compact date", "{day} {month} {year}").format(
            day=day.day, month=short_month, year=day.year
        )
    return f"{text} {local:%H:%M}"


def day_text(day: date | datetime) -> str:
    """'3 Mar 2025' (a datetime in local time)."""
    if isinstance(day, datetime):
        day = day.astimezone().date()
    return short_date(day)


def month_abbreviation(month: int) -> str:
    """A month's short name in the language in use (strftime's %b follows the C locale)."""
    return month_name(month, short=True)


def duration_text(session: SessionSummary) -> str:
    seconds = session.duration_s
    return "" if seconds is None else format_duration(seconds)


def completion_text(session: SessionSummary) -> str:
    """'16 of 18 sets done, 2 skipped; ended early': each set once, by its outcome
    (hiptimer.core.session.set_outcome), and how the session ended."""
    how = END_WORDS.get(session.end_reason)
    return _("{sets}; {how}").format(sets=session.counts.text(), how=translate(how) if how else "?")


def sets_figures(session: SessionSummary) -> str:
    """'24/25': the sets done of those planned, the numbers of completion_text without its
    words, for History's list (at 1024 x 768 in large print the words took four lines)."""
    counts = session.counts
    # Translators: History's list of sessions, the Sets column: sets done of sets planned,
    # "24/25" for "24 of 25 sets done" (the cell's tooltip and a screen reader say the words).
    return _("{done}/{planned}").format(done=counts.done, planned=counts.planned)


SOURCE_WORDS = {
    "session": N_("on the pain screen, right after"),
    "history": N_("in History"),
}


def correction_text(c: Correction, what: str = "") -> str:
    """'Bridge, set 1 (right): pain 7 -> 1, changed in History on 5 Mar 2025 10:02
    ("typo")'; `what` names the set of a changed rating."""
    where = SOURCE_WORDS.get(c.source)
    values = {
        "where": translate(where) if where else c.source,
        "when": when_text(c.corrected_at),
        "why": _(' ("{reason}")').format(reason=c.reason) if c.reason.strip() else "",
    }
    old = _("none") if c.old_value is None else c.old_value
    new = _("none") if c.new_value is None else c.new_value
    if c.field == "pain":
        text = _("pain {old} \u2192 {new}, changed {where} on {when}{why}").format(
            old=old, new=new, **values
        )
        return f"{what}: {text}" if what else text
    if c.field == "morning_pain":
        return _("next-morning pain {old} \u2192 {new}, changed {where} on {when}{why}").format(
            old=old, new=new, **values
        )
    if c.field == "morning_stiffness":
        return _(
            "next-morning stiffness {old} \u2192 {new}, changed {where} on {when}{why}"
        ).format(old=old, new=new, **values)
    if c.field == "note":
        was = " ".join((c.old_value or "").split())
        return _('note changed {where} on {when}; it was "{was}"{why}').format(was=was, **values)
    if c.new_value == "1":
        return _("marked not representative {where} on {when}{why}").format(**values)
    return _("mark 'not representative' taken back {where} on {when}{why}").format(**values)


def side_word(side: str) -> str:
    """'left' or 'right' in the language in use, for a stored side ('left', 'right')."""
    return _("left") if side == "left" else _("right")


def with_side(name: str, side: str | None) -> str:
    """'Clamshell (right)': an exercise (or a test) and its side; the name alone without one.
    The one wording of the history window, the PDF and `hiptimer history`. One whole phrase
    per side, so a language can word the side apart from the name's gender ('lado derecho')."""
    if side is None:
        return name
    if side == "left":
        # Translators: word the side so it agrees with your own noun ("lado"), not with the
        # name, whose gender is unknown: "{name} (lado izquierdo)".
        return _("{name} (left)").format(name=name)
    return _("{name} (right)").format(name=name)


def changed_for(name: str, side: str | None) -> str:
    """Whom a logged dose change is for: 'Clamshell (both sides, judged on the right)'. A
    routine holds one dose for both sides, so a suggestion judged on one side's sessions (the
    most cautious side, rules.per_exercise) changes both; the name alone without a side."""
    if side is None:
        return name
    if side == "left":
        # Translators: the dose changed for both sides; the rules judged the left side's sets.
        return _("{name} (both sides, judged on the left)").format(name=name)
    return _("{name} (both sides, judged on the right)").format(name=name)


def set_label(exercise_name: str, set_number: int, side: str | None) -> str:
    """'Bridge, set 2 (right)'."""
    values = {"name": exercise_name, "n": set_number}
    if side is None:
        return _("{name}, set {n}").format(**values)
    if side == "left":
        return _("{name}, set {n} (left)").format(**values)
    return _("{name}, set {n} (right)").format(**values)


def pain_number(value: float | None, digits: int = 1) -> str:
    """An average pain to one decimal ('2.0'), a rating with `digits` 0; '-' for none: one
    format for a figure wherever it shows (History, the list, the report)."""
    if value is None:
        return "-"
    return decimal(to_tenth(value) if digits == 1 else value, f".{digits}f")


def pain_change(change: float) -> str:
    """A change of an average pain, signed and to one decimal as the averages are: '-2.0',
    '+0.5', '0.0' (the report's first page once said '-2' beside averages of '4.1' and '2.1')."""
    rounded = to_tenth(change)
    return pain_number(0.0) if rounded == 0 else decimal(rounded, "+.1f")


# A session marked not representative keeps its figures where sessions are listed (History's
# table, `history list`, the report's sessions table); its average pain carries this mark,
# and a key under the list says what it means.
NOT_REPRESENTATIVE_MARK = "*"
NOT_REPRESENTATIVE_KEY = N_(
    "* Marked not representative: left out of the pain charts, the report's pain figures and"
    " the dose suggestions."
)


def average_pain(session: SessionSummary) -> str:
    """The session's average pain as every list gives it: '2.7', or '2.7*' for a session
    marked not representative (NOT_REPRESENTATIVE_KEY)."""
    mark = NOT_REPRESENTATIVE_MARK if session.not_representative else ""
    return pain_number(session.avg_pain) + mark


def dose_label(point: DosePoint | None) -> str:
    """'30 s' or '12 reps' for one planned dose; '-' when unknown."""
    if point is None:
        return "-"
    if point.planned_hold_s is not None:
        return seconds_text(point.planned_hold_s)  # '1 min', as the library writes it
    if point.planned_reps is not None:
        n = point.planned_reps
        return n_("{n} rep", "{n} reps", n).format(n=n)
    return "-"


def dose_unit(points: Iterable[DosePoint]) -> str:
    """The unit of a dose series as an axis names it: "s" or "reps"."""
    for p in points:
        if p.planned_hold_s is not None:
            return _("s")
        if p.planned_reps is not None:
            return _("reps")
    return ""


def change_text(field: str, old: float | None, new: float | None) -> str:
    """A recorded dose change: '10 reps \u2192 12 reps', '30 s \u2192 35 s', 'variant 1 \u2192 2'."""
    if field == "rung":  # stored from 0 (the exercise as written); people count from 1
        one, two = ("-" if v is None else str(int(v) + 1) for v in (old, new))
        return _("variant {old} \u2192 {new}").format(old=one, new=two)
    return f"{_field_value(field, old)} \u2192 {_field_value(field, new)}"


def _field_value(field: str, value: float | None) -> str:
    if value is None:
        return "-"
    if field == "hold_s":
        return seconds_text(value)
    if field in ("reps", "sets") and value == int(value):
        n = int(value)
        if field == "reps":
            return n_("{n} rep", "{n} reps", n).format(n=n)
        return n_("{n} set", "{n} sets", n).format(n=n)
    return f"{field} {decimal(value)}"


# A change as a set's `adjustment` stores it (session/dose_adjust.change_text): the CSV's form.
_STORED_CHANGE = re.compile(r"(hold) ([0-9.]+) -> ([0-9.]+) s|(reps) ([0-9.]+) -> ([0-9.]+)")


def adjustment_text(stored: str) -> str:
    """A set's stored `adjustment` ('hold 30 -> 35 s; reps 10 -> 11', English, as the CSV has
    it) as the screens word a change, in the language in use: '30 s \u2192 35 s; 10 reps \u2192
    11 reps'. A part in another form is shown as stored."""
    parts = []
    for part in stored.split("; ") if stored else []:
        found = _STORED_CHANGE.fullmatch(part)
        if found is None:
            parts.append(part)
            continue
        field, old, new = (g for g in found.groups() if g is not None)
        parts.append(change_text("hold_s" if field == "hold" else "reps", float(old), float(new)))
    return "; ".join(parts)

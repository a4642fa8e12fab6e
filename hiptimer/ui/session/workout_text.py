"""What the workout screen says about a moment of a session, as plain text (no Qt)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from hiptimer import APP_TITLE
from hiptimer.core.routines.model import Exercise, Kind, SideMode, dose_text
from hiptimer.core.session.steps import RestKind, Side, Step, StepKind
from hiptimer.core.session.view import SessionView
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.theme import Phase

TEMPO_WORDS = {
    "lift": N_("LIFT"),
    "hold": N_("HOLD"),
    "lower": N_("LOWER"),
    "pause": N_("HOLD LOW"),  # at the bottom (format 2)
}


@dataclass(frozen=True)
class WorkoutText:
    """Every string the workout screen shows for one SessionView."""

    phase: Phase
    big: str  # the huge number: time left, or "7 / 12" for reps
    big_caption: str  # a word under the number: "seconds", "reps - Enter counts one"
    big_time: str  # a re-test's time left, as huge as its count beside it ("" otherwise)
    big_time_caption: str  # the words under it: "time left"
    exercise: str
    side: str  # "RIGHT", "LEFT" or ""
    set_line: str  # "Set 2 of 3"
    rep_line: str  # "0:42 left in this set" for paced reps
    tempo: str  # "LIFT" / "HOLD 2 / 3" / "LOWER" for paced reps: a rep's hold counts its seconds
    next_line: str  # "Next: Hip flexor stretch"
    session_left: str  # "12:30 left"
    title: str  # the window title
    window_name: str  # the window's name for screen readers: the title without its clock


def clock_text(seconds: float) -> str:
    """Whole seconds, rounded up, as the huge number: "42", "1:05", "1:02:03"."""
    total = max(0, math.ceil(seconds - 1e-9))
    if total < 60:
        return str(total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def minutes_text(seconds: float) -> str:
    """Time left in the session, always with minutes: "0:42", "12:30"; hours from an hour
    on, "1:05:00" (a long routine read "65:00 left")."""
    total = max(0, math.ceil(seconds - 1e-9))
    if total >= 3600:
        return clock_text(total)
    minutes, secs = divmod(total, 60)
    return f"{minutes}:{secs:02d}"


def phase_of(view: SessionView) -> Phase:
    if view.ended:
        return Phase.DONE
    if view.paused:
        return Phase.PAUSED
    return {
        StepKind.GET_READY: Phase.GET_READY,
        StepKind.WORK: Phase.WORK,
        StepKind.REST: Phase.REST,
        StepKind.SWITCH_SIDES: Phase.SWITCH_SIDES,
        StepKind.PAIN: Phase.PAIN,
        StepKind.MEASURE: Phase.RESULT,
        StepKind.DONE: Phase.DONE,
    }[view.step.kind]


def is_self_paced(view: SessionView) -> bool:
    """A reps set counted by key presses (no clock ends it)."""
    ex = view.exercise
    return (
        view.step.kind is StepKind.WORK
        and ex is not None
        and ex.kind is Kind.REPS
        and view.duration_s is None
    )


def counts_keys(view: SessionView) -> bool:
    """Enter counts now: a self-paced reps set, or a re-test that counts movements."""
    return is_self_paced(view) or view.counted is not None


def is_paced_reps(view: SessionView) -> bool:
    """A reps set the app paces (lift, hold, lower): the rep in progress is the big number."""
    ex = view.exercise
    return (
        view.step.kind is StepKind.WORK
        and ex is not None
        and ex.kind is Kind.REPS
        and view.duration_s is not None
    )


def _current_rep(view: SessionView) -> int:
    return min(view.reps_done + 1, max(view.reps_target, 1))


def side_text(view: SessionView) -> str:
    ex = view.exercise
    if view.step.kind is StepKind.WORK and ex is not None and ex.sides is SideMode.ALTERNATING:
        side: Side | None = view.rep_side
    elif view.step.kind in (StepKind.WORK, StepKind.PAIN, StepKind.MEASURE, StepKind.SWITCH_SIDES):
        side = view.step.side
    else:
        side = None
    if side is None:
        return ""
    return _("LEFT") if side is Side.LEFT else _("RIGHT")


def _set_line(view: SessionView) -> str:
    ex, step = view.exercise, view.step
    if ex is None or ex.sets <= 0:
        return ""
    if step.kind in (StepKind.WORK, StepKind.PAIN, StepKind.MEASURE, StepKind.SWITCH_SIDES):
        return _("Set {n} of {total}").format(n=step.set_number, total=ex.sets)
    if step.kind is StepKind.REST and step.rest_kind is RestKind.BETWEEN_SETS:
        return _("Set {n} of {total} next").format(n=step.set_number + 1, total=ex.sets)
    return ""


def _rep_line(view: SessionView) -> str:
    ex = view.exercise
    if view.counted is not None:  # a re-test: the count and the time left are both huge
        return ""
    if view.step.kind is not StepKind.WORK or ex is None or ex.kind is not Kind.REPS:
        return ""
    if is_self_paced(view):
        return ""  # the huge count says it already
    # Paced: the huge number is the rep in progress; the time left in the set goes here.
    left = clock_text(view.remaining_s or 0)
    if ":" in left:
        return _("{time} left in this set").format(time=left)
    return _("{n} s left in this set").format(n=left)


def _next_line(view: SessionView) -> str:
    step, ex = view.step, view.exercise
    if view.ended or ex is None:
        return ""
    if step.leads_in:
        return _lead_in_line(view, ex)
    following = view.next_set
    if following is not None and following.exercise_index == step.exercise_index:
        return _next_set_line(following, same_set=following.set_number == step.set_number)
    if view.next_exercise is not None:
        return _("Next exercise: {name}").format(name=view.next_exercise.name)
    return _("Last exercise")


def _lead_in_line(view: SessionView, ex: Exercise) -> str:
    """The coming exercise, which side it starts on and its dose: the user sets up (lies
    down, kneels) for that side while the get-ready counts down. The side comes first: the
    label cuts its end on a narrow screen, and a long name (shown above it too) cut the side."""
    first = view.next_set
    side = (
        first.side
        if first is not None and first.exercise_index == view.step.exercise_index
        else None
    )
    names = {"name": ex.name, "dose": dose_text(ex)}
    if side is Side.RIGHT:
        return _("Up next, right side first: {name} \u2014 {dose}").format(**names)
    if side is Side.LEFT:
        return _("Up next, left side first: {name} \u2014 {dose}").format(**names)
    return _("Up next: {name} \u2014 {dose}").format(**names)


def _session_left(view: SessionView) -> str:
    """The session's time left; in a self-paced set, whose length nobody knows, what follows
    it (or that it goes at the user's pace), never a "0:00 left" while reps remain."""
    left = minutes_text(view.session_remaining_s)
    if not is_self_paced(view):
        return _("{time} left").format(time=left)
    if view.session_remaining_s < 1:
        return _("at your own pace")
    return _("{time} left after this set").format(time=left)


def _next_set_line(following: Step, *, same_set: bool) -> str:
    """The exercise's next set, in the engine's order: the left side after the right one in
    the same set, else the next set (and its side, for an exercise done on each side)."""
    side, n = following.side, following.set_number
    if side is None:
        return _("Next: set {n}").format(n=n)
    if same_set:
        return _("Next: left side") if side is Side.LEFT else _("Next: right side")
    if side is Side.LEFT:
        return _("Next: set {n}, left side").format(n=n)
    return _("Next: set {n}, right side").format(n=n)


def _big(view: SessionView) -> tuple[str, str]:
    if view.ended:
        return "\u2713", _("done")
    if view.step.kind in (StepKind.PAIN, StepKind.MEASURE):
        return "", ""
    if is_self_paced(view):
        caption = _("reps \u2014 Enter or a click counts one \u00b7 Backspace takes one back")
        return f"{view.reps_done} / {view.reps_target}", caption
    if view.counted is not None:
        caption = _("counted \u2014 Enter or a click counts one \u00b7 Backspace takes one back")
        return str(view.counted), caption
    if is_paced_reps(view):
        return f"{_current_rep(view)} / {view.reps_target}", ""
    if view.remaining_s is None:
        return "", ""
    return clock_text(view.remaining_s), ""


def _tempo(view: SessionView) -> str:
    """The tempo word; during a hold at the top or the bottom, with its seconds as the voice
    counts them."""
    if view.step.kind is not StepKind.WORK:
        return ""
    word = translate(TEMPO_WORDS[view.rep_phase]) if view.rep_phase in TEMPO_WORDS else ""
    held = view.rep_phase in ("hold", "pause")
    if not held or view.rep_phase_s < 2:  # "two" is the first count said
        return word
    whole = max(1, int(view.rep_phase_s))
    second = min(int(view.rep_phase_elapsed_s) + 1, whole)  # "Hold" is one, then "two", ...
    return f"{word} {second} / {view.rep_phase_s:g}"


def _title(view: SessionView, exercise: str) -> str:
    parts: list[str] = []
    if view.paused and not view.ended:
        parts.append(_("Paused"))
    if view.ended:
        parts.append(_("Session over"))
    elif view.step.kind is StepKind.PAIN:
        parts.append(_("Rate pain:"))
    elif view.step.kind is StepKind.MEASURE:
        parts.append(_("Type the result:"))
    elif is_self_paced(view):
        parts.append(f"{view.reps_done}/{view.reps_target}")
    elif view.remaining_s is not None:
        parts.append(minutes_text(view.remaining_s))
    if exercise and not view.ended:
        parts.append(exercise)
    return f"{' '.join(parts)} \u2014 {APP_TITLE}" if parts else APP_TITLE


def _window_name(view: SessionView, exercise: str) -> str:
    """The window's accessible name: the exercise, not the time or count the title ticks.

    A screen reader speaks every change of the active window's name: with the title as its
    name, Orca 43 read "0:57 Hamstring stretch — HipTimer" once a second (bench/screen_reader.py).
    The steps themselves are announced (a11y.announce).
    """
    if view.ended:
        return f"{_('Session over')} \u2014 {APP_TITLE}"
    return f"{exercise} \u2014 {APP_TITLE}" if exercise else APP_TITLE


def workout_text(view: SessionView) -> WorkoutText:
    """All the words and numbers for one moment of a session."""
    ex = view.exercise
    name = ex.name if ex is not None else ""
    big, big_caption = _big(view)
    tempo = _tempo(view)
    counting_a_test = view.counted is not None and not view.ended
    return WorkoutText(
        phase=phase_of(view),
        big=big,
        big_caption=big_caption,
        big_time=clock_text(view.remaining_s or 0) if counting_a_test else "",
        big_time_caption=_("time left") if counting_a_test else "",
        exercise=name,
        side=side_text(view),
        set_line=_set_line(view),
        rep_line=_rep_line(view),
        tempo=tempo,
        next_line=_next_line(view),
        session_left=_session_left(view),
        title=_title(view, name),
        window_name=_window_name(view, name),
    )


def count_template(text: str, before: str, same_step: bool) -> str:
    """The width a huge number is sized for: its digits as 0s, and within a step no narrower
    than it was ("10" to "9" made the font jump up for the last nine seconds), except as the
    last minute starts ("1:00" to "59"), so that a hold's seconds are as large as they fit."""
    template = re.sub(r"\d", "0", text)
    keep = same_step and len(template) < len(before) and ":" not in before
    return before if keep else template

"""What a screen reader is told during a session, and when: at the moments that matter, never
every second (the voice, when on, says the rest)."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hiptimer.core.session.steps import StepKind
from hiptimer.core.session.view import SessionView
from hiptimer.i18n import _, n_, translate
from hiptimer.ui.a11y import announce
from hiptimer.ui.session.workout_text import WorkoutText, is_self_paced, workout_text
from hiptimer.ui.theme import style_for

WARN_AT_S = 10  # "10 seconds left" in a hold or rest ...
WARN_FROM_S = 20  # ... that lasts at least this long (a short one is over before it is said)


def announcements(before: SessionView | None, view: SessionView, text: WorkoutText) -> list[str]:
    """What to announce as the screen goes from `before` to `view` (none when nothing a person
    needs to hear has changed)."""
    if view.ended:
        return [] if before is not None and before.ended else [_("Session over.")]
    if before is None or view.step != before.step:
        return [_step_line(view, text)]
    said = []
    if view.paused != before.paused:
        said.append(_("Paused.") if view.paused else _("Going on."))
    if view.awaiting_choice and not before.awaiting_choice:
        said.append(
            _("Pain above your limit. S: stop this exercise, L: lower dose, C: continue.")
            if view.can_lower
            else _(
                "Pain above your limit, at the smallest dose. S: stop this exercise, C: continue."
            )
        )
    if is_self_paced(view) and view.reps_done != before.reps_done:
        said.append(_("{done} of {target}.").format(done=view.reps_done, target=view.reps_target))
    elif view.counted is not None and before.counted is not None and view.counted != before.counted:
        # A re-test counted by key (chair stands): no target, the count so far.
        said.append(n_("{n} counted.", "{n} counted.", view.counted).format(n=view.counted))
    if _crossed(before.remaining_s, view.remaining_s, view.duration_s) and not view.paused:
        said.append(n_("{n} second left.", "{n} seconds left.", WARN_AT_S).format(n=WARN_AT_S))
    return said


def _crossed(before: float | None, now: float | None, duration: float | None) -> bool:
    """Whether the time left went down past WARN_AT_S in a step long enough to warn in."""
    if before is None or now is None or duration is None or duration < WARN_FROM_S:
        return False
    return math.ceil(before) > WARN_AT_S >= math.ceil(now)


def _step_line(view: SessionView, text: WorkoutText) -> str:
    """The step that starts: its phase word, the exercise, set and side, and its length."""
    if view.step.kind is StepKind.PAIN or view.awaiting_pain:
        return _("How much pain did that set cause? Press 0 to 9, or T for 10; K skips.")
    parts = [translate(style_for(text.phase).word).capitalize()]
    parts += [p for p in (text.exercise, text.set_line, text.side.capitalize()) if p]
    if is_self_paced(view):
        parts.append(
            n_("{n} rep, Enter counts each", "{n} reps, Enter counts each", view.reps_target)
            .format(n=view.reps_target)
        )  # fmt: skip
    elif view.duration_s:
        seconds = math.ceil(view.duration_s)
        parts.append(n_("lasts {n} second", "lasts {n} seconds", seconds).format(n=seconds))
    return ", ".join(parts) + "."


def name_the_count(label: QWidget, view: SessionView, text: WorkoutText) -> None:
    """Name the huge number in words for a reader that goes to it ("41 seconds left.", "2 of
    5."; paused, "Paused. 41 seconds left."), not "41" alone. Never announced: like a web
    page's timer (ARIA's role "timer", whose changes readers do not say), its value is there
    when asked, and the reader is told only
    at the moments that matter (`announcements`). Its name changes as its digits do, once a
    second, as a label's text did (QLabel::setText tells a reader of a change of its name);
    Orca 43 says a name change only of the object with the focus, which this never is."""
    said = _count_said(view, text)
    if view.paused and not view.ended and said:  # as dimmed, the sign beside it
        said = _("Paused. {count}").format(count=said)
    if said != label.accessibleName():
        label.setAccessibleName(said)


def _count_said(view: SessionView, text: WorkoutText) -> str:
    if view.ended:
        return text.big_caption  # "done" under a tick
    done, slash, target = text.big.partition(" / ")
    if slash:  # reps, counted or paced
        return _("{done} of {target}.").format(done=done, target=target)
    if view.counted is not None:
        return n_("{n} counted.", "{n} counted.", view.counted).format(n=view.counted)
    if view.remaining_s is None or not text.big:
        return text.big
    seconds = math.ceil(view.remaining_s - 1e-9)
    if seconds < 60:
        return n_("{n} second left.", "{n} seconds left.", seconds).format(n=seconds)
    return _("{time} left").format(time=text.big)


class Announcer(QObject):
    """Tells a screen reader what `announcements` says, as the session's views come in.

    Signals: none. `said` lists every announcement, in order (for tests and the log).
    """

    def __init__(self, source: QWidget) -> None:
        super().__init__(source)
        self._source = source
        self._before: SessionView | None = None
        self.said: list[str] = []

    def show_view(self, view: SessionView, text: WorkoutText | None = None) -> None:
        """`text`: the view's words when the screen has them already."""
        for line in announcements(self._before, view, text or workout_text(view)):
            self.said.append(line)
            announce(self._source, line, urgent=view.awaiting_choice)
        self._before = view

"""The reminders while HipTimer runs: looks at the plan every few seconds, shows notes, and
turns their answers (Start, Snooze, Skip today) into what the window should do."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from hiptimer import paths
from hiptimer.core.clock import LocalTime
from hiptimer.core.plan.desk import DeskBreakTimer, DeskLook
from hiptimer.core.plan.model import DESK_ROUTINE, WeeklyPlan
from hiptimer.core.plan.reminders import (
    CLICK_HINT,
    Reminder,
    Reminders,
    desk_gone_text,
    desk_text,
    gone_text,
    reminder_text,
)
from hiptimer.core.plan.retest_due import due_checks, due_line
from hiptimer.core.plan.state_file import FILE_NAME, kept_text, read_state, save_state
from hiptimer.core.plan.today import (
    done_lookup,
    still_to_do,
    today_lines,
    week_tally,
    week_text,
    week_words,
)
from hiptimer.core.plan.upcoming import desk_line, reminder_line
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.reminders.tray_messages import Note, Notifier

log = logging.getLogger(__name__)

CHECK_MS = 20_000  # how often the plan is looked at; a late look loses nothing
DESK_KEY = "desk-break"
# The buttons of a reminder whose routine is no longer in the library: no Start that would fail.
GONE_ACTIONS = (("plan", N_("Change the plan")), ("remove", N_("Remove this reminder")))
# A desk break's, when its routine is gone: the built-in desk micro-break instead, or none.
DESK_BUILTIN = ("desk-builtin", N_("Use the desk micro-break"))
DESK_OFF = ("desk-off", N_("Turn desk breaks off"))


class Idle(Protocol):
    source: str  # the service that answered last, "" when none did

    def idle_s(self) -> float | None: ...
    def locked(self) -> bool: ...


class ReminderCoordinator(QObject):
    """Owns the plan's Reminders and the desk-break timer; the window connects its signals.

    `routines()` gives the library's routines (titles, lengths); `session_running()` holds
    desk breaks back; `length(routine)` is a routine's length in seconds; `last_checks()`
    when each re-test routine was last done (for "re-test due").

    Signals: start_requested(str) with a routine id to open at its get-ready; show_requested()
    when a note itself was clicked; plan_requested() and remove_requested(str) with a routine
    id, from the note of a routine no longer in the library (change the plan, or take it out);
    desk_changed(DeskBreaks) from a desk break's note when its routine is gone (the built-in
    desk micro-break instead, or desk breaks off), the plan to save with it;
    today_changed() when today's lines or the week's tally may read differently;
    problem(str) with a sentence for the user (no notification service, and so on).
    """

    start_requested = Signal(str)
    show_requested = Signal()
    plan_requested = Signal()
    remove_requested = Signal(str)
    desk_changed = Signal(object)
    today_changed = Signal()
    problem = Signal(str)

    def __init__(
        self,
        plan: WeeklyPlan,
        local: LocalTime,
        notifier: Notifier,
        done: Callable[[datetime], set[tuple[str, date]]],
        routines: Callable[[], list[Routine]],
        *,
        idle: Idle | None = None,
        session_running: Callable[[], bool] = lambda: False,
        length: Callable[[Routine], float] | None = None,
        state_path: Path | None = None,
        last_checks: Callable[[], Mapping[str, datetime]] = dict,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.local = local
        self._state_path = state_path or paths.data_dir() / FILE_NAME
        read = read_state(self._state_path, local.now())
        self.reminders = Reminders(plan, local, read.state)
        self.file_notice = read.notice  # a damaged file moved aside: the window says where
        self._keep_off = read.keep_off  # one still there that may be right: never written over
        # What the file holds (None: nothing a restart needs, as a missing file): a look that
        # changed nothing writes nothing, nor does a start with nothing to keep.
        self._saved = kept_text(read.state)
        self.desk = DeskBreakTimer(plan.desk)
        self.notifier = notifier
        self._done_since = done
        self._routines = routines
        self._idle = idle
        self._session_running = session_running
        self._length = length
        self._last_checks = last_checks
        self._shown: dict[str, Reminder] = {}  # note key -> the reminder it shows
        self._said_no_service = False
        notifier.connect_answered(self.answer)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    @property
    def plan(self) -> WeeklyPlan:
        return self.reminders.plan

    def start(self) -> None:
        """Look now, then every CHECK_MS while there is a plan or desk breaks are on (a QTimer
        that fires late after sleep looks late: the plan is compared with the clock, so
        nothing is lost). A plan with its reminders off still needs the looks: the library's
        today lines move from "later today" to "due" and on to the next day."""
        if self.plan.items or self.plan.reminders or self.plan.desk.on:
            self.timer.start()
        else:
            self.timer.stop()
        self.check()

    def stop(self) -> None:
        """No more looks, and no note left on screen: its buttons answer only while HipTimer
        runs (a server keeps a note that never expires)."""
        self.timer.stop()
        for key in [*self._shown, DESK_KEY]:
            self.notifier.close(key)
        self._shown.clear()

    def set_plan(self, plan: WeeklyPlan) -> None:
        self.reminders.set_plan(plan)
        self.desk.set_desk(plan.desk)
        self.start()

    # ------------------------------------------------------------ looking

    def done(self) -> Callable[[str, date], bool]:
        """Which routines were done on which day this week, from the history."""
        now = self.local.now()
        monday = now.date() - timedelta(days=now.weekday())
        since = self.local.at(monday, datetime.min.time())
        try:
            return done_lookup(self._done_since(since))
        except Exception:  # a history that fails must not stop the reminders
            log.exception("Cannot read this week's sessions for the plan")
            return done_lookup(())

    def check(self) -> None:
        """Show what is due now: plan reminders (none during a session), then a desk break."""
        if not self._session_running():  # one due meanwhile comes after the session
            for reminder in self.reminders.check(self.done()):
                self._show(reminder)
        self._check_desk()
        self._save()
        self.today_changed.emit()

    def _check_desk(self) -> None:
        idle, now = self._idle, self.local.now()
        seen = DeskLook(
            now,
            idle.idle_s() if idle is not None else None,
            idle.locked() if idle is not None else False,
            self._session_running(),
            self.reminders.paused(now),  # the tray's pause holds desk breaks back too
        )
        if self.desk.look(seen):
            rid = self.plan.desk.routine_id
            routine = self._routine(rid)
            used = self.plan.desk.minutes if seen.idle_s is None else self.desk_minutes(seen.now)
            if routine is None:  # not a built-in's Start in its place: say so, offer it
                builtin = self._routine(DESK_ROUTINE)
                title = builtin.title if builtin else None
                actions = (DESK_BUILTIN, DESK_OFF) if builtin else (DESK_OFF,)
                summary, body = desk_gone_text(rid, used, title)
                # A tray message has no buttons: its click takes the first (the built-in),
                # as it says (the plan's dialog chooses any other).
                click = (
                    _("Click this message to use {builtin} from now on.").format(builtin=title)
                    if builtin
                    else _("Click this message to open the plan.")
                )
                self._note(Note(DESK_KEY, summary, body, actions, tray_body=f"{body} {click}"))
                return
            summary, body = desk_text(routine.title, used, self._minutes(routine))
            clicked = f"{body} {translate(CLICK_HINT)}"  # a tray message's click is Start
            self._note(Note(DESK_KEY, summary, body, tray_body=clicked))

    def desk_minutes(self, now: datetime) -> float:
        return max(self.plan.desk.minutes, self.desk.in_use_s(now) / 60)

    def _show(self, reminder: Reminder) -> None:
        routine = self._routine(reminder.routine_id)
        self._shown[reminder.key] = reminder
        if routine is None:  # its file was removed: say so, and offer the plan instead
            summary, body = gone_text(reminder)
            clicked = f"{body} {_('Click this message to open the plan.')}"
            note = Note(reminder.key, summary, body, GONE_ACTIONS, tray_body=clicked)
        else:
            summary, body = reminder_text(routine.title, reminder, self._minutes(routine))
            hint = reminder_text(routine.title, reminder, self._minutes(routine), CLICK_HINT)
            note = Note(reminder.key, summary, body, tray_body=hint[1])
        if not self._note(note):  # shown nowhere: a restart where it can be may show it
            self.reminders.not_shown(reminder)

    def known_problem(self) -> str:
        """The notice that reminders cannot be shown, where the notifier already knows why
        (no session bus, no service answered when it was opened): taken now, so the window
        can say it at once, and not emitted again at the first note. "" where none is known."""
        if not self.notifier.reason or self._said_no_service:
            return ""
        self._said_no_service = True
        return self.problem_text()

    def _note(self, note: Note) -> bool:
        """Show the note; False where it could not be shown (the notice then says why)."""
        if self.notifier.show(note) is not None:
            return True
        if not self._said_no_service:
            self._said_no_service = True
            self.problem.emit(self.problem_text())
        return False

    def problem_text(self) -> str:
        """Why reminders cannot be shown, and where today's plan is; read only where the
        notifier has a reason."""
        return _(
            "Reminders cannot be shown: {reason}. Today's plan is on the library "
            "page; start a routine there."
        ).format(reason=self.notifier.reason)

    def _routine(self, routine_id: str) -> Routine | None:
        return next((r for r in self._routines() if r.id == routine_id), None)

    def _minutes(self, routine: Routine | None) -> float | None:
        if routine is None or self._length is None:
            return None
        return self._length(routine) / 60

    # ------------------------------------------------------------ answers

    def answer(self, key: str, action: str) -> None:
        """A note's button was pressed (or the tray message clicked)."""
        if action == "default":  # the note itself: bring the window forward
            self.show_requested.emit()
            return
        if key == DESK_KEY:
            self._answer_desk(action)
        else:
            reminder = self._shown.get(key)
            if reminder is None:
                return
            self._answer_plan(reminder, action)
        self._save()
        self.today_changed.emit()

    def _answer_plan(self, reminder: Reminder, action: str) -> None:
        if action == "start" and self._routine(reminder.routine_id) is None:
            action = "plan"  # a tray message's click, or a note shown before the file went
        if action == "start":
            if self._session_running():  # told to finish it first: this one comes back after
                self.reminders.show_again(reminder)
            self.start_requested.emit(reminder.routine_id)
        elif action == "plan":
            self.plan_requested.emit()
        elif action == "remove":
            self.remove_requested.emit(reminder.routine_id)
        elif action.startswith("snooze-"):
            self.reminders.snooze(reminder, int(action.removeprefix("snooze-")))
        elif action == "skip":
            self.reminders.skip_today(reminder.routine_id, reminder.day)
        self._shown.pop(reminder.key, None)

    def _answer_desk(self, action: str) -> None:
        now, desk = self.local.now(), self.plan.desk
        if action == "start" and self._routine(desk.routine_id) is None:
            # A tray message's click (it says it takes the built-in), or Start on a note
            # shown before the file went: the built-in where there is one, else the plan.
            action = DESK_BUILTIN[0] if self._routine(DESK_ROUTINE) is not None else "plan"
        if action == "start":
            self.start_requested.emit(desk.routine_id)
        elif action == "plan":
            self.plan_requested.emit()
        elif action == DESK_BUILTIN[0]:
            self.desk_changed.emit(replace(desk, routine_id=DESK_ROUTINE))
            self.start_requested.emit(DESK_ROUTINE)
        elif action == DESK_OFF[0]:
            self.desk_changed.emit(replace(desk, on=False))
        elif action.startswith("snooze-"):
            self.desk.snooze(now, int(action.removeprefix("snooze-")))
        elif action == "skip":
            self.desk.skip_today(now)

    def pause(self) -> datetime:
        until = self.reminders.pause()
        self._save()
        return until

    def resume(self) -> None:
        self.reminders.resume()
        self._save()
        self.check()

    def paused_until(self) -> datetime | None:
        now = self.local.now()
        until = self.reminders.state.paused_until
        return self.local.wall(until) if until is not None and self.reminders.paused(now) else None

    def _save(self) -> None:
        """Write what changed (a look every 20 s would otherwise fsync the file each time,
        and log each time on a disk that refuses: a change is tried once, then kept in
        memory)."""
        kept = kept_text(self.reminders.state)
        if kept != self._saved and not self._keep_off:
            self._saved = kept
            save_state(self._state_path, self.reminders.state)

    # ------------------------------------------------------------ what the window shows

    def today_text(self) -> list[str]:
        return self.today()[0]

    def today(self) -> tuple[list[str], str]:
        """Today's planned routines with their marks, a re-test due, and the week's tally
        (only the re-test without a plan); and the week's marks in words (week_words: ""
        without a plan)."""
        now = self.local.now()
        titles = {r.id: r.title for r in self._routines()}
        gone = _("{routine} (not in the library)")  # as the plan dialog names it
        retests = [
            due_line(titles.get(rid, rid), self.local.day_of(at), now.date())
            for rid, at in self._due(now)
        ]
        if not self.plan.items:
            return retests, ""
        done = self.done()
        lines = today_lines(
            self.plan, now, self.local, done,
            lambda rid: titles.get(rid) or gone.format(routine=rid),
            self.reminders.state.skipped, self.reminders.state.snoozed,
        )  # fmt: skip
        if not lines:
            lines = [_("Nothing planned")]  # after "Today: " (and under the tray's Today)
        tally = week_tally(self.plan, now.date(), done, self.local)
        week = week_text(tally, now.date())
        return [*lines, *retests, week], week_words(tally, now.date())

    def still_today(self) -> list[str]:
        """The ids of today's planned routines not done nor skipped yet, in the plan's order."""
        now = self.local.now()
        return still_to_do(self.plan, now, self.local, self.done(), self.reminders.state.skipped)

    def _due(self, now: datetime) -> list[tuple[str, datetime]]:
        try:
            return due_checks(self._last_checks(), now)
        except Exception:  # a history that fails must not stop the plan's lines
            log.exception("Cannot read when the re-tests were last done")
            return []

    def next_lines(self) -> list[str]:
        """ "Next reminder: today 18:00" (or why there is none) and, with desk breaks on,
        when the next desk break is due; one line while paused (that holds both back)."""
        plan, now, until = self.plan, self.local.now(), self.paused_until()
        if until is not None:
            return [_("Reminders paused until {time}").format(time=f"{until:%H:%M}")]
        if not plan.reminders and not plan.desk.on:
            return [_("Reminders are off")]
        lines = [reminder_line(self.reminders.next_at(self.done()), now)] if plan.reminders else []
        return lines + ([desk_line(self.desk, now, self.local.wall)] if plan.desk.on else [])

    def routine_started(self, routine_id: str) -> None:
        """A session of this routine began: its note, if still on screen, can go."""
        for key, reminder in list(self._shown.items()):
            if reminder.routine_id == routine_id:
                self.notifier.close(key)
                del self._shown[key]

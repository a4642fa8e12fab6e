"""The offer to resume a session that was interrupted (a crash, a kill, a power cut)."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hiptimer import APP_TITLE
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import Action, Mode, first_key
from hiptimer.ui.navigator import Navigator
from hiptimer.ui.theme import set_px
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.layout_fit import fits_wrapped, shrink_to_fit
from hiptimer.ui.widgets.plain import escape, in_our_direction, may_cut, plain, show_wrapped

if TYPE_CHECKING:  # the history's reading code loads with the first offer, not at start-up
    from PySide6.QtGui import QResizeEvent, QShowEvent  # (QEvent's class: after the list)

    from hiptimer.core.history.resume import ResumePlan, ResumeSource
    from hiptimer.core.routines.model import Routine
    from hiptimer.core.settings import SettingsStore

log = logging.getLogger(__name__)

HEADING = N_("Your last session was interrupted")
TITLE = N_("Resume your session? \u2014 HipTimer")
SAVED = N_("The sets you did are saved in your history.")
PARTIAL_HINT = N_(
    "Discard: it is not resumed. Nothing is deleted: the session stays in your history as a "
    "partial one, ending with its last set, with every set and rating it has."
)
RESUME_LABEL = N_("Resume at the next set")
# Translators: the resume button when the stop came on set {n}'s pain question: that rating is
# asked first, then the session goes on.
RATE_FIRST_LABEL = N_("Rate set {n}, then go on")
KEEP_LABEL = N_("Discard")
MOVED_ON = N_(
    "That session went on without this window (another copy of HipTimer is running it), "
    "so it was not resumed here."
)


class ResumePage(QWidget):
    """Says which session stopped and how far it got; two big buttons (resume, discard), each
    with its key.

    Signals: resume_requested(); keep_requested().
    """

    resume_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.heading = QLabel(translate(HEADING), self)
        self.heading.setProperty("role", "warning")
        self.heading.setWordWrap(True)
        self.setAccessibleName(translate(HEADING))  # it has the focus as it comes (no panel)
        self.offer = QLabel(self)
        self.offer.setWordWrap(True)
        plain(self.offer)  # names the routine
        may_cut(self.offer)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)  # show_plan() escapes each line
        may_cut(self.details)
        self.details.setProperty("role", "muted")
        # The buttons name one key each ("R" resumes too) so that both fit side by side.
        resume_key = first_key(Action.RESUME_SESSION, Mode.RESUME)
        keep_key = first_key(Action.KEEP_PARTIAL, Mode.RESUME)
        self._resume_key = resume_key
        self.resume_button = self._button(translate(RESUME_LABEL), resume_key, "primary")
        self.keep_button = self._button(translate(KEEP_LABEL), keep_key, "")
        self.resume_button.clicked.connect(self.resume_requested.emit)
        self.keep_button.clicked.connect(self.keep_requested.emit)
        hint = translate(PARTIAL_HINT)
        # Tab reaches the two buttons only: each is read with what the page says of it,
        # Resume with the plan (show_plan), Discard with the hint below the buttons.
        self._resume_key_hint = key_hint(resume_key)
        self.keep_button.setAccessibleDescription(f"{hint} {key_hint(keep_key)}")
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        row = FlowLayout(spacing=30, align="center")  # two rows when narrow or in large print
        row.addWidget(self.resume_button)
        row.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        layout.addStretch(1)
        for widget in (self.heading, self.offer, self.details):
            layout.addWidget(widget)
            layout.addSpacing(12)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addSpacing(18)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def _button(self, label: str, key: str, role: str) -> QPushButton:
        button = QPushButton(_with_key(label, key), self)
        button.setProperty("role", role)
        # Tab focus only: a click leaves the focus where it was, so Space and Enter go on doing
        # what the key map says; a button reached by Tab takes them (see key_filter.py).
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def show_plan(self, plan: ResumePlan, today: date, limit: int | None = None) -> None:
        """`limit`: the pain limit, to name a rating above it that was left without its choice."""
        from hiptimer.core.history.resume import details_lines, offer_text

        offer = offer_text(plan, today)
        show_wrapped(self.offer, offer)
        self.setAccessibleDescription(offer)
        keys = (first_key(Action.LESS, Mode.WORKOUT), first_key(Action.SKIP_EXERCISE, Mode.WORKOUT))
        lines = [translate(SAVED), *details_lines(plan, today, limit, keys)]
        if not plan.resumable:
            lines.append(_("It cannot be resumed: its routine and its doses could not be found."))
        # One paragraph (<br>): a doses line opens with a name that may read right to left.
        ours = in_our_direction("\n".join(lines), one_paragraph=True).split("\n")
        self.details.setText("<br>".join(escape(line) for line in ours))
        # Resumed on a set's pain question, the button says so: "Resume at the next set" read
        # as if that rating were skipped.
        rated = plan.to_rate
        label = translate(RESUME_LABEL)
        if rated is not None:
            label = translate(RATE_FIRST_LABEL).format(n=rated.set_number)
        self.resume_button.setText(_with_key(label, self._resume_key))
        self.resume_button.setEnabled(plan.resumable)
        self.resume_button.setAccessibleDescription(
            " ".join([offer, *lines, self._resume_key_hint])
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Large print on 1024 x 768 cut the offer top and bottom and drew the hint over
        # Discard: shrink until the page is whole.
        shrink_to_fit(self, self._size_parts, fits_wrapped)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        shrink_to_fit(self, self._size_parts, fits_wrapped)  # measured again with its words

    def _size_parts(self, h: float) -> None:
        set_px(self.heading, h * 0.06, bold=True)
        set_px(self.offer, h * 0.05)
        set_px(self.details, h * 0.032)
        set_px(self.hint, h * 0.028)
        for button in (self.resume_button, self.keep_button):
            set_px(button, h * 0.042, bold=True)


class ResumeHost(Protocol):
    """What the offer uses of the window around it."""

    @property
    def nav(self) -> Navigator: ...
    def wall(self) -> datetime: ...
    def show_problem(self, text: str, /) -> None: ...
    def routines(self) -> list[Routine]: ...  # the library's
    @property
    def settings(self) -> SettingsStore: ...  # the pain limit


class ResumeOffer(QObject):
    """Finds the newest interrupted session at start-up and offers to go on with it.

    Older interrupted sessions are kept as partial at once (the page says so). Resuming
    starts the session's routine at the first set not done and records into the same
    session; keeping it as partial closes it, and the window goes on (to the library, or
    the routine named on the command line). A routine started from the command line that is
    not the session's goes first (`step_aside`); the offer comes back with the library. The
    page's buttons and the window's keys both call `perform`.

    Signals: resume_requested(object) with the ResumePlan to start; kept(str) once the session
    was kept as partial (or that failed, or it went on elsewhere meanwhile, and was said);
    title_changed(str) with the window title for the offer, and back to the app's when it closes.
    """

    resume_requested = Signal(object)
    kept = Signal(str)  # the interrupted session's routine id
    title_changed = Signal(str)

    def __init__(
        self, host: ResumeHost, history: ResumeSource | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._history = history
        self._known: dict[str, Routine] = {}
        self._deferred = False  # put aside for another routine: offered again at the library
        self.plan: ResumePlan | None = None
        self.page: ResumePage | None = None

    def use_history(self, history: ResumeSource | None) -> None:
        """The history to look in, once it is open (the window shows before it is)."""
        self._history = history

    def _today(self) -> date:
        return self._host.wall().astimezone().date()

    def _limit(self) -> int:
        return self._host.settings.settings.pain_limit

    @property
    def showing(self) -> bool:
        return self.page is not None

    def consider(self, routine: Routine) -> None:
        """A routine that is not in the library (a file named on the command line)."""
        self._known[routine.id] = routine
        if self.page is not None and self._history is not None:
            self._plan(self._history)

    def _find(self, routine_id: str) -> Routine | None:
        if routine_id in self._known:
            return self._known[routine_id]
        return next((r for r in self._host.routines() if r.id == routine_id), None)

    def _plan(self, history: ResumeSource) -> ResumePlan | None:
        from hiptimer.core.history.resume import plan_resume

        plan = plan_resume(history, self._find)
        if plan is not None and self.plan is not None:
            older, library = self.plan.older, {**self.plan.library, **plan.library}
            plan = dataclasses.replace(plan, older=older, library=library)  # kept as partial
        self.plan = plan
        if self.plan is not None and self.page is not None:
            self.page.show_plan(self.plan, self._today(), self._limit())
        return self.plan

    def offer(self) -> bool:
        """Show the offer if a session was interrupted; False when there is nothing to offer."""
        history = self._history
        if history is None or self.page is not None:
            return self.page is not None
        try:
            plan = self._plan(history)
            if plan is None:
                return False
            from hiptimer.core.history.resume import keep_older_as_partial

            keep_older_as_partial(history, plan)
        except Exception:  # an unreadable history must not keep the window from opening
            log.exception("Could not look for interrupted sessions")
            return False
        log.info("Offering to resume session %s (%d sets done)", plan.session.id, plan.sets_done)
        nav = self._host.nav
        self.page = ResumePage(nav.stack)
        self.page.show_plan(plan, self._today(), self._limit())
        self.page.resume_requested.connect(lambda: self.perform(Action.RESUME_SESSION))
        self.page.keep_requested.connect(lambda: self.perform(Action.KEEP_PARTIAL))
        nav.add(self.page, Mode.RESUME, show=True)
        self.title_changed.emit(translate(TITLE))
        return True

    def step_aside(self, routine_id: str) -> bool:
        """Another routine is to start now (`--routine X --start`): take the offer down unless
        it is a session of that routine. One with no set recorded is kept as partial at once
        (nothing is lost); one with sets is offered again when the library comes back."""
        plan, history = self.plan, self._history
        if self.page is None or plan is None or history is None:
            return False
        if plan.session.routine_id == routine_id:
            return False  # resuming it may be what the user meant: ask
        self._close_page()
        if plan.sets_done:
            self._deferred = True
            log.info("Session %s is offered after the session of %s", plan.session.id, routine_id)
        else:
            self._keep_partial(plan)
        return True

    def offer_deferred(self) -> bool:
        """Offer the session put aside by `step_aside`, once; False when there is none."""
        if not self._deferred:
            return False
        self._deferred = False
        return self.offer()

    def history_back(self, *, idle: bool) -> None:
        """The history, a stand-in at start (its file locked by another program), reached its
        file: offer what the start could not, now when the window is `idle` on the library,
        else when the library comes back (a session started meanwhile ends first)."""
        if idle:
            self.offer()
        else:
            self._deferred = True

    def perform(self, action: Action) -> None:
        """Resume (Enter, R) or discard, keeping it as partial (D, P)."""
        plan, history = self.plan, self._history
        if self.page is None or plan is None or history is None:
            return
        if action is Action.RESUME_SESSION and plan.resumable:
            self._close_page()
            if self._moved_on(history, plan):
                self._host.show_problem(translate(MOVED_ON))
                self.kept.emit(plan.session.routine_id)
                return
            log.info("Resuming session %s", plan.session.id)
            self.resume_requested.emit(plan)
        elif action is Action.KEEP_PARTIAL:
            self._close_page()
            self._keep_partial(plan)
            self.kept.emit(plan.session.routine_id)

    def _keep_partial(self, plan: ResumePlan) -> None:
        if self._history is None:
            return
        try:
            self._history.mark_partial(plan.session.id)
        except Exception as exc:
            log.exception("Could not keep session %s as partial", plan.session.id)
            self._host.show_problem(
                _("Could not keep the session as partial: {why}").format(why=exc)
            )

    def _moved_on(self, history: ResumeSource, plan: ResumePlan) -> bool:
        """True when the session ended or gained sets since it was offered: something else
        (another copy of HipTimer) is running it, and resuming would record its sets twice."""
        from hiptimer.core.history.resume import plan_resume

        try:
            now = plan_resume(history, self._find)
        except Exception:  # unreadable now: what was offered is all there is to go on
            log.exception("Could not look at session %s again", plan.session.id)
            return False
        if now is not None and (now.session.id, now.done_sets) == (plan.session.id, plan.done_sets):
            return False
        log.warning("Session %s moved on since it was offered: not resumed", plan.session.id)
        return True

    def _close_page(self) -> None:
        page, self.page = self.page, None
        self._host.nav.remove(page)
        self.title_changed.emit(APP_TITLE)


def _with_key(label: str, key: str) -> str:
    """A button's words and its key: "Discard   [D]"."""
    return f"{label}   [{key}]"

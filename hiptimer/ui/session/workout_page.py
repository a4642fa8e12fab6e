"""The workout screen: phase, exercise, side and a huge countdown, readable from the mat."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.routines.model import Kind
from hiptimer.core.session.steps import Step, StepKind, without_lead_in
from hiptimer.core.session.view import SessionView
from hiptimer.i18n import _, translate
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.session.announcements import Announcer
from hiptimer.ui.session.caption_label import CaptionLabel
from hiptimer.ui.session.coaching_panel import CoachingPanel
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.pain_prompt import PainPrompt
from hiptimer.ui.session.progress_line import ProgressLine
from hiptimer.ui.session.result_prompt import ResultPrompt
from hiptimer.ui.session.steps_room import STEPS_SHARE, StepsRoom
from hiptimer.ui.session.steps_shown import StepsShown
from hiptimer.ui.session.timer_column import TimerColumn
from hiptimer.ui.session.workout_commands import WorkoutCommands, enabled_actions, key_mode
from hiptimer.ui.session.workout_notes import DoseNote, fit_notes
from hiptimer.ui.session.workout_prompts import PromptSwitch
from hiptimer.ui.session.workout_text import (
    WorkoutText,
    count_template,
    counts_keys,
    workout_text,
)
from hiptimer.ui.theme import Phase, follow, restyle, set_px, style_for, text_scale
from hiptimer.ui.widgets.control_bar import ControlBar
from hiptimer.ui.widgets.fit_label import FitLabel
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.heading_label import HeadingLabel
from hiptimer.ui.widgets.italic import italic_where_drawn
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.page_stack import ShownPageStack
from hiptimer.ui.widgets.plain import (
    ElidedLabel,
    in_our_direction,
    may_cut,
    plain,
    show_text,
    window_title,
)

# Of the page's height: the least a name shrinks to before it wraps, the caption's size (in
# large print at most a short name's size: three lines of more took a third of the page).
NAME_SHARE = 0.042
NAME_MOST_SHARE = 0.052
# The phase word's share of its band: its line's; in large print its ink's (the name takes the
# band's room there: 150 % at 1280 x 800 made the word ~20 px, from ~30 px at 100 %).
BAND_WORDS, BAND_INK_LARGE = 0.8, 0.85


class WorkoutPage(QWidget):
    """Shows one session as its driver reports it; keys and buttons become driver commands.

    It holds no timing: every number comes from the engine's SessionView. The exercise's
    steps and caution show beside the countdown in the get-ready and rests, and in a set
    when asked for (I); the step being read aloud is highlighted.

    Signals: title_changed(str) with the window title for the moment shown;
    window_name_changed(str) with the window's name for screen readers (changes per exercise);
    action_requested(Action) for buttons the main window handles (mute, end);
    room_wanted(bool), True while the pain question wants the window's notice strip's room.
    """

    title_changed = Signal(str)
    window_name_changed = Signal(str)
    action_requested = Signal(object)
    room_wanted = Signal(bool)

    def __init__(self, driver: EngineDriver, *, muted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self.setObjectName("workout")
        self.setAutoFillBackground(True)
        self._muted = muted
        self._text: WorkoutText | None = None
        self._phase: Phase | None = None
        self._counted_step: object = None  # the step whose numbers the templates are for
        self._side_style = ""
        self._steps = StepsShown(without_lead_in(list(driver.engine.steps)))  # I, 0 s lead-ins
        self._coached_step: Step | None = None  # the step the steps were last shown for
        self._build()
        self.announcer = Announcer(self)  # a screen reader hears each step, not each second
        driver.view_changed.connect(self._follow)
        self.show_view(driver.view())
        follow(self, self._new_look)
        self.setAccessibleName(_("Workout"))

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.banner = FitLabel("", self, height_share=BAND_WORDS)
        self.exercise = HeadingLabel("", self, height_share=0.85)
        path = self.driver.engine.routine.path
        timer = self.timer = TimerColumn(path, lambda: self.coaching.font_px, self)
        self.side, self.big, self.big_caption = timer.side, timer.big, timer.big_caption
        self.big_time, self.big_time_caption = timer.big_time, timer.big_time_caption
        self.set_line, self.rep_line, self.tempo = timer.set_line, timer.rep_line, timer.tempo
        self.figure = timer.figure
        self.caption = CaptionLabel(self)
        may_cut(self.caption)  # a cue from the routine file
        # A long name must not widen the window; a little smaller first, so that a dose in
        # Spanish ("... por lado, alternando") is whole at 1280 px rather than cut.
        self.next_line = ElidedLabel("", self, least=0.8)
        self.progress_line = ProgressLine(self)  # the bar, the time left and "Sound off"
        self.progress = self.progress_line.progress
        self.time_left = self.progress_line.time_left
        self.sound_off = self.progress_line.sound_off
        # The pain question before the button row: Tab reaches them in the order they read.
        self.pain = PainPrompt(self.driver.engine.pain_limit, self)
        self.pain.rated.connect(self.driver.rate_pain)
        self.pain.skipped.connect(self.driver.skip_pain)
        self.pain.chosen.connect(self.driver.choose)
        self.pain.change_requested.connect(self.driver.change_rating)
        self.result = ResultPrompt(self)
        self.result.entered.connect(self.driver.enter_result)
        # In the pause after a rating: it can still be changed (Backspace) until the next set.
        self.rating_note = QLabel("", self)
        self.rating_note.setProperty("role", "muted")
        self.rating_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rating_note.hide()
        # "Hold now 40 s (was 60 s)" until the exercise ends; a resumed session's from its start
        self.dose_note = DoseNote(self.driver.engine.carried_changes, self)
        self.driver.engine_event.connect(self.dose_note.on_event)
        self.controls = ControlBar(self)
        self.controls.triggered.connect(self._on_button)
        plain(self.caption)
        for label in (self.caption, self.next_line):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.coaching = CoachingPanel(self)
        self.coaching.set_voiced(not self._muted)
        for part in (self.tempo, self.big_caption, self.side, self.coaching, self.big_time):
            part.hide()  # until a step has them
        self.big.installEventFilter(self)  # a click on the count counts one rep

        # The countdown, and beside it what to do: the steps and caution (and room for more).
        coach = QWidget(self)
        self.center_row = QHBoxLayout(coach)
        self.center_row.setContentsMargins(0, 0, 0, 0)
        self.center_row.setSpacing(16)
        self.center_row.addWidget(timer)
        self.center_row.addWidget(self.coaching)
        self._center = ShownPageStack()  # its minimum: the timer's, not the pain question's
        self._center.addWidget(coach)
        self._center.addWidget(self.pain)
        self._center.addWidget(self.result)
        self.prompts = PromptSwitch(
            self.driver,
            self._center,
            coach,
            self.pain,
            self.result,
            self.rating_note,
            asides=(self.caption, self.next_line),
            heading=self.exercise,
            home=self,
            make_way=self.room_wanted.emit,
            spares=(self.dose_note, self.progress_line),
        )
        self.commands = WorkoutCommands(
            self.driver, self.result, self.toggle_steps, lambda: self._enabled(self.driver.view()),
            self.coaching.next_page,
        )  # fmt: skip
        # Side by side, a little smaller where both would not fit, else one under the other:
        # at 800 x 600 in large print "Valorada 2/10 · Retroceso: cambiar" beside "Ahora
        # mantén 11 s (antes 6 s)" needed 898 px of 756, and both were cut at both ends.
        self._notes = notes = FlowLayout(align="center", row_spacing=2)
        notes.addWidget(self.rating_note)
        notes.addWidget(self.dose_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addWidget(self.banner, 2)
        layout.addWidget(self.exercise, 2)
        layout.addLayout(self._center, 15)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.next_line, 1)
        layout.addLayout(notes)
        layout.addWidget(self.progress_line)
        layout.addWidget(self.controls)
        self.steps_room = StepsRoom(
            layout, self.center_row, self.coaching, self.caption, self.next_line, timer
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.big_caption, h * 0.03)
        set_px(self.big_time_caption, h * 0.03)
        self.coaching.set_font_px(h * STEPS_SHARE)
        set_px(self.time_left, h * 0.034, bold=True)
        set_px(self.sound_off, h * 0.034, bold=True)
        self._fit_notes()
        # Large print takes its room from the countdown (huge anyway), never from the phase
        # word or the exercise's name, which fit whatever height they are left.
        self.banner.setMinimumHeight(int(h * 0.055))
        large = text_scale() > 1
        self.banner.set_height_share(BAND_INK_LARGE if large else BAND_WORDS, tight=large)
        # A long name (up to 120 characters) takes up to three lines before it is smaller
        # than the caption's words; one line of 111 characters was 17 px.
        readable = h * min(NAME_SHARE * text_scale(), NAME_MOST_SHARE)
        self.exercise.set_readable(readable, int(h * 0.05 * text_scale()))
        self.progress.setFixedHeight(int(h * 0.035))
        self.controls.set_font_px(h * 0.024, int(h * 0.06))
        self.steps_room.fit(h)  # the caption, Up next, and the steps' share of the row
        self._size_side()

    def _fit_notes(self) -> None:
        h = max(300, self.height())
        layout, room = self.layout(), self.contentsRect().width()
        if layout is not None:
            room -= layout.contentsMargins().left() + layout.contentsMargins().right()
        gap = fit_notes(self.rating_note, self.dose_note, h, room)
        # Two notes, not one sentence ("Backspace: change Hold now 6 s" read as one).
        self._notes.setSpacing(gap)

    # ------------------------------------------------------------ showing

    @property
    def text(self) -> WorkoutText | None:
        """What the screen shows now (for tests and the window title)."""
        return self._text

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        self.coaching.set_voiced(not muted)
        self.show_view(self.driver.view())

    def show_caption(self, text: str) -> None:
        self.caption.show_words(text)
        italic_where_drawn(self.caption)

    def show_speaking_line(self, line: int) -> None:
        """The voice is reading setup step `line` (-1: something else)."""
        self.coaching.highlight(line)

    def toggle_steps(self) -> None:
        """I: the steps and caution stay on screen in the sets too, or only in the pauses."""
        self._steps.toggle(self.driver.view().step)
        self.show_view(self.driver.view())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = watched is self.big and event.type() is QEvent.Type.MouseButtonPress
        if pressed and counts_keys(self.driver.view()):
            self.driver.count_rep()
            return True
        return super().eventFilter(watched, event)

    def _follow(self, view: SessionView) -> None:
        """A view from the session's clock: shown, then told to a screen reader in the same
        words (each was worked out twice, ten times a second)."""
        self.show_view(view)
        self.announcer.show_view(view, self._text)

    def show_view(self, view: SessionView) -> None:
        text = workout_text(view)
        if text.phase is not self._phase:
            self._paint_phase(text.phase)
        self.banner.setText(translate(style_for(text.phase).word))
        self.exercise.setText(text.exercise)
        self._show_side(text.side)
        same_step, self._counted_step = view.step == self._counted_step, view.step
        self.big.set_template(count_template(text.big, self.big.template, same_step))
        pause = view.step.kind in (StepKind.GET_READY, StepKind.REST)
        self.timer.show_set_line(text.set_line)  # its width: the steps' room
        self.rep_line.setText(text.rep_line)
        self._show_coaching(view, pause)
        self.big.setText(text.big)
        self.steps_room.count_shown()  # the first count's digits: the row shared for them
        self.timer.show_count(view, text)  # named for a reader; dimmed, a sign beside, paused
        # A sentence before its separator: only the separator goes with the item after it.
        show_text(self.big_caption, unbroken_items(text.big_caption, whole=False))
        self.big_time.set_template(count_template(text.big_time, self.big_time.template, same_step))
        show_text(self.big_time, text.big_time)
        show_text(self.big_time_caption, text.big_time_caption)
        show_text(self.tempo, text.tempo)
        # A long name is cut, not the words after it: Up next's dose (the name is above it
        # too), and whatever a language puts after the name in "Next exercise: {name}".
        ahead = view.next_exercise.name if view.next_exercise is not None else ""
        self.next_line.cut_first(text.exercise if view.step.leads_in else ahead)
        self.next_line.setText(in_our_direction(text.next_line))
        self.progress_line.show_left(text.session_left)
        self.progress_line.show_progress(view.progress)
        self.prompts.show_view(view)
        self.dose_note.show_view(view)
        self._fit_notes()
        self.sound_off.show_muted(self._muted)
        self.figure.show_view(view)
        ex = view.exercise
        # + and - name reps in a reps set, and greyed on its pain question too (they would
        # change the set's reps); in a pause they lengthen the pause: seconds.
        in_set = view.step.kind in (StepKind.WORK, StepKind.PAIN)
        reps = ex is not None and ex.kind is Kind.REPS and in_set
        counting = counts_keys(view)
        self.controls.show_state(
            paused=view.paused,
            counting=counting,
            reps=reps,
            muted=self._muted,
            enabled=self._enabled(view),
            mode=key_mode(view),
            steps=self.coaching.isVisibleTo(self) if self.coaching.has_content else None,
        )
        self.timer.refit()  # the new words and count, laid out under the buttons' new rows
        cursor = Qt.CursorShape.PointingHandCursor if counting else Qt.CursorShape.ArrowCursor
        if self.big.cursor().shape() is not cursor:  # setCursor costs ~0.05 ms at each refresh
            self.big.setCursor(cursor)
        if self._text is None or text.title != self._text.title:
            self.title_changed.emit(window_title(text.title))
        if self._text is None or text.window_name != self._text.window_name:
            self.window_name_changed.emit(text.window_name)
        self._text = text

    def _enabled(self, view: SessionView) -> frozenset[Action]:
        """The buttons (and keys) that do something now."""
        toggles = view.step.kind in (StepKind.WORK, StepKind.SWITCH_SIDES)
        return enabled_actions(view, steps_toggle=toggles and self.coaching.has_content)

    def _show_coaching(self, view: SessionView, pause: bool) -> None:
        """The steps and caution beside the countdown: in the pauses, and in a set on I."""
        kind = view.step.kind
        self.coaching.show_exercise(view.exercise)  # new steps: StepsRoom shares the row anew
        if kind is StepKind.WORK and view.step != self._coached_step:
            self.coaching.highlight(-1)  # the set starts: the reading is over
        self._coached_step = view.step
        self.steps_room.set_pause(pause)
        wanted = self._steps.during(view.step) and kind in (StepKind.WORK, StepKind.SWITCH_SIDES)
        shown = self.coaching.has_content and not view.ended and (pause or wanted)
        if self.coaching.isHidden() == shown:
            self.coaching.setVisible(shown)
            self._place_figure(above=shown)

    def _place_figure(self, *, above: bool) -> None:
        self.timer.place_figure(above=above)
        self.timer.size_side(self.width())
        self.steps_room.fit(self.height())

    def _size_side(self) -> None:
        self.timer.size_side(self.width())
        self.timer.refit()  # once the fonts and the side's pill have their new sizes

    def _paint_phase(self, phase: Phase) -> None:
        self._phase = phase
        style = style_for(phase)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(style.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(style.text))
        self.setPalette(palette)
        restyle(
            self.banner,
            f"background: {style.accent}; color: {style.on_accent}; border-radius: 10px;",
        )
        self._side_style = (
            f"background: {style.accent}; color: {style.on_accent}; border-radius: 12px;"
        )
        if self.side.text():
            restyle(self.side, self._side_style)
        restyle(self.tempo, f"color: {style.accent};")
        self.coaching.set_accent(style.accent, style.on_accent)
        self.progress.set_accent(style.accent)

    def _new_look(self) -> None:
        """The theme or the text size changed: paint the phase again, and fit the fonts."""
        self._phase = None
        self.show_view(self.driver.view())
        self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def _show_side(self, side: str) -> None:
        """RIGHT or LEFT in a pill of the phase's colour; nothing at all without a side."""
        if side == self.side.text():
            return
        self.side.setText(side)
        restyle(self.side, self._side_style if side else "")
        self.side.setVisible(bool(side))

    # ------------------------------------------------------------ commands

    def key_mode(self) -> Mode:
        return key_mode(self.driver.view())

    def _on_button(self, action: Action) -> None:
        if not self.perform(action, 0):
            self.action_requested.emit(action)

    def perform(self, action: Action, value: int) -> bool:
        """Run a session command; False when it is not one of this page's (mute, end)."""
        return self.commands.perform(action, value)

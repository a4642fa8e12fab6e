"""The questions in the workout page's centre: the pain rating, the choice above the limit and
a re-test's result take the countdown's place; after a rating, a note that it can be changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from hiptimer.core.session.view import SessionView
from hiptimer.i18n import _
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.pain_prompt import PainPrompt
from hiptimer.ui.session.result_prompt import ResultPrompt
from hiptimer.ui.theme import text_scale
from hiptimer.ui.widgets.heading_label import NAME_LINES, HeadingLabel
from hiptimer.ui.widgets.plain import show_text


@dataclass(frozen=True)
class PromptSwitch:
    """Shows in `center` the timer, the pain question or the result's entry, as the view asks,
    and the rating note ("Rated 3/10 · Backspace: change") in the pause after a rating.

    The question takes the keyboard focus as it comes (a screen reader says it then); when
    it goes, a focus left in it goes `home` (the page), never on to a button Tab order
    happens to put next, which Space or Enter would then press.

    In large print, and wherever the scale's words would be smaller than the least legible
    from the mat, the `asides` (the caption, which repeats the question aloud, and the
    "Next:" line) give the pain question their room while it is asked: at 150 % on a
    1024 x 768 screen it was squeezed, its words drawn over its buttons. `make_way` hears
    the same (True while they are hidden): the window's notice strip gives its room too. The
    exercise's name (`heading`) keeps one line while a question is asked: a long one's further
    lines took the room the question's words need (27 px for 28); it is the question's context,
    read from the keyboard.
    """

    driver: EngineDriver
    center: QStackedLayout
    timer: QWidget
    pain: PainPrompt
    result: ResultPrompt
    rating_note: QLabel
    asides: tuple[QWidget, ...]
    heading: HeadingLabel
    home: QWidget
    make_way: Callable[[bool], object] = lambda _asking: None
    # Given up as well where the question is still short of room without the asides (at
    # 640 x 480 in large print the scale's words were drawn over its buttons and the choices'
    # words cut): the dose note and the progress line, until the question is answered.
    spares: tuple[QWidget, ...] = ()
    _spent: list[QWidget] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pain.short_of_room.connect(self._give_spares)

    def _give_spares(self) -> None:
        if self.center.currentWidget() is not self.pain or self.pain.isHidden():
            return
        for spare in self.spares:
            if spare.isVisible():
                spare.hide()
                self._spent.append(spare)

    def _take_back_spares(self) -> None:
        for spare in self._spent:  # (a note shows while it has words)
            spare.setVisible(not isinstance(spare, QLabel) or bool(spare.text()))
        self._spent.clear()

    def show_view(self, view: SessionView) -> None:
        asking = view.awaiting_pain or view.awaiting_choice
        record = self.driver.engine.asked_record
        if view.awaiting_result:
            if self.center.currentWidget() is not self.result:
                self.result.ask(record)
                self.center.setCurrentWidget(self.result)
                self.result.focus_question()
        elif asking:
            asked = True
            if view.awaiting_choice:
                if not self.pain.asking_choice or self.center.currentWidget() is not self.pain:
                    self.pain.ask_choice(record, can_lower=view.can_lower)
            elif self.center.currentWidget() is not self.pain or self.pain.asking_choice:
                self.pain.ask_rating(record, changing=view.rerating)
            else:
                asked = False
            self._show(self.pain)
            if asked:
                self.pain.focus_question()
        else:
            self._focus_home()
            self._show(self.timer)
            if self._spent:
                self._take_back_spares()
        questioned = asking or view.awaiting_result
        self.heading.set_most_lines(1 if questioned else NAME_LINES)
        # At 100 % too where the scale's words came out too small to read from the mat (9 px
        # on 1024 x 600 with a notice showing); once aside, they stay so for this question,
        # as the words they made room for would otherwise be small enough to call them back.
        stepped_aside = self.asides[0].isHidden()
        quiet = asking and (text_scale() > 1 or stepped_aside or self.pain.cramped())
        if any(aside.isHidden() != quiet for aside in self.asides):
            for aside in self.asides:
                aside.setVisible(not quiet)
            self.make_way(quiet)
        changeable = view.rating_changeable and not asking and view.last_rating is not None
        show_text(
            self.rating_note,
            _("Rated {n}/10  \u00b7  {key}: change").format(
                n=view.last_rating, key=KEY_NAMES[Action.CHANGE_RATING]
            )
            if changeable
            else "",
        )

    def _show(self, page: QWidget) -> None:
        # Not again when shown: Qt's setCurrentWidget costs ~0.1 ms even then, at each refresh.
        if self.center.currentWidget() is not page:
            self.center.setCurrentWidget(page)

    def _focus_home(self) -> None:
        """Before a question hides: Qt would hand a focus in it on to the next widget in
        the Tab order (a button of the control bar), https://doc.qt.io/qt-6/qwidget.html#hide"""
        focused = self.home.focusWidget()
        if focused is not None and any(q.isAncestorOf(focused) for q in (self.pain, self.result)):
            self.home.setFocus(Qt.FocusReason.OtherFocusReason)

"""Dose suggestions on screen: a card per exercise, Accept or Not now, and a clinician warning."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.words import (
    HEADINGS,
    change_text,
    is_offer,
    morning_note,
    waits_for_morning,
)
from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.i18n import N_, _, after_colon, translate
from hiptimer.ui.focus_ring import ring_colour
from hiptimer.ui.keys import KEY_NAMES, Mode, key_name
from hiptimer.ui.keys import Action as Key
from hiptimer.ui.theme import BODY_SHARE, READABLE_PX, current, set_px
from hiptimer.ui.widgets.beside_or_under import BesideOrUnder
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.plain import may_cut, plain, show_wrapped, units_kept
from hiptimer.ui.widgets.tab_order import tab_after, tab_stops

# Each card's (background, edge) is the theme's (palette.cards), the page's text readable on it.
ACCEPT, NOT_NOW = N_("Accept"), N_("Not now")
CARD = "QFrame#card {{ background: {0}; border: 3px solid {1}; border-radius: 10px; }}"


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(parent)
    plain(label)  # exercise and routine names
    may_cut(label)
    show_wrapped(label, units_kept(text))  # a dose on one line: never "1 / x 25 s"
    label.setWordWrap(True)
    label.setStyleSheet("background: transparent;")
    if role:
        label.setProperty("role", role)
    return label


class _Card(QFrame):
    """One suggestion: what (big), the dose with the two buttons beside it (under it on a
    narrow card), then why."""

    def __init__(
        self, rec: Recommendation, ex: Exercise | None, panel: RecommendationsPanel
    ) -> None:
        super().__init__(panel.body)
        self.rec = rec
        self.awaiting = is_offer(rec)  # it still waits for the user's answer
        self.setObjectName("card")
        p = current()
        back, edge = p.cards[rec.action]
        self.setStyleSheet(CARD.format(back, edge))
        # The buttons' ring in the ink where the card's edge is nearly the focus colour (the
        # dark theme's amber step back): a yellow ring inside it read as the card's own edge.
        ring = f"QPushButton:focus {{ border: {p.edge + 1}px solid {ring_colour(p.focus, edge, p.ink)}; }}"
        name = ex.name if ex is not None else rec.exercise_id
        self.heading = _label(
            _("{heading} \u2014 {exercise}").format(
                heading=translate(HEADINGS[rec.action]), exercise=name
            ),
            self,
        )
        self.dose = _label(change_text(rec, ex), self)  # as the reasons: the exercise's sides
        self.reason = _label(rec.reason, self)
        self.outcome = _label("", self)
        self.outcome.setVisible(False)
        # Beside the dose where it reads on one line with room to spare, else under it.
        self.answers = QWidget(self)
        row = FlowLayout(self.answers, spacing=8)
        self.buttons: list[QPushButton] = []
        if self.awaiting:
            self.accept_button = QPushButton(translate(ACCEPT))
            self.accept_button.setProperty("role", "primary")
            self.accept_button.setToolTip(
                _("Save the new dose for next time (key: {key})").format(
                    key=KEY_NAMES[Key.ACCEPT_SUGGESTION]
                )
            )
            self.later_button = QPushButton(translate(NOT_NOW))
            self.later_button.setToolTip(
                _("Keep the dose as it is; the answer is kept in your history (key: {key})").format(
                    key=KEY_NAMES[Key.NOT_NOW]
                )
            )
            self.accept_button.clicked.connect(lambda: panel.decided.emit(rec, True))
            self.later_button.clicked.connect(lambda: panel.decided.emit(rec, False))
            for button in (self.accept_button, self.later_button):
                button.setStyleSheet(ring)
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                row.addWidget(button)
                self.buttons.append(button)
        self.answers.setVisible(bool(self.buttons))
        dose_row = QWidget(self)
        self.dose.setParent(dose_row)
        BesideOrUnder(self.dose, self.answers, dose_row, spacing=8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(dose_row)
        layout.addWidget(self.outcome)
        layout.addWidget(self.reason)

    def show_keys(self, shown: bool) -> None:
        """Name the keys on the buttons of the card the keys answer, and on no other."""
        for button, (text, action) in zip(
            self.buttons, ((ACCEPT, Key.ACCEPT_SUGGESTION), (NOT_NOW, Key.NOT_NOW)), strict=False
        ):
            words = translate(text)
            button.setText(f"{words}   [{KEY_NAMES[action]}]" if shown else words)

    def close_with(self, text: str) -> None:
        self.awaiting = False
        for button in self.buttons:
            button.setVisible(False)
        self.answers.setVisible(False)
        show_wrapped(self.outcome, units_kept(text))
        self.outcome.setVisible(True)

    def fit(self, h: float) -> None:
        set_px(self.heading, h * 0.036, bold=True)
        set_px(self.dose, h * 0.034, bold=True)
        set_px(self.reason, max(h * BODY_SHARE, READABLE_PX))  # the summary's body text
        set_px(self.outcome, h * 0.03, bold=True)
        for button in self.buttons:
            set_px(button, h * 0.03, bold=True)


class RecommendationsPanel(QScrollArea):
    """The suggestions for one routine, most urgent first; it decides nothing itself.

    Suggestions that only wait for tomorrow's check-in share one note and offer no buttons.
    With `scrolls` False (on the session summary, whose middle scrolls as one) it is as tall
    as its cards at its width and never scrolls on its own. `at`: the time now (the note says
    when the check-in comes), the window's wall clock.

    Signals: decided(Recommendation, bool): True for Accept, False for Not now.
    """

    decided = Signal(object, bool)

    def __init__(
        self,
        routine: Routine,
        recommendations: list[Recommendation],
        parent: QWidget | None = None,
        *,
        heading: str | None = None,
        scrolls: bool = True,
        at: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.scrolls = scrolls
        if not scrolls:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.routine = routine  # the routine as last saved: decisions build on it
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons in it
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self)
        self.body.setObjectName("page")
        layout = self._body_layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = _label(
            _("Suggestions for next time") if heading is None else heading, self.body
        )
        layout.addWidget(self.heading)
        exercises = {ex.id: ex for ex in routine.exercises}
        names = {ex_id: ex.name for ex_id, ex in exercises.items()}
        order = sorted(recommendations, key=lambda r: -_urgency(r))
        self.cards = [
            _Card(r, exercises.get(r.exercise_id), self) for r in order if not waits_for_morning(r)
        ]
        for card in self.cards:
            layout.addWidget(card)
        waiting = [names.get(r.exercise_id, r.exercise_id) for r in order if waits_for_morning(r)]
        note = _("{exercises}: {note}").format(
            exercises=", ".join(waiting),
            note=after_colon(morning_note(at or datetime.now().astimezone())),
        )
        self.note = _label(note if waiting else "", self.body)
        self.note.setObjectName("card")
        back, edge = current().cards[None]
        self.note.setStyleSheet(
            f"QLabel#card {{ background: {back}; border: 3px solid {edge};"
            " border-radius: 10px; padding: 10px 16px; }"
        )
        self.note.setVisible(bool(waiting))
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setWidget(self.body)
        self._show_keys()

    def pending(self) -> _Card | None:
        """The first card still waiting for an answer (the one the keys answer)."""
        return next((card for card in self.cards if card.awaiting), None)

    def answer_next(self, accepted: bool) -> bool:
        """A key: answer the first open card; False when there is none."""
        card = self.pending()
        if card is None:
            return False
        self.decided.emit(card.rec, accepted)
        return True

    def mark(self, rec: Recommendation, text: str) -> None:
        """Show how a suggestion was answered in place of its buttons; the next one in view."""
        for card in self.cards:
            if card.rec is rec:
                card.close_with(text)
        following = self._show_keys()
        self.updateGeometry()  # an answer in place of the buttons: another height
        area = self if self.scrolls else _scroll_area_above(self)
        if following is not None and area is not None:
            area.ensureWidgetVisible(following)

    def _show_keys(self) -> _Card | None:
        following = self.pending()
        for card in self.cards:
            card.show_keys(card is following)
        return following

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Type follows the page's height: in the summary's middle, that of the page around the
        # scroll area, not of the body in it, which grows with the type (and grew it again).
        above = self if self.scrolls else _scroll_area_above(self)
        page = above.parentWidget() if above is not None else None
        self.fit(max(300, page.height() if page is not None else self.height()))

    def fit(self, h: float) -> None:
        """Type sizes for a page `h` pixels high."""
        set_px(self.heading, h * 0.036, bold=True)
        set_px(self.note, max(h * BODY_SHARE, READABLE_PX))
        for card in self.cards:
            card.fit(h)
        # Lay the body out again for the new type: called from a resize, its layout kept the
        # heights of the old type (the note's two lines cut to one at 1280 x 800), since the
        # body's own size did not change after it.
        self._body_layout.invalidate()
        if not self.scrolls:
            self.updateGeometry()  # as tall as the cards in their new type
        elif not self.cards:  # a note alone: no empty scroll area under it
            high = self.body.heightForWidth(self.width())
            self.setMaximumHeight(high if high > 0 else self.body.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return not self.scrolls or super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        """Not scrolling: the height its cards take at `width` (a QScrollArea has none)."""
        if self.scrolls:
            return super().heightForWidth(width)
        return self.body.heightForWidth(width - 2 * self.frameWidth()) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint if self.scrolls else QSize(hint.width(), self.heightForWidth(hint.width()))


def _scroll_area_above(widget: QWidget) -> QScrollArea | None:
    """The scroll area `widget` is in (the summary's middle), if any."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _urgency(rec: Recommendation) -> int:
    """Cards go most urgent first: see someone, step back, more, keep the dose."""
    return (
        DoseAction.STAY,
        DoseAction.PROGRESS,
        DoseAction.STEP_BACK,
        DoseAction.SEE_CLINICIAN,
    ).index(rec.action)


class MorningAdvicePage(QWidget):
    """After the morning check-in: the suggestions it made possible, then on to the library.

    Signals: done().
    """

    done = Signal()

    def __init__(
        self,
        panels: list[RecommendationsPanel],
        parent: QWidget | None = None,
        *,
        heading: str | None = None,  # from the library: not after a check-in
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.panels = panels
        self.heading = QLabel(heading or _("Thank you. With this morning's check-in:"), self)
        plain(self.heading)  # it may name a routine
        self.heading.setWordWrap(True)
        self.setAccessibleName(self.heading.text())  # it has the focus as it comes (no panel)
        self.continue_button = QPushButton(
            _("Continue") + f"   [{key_name(Key.ACCEPT, Mode.CHECKIN)}]", self
        )
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.continue_button.clicked.connect(self.done.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        for panel in panels:
            panel.setParent(self)
            layout.addWidget(panel, 1)
        layout.addLayout(row)
        stops = [stop for panel in panels for stop in tab_stops(panel)]
        if stops:  # Tab goes through the suggestions before Continue, as they read
            tab_after(stops[-1], [self.continue_button])

    def answer_next(self, accepted: bool) -> bool:
        return any(panel.answer_next(accepted) for panel in self.panels)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.heading, h * 0.05, bold=True)
        set_px(self.continue_button, h * 0.04, bold=True)

"""The pain question after each set: a 0-10 scale in the window, answered by one key or click."""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.steps import Side
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.a11y import name_and_keys
from hiptimer.ui.focus_ring import ring_colour
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import BASE_FONT_PX, current, px, set_exact_px, set_px, text_scale
from hiptimer.ui.widgets.item_lines import plain_spaces, unbroken_items
from hiptimer.ui.widgets.layout_fit import SHRINK_STEPS, first_whole, fits_whole
from hiptimer.ui.widgets.plain import ElidedLabel, in_our_direction, plain
from hiptimer.ui.widgets.score_scale import RatingButton, anchor_cells, rating_style

ANCHORS = {
    0: N_("none"),
    2: N_("mild \u2014 safe"),
    5: N_("upper limit\nof acceptable"),
    10: N_("worst\nimaginable"),
}
# What the scale means, for a screen reader: the words under it are only drawn.
MEANING = N_("0 is no pain, 10 the worst imaginable.")
# The least size of the scale's words read from a mat 2 m away: at 100 % on 1024 x 600 with
# a notice showing they were 9 px, which the window's captions then make way for.
LEGIBLE_PX = 14
GAP = 12  # px between the question, the scale and the key hint, at full size
KEY_HINT = N_("Press 0\u20139, or T for 10  \u00b7  K to skip")
CHANGE_HINT = N_("Press 0\u20139, or T for 10  \u00b7  K for no rating")
LOWER = N_("Continue at a lower dose")
SMALLEST = N_("Already the smallest dose")
A_TEST = N_("A re-test keeps its time")  # no lower dose: a shorter test would not compare
# Each choice in the theme's colours of the suggestion it is like: stopping as a warning,
# a lower dose as a step back, going on as a plain button (None).
CHOICES: tuple[tuple[PainChoice, Action, str, DoseAction | None], ...] = (
    (PainChoice.STOP, Action.STOP_EXERCISE, N_("Stop this exercise for today"),
     DoseAction.SEE_CLINICIAN),
    (PainChoice.LOWER, Action.LOWER_DOSE, LOWER, DoseAction.STEP_BACK),
    (PainChoice.CONTINUE, Action.CONTINUE, N_("Continue"), None),
)  # fmt: skip


def set_label(record: SetRecord | None) -> str:
    """'Bridge, set 2, right side' for the question's heading."""
    if record is None:
        return ""
    values = {"name": record.exercise_name, "n": record.set_number}
    if record.side is None:
        return _("{name}, set {n}").format(**values)
    if record.side is Side.LEFT:
        return _("{name}, set {n}, left side").format(**values)
    return _("{name}, set {n}, right side").format(**values)


def scale_tip(n: int, key: str, anchor: str | None) -> str:
    """A scale button's tooltip, which a reader says as its description: with the words
    drawn under it, if any ("Pain 10 out of 10: worst imaginable (key: T)")."""
    if anchor is None:
        return _("Pain {n} out of 10 (key: {key})").format(n=n, key=key)
    meaning = " ".join(translate(anchor).split())
    return _("Pain {n} out of 10: {meaning} (key: {key})").format(n=n, meaning=meaning, key=key)


class PainPrompt(QWidget):
    """A panel inside the workout screen (not a dialog: the session and voice go on).

    It shows the 0-10 scale, or after a rating above the limit the three choices, and
    reports clicks; keys reach the same commands through the main window.

    Signals: rated(int), skipped(), chosen(PainChoice), change_requested() (back to the
    scale from the choice: the rating was a slip); short_of_room(), fitted at its least and
    still not whole (the page may give it more).
    """

    rated = Signal(int)
    skipped = Signal()
    chosen = Signal(object)
    change_requested = Signal()
    short_of_room = Signal()

    def __init__(self, pain_limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pain_limit = pain_limit
        self._words_px: float = LEGIBLE_PX  # the scale's words' size as fitted, unfloored
        self._stack = QStackedLayout(self)
        self._scale_panel = self._build_scale()
        self._choice_panel = self._build_choices()
        self._stack.addWidget(self._scale_panel)
        self._stack.addWidget(self._choice_panel)

    # ------------------------------------------------------------ building

    def _build_scale(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        self.question = QLabel(_("How much pain did that set cause?"), panel)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.about = ElidedLabel("", panel)  # the exercise's name, in one line
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about.setProperty("role", "muted")
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.scale_buttons: list[RatingButton] = []
        self._anchor_labels: list[QLabel] = []
        for n in range(11):
            button = RatingButton(n, panel)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            key = "T" if n == 10 else str(n)
            button.setToolTip(scale_tip(n, key, ANCHORS.get(n)))
            button.setStyleSheet(rating_style(n))
            button.clicked.connect(lambda _=False, r=n: self.rated.emit(r))
            grid.addWidget(button, 0, n)
            self.scale_buttons.append(button)
            if n in ANCHORS:
                # Anchors are wider than a button: centred over three columns, the end ones
                # aligned to the outer edge of their two.
                anchor = QLabel(translate(ANCHORS[n]), panel)
                first, span, side = anchor_cells(n)
                anchor.setAlignment(side | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(anchor, 1, first, 1, span)
                self._anchor_labels.append(anchor)
        self.limit_label = QLabel("", panel)
        self.limit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.limit_label.setWordWrap(True)  # two lines rather than under LEGIBLE_PX
        self.limit_label.setProperty("role", "warning")
        self.hint = QLabel(unbroken_items(translate(KEY_HINT)), panel)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)  # between its items: cut at both ends where too wide
        self.skip_button = QPushButton(_("Skip rating"), panel)
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.skip_button.setToolTip(
            _("Go on without rating (key: {key})").format(key=KEY_NAMES[Action.SKIP_RATING])
        )
        self.skip_button.clicked.connect(self.skipped.emit)
        skip_row = QHBoxLayout()
        skip_row.addStretch(1)
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(self.about)
        # Gaps that close as the panel shrinks, before its words get smaller than legible.
        self._gaps = [QSpacerItem(0, GAP, QSizePolicy.Policy.Minimum) for _ in range(2)]
        layout.addItem(self._gaps[0])
        layout.addLayout(grid)
        layout.addWidget(self.limit_label)
        layout.addItem(self._gaps[1])
        layout.addWidget(self.hint)
        layout.addLayout(skip_row)
        layout.addStretch(1)
        return panel

    def _build_choices(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        self.choice_heading = QLabel("", panel)
        self.choice_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choice_heading.setWordWrap(True)
        self.choice_heading.setProperty("role", "warning")
        plain(self.choice_heading)
        layout.addStretch(1)
        layout.addWidget(self.choice_heading)
        layout.addSpacing(16)
        self.choice_buttons: dict[PainChoice, QPushButton] = {}
        p = current()
        for choice, action, text, kind in CHOICES:
            back, edge = p.cards[kind] if kind is not None else (p.button, p.button_border)
            key = KEY_NAMES[action]
            text = translate(text)
            button = QPushButton(f"{text}   [{key}]", panel)
            button.setStyleSheet(
                f"QPushButton {{ background: {back}; color: {p.ink}; border: 3px solid {edge}; }}"
                f" QPushButton:focus {{ border: 5px solid {ring_colour(p.focus, edge, p.ink)}; }}"
                # Greyed as any button that does nothing (the lower dose at the smallest one).
                f" QPushButton:disabled {{ background: {p.button}; color: {p.disabled};"
                f" border: 3px solid {p.button_border}; }}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(_("{action} (key: {key})").format(action=text, key=key))
            button.clicked.connect(lambda _=False, c=choice: self.chosen.emit(c))
            layout.addWidget(button)
            self.choice_buttons[choice] = button
        key = KEY_NAMES[Action.CHANGE_RATING]
        label = _("Change the rating")
        self.change_button = QPushButton(f"{label}   [{key}]", panel)
        self.change_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.change_button.setToolTip(
            _("Back to the scale: that rating was a slip (key: {key})").format(key=key)
        )
        self.change_button.clicked.connect(self.change_requested.emit)
        change_row = QHBoxLayout()
        change_row.addStretch(1)
        change_row.addWidget(self.change_button)
        change_row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(change_row)
        layout.addStretch(1)
        return panel

    # ------------------------------------------------------------ showing

    @property
    def asking_choice(self) -> bool:
        return self._stack.currentWidget() is self._choice_panel

    @property
    def panel(self) -> QWidget:
        """The panel shown: the scale's or the choice's."""
        return self._choice_panel if self.asking_choice else self._scale_panel

    def ask_rating(self, record: SetRecord | None, *, changing: bool = False) -> None:
        """The scale; `changing`: again, for a rating just given (K then removes it)."""
        if changing and record is not None and record.pain is not None:
            self.question.setText(
                _("Change the rating of {pain}: how much pain did it cause?").format(
                    pain=record.pain
                )
            )
            self.skip_button.setText(_("No rating"))
            self.hint.setText(unbroken_items(translate(CHANGE_HINT)))
        else:
            self.hint.setText(unbroken_items(translate(KEY_HINT)))
            self.question.setText(_("How much pain did that set cause?"))
            self.skip_button.setText(_("Skip rating"))
        self.about.setText(in_our_direction(set_label(record)))
        # The name is the page's heading too: at 800 x 600 in large print, Spanish, it is what
        # gives way, not the set and side ("…, serie 1, lado derec…").
        self.about.cut_first(record.exercise_name if record is not None else "")
        self.limit_label.setText(
            _("Your limit is {limit}: above it you choose what to do next.").format(
                limit=self.pain_limit
            )
        )
        # The panel takes the focus as it comes (focus_question): a screen reader says its
        # name and description then, as it would a dialog's (see focus_question).
        self._scale_panel.setAccessibleName(self.question.text())
        about = f"{self.about.text()}." if self.about.text() else ""
        words = [about, self.limit_label.text(), translate(MEANING), spoken(self.hint.text())]
        self._scale_panel.setAccessibleDescription(" ".join(w for w in words if w))
        self._stack.setCurrentWidget(self._scale_panel)
        self._fit_now()

    def ask_choice(self, record: SetRecord | None, *, can_lower: bool = True) -> None:
        """The three choices; at the smallest dose (5 s, 1 rep) or on a re-test the lower one
        says so, off."""
        lower = self.choice_buttons[PainChoice.LOWER]
        lower.setEnabled(can_lower)
        key = KEY_NAMES[Action.LOWER_DOSE]
        retest = record is not None and bool(record.result_unit)  # only a re-test has a unit
        off = translate(A_TEST if retest else SMALLEST)
        text = f"{translate(LOWER)}   [{key}]" if can_lower else off
        lower.setText(text)
        pain = record.pain if record is not None else None
        heading = _("Pain {pain} out of 10 is above your limit of {limit}.\nWhat now?").format(
            pain=pain, limit=self.pain_limit
        )
        self.choice_heading.setText(heading)
        # Tab reaches the choices, not the heading: each is read with the question it answers,
        # then its key; not its name again, as the tooltip has it (Orca 43 said "Continue
        # push button. Pain 7 ... What now? Continue (key: C)").
        question = " ".join(heading.split())
        for button in self.choice_buttons.values():
            keys = name_and_keys(button.text())[1]
            button.setAccessibleDescription(f"{question} {key_hint(keys)}" if keys else question)
        self._choice_panel.setAccessibleName(" ".join(heading.split()))
        self._choice_panel.setAccessibleDescription(set_label(record))
        self._stack.setCurrentWidget(self._choice_panel)
        self._fit_now()

    def focus_question(self) -> None:
        """Give the keyboard focus to the panel shown, named by its question, so a screen
        reader says the question as it comes: Orca 43 does not hear the announcement of it
        (a11y.announce), only what takes the focus. The panel is no Tab stop and no button,
        so Space and Enter still do what the key map says, and Tab goes on to the scale."""
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def cramped(self) -> bool:
        """Whether the scale's words would be smaller than LEGIBLE_PX in the room it has now
        (they are drawn at it, the panel then hardly whole)."""
        return self._words_px < LEGIBLE_PX

    def _fit_now(self) -> None:
        """Fit the question just asked, unless the page is about to show it at a new size: Qt
        then sends the resize it holds for a hidden widget (its pending resize event) as the
        prompt shows, and the fit there is the one that counts. Fitting at the size a hidden
        prompt had (100 x 30 before it was first shown) and again at that resize was ~3 % of
        the UI tests' CPU (docs/performance.md, session 19)."""
        pending = self.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent)
        if not (pending and self.isHidden() and self.window().isVisible()):
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Sizes follow the window; where the panel shown would not be whole (large print on
        1024 x 768), everything shrinks a step at a time, to 60 % at most, until it is: the
        layout squeezed the scale's words onto its buttons, and the choices onto each other."""
        # Not shrink_to_fit, which fits a page's own layout: the prompt's is a stack of its two
        # panels, as large as the larger, so the panel shown is measured against the prompt;
        # and the small buttons are fitted after the rest, before anything is placed.
        height = max(300, self.height())
        layout = self.panel.layout()
        assert layout is not None  # each panel is built with one
        whole = partial(fits_whole, layout, self)
        first_whole([height * shrink for shrink in SHRINK_STEPS], self._scale_fonts, whole)
        # "Skip rating" and "Change the rating" follow the window at a small share of it (15 px
        # at 150 % on 1024 x 768): they grow to the body text's size where the panel has the
        # room, or as near it as the room allows, never taking it from the question.
        small = self.change_button.font().pixelSize()
        first_whole(range(max(small, px(BASE_FONT_PX)), small - 1, -1), self._small_buttons, whole)
        layout.activate()  # placed now, in the new fonts: not one frame later
        if not whole():
            self.short_of_room.emit()

    def _small_buttons(self, size: int) -> None:
        set_exact_px(self.skip_button, size)
        set_exact_px(self.change_button, size)

    def _scale_fonts(self, height: float) -> None:
        """Sizes follow the window: legible from the mat at any window size. The limit's
        line and the scale's words never under LEGIBLE_PX (at 150 % on 1024 x 600 they were
        11 px at the 60 %): the gaps close and the limit's line wraps instead."""
        shrink = height / max(300, self.height())  # of the full size: 1.0 to 0.6
        gap = round(GAP * max(0.0, shrink - SHRINK_STEPS[-1]) / (1 - SHRINK_STEPS[-1]))
        for item in self._gaps:
            item.changeSize(0, gap, QSizePolicy.Policy.Minimum)
        set_px(self.question, height * 0.085, bold=True)
        set_px(self.about, height * 0.055)
        set_px(self.choice_heading, height * 0.075, bold=True)
        set_px(self.hint, height * 0.055, bold=True)
        legible(self.limit_label, height * 0.042)
        set_px(self.skip_button, height * 0.04)
        set_px(self.change_button, height * 0.04)
        side = int(min(height * 0.24, self.width() / 12.2))
        for rating in self.scale_buttons:
            rating.setFixedSize(side, side)
            set_exact_px(rating, side * 0.45, bold=True)  # fitted to the square
        self._words_px = height * 0.042 * text_scale()
        for label in self._anchor_labels:
            legible(label, height * 0.042, bold=True)
        for button in self.choice_buttons.values():
            button.setMinimumHeight(int(height * 0.16))
            set_px(button, height * 0.07, bold=True)


def legible(label: QLabel, size: float, *, bold: bool = False) -> None:
    """set_px, never under LEGIBLE_PX."""
    set_exact_px(label, max(LEGIBLE_PX, size * text_scale()), bold=bold)


def spoken(text: str) -> str:
    """A key hint's dot ("0-9, or T for 10  ·  K to skip") as a pause for a reader."""
    return re.sub(r"\s*\u00b7\s*", "; ", plain_spaces(text)).strip()

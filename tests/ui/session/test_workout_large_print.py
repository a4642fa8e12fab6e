"""Tests for the workout screen in large print on a small screen: every part whole and readable."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.keys import Action
from hiptimer.ui.widgets.plain import ElidedLabel
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import SMALL, WIDE, Page, Size, second_set_counted
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


Counting = Callable[[int, tuple[int, int]], Page]


@pytest.fixture
def counting(qtbot: QtBot, app_look: QApplication) -> Iterator[Counting]:
    """counting(text_size, size): a self-paced set (all eleven buttons shown) in high contrast
    at `text_size` per cent on a page of `size`."""
    qapp = app_look
    made: list[Page] = []

    def start(text_size: int, size: tuple[int, int]) -> Page:
        theme.apply(qapp, "high-contrast", text_size)
        p = second_set_counted(qtbot, size)
        made.append(p)
        return p

    yield start
    for p in made:
        p.driver.stop()


def test_large_print_on_a_small_screen_puts_the_buttons_in_two_readable_rows(
    counting: Counting,
) -> None:
    # high-contrast-large-print-1024x768.png: at 150 % the eleven buttons shrank to 11-12 px
    # in one row, smaller than at 100 %; in two rows the hidden pain question's height held
    # the countdown, and the second row went under the window's edge.
    p = counting(150, SMALL)
    p.page.show_caption("Gentle hip rotation, right side. Eight reps. Press enter for each rep.")
    p.settle()
    # What the page needs fits the window: the hidden pain question's height is not counted.
    assert p.page.minimumSizeHint().height() <= SMALL[1]
    asked = p.page.height() * 0.024 * 1.5
    boxes = [p.box(b) for b in p.buttons()]
    assert len({b.top() for b in boxes}) == 2  # two rows
    for button, box in zip(p.buttons(), boxes, strict=True):
        assert button.font().pixelSize() >= 0.6 * asked, button.text()
        assert p.page.contentsRect().contains(box), button.text()  # whole, on the page
        assert box.height() >= button.sizeHint().height(), button.text()  # key not cut
        assert not any(box.intersects(other) for other in boxes if other != box)
    above = [p.page.time_left, p.page.progress, p.page.caption, p.page.big]
    assert all(p.box(w).bottom() < min(b.top() for b in boxes) for w in above)
    # The count, read from the mat, keeps most of its room: the two rows' words grow to a
    # little over their 100 % size, not to the whole 150 % (69 px of count at that).
    assert p.page.big.pixel_size() >= 90


@pytest.mark.parametrize("size", [SMALL, WIDE])
def test_at_100_percent_the_buttons_keep_one_row(counting: Counting, size: tuple[int, int]) -> None:
    p = counting(100, size)
    assert len({p.box(b).top() for b in p.buttons()}) == 1


def test_large_print_puts_the_time_left_above_the_bar_rather_than_squeeze_it(
    counting: Counting,
) -> None:
    # high-contrast-large-print-1024x768.png: "Sound off" and "17:30 left after this set"
    # left the progress bar a third of the row.
    p = counting(150, SMALL)
    line = p.page.progress_line
    assert p.page.sound_off.isVisible() and line.above
    words, bar = p.box(p.page.time_left), p.box(p.page.progress)
    assert bar.width() >= 0.9 * line.width()  # the row's whole width, under the words
    assert words.bottom() < bar.top()
    assert words.width() >= p.page.time_left.sizeHint().width()  # whole, on one line
    assert p.page.time_left.font().pixelSize() >= p.page.height() * 0.034 * 1.5 - 1  # 150 %


@pytest.mark.parametrize("size", [SMALL, WIDE])
def test_at_100_percent_the_time_left_stays_beside_the_bar(
    counting: Counting, size: tuple[int, int]
) -> None:
    p = counting(100, size)
    assert not p.page.progress_line.above
    assert p.box(p.page.time_left).top() <= p.box(p.page.progress).center().y()
    assert p.page.progress.width() >= p.page.progress_line.width() / 2


def test_in_a_rest_the_countdown_under_the_figure_shares_the_height_with_it(
    qtbot: QtBot, app_look: QApplication
) -> None:
    steps = ("Lie face up with your legs out long.", "Draw one knee up.", "Extend the knee.")
    stretch = hold("hamstring-stretch", 30, 3, name="Hamstring stretch",
                   setup=steps, caution="Stop if the stretch becomes painful.")  # fmt: skip
    theme.apply(app_look, "dark", 100)
    p = Page(qtbot, quick_routine(stretch), WIDE)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 0)
        p.settle()
        assert p.driver.engine.step.kind is StepKind.REST
        assert p.page.figure.isVisible() and p.page.coaching.isVisible()
        # rest.png: under the figure's 226 px the countdown had 102 px (a 113 px font).
        big, figure = p.box(p.page.big), p.box(p.page.figure)
        assert figure.bottom() < big.top()  # the figure above the countdown
        assert big.height() >= 130 and figure.height() >= 130  # they share the column
        assert p.page.big.pixel_size() >= 140
    finally:
        p.driver.stop()


# The heading's size (px) at 100 % on 1024 x 768: large print may shrink it, never below.
HEADING_100 = {False: 32, True: 28}


def ink(widget: QWidget, box: QRect) -> QRect:
    """Where a label draws its words in `box` (the scale's word cells overlap by design);
    a button's, or an eliding label's (its words end in "..." at its edge), whole box."""
    if not isinstance(widget, QLabel) or isinstance(widget, ElidedLabel):
        return box
    wrap = Qt.TextFlag.TextWordWrap if widget.wordWrap() else Qt.AlignmentFlag(0)
    flags = int(widget.alignment().value) | int(wrap.value)
    return widget.fontMetrics().boundingRect(box, flags, widget.text())


LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


@pytest.mark.parametrize("choice", [False, True], ids=["rating", "choice"])
def test_large_print_on_a_small_screen_shows_the_pain_question_whole(
    qtbot: QtBot, app_look: QApplication, choice: bool
) -> None:
    # pain.png and choice.png at 150 % on 1024 x 768: the scale's words were drawn over its
    # buttons, the limit's sentence ran into them, "What now?" was lost and the three
    # choices touched, while the caption repeating the question kept its two lines.
    theme.apply(app_look, "dark", 150)
    p = Page(qtbot, quick_routine(hold("abduction", 6, 2, name=LONG_NAME)), SMALL)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        p.page.show_caption("That is above five. Stop, go lighter, or carry on?")
        if choice:
            p.page.perform(Action.RATE, p.driver.engine.pain_limit + 3)
            assert p.page.pain.asking_choice
        p.settle()
        question_whole_and_apart(p, choice)
        # The question keeps a large-print size: more than its 100 % size at 1024 x 768.
        heading = p.page.pain.choice_heading if choice else p.page.pain.question
        assert heading.font().pixelSize() >= HEADING_100[choice]
        # The caption, which repeats the question aloud, and the "Next:" line gave their room.
        assert not p.page.caption.isVisible() and not p.page.next_line.isVisible()
        p.page.perform(Action.CONTINUE if choice else Action.RATE, 2)
        p.settle()
        assert p.page.caption.isVisible() and p.page.next_line.isVisible()  # back after it
    finally:
        p.driver.stop()


def question_whole_and_apart(p: Page, choice: bool) -> None:
    """Each part of the pain question (or the choice) shown whole on the page, none on another."""
    panel = p.page.pain.panel
    shown = [w for w in panel.findChildren(QWidget) if w.isVisible()]
    assert len(shown) >= (5 if choice else 16)
    page = p.page.contentsRect()
    boxes = {w: p.box(w) for w in shown}
    inks = {w: ink(w, box) for w, box in boxes.items()}
    for w, box in boxes.items():
        name = getattr(w, "text", lambda: "")()
        assert page.contains(box) and box.contains(inks[w]), name  # whole, on the page
        tall = w.heightForWidth(box.width())  # a wrapped label's lines at its width
        assert box.height() >= (tall if tall > 0 else w.sizeHint().height()), name
        assert box.width() >= w.minimumSizeHint().width(), name
        assert not any(inks[w].intersects(o) for v, o in inks.items() if v is not w), name


@pytest.mark.parametrize("choice", [False, True], ids=["rating", "choice"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_in_large_print_the_pain_question_is_whole_and_the_notes_come_back(
    qtbot: QtBot,
    app_look: QApplication,
    request: pytest.FixtureRequest,
    choice: bool,
    language: str,
) -> None:
    # pain-text150-es.png at 640 x 480 (session 25): the scale's words drawn over its buttons
    # (218 px for the 236 the question needs at its least), the choices' words cut at their
    # tops (259 for 199 in Spanish, the time left above its bar). The dose's note and the
    # progress line give their room too, while asked; both are back once it is answered.
    i18n.use(language)
    request.addfinalizer(lambda: i18n.use("en"))
    theme.apply(app_look, "dark", 150)
    p = Page(qtbot, quick_routine(hold("abduction", 6, 2, name=LONG_NAME)), (640, 443))
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        p.page.perform(Action.MORE, 0)  # "Hold now 11 s (was 6 s)" under the question
        p.until(StepKind.PAIN)
        if choice:
            p.page.perform(Action.RATE, p.driver.engine.pain_limit + 3)
        p.settle()
        p.settle()
        question_whole_and_apart(p, choice)
        p.page.perform(Action.CONTINUE if choice else Action.RATE, 2)
        p.settle()
        assert p.page.dose_note.isVisible() and p.page.progress_line.isVisible()
    finally:
        p.driver.stop()


@pytest.mark.parametrize(
    ("text_size", "choice", "least"),
    [(100, False, 1.0), (100, True, 1.0), (150, True, 1.0), (150, False, 0.85)],
    ids=["100-rating", "100-choice", "150-choice", "150-rating"],
)
def test_skip_and_change_the_rating_grow_to_the_body_text_where_there_is_room(
    qtbot: QtBot, app_look: QApplication, text_size: int, choice: bool, least: float
) -> None:
    # At 150 % on 1024 x 768 they stayed at 22 px (15 px under the "No voice" notice) beside
    # 27 px body text. The rating's panel has 5 px too few for the whole 27 px there: "Skip
    # rating" takes what there is (23 px), never the question's.
    theme.apply(app_look, "dark", text_size)
    p = Page(qtbot, quick_routine(hold("abduction", 6, 2, name=LONG_NAME)), SMALL)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        if choice:
            p.page.perform(Action.RATE, p.driver.engine.pain_limit + 3)
        p.settle()
        pain = p.page.pain
        button = pain.change_button if choice else pain.skip_button
        assert button.isVisible()
        assert button.font().pixelSize() >= least * theme.px(theme.BASE_FONT_PX)
        heading = pain.choice_heading if choice else pain.question
        assert heading.font().pixelSize() >= HEADING_100[choice] * text_size / 100
    finally:
        p.driver.stop()


def _builtin(exercise_id: str) -> Exercise:
    for path in sorted(paths.builtin_routines_dir().glob("*.json")):
        for ex in load_routine(path, builtin=True).exercises:
            if ex.id == exercise_id:
                return ex
    raise LookupError(exercise_id)


def _get_ready(qtbot: QtBot, qapp: QApplication, ex: Exercise, text_size: int, size: Size) -> Page:
    theme.apply(qapp, "dark", text_size)
    p = Page(qtbot, quick_routine(ex, hold("walk", 60, name="Easy walking")), size)
    p.driver.start()
    p.until(StepKind.GET_READY)
    p.page.show_caption(f"Get ready: {ex.name}. Right side first.")  # two lines at 150 %
    p.settle()
    return p


# The built-in exercises with the most words in their steps and caution, and the hamstring
# stretch (the first get-ready of the daily stretches).
@pytest.mark.parametrize(
    "exercise_id", ["hip-hiker", "standing-knee-raise", "lunge-pelvic-control", "hamstring-stretch"]
)
@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024x768", "1280x800"])
@pytest.mark.parametrize("text_size", [125, 150])
def test_large_print_never_shows_the_steps_smaller_than_normal_print(
    qtbot: QtBot, app_look: QApplication, exercise_id: str, size: Size, text_size: int
) -> None:
    """At 150 % on 1024 x 768 the steps beside the countdown came out at 21 px where they had
    24 px at 100 % (the hip hiker's at 18 px): the caption, two lines of 43 px, and Up next took
    their height. While the steps show, the caption and Up next keep their normal size, and the
    steps take more of the row where they still need it; the countdown stays the largest."""
    ex = replace(_builtin(exercise_id), enabled=True)  # the short lunge is off by default
    normal = _get_ready(qtbot, app_look, ex, 100, size)
    try:
        normal_px = normal.page.coaching.steps[0].font().pixelSize()
        normal_shown = [row.isVisible() for row in normal.page.coaching.rows]
    finally:
        normal.driver.stop()
    p = _get_ready(qtbot, app_look, ex, text_size, size)
    try:
        page, panel = p.page, p.page.coaching
        assert panel.isVisible()
        assert [row.isVisible() for row in panel.rows] == normal_shown  # no step left out
        for label in (*panel.steps, panel.caution):
            assert label.font().pixelSize() >= normal_px, label.text()
            if label.isVisibleTo(panel):  # whole: every line of it
                assert label.height() >= label.heightForWidth(label.width()), label.text()
                assert p.box(panel).contains(p.box(label)), label.text()
        assert page.big.pixel_size() >= 4 * normal_px  # the countdown: by far the largest
        h = page.height()  # the caption and Up next at their normal size while the steps show
        assert page.caption.font().pixelSize() == int(h * 0.042)
        assert page.next_line.font().pixelSize() == int(h * 0.036)
    finally:
        p.driver.stop()


def whole_line(label: QLabel) -> bool:
    """Shown, its one line of words no wider than the label (a centred one is cut at both ends)."""
    return label.isVisible() and label.fontMetrics().horizontalAdvance(label.text()) <= (
        label.contentsRect().width()
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_rest_s_rating_and_dose_notes_are_whole_on_an_800_x_600_screen_in_large_print(
    qtbot: QtBot, app_look: QApplication, request: pytest.FixtureRequest, language: str
) -> None:
    # rest-text150-es.png (session 25): "…orada 2/10 · Retroceso: camb" beside "…ra mantén
    # 11 s (antes…", two centred labels in one row of 756 px that needed 898, each cut.
    i18n.use(language)
    request.addfinalizer(lambda: i18n.use("en"))
    theme.apply(app_look, "dark", 150)
    name = "Side-lying hip abduction with a resistance band just above both knees"
    p = Page(qtbot, quick_routine(hold("abduction", 6, sets=2, name=name)), (788, 500))
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        p.page.perform(Action.MORE, 0)  # "Hold now 11 s (was 6 s)"
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 2)  # "Rated 2/10 · Backspace: change"
        p.settle()
        assert p.driver.engine.step.kind is StepKind.REST
        rating, dose = p.box(p.page.rating_note), p.box(p.page.dose_note)
        assert whole_line(p.page.rating_note) and whole_line(p.page.dose_note)
        assert not rating.intersects(dose)
        # Side by side, no smaller than at 100 % (15 and 18 px): a second row of notes took
        # the rest's steps' room, "4. L..." left of the last one.
        assert rating.top() < dose.bottom() and dose.top() < rating.bottom()
        assert p.page.rating_note.font().pixelSize() >= 15
        assert p.page.dose_note.font().pixelSize() >= 18
        page = p.page.contentsRect()
        assert page.contains(rating) and page.contains(dose)
        # Above the progress bar, below the countdown and steps.
        assert max(rating.bottom(), dose.bottom()) < p.box(p.page.progress_line).top()
    finally:
        p.driver.stop()

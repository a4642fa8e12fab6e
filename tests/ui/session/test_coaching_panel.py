"""The steps and caution beside the countdown: whole, or left out, never cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.session.coaching_panel import MIN_PX, CoachingPanel
from tests.harness import hold
from tests.ui.tour import CAUTION, STEPS


def whole(label: QLabel) -> bool:
    QApplication.processEvents()  # laid out
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_steps_that_cannot_fit_whole_are_left_out_and_the_caution_stays(qtbot: QtBot) -> None:
    # Large print on 960 x 540 (1920 x 1080 at 200 %) gave the panel 390 x 210 px: Qt cut
    # each of the four steps to less than a line and the caution's box to its edges, empty,
    # where README says the caution stays on screen.
    page = QWidget()  # a window would grow to its layout's minimum: a page's part does not
    qtbot.addWidget(page)
    page.resize(800, 700)
    panel = CoachingPanel(page)
    panel.show_exercise(hold("abduction", setup=STEPS, caution=CAUTION))
    panel.set_font_px(24 * 1.5)
    panel.resize(390, 210)
    page.show()
    qtbot.waitExposed(page)
    assert shown(panel) in ([0], [0, 1], [0, 1, 2])  # from the first, as many as fit whole
    assert all(whole(panel.steps[i]) for i in shown(panel)) and whole(panel.caution)
    panel.highlight(3)  # the voice reads the last step: it comes on screen, whole
    assert 3 in shown(panel) and len(shown(panel)) < 4
    assert all(whole(panel.steps[i]) for i in shown(panel)) and whole(panel.caution)
    panel.resize(700, 600)  # room for all: every step again, larger than the least size
    assert shown(panel) == [0, 1, 2, 3] and panel.font_px > MIN_PX
    assert all(whole(label) for label in [*panel.steps, panel.caution])


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_size_and_step_fitted_before_are_fitted_again_without_measuring(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each fit tries sizes from the largest down, and it runs at each resize and each step read
    # aloud: the same words at the same sizes were measured again every time.
    _page, panel = panel_on_page(qtbot, (800, 700), 36)
    rulers = [label for label in panel.findChildren(QLabel) if label.isHidden()]
    assert len(rulers) == 2  # the words' and the caution's, never shown
    measured = counted_measures(panel, monkeypatch)
    fits = []
    for size in [(390, 210), (700, 600), (390, 210), (700, 600)]:
        panel.resize(*size)
        for line in (3, -1):
            panel.highlight(line)
            fits.append((shown(panel), panel.font_px))
            assert all(whole(panel.steps[i]) for i in shown(panel)) and whole(panel.caution)
        if len(fits) == 4:
            first = len(measured)
            assert first > 0
    assert len(measured) == first  # the sizes again: nothing measured anew
    assert fits[4:] == fits[:4]  # and fitted as before


Measure = tuple[int, str, int, bool, int]  # which label, its words, px, bold, width


def counted_measures(panel: CoachingPanel, monkeypatch: pytest.MonkeyPatch) -> list[Measure]:
    """What the panel's two hidden measuring labels are asked heights for, from now on."""
    measured: list[Measure] = []
    for n, ruler in enumerate(label for label in panel.findChildren(QLabel) if label.isHidden()):

        def counted(width: int, n: int = n, ruler: QLabel = ruler) -> int:
            font = ruler.font()
            measured.append((n, ruler.text(), font.pixelSize(), font.bold(), width))
            return QLabel.heightForWidth(ruler, width)

        monkeypatch.setattr(ruler, "heightForWidth", counted)
    return measured


def panel_on_page(qtbot: QtBot, size: tuple[int, int], px: float) -> tuple[QWidget, CoachingPanel]:
    """The tour's exercise (four long steps and a caution) in a panel on a shown page (kept
    by the caller: the panel goes with it)."""
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(*size)
    panel = CoachingPanel(page)
    panel.show_exercise(hold("abduction", setup=STEPS, caution=CAUTION))
    panel.set_font_px(px)
    page.show()
    qtbot.waitExposed(page)
    return page, panel


def shown(panel: CoachingPanel) -> list[int]:
    QApplication.processEvents()  # laid out
    return [i for i, label in enumerate(panel.steps) if label.isVisible()]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_every_step_shown_and_the_caution_are_whole_at_every_size(qtbot: QtBot) -> None:
    # The panel's estimate of its height was short of the layout's (the heading by a pixel),
    # and after _fit changed the font the layout kept the rows' old heights until a later
    # frame: at 1366 x 768 at 125 % a get-ready step had 16 px of 34 for good.
    _page, panel = panel_on_page(qtbot, (900, 800), 20)
    cut = []
    for width, height in [(w, h) for w in range(400, 700, 37) for h in range(200, 420, 17)]:
        panel.resize(width, height)
        QApplication.processEvents()  # as a window's resize comes: laid out before the next
        for px, spoken in [(px, s) for px in (16, 24, 20, 30) for s in (-1, 3)]:
            panel.set_font_px(px)
            panel.highlight(spoken)
            # _fit lays the panel out at once: one pass of events, not two, shows it whole
            labels = [label for label in panel.steps if label.isVisible()] + [panel.caution]
            if not all(whole(label) for label in labels):
                cut.append((width, height, px, spoken))
    assert not cut


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_panel_with_no_room_yet_keeps_every_step_at_its_largest_size(qtbot: QtBot) -> None:
    # Before its page is laid out the panel may be 0 px (its size policy is Ignored): fitted
    # to that, every step but one would be left out and the font shrunk to the least. It
    # waits for room, then fits as usual.
    page = QWidget()
    qtbot.addWidget(page)
    panel = CoachingPanel(page)
    panel.resize(0, 0)
    panel.show_exercise(hold("abduction", setup=STEPS, caution=CAUTION))
    with qtbot.waitSignal(panel.fitted, timeout=0):
        panel.set_font_px(30)
    assert panel.font_px == 30 and not any(row.isHidden() for row in panel.rows)
    page.resize(800, 700)
    panel.resize(390, 210)
    page.show()  # the resize reaches a hidden panel when it is shown
    qtbot.waitExposed(page)
    assert MIN_PX <= panel.font_px < 30 and any(row.isHidden() for row in panel.rows)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_panel_never_shown_measures_nothing_until_it_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A session page is built before it is shown, its panel at a new widget's 100 x 30: a step
    # of 2,000 characters fitted to that was cut into ~2,600 parts of a letter or two, 3 s of
    # CPU at the session's start, every part measured again at the size the panel showed at.
    page = QWidget()
    qtbot.addWidget(page)
    panel = CoachingPanel(page)
    measured = counted_measures(panel, monkeypatch)
    long = " ".join(f"({n}) {STEPS[n % len(STEPS)]}" for n in range(12))
    panel.show_exercise(hold("abduction", setup=(long, *STEPS[1:]), caution=CAUTION))
    panel.set_font_px(30)
    assert measured == [] and panel.font_px == 30  # not fitted to a size no layout gave it
    page.resize(800, 700)
    panel.resize(390, 210)
    page.show()  # the resize reaches the panel as it is shown: fitted to its size then
    qtbot.waitExposed(page)
    assert measured and panel.paged and panel.font_px >= MIN_PX
    assert all(whole(panel.steps[i]) for i in shown(panel)) and whole(panel.caution)


STEP_IN_ARABIC = "\u0627\u0633\u062a\u0644\u0642\u0650 \u0639\u0644\u0649 \u0638\u0647\u0631\u0643."


def ink_left(label: QLabel) -> int:
    """How far from its left edge the label's words are drawn, in pixels."""
    image = label.grab().toImage()
    background = image.pixelColor(0, image.height() - 1)
    for x in range(image.width()):
        if any(image.pixelColor(x, y) != background for y in range(image.height())):
            return x
    return image.width()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_step_written_right_to_left_stands_beside_its_number(qtbot: QtBot) -> None:
    """The audit: a setup step all in Arabic was drawn at the panel's far edge, a panel's
    width from its number, as Qt aligns a paragraph that starts right to left."""
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(800, 700)
    panel = CoachingPanel(page)
    caution = "\u062a\u0648\u0642\u0641 \u0625\u0630\u0627 \u0622\u0644\u0645\u0643."
    panel.show_exercise(hold("bridge", setup=("Lie down.", STEP_IN_ARABIC), caution=caution))
    panel.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    english, arabic = panel.steps
    assert arabic.width() > 400 and ink_left(arabic) <= ink_left(english) + 2
    assert arabic.text().strip("\u200e\u200f") == STEP_IN_ARABIC  # its words as written
    assert arabic.text().endswith("\u200f")  # its full stop stays at its end, on the left


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_long_step_paged_through_measures_nothing_twice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each part of a step shows with a heading of its own ("part 2 of 9"), and each Down
    # measured the part's words again at every size under the new heading. In the window the
    # 512 heights kept were forgotten too, a dozen times in one large-print test at 1024 x 600
    # (~9,000 measures, ~0.1 s of CPU a Down): the steps, the heading and the caution are kept
    # apart now, and 2,048 of them.
    long = " ".join(f"({n}) {STEPS[n % len(STEPS)]}" for n in range(16))
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    panel = CoachingPanel(page)
    measured = counted_measures(panel, monkeypatch)
    panel.show_exercise(hold("abduction", setup=(long, *STEPS[1:]), caution=CAUTION))
    panel.set_font_px(36)
    panel.resize(600, 360)
    page.show()
    qtbot.waitExposed(page)
    first = panel.heading.text()
    rounds = []
    for _ in range(2):  # every part of the long step, then the other steps, and round again
        headings = [first]
        panel.next_page()
        while panel.heading.text() != first:
            assert all(whole(panel.steps[i]) for i in shown(panel)) and whole(panel.caution)
            headings.append(panel.heading.text())
            panel.next_page()
        rounds.append(headings)
    assert len(rounds[0]) > 3 and rounds[1] == rounds[0]
    assert len(set(measured)) == len(measured)

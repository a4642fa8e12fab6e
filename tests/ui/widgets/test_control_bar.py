"""Tests for the workout's button row: every button's words fit, however many are shown."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hiptimer.ui.keys import Action
from hiptimer.ui.widgets.control_bar import ControlBar


def shown_state(bar: ControlBar, *, counting: bool) -> None:
    bar.show_state(
        paused=False, counting=counting, reps=counting, muted=True, enabled=frozenset(Action),
        steps=False,
    )  # fmt: skip


def test_eleven_buttons_fit_a_1024_px_row_and_the_text_grows_back_with_room(
    qtbot: QtBot,
) -> None:
    bar = ControlBar()
    qtbot.addWidget(bar)
    bar.setMinimumSize(300, 40)  # a fixed minimum: the offscreen platform warns otherwise
    bar.resize(992, 50)  # a 1024 px window less its margins
    bar.show()
    shown_state(bar, counting=True)
    bar.set_font_px(18)
    shown = [b for b in bar.buttons.values() if b.isVisible()]
    assert len(shown) == 11

    def fits(button: QPushButton) -> bool:
        metrics = QFontMetrics(button.font())
        words = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
        return words + 2 * 8 <= button.width()  # no word cut off, nor the key under them

    qtbot.waitUntil(lambda: all(fits(b) for b in shown))
    small = shown[0].font().pixelSize()
    assert 12 <= small < 18
    bar.resize(1900, 50)
    qtbot.waitUntil(lambda: bar.buttons[Action.END].font().pixelSize() == 18)


def test_where_one_row_shrinks_the_words_the_buttons_take_two_and_the_page_gives_the_room(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    page = QWidget()  # a page: something that can shrink above the bar
    qtbot.addWidget(page)
    page.setMinimumSize(300, 200)
    above = QWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(above, 1)
    bar = ControlBar(page)
    layout.addWidget(bar)
    page.resize(1012, 600)
    page.show()
    shown_state(bar, counting=True)
    bar.set_font_px(18)  # 100 %: eleven buttons in one row, at about 12 px
    QApplication.processEvents()
    one_row = bar.height()
    assert len({b.y() for b in bar.buttons.values()}) == 1
    bar.set_font_px(27)  # large print: one row would leave the words at less than 60 %
    QApplication.processEvents()  # nothing else changes: the bar itself must ask for room
    tops = {b.y() for b in bar.buttons.values()}
    assert len(tops) == 2
    assert all(b.font().pixelSize() >= 0.6 * 27 for b in bar.buttons.values())
    assert bar.height() >= bar.minimumSizeHint().height() > one_row
    assert all(b.height() >= b.sizeHint().height() for b in bar.buttons.values())  # keys whole
    assert bar.geometry().bottom() <= page.rect().bottom()
    assert above.geometry().bottom() < bar.geometry().top()


def test_a_button_without_a_key_centres_its_words_as_high_as_its_neighbours(
    qtbot: QtBot,
) -> None:
    """The pain question greys all but Mute and End: the greyed ones show their words on one
    line, centred, not over a blank line that left them sitting high."""
    from PySide6.QtWidgets import QApplication

    from hiptimer.ui.keys import Mode

    bar = ControlBar()
    qtbot.addWidget(bar)
    bar.setMinimumSize(300, 40)
    bar.resize(992, 50)
    bar.show()
    bar.show_state(
        paused=False, counting=False, reps=False, muted=False,
        enabled=frozenset({Action.MUTE, Action.END}), mode=Mode.PAIN, steps=False,
    )  # fmt: skip
    bar.set_font_px(18)
    QApplication.processEvents()
    shown = [b for b in bar.buttons.values() if b.isVisible()]
    assert bar.buttons[Action.PAUSE].text() == "Pause"  # one line: QPushButton centres it
    assert bar.buttons[Action.END].text() == "End\n[Esc]"
    assert len({b.height() for b in shown}) == 1  # one row, one height
    assert all(b.height() >= b.sizeHint().height() for b in shown)


def test_a_reader_says_back_and_next_without_their_arrows(qtbot: QtBot) -> None:
    # Orca 43 read "◀ Back push button": the arrow is drawn beside the word, not said.
    bar = ControlBar()
    qtbot.addWidget(bar)
    shown_state(bar, counting=False)
    assert bar.buttons[Action.BACK].text().startswith("\u25c0 Back")
    assert bar.buttons[Action.BACK].accessibleName() == "Back"
    assert bar.buttons[Action.NEXT].accessibleName() == "Next"

"""Tests for the workout's button row: every button's words fit, however many are shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hiptimer.ui.keys import Action
from hiptimer.ui.widgets.control_bar import TIGHT_PADDING_X, ControlBar


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
        # No word cut off, nor the key under them: the narrow padding keeps one row at 14 px.
        return words + 2 * TIGHT_PADDING_X <= button.width()

    qtbot.waitUntil(lambda: all(fits(b) for b in shown))
    small = shown[0].font().pixelSize()
    assert 14 <= small < 18  # never under 14 px, read from the mat (12 px before)
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
    bar.set_font_px(18)  # 100 %: eleven buttons in one row, at 14 px
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


def bar_at_18_px(qtbot: QtBot) -> ControlBar:
    """A bar in a 1024 px window, every button shown, its words at 18 px or less to fit."""
    bar = ControlBar()
    qtbot.addWidget(bar)
    bar.setMinimumSize(300, 40)
    bar.resize(992, 50)
    bar.show()
    shown_state(bar, counting=True)
    bar.set_font_px(18)
    return bar


def paused_state(bar: ControlBar) -> None:
    bar.show_state(
        paused=True, counting=True, reps=True, muted=True, enabled=frozenset(Action), steps=False
    )


def test_relabelling_with_the_same_rows_leaves_the_buttons_where_they_are(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pause or a new step relabels the bar: the buttons were taken out of their rows and
    put back each time, though they stayed in the same row (a third of the bar's relabel)."""
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    bar = bar_at_18_px(qtbot)
    QApplication.processEvents()
    taken_out: list[QWidget] = []
    remove = QHBoxLayout.removeWidget

    def spy(row: QHBoxLayout, button: QWidget) -> None:
        taken_out.append(button)
        remove(row, button)

    monkeypatch.setattr(QHBoxLayout, "removeWidget", spy)
    before = {a: b.geometry() for a, b in bar.buttons.items() if b.isVisible()}
    paused_state(bar)
    QApplication.processEvents()
    assert bar.buttons[Action.PAUSE].text().startswith("Resume")  # relabelled, and re-fitted
    assert taken_out == []
    assert len({b.y() for b in bar.buttons.values() if b.isVisible()}) == 1
    assert [a for a in bar.buttons if bar.buttons[a].isVisible()] == list(before)
    xs = [bar.buttons[a].x() for a in before]
    assert xs == sorted(xs)  # the buttons in their order still
    bar.set_font_px(27)  # two rows now: they move
    QApplication.processEvents()
    assert taken_out
    assert len({b.y() for b in bar.buttons.values()}) == 2


def test_the_keys_under_the_buttons_follow_the_language(qtbot: QtBot) -> None:
    """The keys' names are made once a language: a language change names them anew."""
    from hiptimer import i18n

    bar = ControlBar()
    qtbot.addWidget(bar)
    bar.resize(1900, 50)  # one row: the keys under the words
    shown_state(bar, counting=False)
    assert bar.buttons[Action.PAUSE].text() == "Pause\n[Space]"
    i18n.use("es")
    bar.show_state(
        paused=True, counting=False, reps=False, muted=True, enabled=frozenset(Action), steps=False
    )
    assert bar.buttons[Action.PAUSE].text().endswith("[Espacio]")
    assert "Espacio" in bar.buttons[Action.PAUSE].toolTip()
    i18n.use("en")
    shown_state(bar, counting=False)
    assert bar.buttons[Action.PAUSE].text() == "Pause\n[Space]"


def test_words_measured_once_at_each_size(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A relabel tries each text size down from the largest, for every button: the words a
    relabel before measured at a size are not measured again (a pause and back)."""
    from PySide6.QtWidgets import QApplication

    from hiptimer.ui.widgets import control_bar

    bar = bar_at_18_px(qtbot)
    paused_state(bar)
    QApplication.processEvents()
    fonts = {b.font().pixelSize() for b in bar.buttons.values()}
    measured: list[QFont] = []
    metrics = control_bar.QFontMetrics

    def spy(font: QFont) -> QFontMetrics:
        measured.append(font)
        return metrics(font)

    monkeypatch.setattr(control_bar, "QFontMetrics", spy)
    shown_state(bar, counting=True)
    paused_state(bar)
    QApplication.processEvents()
    assert measured == []
    assert bar.buttons[Action.PAUSE].text().startswith("Resume")
    assert {b.font().pixelSize() for b in bar.buttons.values()} == fonts
    bar.buttons[Action.END].setText("A far longer word for End")  # new words: measured
    bar.resize(993, 50)
    QApplication.processEvents()
    assert measured

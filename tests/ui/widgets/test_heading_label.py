"""Tests for HeadingLabel's line breaks: lines of about one length, filled as a word processor does."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.heading_label import HeadingLabel, balanced_lines, greedy_lines


def test_words_fill_each_line_in_turn_and_a_wide_word_has_its_own() -> None:
    assert greedy_lines([3, 3, 3], 1, 7) == [(0, 2), (2, 3)]
    assert greedy_lines([3, 9, 3], 1, 7) == [(0, 1), (1, 2), (2, 3)]  # 9 alone, too wide
    assert greedy_lines([], 1, 7) == []


def test_two_lines_of_about_one_length_not_a_full_one_and_a_word_alone() -> None:
    advances = [5.0] * 7  # greedy at the width of six words: six, then one
    assert balanced_lines(advances, 1.0, 2) == [(0, 4), (4, 7)]
    assert balanced_lines(advances, 1.0, 1) == [(0, 7)]


def test_text_stays_whole_while_its_lines_are_drawn_apart(qtbot: QtBot) -> None:
    label = HeadingLabel("Bridge with a slow three second lowering and a pause", height_share=0.85)
    qtbot.addWidget(label)
    label.resize(300, 200)
    label.show()
    assert label.text() == "Bridge with a slow three second lowering and a pause"
    assert len(label.shown_lines()) > 1
    assert " ".join(label.shown_lines()) == label.text()
    label.set_most_lines(1)  # while a question needs the room
    assert label.shown_lines() == [label.text()]


def _heading(qtbot: QtBot, name: str, width: int, height: int, readable: float) -> HeadingLabel:
    """The heading in a window, as the workout screen holds it, at a readable size (the
    label keeps its window alive)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(width, height)
    label = HeadingLabel(name, window, height_share=0.85)
    label.set_readable(readable, 40)
    label.setGeometry(0, 0, width, height)
    window.show()
    label.window_kept = window  # type: ignore[attr-defined]
    return label


def test_a_name_of_one_long_word_breaks_between_letters_rather_than_get_small(
    qtbot: QtBot,
) -> None:
    # docs/routine-format.md: a long name takes up to three lines rather than get small, and
    # a word longer than 20 characters may break between any two letters. A name of one
    # 119-letter word stayed on one line at about 10 px on a 1280 x 800 workout screen.
    name = "N" * 119
    label = _heading(qtbot, name, 1200, 90, 30)
    assert len(label.shown_lines()) > 1
    assert "".join(label.shown_lines()) == name
    wide = label.pixel_size()
    label.set_most_lines(1)  # while a question needs the room: one line, as before
    assert label.shown_lines() == [name]
    assert label.pixel_size() < wide


def test_a_long_word_stays_whole_where_whole_words_read_large_enough(qtbot: QtBot) -> None:
    name = "Supercalifragilisticexpialidocious stretch"  # 34 letters: breakable, fits whole
    label = _heading(qtbot, name, 1200, 120, 30)
    assert " ".join(label.shown_lines()) == name


def test_a_long_word_among_others_breaks_with_no_space_added(qtbot: QtBot) -> None:
    name = "Hip " + "x" * 100 + " stretch"
    label = _heading(qtbot, name, 900, 150, 40)
    lines = label.shown_lines()
    assert "x" * 100 not in lines  # not alone and small on a line of its own
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert " ".join(lines).count(" ") <= name.count(" ") + len(lines) - 1

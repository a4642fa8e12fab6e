"""Tests for HeadingLabel's line breaks: lines of about one length, filled as a word processor does."""

from __future__ import annotations

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

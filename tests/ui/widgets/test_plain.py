"""Long words in word-wrapped labels: wrapped over lines, not cut at the label's edges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.plain import (
    LONG_WORD,
    breakable,
    in_our_direction,
    may_cut,
    on_our_side,
    show_wrapped,
    units_kept,
)

WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisstretchwithanamethatneverends"


def test_only_words_longer_than_the_limit_get_places_to_break() -> None:
    text = f"Get ready: {WORD}. Hold it."
    shown = breakable(text)
    assert shown.replace("\u200b", "") == text  # nothing else changes
    assert [w for w in shown.split(" ") if "\u200b" in w] == [breakable(WORD + ".")]
    short = "x" * LONG_WORD
    assert breakable(short) == short


def test_a_word_wider_than_its_label_wraps_instead_of_being_cut(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    may_cut(label)  # as the workout caption: it may be narrower than its longest word
    text = f"\u201cGet ready: {WORD}.\u201d"
    line = label.fontMetrics().lineSpacing()
    label.setText(text)  # as written: the word stays on one line, wider than the label
    assert label.heightForWidth(200) < 3 * line
    show_wrapped(label, text)
    assert label.heightForWidth(200) >= 3 * line  # the word goes on over several lines
    assert label.accessibleName() == text  # a screen reader reads it without the breaks


def test_a_line_mixing_directions_is_marked_with_ours_a_line_in_one_is_not(qtbot: QtBot) -> None:
    """The summary's list of doses, one line an exercise: each line is its own paragraph."""
    name = "\u0645\u0634\u064a"  # Arabic
    text = f"Doses changed this session:\n\u2022 {name}: reps 3 -> 4\n{name}"
    assert in_our_direction(text).split("\n") == [
        "Doses changed this session:",
        f"\u200e\u2022 {name}: reps 3 -> 4",
        name,
    ]


def test_a_number_after_a_right_to_left_name_keeps_our_direction() -> None:
    """'Up next: <name> — 2 x 3 reps': the 2 took the name's direction and was drawn before
    it. A mark before the number keeps it in ours; a number after our words needs none."""
    name = "\u0645\u0634\u064a"
    assert in_our_direction(f"Up next: {name} \u2014 2 x 3 reps") == (
        f"\u200eUp next: {name} \u2014 \u200e2 x 3 reps"
    )
    assert in_our_direction(f"{name}, set 1") == f"\u200e{name}, set 1"


def test_a_list_line_right_to_left_is_laid_out_from_our_side_its_stop_at_its_end(
    qtbot: QtBot,
) -> None:
    """A setup step all in Arabic: our mark first (beside its number), its own last (its
    full stop stays at its end); a line in our direction, or with no letters, is as written."""
    step = "\u0627\u0633\u062a\u0644\u0642\u0650."
    assert on_our_side(step) == f"\u200e{step}\u200f"
    assert on_our_side(f"\u26a0 Caution: {step}") == f"\u200e\u26a0 Caution: {step}\u200f"
    assert on_our_side("Lie down.") == "Lie down."
    assert on_our_side("3 x 10") == "3 x 10"


def test_a_long_word_is_breakable_between_letters_as_they_show() -> None:
    # A break placed between a letter and its accent, or inside a joined emoji, could wrap
    # the accent or half the emoji onto the next line: the places are the letters shown.
    accented = "e\u0301" * (LONG_WORD + 1)
    assert breakable(accented) == "\u200b".join(["e\u0301"] * (LONG_WORD + 1))
    family = "\U0001f469\u200d\U0001f467"
    assert family in breakable("x" * LONG_WORD + family)


def test_text_in_one_direction_comes_back_as_it_is_without_asking_qt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Up next is marked at each refresh of the session page: a text no line of which mixes
    both directions (English, Spanish, Arabic alone) needs no mark, nor the app's direction
    (asking Qt for it was two thirds of the marking's CPU)."""
    from hiptimer.ui.widgets import plain

    def asked() -> str:
        raise AssertionError("the app's direction asked for")

    monkeypatch.setattr(plain, "_our_mark", asked)
    for text in (
        "Up next: Bridge \u2014 2 x 3 reps",
        "A continuación: Puente",
        "\u0645\u0634\u064a",
    ):
        assert in_our_direction(text) is text
        assert in_our_direction(text, one_paragraph=True) is text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("3 x 15 repeticiones \u2192 Puente a una pierna", "\u2192\u00a0Puente a"),
        ("1 x 30 s \u2192 Estiramiento de pie", "\u2192\u00a0Estiramiento"),
        ("30 s \u2192 35 s", "30\u00a0s \u2192\u00a035\u00a0s"),
    ],
)
def test_an_arrow_keeps_the_word_it_leads_to_on_its_line(text: str, kept: str) -> None:
    # Bound only before a number, an arrow before a name or words could end a narrow Spanish
    # line alone ("3 x 15 repeticiones \u2192" over "Puente a una pierna").
    assert kept in units_kept(text)

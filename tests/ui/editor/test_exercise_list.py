"""The editor's exercise list: each row's number, name and dose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.exercise_list import ExerciseList
from hiptimer.ui.editor.hanging_rows import INDENT, LINE_BREAK, hang

MARCH = "\u0645\u0634\u064a \u0641\u064a \u0627\u0644\u0645\u0643\u0627\u0646"  # Arabic


def drawn_left_to_right(text: str, first: str, then: str) -> bool:
    """Whether `first` is drawn left of `then` in `text` laid out as a row is: one paragraph
    in the list's direction, its lines joined by line separators (hanging_rows)."""
    drawn = text.replace("\n", LINE_BREAK)
    layout = QTextLayout(drawn, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(10_000)
    layout.endLayout()

    def x(part: str) -> float:
        at = drawn.index(part)
        return float(layout.lineForTextPosition(at).cursorToX(at)[0])  # type: ignore[index]

    return x(first) < x(then)


def test_a_row_named_right_to_left_keeps_its_number_and_dose_in_our_direction(
    qtbot: QtBot,
) -> None:
    """'1. <Arabic name>' over '2 x 3 reps each side, alternating': the row read right to
    left, its dose line scrambled ('2      x 3 reps'). A row in English is as it was."""
    rows = ExerciseList()
    qtbot.addWidget(rows)
    march = {"id": "march", "name": MARCH, "kind": "reps", "sets": 2, "reps": 3}
    bridge = {"id": "bridge", "name": "Bridge", "kind": "reps", "sets": 2, "reps": 3}
    rows.show_exercises([march, bridge], set(), 0)
    arabic, english = rows.item(0).text(), rows.item(1).text()
    assert MARCH in arabic and arabic.endswith("2 x 3 reps")
    assert drawn_left_to_right(arabic, "1.", MARCH)  # the number first, then the name
    assert drawn_left_to_right(arabic, INDENT, "2 x")  # the dose under the name, not "2     x"
    assert drawn_left_to_right(arabic, "2 x", "x 3")
    assert drawn_left_to_right(arabic, "x 3", "reps")
    assert english.startswith("2. Bridge\n")


def test_a_name_of_one_long_word_breaks_between_letters_under_itself() -> None:
    """A name of 116 N's ran off the list's edge, cut with no "..." (README: a long name wraps
    under itself; docs/routine-format.md: a word over 20 characters may break anywhere)."""
    name = "1. " + "N" * 116
    lines = hang(name, 40, len, "   ").split(LINE_BREAK)  # one pixel a character
    assert all(len(line) <= 40 for line in lines), lines
    assert lines[0].startswith("1. N") and all(line.startswith("   N") for line in lines[1:])
    assert "".join(line.strip() for line in lines) == name
    short = "1. Bridge with a pause"  # words of 20 characters or fewer break only at spaces
    assert hang(short, 10, len, "   ").split(LINE_BREAK) == ["1. Bridge", "   with a", "   pause"]
    twenty = hang("1. " + "M" * 20, 10, len, "   ")  # too wide, but not broken: as before
    assert twenty.split(LINE_BREAK) == ["1.", "   " + "M" * 20]

"""The editor's exercise list: each row's number, name and dose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.exercise_list import ExerciseList
from hiptimer.ui.editor.hanging_rows import INDENT, LINE_BREAK

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

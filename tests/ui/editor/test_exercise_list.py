"""The editor's exercise list: each row's number, name and dose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.exercise_list import ExerciseList
from hiptimer.ui.editor.hanging_rows import LINE_BREAK

MARCH = "\u0645\u0634\u064a \u0641\u064a \u0627\u0644\u0645\u0643\u0627\u0646"  # Arabic


def drawn_direction(text: str) -> Qt.LayoutDirection:
    """A row is drawn as one paragraph, its lines joined by line separators (hanging_rows)."""
    doc = QTextDocument()
    doc.setPlainText(text.replace("\n", LINE_BREAK))
    return doc.firstBlock().textDirection()


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
    assert arabic.startswith(f"\u200e1. {MARCH}\n") and arabic.endswith("2 x 3 reps")
    assert drawn_direction(arabic) is Qt.LayoutDirection.LeftToRight
    assert english.startswith("2. Bridge\n")

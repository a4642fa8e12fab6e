"""The report's wrapped cells keep a number with the word after it, as the history window keeps
a dose's number with its unit: the Spanish report's dose change read "3 repeticiones → 4" over
"repeticiones"."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from hiptimer.ui.history.report_charts import font
from hiptimer.ui.history.report_text import wrap


def test_a_number_goes_to_the_next_line_with_its_unit_and_its_arrow(qapp: QApplication) -> None:
    fm = QFontMetricsF(font(9))
    change = "3 repeticiones → 4 repeticiones"
    width = fm.horizontalAdvance("3 repeticiones → 4") + 1
    assert wrap(change, fm, width) == ["3 repeticiones", "→ 4 repeticiones"]
    sets = "2 de 8 series hechas, 5 sin llegar"
    width = fm.horizontalAdvance("2 de 8 series hechas, 5") + 1
    assert wrap(sets, fm, width) == ["2 de 8 series hechas,", "5 sin llegar"]


def test_a_number_and_its_unit_wider_than_the_line_are_apart(qapp: QApplication) -> None:
    fm = QFontMetricsF(font(9))
    width = fm.horizontalAdvance("repeticiones") + 1
    assert wrap("10 repeticiones", fm, width) == ["10", "repeticiones"]
    assert wrap("Hold 4 s", fm, 400) == ["Hold 4 s"]  # a line that fits is as before


def test_a_number_with_no_word_after_it_stays_with_the_word_before_it(
    qapp: QApplication,
) -> None:
    """The Spanish sessions table's 'Mañana siguiente' read 'dolor 2, rigidez' over '2'."""
    fm = QFontMetricsF(font(9))
    morning = "dolor 2, rigidez 2"
    width = fm.horizontalAdvance("dolor 2, rigidez") + 1
    assert wrap(morning, fm, width) == ["dolor 2,", "rigidez 2"]
    pain = "Pain max / avg 7 / 4.4"
    assert wrap(pain, fm, fm.horizontalAdvance("Pain max / avg 7 / 4") + 1)[-1] == "7 / 4.4"

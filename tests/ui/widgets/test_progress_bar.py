"""The workout's progress bar: drawn filled to its fraction, and silent for screen readers."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from hiptimer.ui import theme
from hiptimer.ui.widgets.progress_bar import ProgressBar


def test_it_is_filled_to_its_fraction_in_the_accent_colour(qtbot: QtBot) -> None:
    bar = ProgressBar()
    qtbot.addWidget(bar)
    bar.resize(400, 30)
    bar.set_accent("#FF0000")
    bar.set_fraction(0.25)
    image = bar.grab().toImage()
    assert image.pixelColor(50, 15) == QColor("#FF0000")  # inside the first quarter
    assert image.pixelColor(300, 15) == QColor(theme.current().field)  # the rest: the field
    bar.set_fraction(7)  # past the end: full, never wider
    assert bar.fraction == 1.0
    assert bar.grab().toImage().pixelColor(390, 15) == QColor("#FF0000")


def test_a_screen_reader_gets_no_value_to_read_out(qtbot: QtBot) -> None:
    """A QProgressBar's value is announced as it moves (Orca: "38 percent" every 10 s)."""
    bar, stock = ProgressBar(), QProgressBar()
    for widget in (bar, stock):
        qtbot.addWidget(widget)
        widget.show()
    stock_iface = QAccessible.queryAccessibleInterface(stock)
    assert stock_iface is not None and stock_iface.valueInterface() is not None  # the noise
    iface = QAccessible.queryAccessibleInterface(bar)
    assert iface is not None
    assert iface.valueInterface() is None
    assert iface.role() != QAccessible.Role.ProgressBar

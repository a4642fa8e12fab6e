"""The focus ring's colour beside an edge of nearly that colour (an amber card or choice)."""

from __future__ import annotations

from PySide6.QtGui import QColor

APART = 120  # the sum of the channel differences below which two colours looked the same


def ring_colour(focus: str, edge: str, ink: str) -> str:
    """The focus colour, or the ink where an edge beside the ring is nearly that colour (the
    dark theme's amber, #FFB74D beside #FFD54F: Tab to it changed nothing that could be seen
    from the mat)."""
    return focus if apart(focus, edge) >= APART else ink


def apart(one: str, other: str) -> int:
    """How far two colours are: the sum of their red, green and blue differences."""
    a, b = QColor(one), QColor(other)
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

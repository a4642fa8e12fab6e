"""The library's words fitted to their room: titles in lines, key hints unbroken, Start's."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from hiptimer.i18n import _
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.widgets.plain import letters


def wrapped_title(title: str, metrics: QFontMetrics, room: int) -> str:
    """A title too wide for the list, in lines at its spaces: cut with "…" at 150 % on a 1024
    px screen, "Hip mobility and str…" and "FAI mobility and co…" could not be told from the
    mat (seen under Xvfb). A word wider than the list alone takes lines of its own, broken
    between letters (README: never cut)."""
    lines: list[str] = []
    for word in title.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= room:
            lines[-1] = joined
        else:
            lines.extend(letter_lines(word, metrics, room))
    return "\n".join(lines)


def letter_lines(word: str, metrics: QFontMetrics, room: int) -> list[str]:
    """`word` in lines no wider than `room`, as many letters on each as fit (one at least)."""
    lines = [""]
    for letter in letters(word):
        if lines[-1] and metrics.horizontalAdvance(lines[-1] + letter) > room:
            lines.append("")
        lines[-1] += letter
    return lines


def start_words() -> str:
    """The Start button's words, with its key."""
    return _("Start") + f"   [{KEY_NAMES[Action.START]}]"

"""Read-only text views a screen reader can read line by line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from hiptimer.i18n import _

READS_BY_KEYS = "reads_by_keys"  # the property ui.key_filter leaves the arrow keys to


def readable_by_keys(view: QTextBrowser) -> None:
    """Give a read-only text view a caret that the arrow keys move, line by line.

    Qt shows a QTextBrowser to AT-SPI as a label (QAccessibleTextBrowser::role() is
    StaticText: https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/accessible/qaccessiblewidgets.cpp),
    and Orca said its name ("About the chosen routine label") but never its text, until a
    caret let it read the line the caret is on (bench/screen_reader.py). The description says how; the window's key filter leaves the
    arrows, Page Up/Down, Home and End to it while it has the focus.
    """
    view.setProperty(READS_BY_KEYS, True)
    view.setTextInteractionFlags(
        view.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    view.setAccessibleDescription(_("The arrow keys read it line by line"))


def spoken(label: str, gap: str) -> str:
    """A list row's words as a reader should say them: "Daily hip stretches, 30 min", not the
    spaces and middle dot that set its length apart on screen."""
    return " ".join(label.replace(f"{gap}\u00b7 ", ", ").split())

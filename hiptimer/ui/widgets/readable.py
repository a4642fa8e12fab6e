"""Read-only text views a screen reader can read line by line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from hiptimer.i18n import _

READS_BY_KEYS = "reads_by_keys"  # the property ui.key_filter leaves the arrow keys to


def readable_by_keys(view: QTextBrowser, *, name_says_how: bool = True) -> None:
    """Give a read-only text view a caret that the arrow keys move, line by line.

    Qt shows a QTextBrowser to AT-SPI as a label (QAccessibleTextBrowser::role() is
    StaticText: https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/accessible/qaccessiblewidgets.cpp),
    and Orca said its name ("About the chosen routine label") but never its text, until a
    caret let it read the line the caret is on (bench/screen_reader.py). Its name, given
    before this, then says how: Orca 43 says a label's name and role and never its
    description (ROLE_LABEL in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/formatting.py), so Tab
    there said "About the chosen routine label." and nothing of the arrows. Not where the
    view is a dialog's one text (`name_says_how=False`, the F1 window): Orca reads a dialog's
    labels of three words or more as its own text, so the longer name was said twice; the
    description says it there, for the dialog to take up. The window's key filter leaves
    the arrows, Page Up/Down, Home and End to it while it has the focus.
    """
    view.setProperty(READS_BY_KEYS, True)
    view.setTextInteractionFlags(
        view.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    how = _("The arrow keys read it line by line")
    if not name_says_how:
        view.setAccessibleDescription(how)
    elif view.accessibleName():
        view.setAccessibleName(f"{view.accessibleName()}. {how}")


def spoken(label: str, gap: str) -> str:
    """A list row's words as a reader should say them: "Daily hip stretches, 30 min", not the
    spaces and middle dot that set its length apart on screen."""
    return " ".join(label.replace(f"{gap}\u00b7 ", ", ").split())

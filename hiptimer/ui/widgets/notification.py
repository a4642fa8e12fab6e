"""A label whose message a screen reader says as it appears: the notification role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from hiptimer.ui.widgets.accessible_roles import install_role_factory

if TYPE_CHECKING:  # QAccessible's enums are made at its first use: not before the first paint
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessibleInterface


class Notification(QLabel):
    """A message on screen that a reader says as it shows, not only draws: a status bar's
    confirmation, the notice strip above the pages, the History window's status line.

    Why: Orca 43 speaks an object with the notification role as it becomes showing
    ("Notification. Sound off.", its onShowingChanged:
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/scripts/default.py) and
    does not hear Qt's announcements (a11y.announce); a plain label that changes its words
    is read only when the user goes to it. Qt gives a role through a factory
    (https://doc.qt.io/qt-6/qaccessible.html#installFactory), installed with the first
    message, after the first paint (QAccessible's enums cost ~18 M instructions).

    Signals: QLabel's.
    """

    def tell(self, said: str) -> None:
        """Have a reader say `said` as this label shows: now if it is on screen (hidden and
        shown anew, so the same words twice are said twice), else as it comes on screen.
        What the label draws is the caller's to set."""
        give_the_role()
        self.setAccessibleName(said)
        if self.isVisible():
            self.hide()
            self.show()


def give_the_role() -> None:
    """Have Qt give every Notification its role from now on: before a reader first asks
    about one, as Qt keeps the interface it made first."""
    install_role_factory(_notification)


def _notification(_key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: a Notification has that role; others as Qt sees them."""
    if not isinstance(obj, Notification):
        return None
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAccessibleWidget

    return QAccessibleWidget(obj, QAccessible.Role.Notification)

"""Page stacks a screen reader passes over: an unnamed QStackedWidget is a plain container."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiptimer.ui.widgets.accessible_roles import install_role_factory

if TYPE_CHECKING:  # QAccessible's enums are made at its first use: after the first paint
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessibleInterface


def _plain_stack(_key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: an unnamed QStackedWidget is a plain container."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAccessibleWidget, QStackedWidget

    if isinstance(obj, QStackedWidget) and not obj.accessibleName():
        return QAccessibleWidget(obj, QAccessible.Role.Client)
    return None


def plain_stacks() -> None:
    """Have a reader pass over unnamed page stacks (a tab widget's pages, the main window's).

    Why: Qt gives a QStackedWidget the role LayeredPane, which Orca 43 never counts as
    layout only (isLayoutOnly in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/script_utilities.py), so
    Tab from the routine editor's page tab into its page said "layered pane", a word for
    nothing the user can act on. As a plain container (Client, AT-SPI's filler) it is
    passed over, as the scroll area and the tab widget around it are. A role comes through
    a factory (https://doc.qt.io/qt-6/qaccessible.html#installFactory), asked only for an
    object no reader has asked about yet: call this before the stacks are made.
    """
    install_role_factory(_plain_stack)

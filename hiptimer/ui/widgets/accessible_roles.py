"""Roles Qt's accessibility gives through factories, each factory installed once a process."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # QAccessible's enums are made at its first use: ~18 M instructions
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessibleInterface

RoleFactory = Callable[["str", "QObject"], "QAccessibleInterface | None"]

_installed: set[RoleFactory] = set()


def install_role_factory(factory: RoleFactory) -> None:
    """Have Qt ask `factory` for the accessible interface of each object no reader has asked
    about yet (https://doc.qt.io/qt-6/qaccessible.html#installFactory); once, however often
    this is called: Qt would ask a factory installed twice twice."""
    from PySide6.QtGui import QAccessible

    if factory not in _installed:
        QAccessible.installFactory(factory)
        _installed.add(factory)

"""The menu items' shortcuts from the key map: at once, or once a window shown first takes its keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiptimer.ui.keys import SHORTCUTS

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeyEvent
    from PySide6.QtWidgets import QWidget

# A window with this property set true holds its menu items' shortcuts (by name in NAME) until
# give_shortcuts(): the first QKeySequence makes its class, with its 71 standard keys as a
# Python enum, ~6 M instructions that the first paint does not need (docs/performance.md,
# session 20). The menu bar shows the same either way; a menu's items show their keys only
# once it is opened.
LATER = "shortcuts_later"
NAME = "shortcut_name"


def set_shortcut(action: QAction, name: str) -> None:
    """Give a menu item the shortcut the map names `name` (all its key sequences); on a
    window that holds them (LATER), at its give_shortcuts()."""
    owner = action.parent()
    if owner is not None and owner.property(LATER):
        action.setProperty(NAME, name)
        return
    from PySide6.QtGui import QKeySequence

    shortcut = SHORTCUTS[name]
    action.setShortcuts([QKeySequence(s) for s in shortcut.sequences + shortcut.twins])


def hold_shortcuts(window: QWidget) -> None:
    """The menu items made for `window` from now on wait for give_shortcuts()."""
    window.setProperty(LATER, True)


def give_shortcuts(window: QWidget) -> None:
    """The held shortcuts of `window`'s menu items, given now (once)."""
    if not window.property(LATER):
        return
    from PySide6.QtGui import QAction

    window.setProperty(LATER, False)
    for action in window.findChildren(QAction):
        name = action.property(NAME)
        if name:
            set_shortcut(action, str(name))


def fire_shortcut(window: QWidget, event: QKeyEvent) -> bool:
    """A key press that reached the window itself before its shortcuts were given (Ctrl+Q
    typed as it appeared): the menu item whose shortcut it is, triggered; True if one was."""
    from PySide6.QtGui import QAction, QKeySequence

    pressed = QKeySequence(event.keyCombination())
    for action in window.findChildren(QAction):
        if action.isEnabled() and pressed in action.shortcuts():
            action.trigger()
            return True
    return False

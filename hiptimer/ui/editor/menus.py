"""The editor window's menus: Routine (save, import, export, reset, close) and Edit (undo, redo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow

from hiptimer.i18n import _
from hiptimer.ui.enter_keys import enter_presses_buttons
from hiptimer.ui.full_screen import full_screen_key
from hiptimer.ui.menu_shortcuts import set_shortcut


@dataclass(frozen=True)
class EditorActions:
    """The actions the window enables and disables as the edits change."""

    save: QAction
    undo: QAction
    redo: QAction
    reset: QAction


def build_menus(
    window: QMainWindow,
    stack: QUndoStack,
    *,
    save: Callable[[], Any],
    import_: Callable[[], Any],
    export: Callable[[], Any],
    reset: Callable[[], Any],
    close: Callable[[], Any],
) -> EditorActions:
    """Add the menus to the window; its shortcuts work wherever the focus is in it."""
    save_action = _action(window, _("&Save"), save, "save")
    undo = stack.createUndoAction(window, _("&Undo"))
    set_shortcut(undo, "undo")
    redo = stack.createRedoAction(window, _("&Redo"))
    set_shortcut(redo, "redo")
    routine_menu = window.menuBar().addMenu(_("&Routine"))
    routine_menu.addAction(save_action)
    routine_menu.addAction(_action(window, _("&Import\u2026"), import_))
    routine_menu.addAction(_action(window, _("&Export\u2026"), export))
    reset_action = _action(window, _("Reset to &original\u2026"), reset)
    routine_menu.addAction(reset_action)
    routine_menu.addSeparator()
    routine_menu.addAction(_action(window, _("&Close"), close, "close"))
    edit_menu = window.menuBar().addMenu(_("&Edit"))
    for action in (undo, redo):
        window.addAction(action)
        edit_menu.addAction(action)
    full_screen_key(window)
    enter_presses_buttons(window)  # a button reached by Tab: Enter presses it, as Space
    return EditorActions(save_action, undo, redo, reset_action)


def _action(
    window: QMainWindow,
    text: str,
    slot: Callable[[], Any],
    shortcut: str = "",
) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut:  # a name in the key map (hiptimer/ui/keys.py), the one source of keys
        set_shortcut(action, shortcut)
    window.addAction(action)
    return action

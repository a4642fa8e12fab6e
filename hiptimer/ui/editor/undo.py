"""Undo for the editor: every edit is a snapshot of the routine data before and after it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

MERGE_ID = 6  # any constant: commands with a merge key merge with the one before


@dataclass(frozen=True)
class EditorState:
    """What an undo step restores: the routine data, the selected exercise and its variant."""

    data: dict[str, Any]
    current: int
    variant: int = 0  # which variant of the exercise's ladder the form edits (0: as written)


class SnapshotCommand(QUndoCommand):
    """One edit, as the whole data before and after it.

    Consecutive edits with the same `merge_key` (typing into one field) merge into
    one step; an edit merged back to where it started drops out of the stack.
    """

    def __init__(
        self,
        apply: Callable[[EditorState], None],
        before: EditorState,
        after: EditorState,
        text: str,
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SnapshotCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after.data == self.before.data)
        return True


UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
EXTRA_REDO = QKeySequence("Ctrl+Shift+Z")


class UndoKeysFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack while a text field has focus.

    Line and text edits claim those keys for their own undo (a ShortcutOverride
    accepted), which would undo keystrokes the stack has already recorded; see
    https://doc.qt.io/qt-6/qshortcutevent.html and QWidget's ShortcutOverride handling.
    Signals: none.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            if any(event.matches(key) for key in UNDO_KEYS) or combo == EXTRA_REDO:
                event.ignore()
                return True
        return False

"""Buttons and menu items made from their words alone: no QIcon class before the first paint."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

# Why: PySide picks among a constructor's overloads by its arguments, and QPushButton's and
# QAction's have one that takes a QIcon first: a str tried against it makes QIcon's class,
# with its 151 theme icons as a Python enum (~14 M instructions, docs/performance.md,
# session 20). Made bare and given their words after, they never ask about QIcon.


def worded_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A push button that says `text`, as QPushButton(text, parent) makes it."""
    button = QPushButton(parent)
    button.setText(text)
    return button


def worded_action(text: str, parent: QObject | None = None) -> QAction:
    """A menu item (or shortcut holder) that says `text`, as QAction(text, parent) makes it."""
    action = QAction(parent)
    action.setText(text)
    return action

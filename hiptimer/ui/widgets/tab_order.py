"""Tab's order where widgets are added after the rest (a panel, a tab built when first shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(widget: QWidget) -> list[QWidget]:
    """The widgets under `widget` that Tab can reach, in the order Tab reaches them now."""
    found: list[QWidget] = []
    here: QWidget | None = widget.nextInFocusChain()
    while here is not None and here is not widget and len(found) < 2000:
        if widget.isAncestorOf(here) and here.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(here)
        here = here.nextInFocusChain()
    return found


def tab_after(anchor: QWidget, widgets: list[QWidget]) -> None:
    """Put `widgets` right after `anchor` in Tab's order, in the order given; whatever came
    after `anchor` comes after them."""
    for widget in widgets:
        QWidget.setTabOrder(anchor, widget)
        anchor = widget

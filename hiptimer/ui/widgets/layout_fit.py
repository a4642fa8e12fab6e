"""Whether a layout fits its widget whole in the fonts it has now: for pages that shrink
large print a step at a time until it does (the pain question, the morning check-in)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def fits_whole(layout: QLayout, widget: QWidget) -> bool:
    """Whether `layout` fits `widget` whole, its wrapped words wrapped at the widget's width."""
    forget_sizes(layout)  # the new fonts' sizes, not the cached ones
    need = layout.totalSizeHint()
    if layout.hasHeightForWidth():
        need.setHeight(layout.totalHeightForWidth(widget.width()))
    return need.height() <= widget.height() and need.width() <= widget.width()


def forget_sizes(item: QLayoutItem) -> None:
    """Forget the sizes `item` and every layout in it cached: QLayout.invalidate() forgets
    its own only, so a button in a row of its own was measured in its old font (the row's
    size stays cached until activate() invalidates the nested layouts).
    https://doc.qt.io/qt-6/qlayout.html#invalidate"""
    item.invalidate()
    inner = item.layout()
    if inner is not None:
        for index in range(inner.count()):
            child = inner.itemAt(index)
            if child is not None:
                forget_sizes(child)

"""Whether a layout fits its widget whole in the fonts it has now: for pages that shrink
large print a step at a time until it does (the pain question, the morning check-in, the
first-run notice, the resume offer)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

SHRINK_STEPS = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)  # of the sizes that follow the window
MOST = 16_777_215  # QWIDGETSIZE_MAX, a widget's largest size, which PySide6 does not export
Size = TypeVar("Size", int, float)


def shrink_to_fit(
    page: QWidget,
    size_parts: Callable[[float], None],
    fits: Callable[[QLayout, QWidget], bool] | None = None,
) -> None:
    """Size `page`'s parts for its height (at least 300 px) and, where its layout would not
    be whole (`fits`, by default fits_whole; large print on 1024 x 768), a step smaller at a
    time, to 60 % at most; then place them, in the new fonts, at once, not a frame later."""
    layout = page.layout()
    assert layout is not None  # each such page is built with one
    height = max(300, page.height())
    first_whole(
        [height * shrink for shrink in SHRINK_STEPS],
        size_parts,
        lambda: (fits or fits_whole)(layout, page),
    )
    layout.activate()


def first_whole(
    sizes: Iterable[Size], size_parts: Callable[[Size], None], whole: Callable[[], bool]
) -> None:
    """Size the parts at each of `sizes` in turn, largest first, until `whole()` says the
    layout is whole; where none is, they keep the last (the least)."""
    for size in sizes:
        size_parts(size)
        if whole():
            return


def fits_whole(layout: QLayout, widget: QWidget) -> bool:
    """Whether `layout` fits `widget` whole, its wrapped words wrapped at the widget's width."""
    forget_sizes(layout)  # the new fonts' sizes, not the cached ones
    need = layout.totalSizeHint()
    if layout.hasHeightForWidth():
        need.setHeight(layout.totalHeightForWidth(widget.width()))
    return need.height() <= widget.height() and need.width() <= widget.width()


def fits_wrapped(layout: QLayout, widget: QWidget) -> bool:
    """Whether `layout` fits `widget` whole once its rows wrap: as fits_whole, but as wide as
    it must be, not as it would like (a FlowLayout asks for one row of all its buttons)."""
    forget_sizes(layout)
    height = layout.totalHeightForWidth(widget.width()) if layout.hasHeightForWidth() else -1
    height = height if height >= 0 else layout.totalSizeHint().height()
    return height <= widget.height() and layout.totalMinimumSize().width() <= widget.width()


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

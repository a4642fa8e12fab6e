"""The details' text is laid out once at each routine shown, at the width it is shown at: a
plain setHtml laid it out at the whole width, then again beside the scroll bar it showed
(docs/performance.md, session 28)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.listing import first_listing
from hiptimer.ui.library.page import LibraryPage


def builtin_items() -> list[LibraryItem]:
    names = ("daily-hip-stretches", "fai-mobility-control", "desk-micro-break")
    routines = [load_routine(paths.builtin_routines_dir() / f"{name}.json") for name in names]
    return [LibraryItem(r.id, r.title, r) for r in routines]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_details_are_laid_out_at_one_width(qtbot: QtBot) -> None:
    page = LibraryPage(None)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    widths: list[float] = []  # each width the text is laid out at (an emptied one: cheap)
    document = page.details.document()
    document.documentLayout().documentSizeChanged.connect(
        lambda size: None if document.isEmpty() else widths.append(size.width())
    )
    items = builtin_items()
    page.set_listing(first_listing(items), lambda: None)  # the first paint's details
    assert page.details.verticalScrollBar().isVisible()  # taller than the pane
    assert set(widths) == {page.details.viewport().width()}
    widths.clear()
    page.set_items(items)  # the files read: the same routine, drawn from them
    page.list.setCurrentRow(1)  # the next one chosen
    assert set(widths) == {page.details.viewport().width()}

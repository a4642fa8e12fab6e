"""What the app does before its filled library can be painted (docs/performance.md,
sessions 20-21): the routines and Start, and then back to the event loop; the window's keys,
the services, the figures' drawing, the event filters and the dropped files only after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptimer.core.settings import SettingsStore
from tests.ui.app_script import COUNT_FILTERS, run_until

UNTIL_LISTED = (
    COUNT_FILTERS
    + r"""
import os, sys
from PySide6.QtCore import QTimer
from hiptimer.ui.library import page as page_module

real_set = page_module.LibraryPage.set_items


def back_in_the_loop():
    print("MODULES", " ".join(sorted(sys.modules)))
    print("FILTERS", " ".join(filters) or "-")
    from PySide6 import QtCore, QtGui, QtWidgets  # (PySide makes a class on first use)

    made = [n for m in (QtCore, QtGui, QtWidgets) for n in vars(m) if n.startswith("Q")]
    print("CLASSES", " ".join(sorted(made)))
    import dataclasses

    named = [  # a dataclass with no docstring of its own gets one from inspect.signature
        f"{k.__module__}.{k.__name__}"
        for name, m in list(sys.modules.items()) if name.startswith("hiptimer")
        for k in vars(m).values()
        if isinstance(k, type) and dataclasses.is_dataclass(k) and k.__module__ == name
        and (k.__doc__ or "").startswith(k.__name__ + "(")
    ]
    print("SIGNED", " ".join(named) or "-")
    made = [
        f"{name}.{k.__name__}"
        for name, m in list(sys.modules.items()) if name.startswith("hiptimer")
        for k in vars(m).values()
        if isinstance(k, type) and dataclasses.is_dataclass(k) and k.__module__ == name
    ]
    print("DATACLASSES", " ".join(sorted(made)) or "-")
    sys.stdout.flush()


real_draw = page_module.LibraryPage.draw_pictures


def draw_pictures(self):
    real_draw(self)
    print("DRAWN", "figure:" in self.details.toHtml(), flush=True)
    os._exit(0)


listed = []


def set_items(self, items, **options):
    real_set(self, items, **options)
    if self.list.count() and self.start_button.isEnabled() and not listed:
        listed.append(True)
        QTimer.singleShot(0, back_in_the_loop)  # what the same turn did after listing them


real_listing = page_module.LibraryPage.set_listing


def set_listing(self, listing, read):
    real_listing(self, listing, read)
    print("AHEAD", self.list.count(), flush=True)
    listed.append(True)  # (the files, read at the next hand-over, are not this paint's)
    QTimer.singleShot(0, back_in_the_loop)


page_module.LibraryPage.set_items = set_items
page_module.LibraryPage.set_listing = set_listing
page_module.LibraryPage.draw_pictures = draw_pictures
from hiptimer.cli.main import main

sys.exit(main([]))
"""
)

# A start that keeps its list for the next (as the list's paint hands over), then ends.
KEEP_THE_LIST = r"""
import os, sys
from hiptimer.ui.library import shelf as shelf_module

real_keep = shelf_module.LibraryShelf.keep_listing


def keep(self):
    real_keep(self)
    os._exit(0)


shelf_module.LibraryShelf.keep_listing = keep
from hiptimer.cli.main import main

sys.exit(main([]))
"""

# The routines' own modules: not loaded before a list kept by the last start is painted.
READING_ROUTINES = (
    "hiptimer.core.routines.model",
    "hiptimer.core.routines.loader",
    "hiptimer.core.routines.validation",
    "hiptimer.core.routines.catalog",
    "hiptimer.core.routines.read_apart",
)

AFTER_THE_LIST = (
    "hiptimer.ui.widgets.figure_view",  # the chosen routine's figures: drawn a moment later
    "hiptimer.core.figures.scene",
    "hiptimer.ui.editor.files",  # dropped files
    "hiptimer.core.history.store",  # the services
    "hiptimer.core.history.status",  # its two frozen dataclasses (~10 M; session 23)
    "hiptimer.ui.services.speech",
    "PySide6.QtNetwork",  # a second copy's request
    "html",  # its entities' table: the details escape their text without it (widgets/plain)
    "html.entities",
)


# PySide classes made only after the list is painted (docs/performance.md, session 21).
AFTER_THE_LIST_CLASSES = (
    "QKeySequence",  # the menus' shortcuts, given with the window's keys
    "QAccessible",  # the page stacks' factory (widgets/plain_stacks): no tab widget before
    "QImage",  # the details' blank pictures: decoded by Qt from a data URL (library/details)
    "QUrl",
    "QTextDocument",
    # Made, with every other widget class, by PySide's first look-up of a widget it has not
    # wrapped yet: the list's viewport() did it (60 M instructions; widgets/scroll_viewport).
    "QWizard",
    "QMdiArea",
    "QCalendarWidget",
    # Its enums, 16.7 M instructions, made by the first event that reaches a Python override
    # or filter, or by importing any event class (docs/performance.md, session 22).
    "QEvent",
    "QResizeEvent",
    "QShowEvent",
    "QStyle",  # its enums, ~50 M: the key hint's layout mirrors its parts itself (session 22)
    "QLibraryInfo",  # 1.2 M: Qt's catalog folder, for a language other than English only
    "QSessionManager",  # 0.6 M: a logout's, named for its type only (session 25)
)

# Made before the list's paint, and NamedTuples there: a frozen dataclass's generated
# methods cost ~2.5 M instructions a class and ~0.4 M a field (docs/performance.md, session 24).
NOT_DATACLASSES = (
    "hiptimer.ui.palette.Palette",  # 43 fields: ~17 M as a dataclass, ~6 M as a NamedTuple
    "hiptimer.ui.palette.PhaseStyle",
    "hiptimer.ui.shell.Shell",  # 11 fields: ~6.5 M as a dataclass, ~2 M as a NamedTuple
    "hiptimer.ui.keys.Binding",
    "hiptimer.ui.keys.Group",
    "hiptimer.ui.keys.Shortcut",
    "hiptimer.core.routines.catalog.RoutineEntry",
    "hiptimer.ui.library.items.LibraryItem",
    "hiptimer.ui.reminders.window_reminders.ReminderParts",
    "hiptimer.core.instance.Request",
    # A hand-written value class: its template and values are left out of its equality, which
    # a NamedTuple cannot do; ~4 M as a dataclass, ~0.1 M so (session 25).
    "hiptimer.core.routines.json_fields.Problem",
)


@pytest.mark.parametrize("returning", [True, False], ids=["returning user", "first start"])
def test_the_filled_list_is_painted_before_the_rest(data_home: Path, returning: bool) -> None:
    if returning:
        SettingsStore().update(first_run_done=True)
    lines = run_until(UNTIL_LISTED, data_home)
    modules = set(lines["MODULES"].split())
    assert "hiptimer.core.routines.model" in modules  # the routines were read
    assert sorted(modules & set(AFTER_THE_LIST)) == []
    # No application filter, the window's keys neither: the first objects one meets make
    # PySide build the Python types of most of Qt (115 M instructions) before the paint.
    assert lines["FILTERS"] == "-"
    assert sorted(set(lines["CLASSES"].split()) & set(AFTER_THE_LIST_CLASSES)) == []
    # A docstring made from the class's signature costs ~0.3 M instructions each (session 23).
    assert lines["SIGNED"] == "-"
    assert sorted(set(lines["DATACLASSES"].split()) & set(NOT_DATACLASSES)) == []
    assert lines["DRAWN"] == "True"  # and then the figures, once the list is painted


def test_a_list_kept_by_the_last_start_is_painted_before_any_routine_is_read(
    data_home: Path,
) -> None:
    SettingsStore().update(first_run_done=True)
    run_until(KEEP_THE_LIST, data_home)
    lines = run_until(UNTIL_LISTED, data_home)
    assert lines["AHEAD"] == "8"  # the built-ins, as kept
    modules = set(lines["MODULES"].split())
    assert sorted(modules & set(READING_ROUTINES)) == []
    assert sorted(modules & set(AFTER_THE_LIST)) == []
    assert lines["FILTERS"] == "-"
    assert sorted(set(lines["CLASSES"].split()) & set(AFTER_THE_LIST_CLASSES)) == []
    assert lines["DRAWN"] == "True"  # the files read, then the figures drawn

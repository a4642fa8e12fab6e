"""What the app loads before its first window is painted (docs/performance.md, start-up).

Each start runs `hiptimer` in a process of its own (offscreen Qt, a data folder of the test's
own) whose event loop stops at the window's first expose and lists the modules loaded and
the application's event filters. What only the routines, the services or a second copy need
comes after the paint; each of these once cost 5-30 ms before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptimer.core.settings import SettingsStore
from tests.ui.app_script import COUNT_FILTERS, run_until

UNTIL_EXPOSED = (
    COUNT_FILTERS
    + r"""
import sys

def until_exposed(self):
    while not any(
        w.isVisible() and w.windowHandle() is not None and w.windowHandle().isExposed()
        for w in self.topLevelWidgets()
    ):
        self.processEvents()
    print("MODULES", " ".join(sorted(sys.modules)))
    print("FILTERS", " ".join(filters))
    from PySide6 import QtCore, QtGui, QtWidgets  # (PySide makes a class on first use)

    made = [n for m in (QtCore, QtGui, QtWidgets) for n in vars(m) if n.startswith("Q")]
    print("CLASSES", " ".join(sorted(made)))
    try:  # Linux: the shared libraries loaded so far
        with open("/proc/self/maps") as maps:
            libraries = {line.rsplit("/", 1)[-1].strip() for line in maps if ".so" in line}
    except OSError:
        libraries = set()
    print("LIBRARIES", " ".join(sorted(libraries)))
    return 0


QApplication.exec = until_exposed
from hiptimer.cli.main import main

sys.exit(main([]))
"""
)

LATER = (
    "hiptimer.core.routines.model",  # the routine files are read after the paint
    "hiptimer.core.routines.drafts",  # (only when paths.kept_drafts() names one: 2-3 ms)
    "hiptimer.core.history.store",  # the history opens on its own thread after it
    "hiptimer.ui.editor.files",  # dropped files
    "hiptimer.ui.services.speech",
    "PySide6.QtNetwork",  # a second copy's request: listened for after the paint
    "PySide6.QtMultimedia",
    "pyttsx3",
    "_hashlib",  # OpenSSL, for the single-instance socket's name (2.5 ms)
    "html.entities",  # loaded by html.escape's module; no text is escaped before the paint
    "socket",  # its enums (13 M instructions): the signals' wakeup fd is a pipe (system_quit)
    # The other pages and windows, made when first used: none is on the first screen.
    "hiptimer.ui.session.workout_page",
    "hiptimer.ui.session.summary_page",
    "hiptimer.ui.guidance.checkin_page",
    "hiptimer.ui.settings.dialog",
    "hiptimer.ui.history.window",
    "hiptimer.ui.editor.window",
    "hiptimer.ui.key_help",
)


# PySide classes only a later moment uses: each made before the paint cost 0.3-3 ms (its
# enums), and the first event seen by a Python event filter makes all 44 event types.
LATER_CLASSES = (
    "QFileDialog",  # import and export
    "QMessageBox",  # questions
    "QDialog",
    "QComboBox",
    "QSystemTrayIcon",  # the tray: asked about once the services are open
    "QUrl",  # the library's pictures, with its routines
    "QTextDocument",
    "QPainter",  # the workout screen's one-line labels
    "QMouseEvent",  # (an event filter on the window before its first expose)
    "QWheelEvent",
    "QAccessible",  # its enums, ~18 M instructions: the page stacks' factory, after the paint
    "QIcon",  # its 151 theme icons as an enum, ~14 M: the window icon comes after the paint
    "QKeySequence",  # its 71 standard keys, ~6 M: the menus' shortcuts come with the keys
)


def first_paint(home: Path) -> tuple[set[str], list[str], set[str], set[str]]:
    lines = run_until(UNTIL_EXPOSED, home)
    classes = set(lines["CLASSES"].split())
    libraries = set(lines.get("LIBRARIES", "").split())
    return set(lines["MODULES"].split()), lines.get("FILTERS", "").split(), classes, libraries


@pytest.mark.parametrize("returning", [True, False], ids=["returning user", "first start"])
def test_the_first_paint_waits_for_nothing_but_the_window(data_home: Path, returning: bool) -> None:
    if returning:
        SettingsStore().update(first_run_done=True)
    modules, filters, classes, libraries = first_paint(data_home)
    assert "hiptimer.ui.main_window" in modules  # the window itself was built
    assert sorted(modules & set(LATER)) == []
    # An application event filter makes every event cross into Python, and the first
    # Qt-private object it meets makes PySide build the Python types of most of Qt.
    assert filters == []
    assert sorted(classes & set(LATER_CLASSES)) == []
    # The window icon is drawn from PNGs: Qt's SVG plugin would load to draw it (Linux shows
    # the libraries a process has loaded; elsewhere the set is empty).
    assert [lib for lib in libraries if "svg" in lib.lower()] == []

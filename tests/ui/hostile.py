"""Hostile text for the UI tests: names that are markup, a FIFO that must never be opened, checks."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabBar,
    QTextEdit,
    QWidget,
)

from hiptimer.core.routines.model import (
    Exercise,
    Kind,
    Routine,
    Schedule,
    SideMode,
    Tempo,
)
from hiptimer.ui.widgets.plain import breakable
from tests.harness import QUICK_RESTS

if TYPE_CHECKING:
    from hiptimer.ui.history.charts import ChartBox

HOSTILE_ID = "hostile"
# Tags no string of ours uses: in a label or tooltip read as rich text, one came from data.
FOREIGN_TAG = re.compile(r"<\s*/?\s*(font|table|tr|td|img|a|h1)\b", re.IGNORECASE)
# One "&" alone, which a button or tab would read as a keyboard shortcut ("&&" shows "&").
MNEMONIC = re.compile(r"(?<!&)&(?!&)")
# A picture in a text view that is not one of the library's own exercise figures ("figure:<id>").
FOREIGN_IMAGE = re.compile(r"""<img(?![^>]*\bsrc=["']figure:[a-z0-9_-]+["'])""")

# The watcher runs in another process: a GUI thread blocked in open() holds Python's GIL,
# so a thread in this process could never run to unblock it.
WATCHER = textwrap.dedent(
    """
    import errno, os, sys, time
    fifo, log = sys.argv[1], sys.argv[2]
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # succeeds only with a reader
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
            time.sleep(0.005)
            continue
        with open(log, "a") as out:
            out.write("opened\\n")
        os.close(fd)  # the reader sees an empty file and goes on
        time.sleep(0.005)
    """
)


@dataclass(frozen=True)
class Fifo:
    """A FIFO named in `<img src>`: anything that opens it is unblocked and counted."""

    path: Path
    log: Path

    def opened(self) -> int:
        return self.log.read_text().count("opened") if self.log.exists() else 0


def watched_fifo(folder: Path) -> Iterator[Fifo]:
    """Make the FIFO and its watcher (for a fixture); the watcher stops at teardown."""
    fifo = Fifo(folder / "pipe", folder / "pipe-opened.log")
    os.mkfifo(fifo.path)
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(fifo.path), str(fifo.log)])
    try:
        yield fifo
    finally:
        fifo.path.unlink()  # a window left open by a failed test must not block on it later
        watcher.kill()
        watcher.wait()


def hostile_names(fifo: Path, picture: Path) -> list[str]:
    """Exercise names a hostile or unlucky routine file may hold (each at most 120 characters)."""
    return [
        "<font size=100>Huge</font> bridge",
        "<table width=100000><tr><td>Wide</td></tr></table> clam",
        f'<img src="{fifo}">Frozen',
        f'<img src="{picture}">Picture',
        '<a href="https://example.com/">Link</a> & <b>bold</b> &amp; &lt;',
        "W" * 120,
        "\u202eRTL\u200b zero\u200dwidth \U0001f9b5\U0001f3fd \u05e9\u05dc\u05d5\u05dd",
        # No bell or ESC: a routine file holding a control character is refused at load
        # (tests/core/routines/test_control_characters.py); a tab, CR and line break are text.
        "Tab\there esc[31m CR\r new\nline [*] &Shortcut",
    ]


def hostile_picture(folder: Path) -> Path:
    """A large local picture: shown through an `<img>` it would fill the window."""
    path = folder / "picture.png"
    path.write_bytes(_large_png())
    return path


@functools.cache
def _large_png() -> bytes:
    """3000 x 3000 red pixels as PNG: encoded once per process (~0.2 s each time)."""
    image = QImage(3000, 3000, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.png"
        assert image.save(str(path))
        return path.read_bytes()


def hostile_routine(names: list[str]) -> Routine:
    """Every kind of step, each exercise named, cued and cautioned with hostile text."""
    kinds: tuple[dict[str, Any], ...] = (
        {"kind": Kind.HOLD, "hold_s": 2, "sides": SideMode.EACH},
        {"kind": Kind.REPS, "reps": 2},  # counted by key presses
        {"kind": Kind.REPS, "reps": 2, "tempo": Tempo(1, 0, 1)},
        {"kind": Kind.REPS, "reps": 2, "tempo": Tempo(1, 0, 1), "sides": SideMode.ALTERNATING},
    )
    exercises = tuple(
        Exercise(f"e{i}", name, setup=(name,), cues=(name,), caution=name, **kinds[i % len(kinds)])
        for i, name in enumerate(names)
    )
    return Routine(
        id=HOSTILE_ID,
        title=f"{names[2]} [*] &{names[0]}"[:120],
        exercises=exercises,
        rests=QUICK_RESTS,
        description=" ".join(names),
        cautions=tuple(names[:3]),
        schedule=Schedule(3, 4),
    )


# ---------------------------------------------------------------- what a user would see


def read_as_rich(text: str, fmt: Qt.TextFormat) -> bool:
    """Whether Qt shows `text` as rich text in a label (or a tooltip, always AutoText)."""
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def shown_text(label: QLabel) -> str:
    """What a label shows, in one line (rich text is read as HTML, which joins lines)."""
    text = label.text()
    if read_as_rich(text, label.textFormat()):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.split())


class Screen:
    """Finds untrusted text that Qt would read as markup, anywhere under a widget."""

    def __init__(self, names: Iterable[str]) -> None:
        self.marked = [n for n in names if "<" in n or "&" in n]
        self.titled = [n for n in names if "[*]" in n]  # Qt hides "[*]" in a window title

    def markup(self, text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
        """True when `text` would show a hostile name's markup as markup."""
        if not read_as_rich(text, fmt):
            return False
        return bool(FOREIGN_TAG.search(text)) or any(name in text for name in self.marked)

    def problems(self, root: QWidget) -> list[str]:
        found: list[str] = self._title(root.window())
        for widget in [root, *root.findChildren(QWidget)]:
            where = f"{type(widget).__name__} {widget.objectName()!r}"
            if isinstance(widget, QLabel) and self.markup(widget.text(), widget.textFormat()):
                found.append(f"{where} shows {widget.text()!r} as rich text")
            if self.markup(widget.toolTip()):
                found.append(f"{where} has the tooltip {widget.toolTip()!r} as rich text")
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                found += [f"{where}: {p}" for p in self._model(widget.model())]
            if isinstance(widget, QTabBar):
                for i in range(widget.count()):
                    if any(n in widget.tabText(i) for n in self.marked) and MNEMONIC.search(
                        widget.tabText(i)
                    ):
                        found.append(f"{where} tab {widget.tabText(i)!r} has a lone &")
            if isinstance(widget, (QAbstractButton, QGroupBox)):
                text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
                if any(n in text for n in self.marked) and MNEMONIC.search(text):
                    found.append(f"{where} {text!r} has a lone &")
            if isinstance(widget, QTextEdit) and FOREIGN_IMAGE.search(widget.toHtml()):
                found.append(f"{where} shows a picture: {widget.toHtml()[:200]!r}")
            found += [f"{where}: {p}" for p in self._charts(widget)]
        return found

    def _title(self, window: QWidget) -> list[str]:
        handle = window.windowHandle()
        title = window.windowTitle()
        for name in self.titled:
            named = name in title or name.replace("[*]", "[*][*]") in title
            if named and handle is not None and name not in handle.title():
                return [f"the window title {handle.title()!r} does not show {name!r}"]
        return []

    def _model(self, model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
        found: list[str] = []
        parent = parent if parent is not None else QModelIndex()
        # A list model's columnCount() is private in PySide: it has one column.
        flat = isinstance(model, QAbstractListModel)
        columns = 1 if flat else model.columnCount(parent)
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(columns):
                index = model.index(row, col, parent)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and self.markup(tip):
                    found.append(f"row {row} has the tooltip {tip!r} as rich text")
                if col == 0 and not flat and model.rowCount(index) > 0:
                    found += self._model(model, index)
        return found

    def _charts(self, widget: QWidget) -> list[str]:
        if type(widget).__name__ != "QChartView":
            return []
        from PySide6.QtCharts import QChartView

        assert isinstance(widget, QChartView)
        chart = widget.chart()
        titles = [chart.title(), *(axis.titleText() for axis in chart.axes())]
        # QtCharts draws titles as HTML (a QGraphicsTextItem's setHtml).
        return [
            f"chart title {t!r} is read as HTML"
            for t in titles
            if self.markup(t, Qt.TextFormat.RichText)
        ]


def overflow(window: QWidget, room: QSize | None = None) -> list[str]:
    """Ways the window outgrows its room (the screen), or its contents outgrow the window."""
    found: list[str] = []
    room = room or window.screen().availableGeometry().size()
    if window.width() > room.width() or window.height() > room.height():
        found.append(f"the window is {window.width()}x{window.height()}, its room {room}")
    layout = window.layout()
    if layout is not None:
        need = layout.totalMinimumSize()
        if need.width() > window.width() or need.height() > window.height():
            grown = [
                w
                for w in window.findChildren(QWidget)
                if w.isVisible() and w.minimumSizeHint().width() > window.width() // 2
            ]
            names = [  # the innermost ones: what makes their parents wide
                f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r:.60}"
                f" ({w.minimumSizeHint().width()} px)"
                for w in grown
                if not any(o is not w and w.isAncestorOf(o) for o in grown)
            ]
            found.append(
                f"the contents need {need.width()}x{need.height()}, more than the window: {names}"
            )
    return found


@dataclass
class Seen:
    """Everything wrong found on the screens looked at, by screen."""

    screen: Screen
    problems: dict[str, list[str]] = field(default_factory=dict)
    looked: list[str] = field(default_factory=list)

    def look(self, what: str, widget: QWidget, room: QSize | None = None) -> None:
        QApplication.processEvents()
        self.looked.append(what)
        found = self.screen.problems(widget) + overflow(widget.window(), room)
        if found:
            self.problems.setdefault(what, []).extend(found)

    def report(self) -> str:
        return "\n".join(f"{what}: {p}" for what, found in self.problems.items() for p in found)


def as_seen(box: ChartBox) -> str:
    """A chart's title as shown above it (a plain-text label, so no markup is read)."""
    assert box.heading.textFormat() is Qt.TextFormat.PlainText
    assert box.heading.text() == breakable(box.title())  # long words breakable, as written
    return box.title()


def one_line(text: str) -> str:
    return " ".join(text.split())


def shown(seen: Seen, what: str, dialog: QDialog) -> int:
    """Stands in for a dialog's exec(): show it, look at it, and close it as if cancelled."""
    dialog.show()
    seen.look(what, dialog)
    dialog.reject()
    return QDialog.DialogCode.Rejected.value

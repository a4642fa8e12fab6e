"""The start screen: the routine library, one routine's details and a big Start button."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hiptimer import paths
from hiptimer.core.routines.model import Routine, dose_text, estimated_seconds, format_duration
from hiptimer.i18n import _, n_
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import current, follow, set_px

SEPARATOR = " \u00b7 "
ITEM_PADDING = 2 * 10 + 8  # the style sheet's padding of a row, and the focus frame's
Estimate = Callable[[Routine], float]  # a routine's length as the next session would run it


@dataclass(frozen=True)
class LibraryItem:
    """One routine file: a routine, or the problem that keeps it from being one."""

    id: str
    title: str
    routine: Routine | None
    problem: str = ""  # every problem, one per line, for a broken file
    builtin: bool = False

    @property
    def broken(self) -> bool:
        return self.routine is None


def load_library() -> list[LibraryItem]:
    """The routines from hiptimer.core.routines.catalog, or straight from the routine folders."""
    from hiptimer.core.routines.catalog import load_catalog

    return [
        LibraryItem(
            e.id,
            e.routine.title if e.routine else e.title,
            e.routine,
            "\n".join(e.error.lines()) if e.error else "",
            e.builtin,
        )
        for e in load_catalog().entries()
    ]


def details_html(item: LibraryItem, estimate: Estimate = estimated_seconds) -> str:
    """The routine's description, duration, schedule, exercises (each with its caution), its
    cautions and its source, as HTML; every text from the routine is escaped."""
    e = html.escape
    if item.routine is None:
        problems = "".join(f"<li>{e(line)}</li>" for line in item.problem.splitlines())
        return (
            f"<h2>{e(item.title)}</h2><p style='color:{current().error}'><b>"
            + e(_("This routine file is broken and cannot be started:"))
            + f"</b></p><ul>{problems}</ul>"
        )
    r = item.routine
    meta = [_("About {time}").format(time=format_duration(estimate(r)))]
    if r.schedule is not None:
        meta.append(r.schedule.label)
    count = len(r.active_exercises)
    meta.append(n_("{n} exercise", "{n} exercises", count).format(n=count))
    parts = [f"<h2>{e(r.title)}</h2>", f"<p><b>{e(SEPARATOR.join(meta))}</b></p>"]
    if r.description:
        parts.append(f"<p>{e(r.description)}</p>")
    rows = "".join(_exercise_rows(ex.name, dose_text(ex), ex.caution) for ex in r.active_exercises)
    heading = e(_("Exercises"))
    parts.append(f"<p><b>{heading}</b></p><table>{rows}</table>")
    if r.cautions:
        cautions = "".join(f"<li>{e(c)}</li>" for c in r.cautions)
        heading = e(_("Cautions"))
        parts.append(
            f"<p style='color:{current().warning}'><b>{heading}</b></p><ul>{cautions}</ul>"
        )
    if r.source.strip():
        source = e(_("Source:"))
        parts.append(f"<p><b>{source}</b> {e(r.source)}</p>")
    return "".join(parts)


def _exercise_rows(name: str, dose: str, caution: str) -> str:
    e = html.escape
    row = f"<tr><td>{e(name)}</td><td>&nbsp;&nbsp;{e(dose)}</td></tr>"
    if caution.strip():
        row += (
            f"<tr><td colspan='2' style='color:{current().warning}; padding-left: 18px;"
            f" padding-bottom: 6px'>\u26a0 {e(caution.strip())}</td></tr>"
        )
    return row


class LibraryPage(QWidget):
    """Lists the routines; Up/Down choose one, Enter (or the Start button) starts it.

    Signals: start_requested(Routine).
    """

    start_requested = Signal(object)

    def __init__(
        self,
        items: list[LibraryItem],
        parent: QWidget | None = None,
        *,
        estimate: Estimate = estimated_seconds,
    ) -> None:
        """`estimate`: a routine's length as the next session will run it (lead-ins included)."""
        super().__init__(parent)
        self.setObjectName("page")
        self.items = items
        self._estimate = estimate
        self.heading = QLabel(_("Choose a routine"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Routines"))
        self.setFocusProxy(self.list)  # the page's focus: a reader says the routine chosen
        self.list.setAccessibleDescription(_("Up and Down choose one; Enter starts it"))
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # A routine's length goes on a second line when the list is narrow (see _label),
        # never past the list's edge.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.viewport().installEventFilter(self)  # its width decides the rows' lines
        for item in items:
            row = QListWidgetItem(self._label(item))
            if item.broken:
                row.setForeground(QColor(current().error))
            self.list.addItem(row)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(_("About the chosen routine"))
        self.details.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details.setOpenExternalLinks(False)
        self.start_button = QPushButton(_("Start") + f"   [{KEY_NAMES[Action.START]}]", self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start_button.clicked.connect(self.start_selected)
        self.hint = QLabel(
            _("\u2191 \u2193 choose  \u00b7  Enter start  \u00b7  F11 full screen"), self
        )
        self.hint.setProperty("role", "muted")
        self.empty = QLabel(
            _("No routines found in {folder}").format(folder=paths.builtin_routines_dir()), self
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name
        self.empty.setVisible(not items)

        right = QVBoxLayout()
        right.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.start_button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemDoubleClicked.connect(lambda _item: self.start_selected())
        if items:
            self.list.setCurrentRow(0)
        else:
            self._show_details(-1)
        follow(self, self._new_look)

    def _new_look(self) -> None:
        """The theme or text size changed: colours and lines as the new look has them."""
        for row, item in enumerate(self.items):
            if item.broken:
                self.list.item(row).setForeground(QColor(current().error))
        self._show_details(self.list.currentRow())
        self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def _label(self, item: LibraryItem) -> str:
        """The row's words: the title and length on one line, or on two when the list is
        too narrow for both (Qt's own word wrap cuts the last line under a style sheet)."""
        label = _("{title}   (broken)").format(title=item.title) if item.broken else item.title
        if item.routine is None:
            return label
        length = format_duration(self._estimate(item.routine))
        metrics = QFontMetrics(self.list.font())
        room = self.list.viewport().width() - ITEM_PADDING
        one_line = f"{label}   \u00b7 {length}"
        if metrics.horizontalAdvance(one_line) <= room:
            return one_line
        title = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
        return f"{title}\n\u00b7 {length}"

    def _fit_labels(self) -> None:
        for row, item in enumerate(self.items):
            text = self._label(item)
            if self.list.item(row).text() != text:
                self.list.item(row).setText(text)

    def set_estimate(self, estimate: Estimate) -> None:
        """Lengths as the next session will run them, now that the voice is known."""
        self._estimate = estimate
        self._fit_labels()
        self._show_details(self.list.currentRow())

    @property
    def selected(self) -> LibraryItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, routine_id: str) -> bool:
        for row, item in enumerate(self.items):
            if item.id == routine_id and not item.broken:
                self.list.setCurrentRow(row)
                return True
        return False

    def move_selection(self, step: int) -> None:
        if self.items:
            row = min(len(self.items) - 1, max(0, self.list.currentRow() + step))
            self.list.setCurrentRow(row)

    def start_selected(self) -> None:
        item = self.selected
        if item is not None and item.routine is not None:
            self.start_requested.emit(item.routine)

    def _show_details(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        self.details.setHtml(details_html(item, self._estimate) if item is not None else "")
        self.start_button.setEnabled(item is not None and not item.broken)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.heading, h * 0.05, bold=True)
        set_px(self.list, h * 0.03)
        set_px(self.details, h * 0.026)
        set_px(self.hint, h * 0.024)
        set_px(self.start_button, h * 0.04, bold=True)
        self._fit_labels()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.list.viewport():
            self._fit_labels()
        return super().eventFilter(watched, event)

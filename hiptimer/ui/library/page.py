"""The start screen: the routine library, one routine's details and a big Start button."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QResizeEvent, QTextDocument
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
from hiptimer.core.routines.model import (
    Exercise,
    Routine,
    dose_text,
    estimated_seconds,
    format_duration,
)
from hiptimer.i18n import _, n_
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import current, follow, set_px

SEPARATOR = " \u00b7 "
PICTURE_SCHEME = "figure:"  # our own resource names; exercise ids are [a-z0-9_-]
THUMB_W, THUMB_H = 96, 64
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
            "\n".join(e.error.shown_lines()) if e.error else "",
            e.builtin,
        )
        for e in load_catalog().entries()
    ]


def details_html(
    item: LibraryItem,
    estimate: Estimate = estimated_seconds,
    pictures: Mapping[str, str] | None = None,
) -> str:
    """The routine's description, duration, schedule, exercises (each with its caution), its
    cautions and its source, as HTML; every text from the routine is escaped.

    `pictures` maps an exercise id to the name of a small picture in the document's resources,
    or to a plain-text line saying why there is none; without it there is no picture column.
    """
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
    rows = "".join(
        _exercise_rows(ex.name, dose_text(ex), ex.caution, pictures, ex.id, ladder_line(ex))
        for ex in r.active_exercises
    )
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


def ladder_line(ex: Exercise) -> str:
    """'Variants, easiest first: Bridge (now) · Single-leg bridge' for an exercise with a
    progression ladder; '' without one."""
    from hiptimer.core.routines.ladder import rungs

    names = [
        _("{name} (now)").format(name=rung.name) if at == ex.rung else rung.name
        for at, rung in enumerate(rungs(ex))
    ]
    return (
        _("Variants, easiest first: {names}").format(names=SEPARATOR.join(names)) if names else ""
    )


def _exercise_rows(
    name: str,
    dose: str,
    caution: str,
    pictures: Mapping[str, str] | None,
    exercise_id: str,
    ladder: str = "",
) -> str:
    """One exercise: its picture beside its name and dose, and under them its ladder's
    variants, why there is no picture (a missing file) and its caution."""
    e = html.escape
    below: list[str] = []
    if ladder:
        below.append(
            f"<td colspan='2' style='color:{current().muted}; padding-left: 18px'>{e(ladder)}</td>"
        )
    note = (pictures or {}).get(exercise_id, "")
    if note and not note.startswith(PICTURE_SCHEME):
        below.append(f"<td colspan='2' style='color:{current().warning}'>{e(note)}</td>")
    if caution.strip():
        below.append(
            f"<td colspan='2' style='color:{current().warning}; padding-left: 18px;"
            f" padding-bottom: 6px'>\u26a0 {e(caution.strip())}</td>"
        )
    picture = _picture_cell(pictures, exercise_id, rows=1 + len(below))
    first = f"<tr>{picture}<td>{e(name)}</td><td>&nbsp;&nbsp;{e(dose)}</td></tr>"
    return first + "".join(f"<tr>{cell}</tr>" for cell in below)


def _picture_cell(pictures: Mapping[str, str] | None, exercise_id: str, rows: int) -> str:
    """The picture column's cell, beside all of the exercise's rows (none without pictures)."""
    if pictures is None:
        return ""
    name = pictures.get(exercise_id, "")
    image = (
        f"<img src='{html.escape(name, quote=True)}' width={THUMB_W} height={THUMB_H}>&nbsp;"
        if name.startswith(PICTURE_SCHEME)
        else ""
    )
    return f"<td rowspan='{rows}' valign='middle'>{image}</td>"


LENGTH_GAP = "   "  # between a routine's title and its length in the list
ITEM_PADDING_PX = 10  # QListWidget::item padding in the app's style sheet (theme.py)


class LibraryPage(QWidget):
    """Lists the routines; Up/Down choose one, Enter (or the Start button) starts it.

    Signals: start_requested(Routine).
    """

    start_requested = Signal(object)

    def __init__(
        self,
        items: list[LibraryItem] | None,
        parent: QWidget | None = None,
        *,
        estimate: Estimate = estimated_seconds,
    ) -> None:
        """`items` None: not read yet (set_items() fills the list); `estimate`: a routine's
        length as the next session will run it (lead-ins included)."""
        super().__init__(parent)
        self.setObjectName("page")
        self.items: list[LibraryItem] = []
        self._estimate = estimate
        self.heading = QLabel(_("Choose a routine"), self)
        self.today = QLabel("", self)  # the weekly plan's day: routines, marks, the week
        self.today.setTextFormat(Qt.TextFormat.PlainText)  # routine titles
        self.today.setWordWrap(True)
        self.today.setProperty("role", "muted")
        self.today.hide()
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.list.setAccessibleName(_("Routines"))
        self.list.setAccessibleDescription(_("Up and Down choose one; Enter starts it"))
        self.setFocusProxy(self.list)  # the page's focus: a reader says the routine chosen
        # A title too long for the list (Spanish ones run longer) puts its length on a
        # second line (_fit_labels), never behind a sideways scroll bar.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._width_watched = False  # set_items() starts watching the list's width
        self.details = QTextBrowser(self)
        self.details.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details.setAccessibleName(_("About the chosen routine"))
        self.details.setOpenExternalLinks(False)
        self.start_button = QPushButton(_("Start") + f"   [{KEY_NAMES[Action.START]}]", self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start_button.clicked.connect(self.start_selected)
        self.hint = QLabel(
            _("\u2191 \u2193 choose  \u00b7  Enter start  \u00b7  F11 full screen"), self
        )
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)  # its width must not squeeze the list of routines
        self.empty = QLabel(
            _("No routines found in {folder}").format(folder=paths.builtin_routines_dir()), self
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name
        self.empty.setVisible(False)

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
        layout.addWidget(self.today)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemDoubleClicked.connect(lambda _item: self.start_selected())
        if items is not None:
            self.set_items(items)
        else:
            self.start_button.setEnabled(False)  # nothing to start until the list is read
        follow(self, self._new_look)

    def _new_look(self) -> None:
        """The theme or text size changed: colours and lines as the new look has them."""
        for row, item in enumerate(self.items):
            if item.broken:
                self.list.item(row).setForeground(QColor(current().error))
        self._show_details(self.list.currentRow())
        self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def set_items(self, items: list[LibraryItem]) -> None:
        """List these routines, the first one chosen."""
        self.items = items
        if not self._width_watched:
            # Its width is known only once laid out; the viewport's, as the list's own resize
            # is seen by a filter before the viewport follows it. Not before the first paint:
            # PySide's first viewport() takes ~10 ms (docs/performance.md).
            self._width_watched = True
            self.list.viewport().installEventFilter(self)
        self.list.clear()
        for item in items:
            row = QListWidgetItem(self._label(item))
            if item.broken:
                row.setForeground(QColor(current().error))
            self.list.addItem(row)
        self._fit_labels()
        self.empty.setVisible(not items)
        if items:
            self.list.setCurrentRow(0)
        else:
            self._show_details(-1)

    def _label(self, item: LibraryItem) -> str:
        label = _("{title}   (broken)").format(title=item.title) if item.broken else item.title
        if item.routine is not None:
            label += f"{LENGTH_GAP}\u00b7 {format_duration(self._estimate(item.routine))}"
        return label

    def set_estimate(self, estimate: Estimate) -> None:
        """Lengths as the next session will run them, now that the voice is known."""
        self._estimate = estimate
        self._fit_labels()
        self._show_details(self.list.currentRow())

    def show_today(self, lines: list[str]) -> None:
        """Today's plan ("Daily hip stretches at 18:00 \u2014 due") and the week's tally."""
        first = _("Today: {plan}").format(plan=lines[0]) if lines else ""
        text = "\n".join([first, *lines[1:]]) if lines else ""
        self.today.setText(text)
        self.today.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_labels()
        return super().eventFilter(watched, event)

    def _fit_labels(self) -> None:
        """Each row's label, its length moved to a second line when the row is too narrow.

        Qt's word wrap measures list rows without the style sheet's item padding, so a
        label that nearly fits was cut ("· 30 …") instead of wrapped: break it here.
        """
        metrics = self.list.fontMetrics()
        room = self.list.viewport().width() - 2 * ITEM_PADDING_PX - 16  # and the text margins
        for row, item in enumerate(self.items):
            label = self._label(item)
            if metrics.horizontalAdvance(label) > room:
                label = label.replace(LENGTH_GAP, "\n", 1)
                title, newline, length = label.partition("\n")
                if metrics.horizontalAdvance(title) > room:  # the details show it whole
                    title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
                label = title + newline + length
            self.list.item(row).setText(label)

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
        pictures = self._pictures(item) if item is not None else None
        html_text = details_html(item, self._estimate, pictures) if item is not None else ""
        self.details.setHtml(html_text)
        self.start_button.setEnabled(item is not None and not item.broken)

    def _pictures(self, item: LibraryItem) -> dict[str, str]:
        """Each exercise's figure (or picture) as a document resource, or the line saying why not.

        A fresh shelf each time, so a figure file you just changed shows when you select again.
        """
        if item.routine is None:
            return {}
        # The figures load with the first routine shown: the routines are read after the
        # window's first paint (issue 19).
        from hiptimer.ui.widgets.figure_art import ArtShelf
        from hiptimer.ui.widgets.figure_view import thumbnail

        shelf = ArtShelf(routine_path=item.routine.path)
        ratio = self.devicePixelRatioF()
        pictures: dict[str, str] = {}
        for ex in item.routine.active_exercises:
            art = shelf.art_for(ex)
            image = thumbnail(art, THUMB_W, THUMB_H, ratio)
            if image is not None:
                name = f"{PICTURE_SCHEME}{ex.id}"
                self.details.document().addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(name), image
                )
                pictures[ex.id] = name
            elif art.note:
                pictures[ex.id] = art.note
        return pictures

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.heading, h * 0.05, bold=True)
        set_px(self.today, h * 0.024)
        set_px(self.list, h * 0.03)
        self._fit_labels()
        set_px(self.details, h * 0.026)
        set_px(self.hint, h * 0.024)
        set_px(self.start_button, h * 0.04, bold=True)

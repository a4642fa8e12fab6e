"""The weekly plan's settings page: which routines on which days at what time, reminders,
desk breaks, the tray and start at login. It shows and hands back; it saves nothing."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptimer import APP_TITLE
from hiptimer.core.plan.model import PlanItem, WeeklyPlan, day_names, default_item
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.reminders.delivery import reminders_help
from hiptimer.ui.reminders.desk_group import DeskGroup
from hiptimer.ui.reminders.plan_fields import (
    PAGE_SIDE,
    group_layout,
    muted,
    time_edit,
    time_style,
)
from hiptimer.ui.settings.style import settings_style_sheet
from hiptimer.ui.theme import follow
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.plain import as_html, fit_names
from hiptimer.ui.widgets.screen_fit import room
from hiptimer.ui.widgets.wrapped_check import WrappedCheck

# A title cut to fit the screen keeps at least this many average characters.
SHORTEST_TITLE = 12
# Past this many routines the plan lists the planned ones, and one more is added from a list:
# a row each for 2,008 routines (18,000 boxes and fields) took 3.5 s of CPU to open.
ROWS_FOR_ALL_UP_TO = 100

TRAY_HELP = N_(
    "Reminders come only while HipTimer runs. With this on, closing the window leaves it "
    "in the tray (quit from the tray menu or File > Quit)."
)


@dataclass(frozen=True)
class PlanChoice:
    """What the dialog hands back."""

    plan: WeeklyPlan
    keep_in_tray: bool
    start_at_login: bool


class _Row:
    """One routine's row: planned or not, its days and its time."""

    def __init__(
        self, grid: QGridLayout, row: int, title: str, item: PlanItem | None, stacked: bool
    ) -> None:
        self.title = title
        self.planned = QCheckBox(title.replace("&", "&&"))
        self.planned.setAccessibleName(title)  # whole, where the box shows it cut (elide)
        self.planned.setAccessibleDescription(_("In the weekly plan, with reminders"))
        self.planned.setChecked(item is not None)
        self.days = []
        names = day_names()
        for d in range(7):
            box = QCheckBox()
            box.setAccessibleName(_("{routine} on {day}").format(routine=title, day=names[d]))
            box.setAccessibleDescription(_("Planned on this day of the week"))
            box.setChecked(item is not None and item.on(d))
            self.days.append(box)
        self.time = time_edit(item.at if item is not None else "18:00")
        self.time.setAccessibleName(_("{routine}: time").format(routine=title))
        self.time.setAccessibleDescription(_("When the reminder comes, on the planned days"))
        self.place(grid, row, stacked=stacked)
        self.planned.toggled.connect(self._enable)
        self._enable(self.planned.isChecked())

    def place(self, grid: QGridLayout, row: int, *, stacked: bool) -> None:
        """The row's boxes in the plan's grid: the title beside its days and time, or in a
        line of its own above them (`stacked`), the whole grid's width."""
        if stacked:
            grid.addWidget(self.planned, 2 * row - 1, 0, 1, 9)
        else:
            grid.addWidget(self.planned, row, 0)
        under = 2 * row if stacked else row
        for d, box in enumerate(self.days):
            grid.addWidget(box, under, 1 + d, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.time, under, 8)

    def title_px(self) -> int:
        return self.planned.fontMetrics().horizontalAdvance(self.title)

    def elide(self, px: int) -> None:
        """Show the title cut with "…" to `px` pixels, whole in its tooltip (and its
        accessible name) where it is cut."""
        shown = self.planned.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, px)
        self.planned.setText(shown.replace("&", "&&"))
        self.planned.setToolTip(as_html(self.title) if shown != self.title else "")

    def _enable(self, on: bool) -> None:
        for widget in (*self.days, self.time):
            widget.setEnabled(on)

    def fill(self, item: PlanItem) -> None:
        for d, box in enumerate(self.days):
            box.setChecked(item.on(d))

    def item(self, routine_id: str) -> PlanItem | None:
        if not self.planned.isChecked():
            return None
        days = tuple(d for d, box in enumerate(self.days) if box.isChecked())
        return PlanItem(routine_id, days, self.time.time().toString("HH:mm"))


class PlanDialog(QDialog):
    """Shows the plan for the library's routines and hands back the choice.

    `tray_reason` / `login_reason`: why that option cannot be used here ("" when it can);
    `idle_source`: where desk breaks read the idle time ("" for a plain interval);
    `help_text`: how reminders come here (delivery.reminders_help; "" for notifications).

    Signals: none of its own (QDialog's finished).
    """

    def __init__(
        self,
        plan: WeeklyPlan,
        routines: list[Routine],
        *,
        keep_in_tray: bool,
        start_at_login: bool,
        tray_reason: str = "",
        login_reason: str = "",
        idle_source: str = "",
        help_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Weekly plan and reminders \u2014 {app}").format(app=APP_TITLE))
        self.setObjectName("settings")
        self.setStyleSheet(settings_style_sheet() + time_style())
        follow(self, lambda: self.setStyleSheet(settings_style_sheet() + time_style()))
        # The groups scroll as one, as the Settings dialog's do, with OK and Cancel below.
        # (The plan's list scrolled in a box of its own: on a 1280 x 800 screen its lower
        # rows were drawn under the desk breaks, their focus ring out of sight.)
        body = QWidget(self)
        groups = QVBoxLayout(body)
        groups.setContentsMargins(PAGE_SIDE, 16, PAGE_SIDE, 6)
        groups.addWidget(self._plan_group(plan, routines, help_text or reminders_help("", True)))
        self.desk = DeskGroup(plan.desk, routines, idle_source, self)
        groups.addWidget(self.desk)
        groups.addWidget(self._tray_group(keep_in_tray, start_at_login, tray_reason, login_reason))
        self.scroller = DialogBody(body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        layout.addWidget(self.scroller, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setContentsMargins(PAGE_SIDE, 0, PAGE_SIDE, 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ensurePolished()  # the boxes' fonts, to measure their titles with
        self._fit_titles()
        width = self.scroller.minimum_width()
        self.setMinimumSize(width, min(self.minimumSizeHint().height(), 240))
        self.resize(max(860, width), self.minimumHeight())

    def _fit_titles(self) -> None:
        """Cut the routines' titles by as much as the plan is wider than its screen has room
        for: a long title (up to 120 characters) made it wider than a 1024 px screen in large
        print, and the dialog opened scrolled sideways, the routines' names cut at the left."""
        over = self.scroller.minimum_width() - room(self).width()
        if over <= 0 or not self.rows:
            return
        widest = max(row.title_px() for row in self.rows.values())
        least = self.fontMetrics().averageCharWidth() * SHORTEST_TITLE
        if widest - over < least and not self._stacked:
            self._stack()  # a title of 12 letters and its days still too wide: 640 x 480
            self._fit_titles()
            return
        for row in self.rows.values():
            row.elide(max(widest - over, least))

    def _stack(self) -> None:
        """Each routine's title in a line of its own over its days and time: beside them, at
        their least, the plan needed 662 px in Spanish large print, cut at the right of a
        640 x 480 screen (its titles cut to "Estiramient…" anyway)."""
        self._stacked = True
        self._routine_head.hide()  # its column empty but for the titles over their days
        for n, row in enumerate(self.rows.values(), start=1):
            for widget in (row.planned, *row.days, row.time):
                self._grid.removeWidget(widget)
            row.place(self._grid, n, stacked=True)
        # The groups around it measure it anew, before it is shown (each caches its parts').
        host = self._grid.parentWidget()
        while host is not None and host is not self:
            host.updateGeometry()
            host = host.parentWidget()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scroller.fit_dialog(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.scroller.fit_body()

    def _plan_group(self, plan: WeeklyPlan, routines: list[Routine], help_text: str) -> QGroupBox:
        box = QGroupBox(_("Weekly plan"), self)
        layout = group_layout(box)
        self.reminders = WrappedCheck(_("&Remind me at the planned times"), box)
        self.reminders.setChecked(plan.reminders)
        layout.addWidget(self.reminders)
        layout.addWidget(muted(help_text, box))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        edges = grid.contentsMargins()  # none at the sides (PAGE_SIDE), a gap above and below
        grid.setContentsMargins(0, edges.top(), 0, edges.bottom())
        self._routine_head = QLabel(_("Routine"))
        grid.addWidget(self._routine_head, 0, 0)
        for d, name in enumerate(day_names()):
            grid.addWidget(QLabel(name), 0, 1 + d, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(QLabel(_("Time")), 0, 8)
        self.rows: dict[str, _Row] = {}
        self._grid = grid
        self._stacked = False
        known = {r.id for r in routines}
        entries: list[tuple[str, str, Routine | None]] = [(r.id, r.title, r) for r in routines]
        gone = _("{routine} (not in the library)")
        entries += [(i.routine_id, gone.format(routine=i.routine_id), None)
                    for i in plan.items if i.routine_id not in known]  # fmt: skip
        many = len(routines) > ROWS_FOR_ALL_UP_TO
        for rid, title, routine in entries:
            if not many or plan.item_for(rid) is not None:
                self._add_row(rid, title, routine, plan.item_for(rid))
        grid.setColumnStretch(0, 1)
        layout.addWidget(grid_host)
        self._addable = {rid: (title, r) for rid, title, r in entries if rid not in self.rows}
        self.to_add: QComboBox | None = None
        if self._addable:
            layout.addWidget(self._adder(box))
        return box

    def _add_row(
        self, rid: str, title: str, routine: Routine | None, item: PlanItem | None
    ) -> _Row:
        row = _Row(self._grid, len(self.rows) + 1, title, item, self._stacked)
        if routine is not None:
            first = default_item(routine)
            row.planned.toggled.connect(lambda on, r=row, f=first: _first_fill(on, r, f))
        self.rows[rid] = row
        return row

    def _adder(self, box: QGroupBox) -> QWidget:
        """A large library's other routines, one added to the plan at a time."""
        host = QWidget(box)
        line = QHBoxLayout(host)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("A&nother routine:"), host)
        self.to_add = QComboBox(host)
        fit_names(self.to_add, 24)
        for rid, (title, _routine) in self._addable.items():
            self.to_add.addItem(title, rid)
        label.setBuddy(self.to_add)
        self.to_add.setAccessibleDescription(_("A routine not in the plan yet, to add to it"))
        add = QPushButton(_("Add to the plan"), host)
        add.setAccessibleDescription(_("Gives the routine chosen beside it a row in the plan"))
        add.clicked.connect(self._add_chosen)
        line.addWidget(label)
        line.addWidget(self.to_add, 1)
        line.addWidget(add)
        return host

    def _add_chosen(self) -> None:
        """The routine chosen in the list gets its row, ticked with its schedule's days."""
        assert self.to_add is not None
        rid = self.to_add.currentData()
        if rid not in self._addable:
            return
        title, routine = self._addable.pop(rid)
        self.to_add.removeItem(self.to_add.currentIndex())
        row = self._add_row(rid, title, routine, None)
        row.planned.setChecked(True)
        row.planned.setFocus()

    def _tray_group(
        self, keep: bool, login: bool, tray_reason: str, login_reason: str
    ) -> QGroupBox:
        box = QGroupBox(_("Running in the background"), self)
        layout = group_layout(box)
        self.keep_in_tray = WrappedCheck(_("&Keep running in the tray when the window closes"), box)
        self.keep_in_tray.setChecked(keep and not tray_reason)
        self.keep_in_tray.setEnabled(not tray_reason)
        layout.addWidget(self.keep_in_tray)
        layout.addWidget(muted(tray_reason or translate(TRAY_HELP), box))
        self.start_at_login = WrappedCheck(_("Start HipTimer at &login (in the tray)"), box)
        self.start_at_login.setChecked(login and not login_reason)
        self.start_at_login.setEnabled(not login_reason)
        layout.addWidget(self.start_at_login)
        if login_reason:
            layout.addWidget(muted(login_reason, box))
        return box

    def chosen(self) -> PlanChoice:
        items = tuple(item for rid, row in self.rows.items() if (item := row.item(rid)) is not None)
        plan = WeeklyPlan(self.reminders.isChecked(), items, self.desk.chosen())
        return PlanChoice(plan, self.keep_in_tray.isChecked(), self.start_at_login.isChecked())


def _first_fill(on: bool, row: _Row, first: PlanItem) -> None:
    """A routine just ticked with no day chosen gets its schedule's days."""
    if on and not any(box.isChecked() for box in row.days):
        row.fill(first)

"""The tray icon and its menu: today's plan, the next reminder, start a routine, pause."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _
from hiptimer.ui.reminders.coordinator import ReminderCoordinator


def menu_text(text: str) -> str:
    """A routine's title as a menu item shows it: "&" is a mnemonic mark there."""
    return text.replace("&", "&&")


class ReminderTray(QObject):
    """A tray icon whose menu is built afresh each time it opens.

    Signals: show_requested(); plan_requested(); quit_requested(); start_requested(str) with a
    routine id.
    """

    show_requested = Signal()
    plan_requested = Signal()
    quit_requested = Signal()
    start_requested = Signal(str)

    def __init__(
        self,
        reminders: ReminderCoordinator,
        routines: Callable[[], list[Routine]],
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self._routines = routines
        self.menu = QMenu(parent)
        self.menu.setToolTipsVisible(True)  # the week's marks in words (Qt's default: none)
        self.menu.aboutToShow.connect(self.refresh)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        reminders.today_changed.connect(self._tooltip)
        self.refresh()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()

    def _tooltip(self) -> None:
        lines = "\n".join(self._reminders.next_lines())
        self.icon.setToolTip(_("HipTimer \u2014 {next}").format(next=lines))

    def refresh(self) -> None:
        """Build the menu as things are now."""
        menu, r = self.menu, self._reminders
        menu.clear()
        # A disabled item, not addSection: a style may draw a section as a plain separator,
        # and Fusion does (a blank gap). https://doc.qt.io/qt-6/qmenu.html#addSection
        heading = menu.addAction(_("Today"))
        heading.setEnabled(False)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        today, week_words = r.today()
        if not today and not r.plan.desk.on:  # desk breaks alone: their line below says it
            today = [_("No weekly plan yet")]
        for n, line in enumerate(today, 1):
            item = menu.addAction(menu_text(line))
            item.setEnabled(False)
            if week_words and n == len(today):  # the week's tally, its marks in words
                item.setToolTip(week_words)
        for line in r.next_lines():
            menu.addAction(menu_text(line)).setEnabled(False)
        menu.addSeparator()
        start = menu.addMenu(_("&Start a routine"))
        planned = {item.routine_id for item in r.plan.items}
        routines = sorted(self._routines(), key=lambda x: (x.id not in planned, x.title.lower()))
        for routine in routines:
            action = QAction(menu_text(routine.title), start)
            action.triggered.connect(lambda _=False, rid=routine.id: self.start_requested.emit(rid))
            start.addAction(action)
        start.setEnabled(bool(routines))
        if r.paused_until() is not None:
            menu.addAction(_("&Resume reminders"), r.resume)
        else:
            pause = menu.addAction(_("&Pause reminders for 1 hour"), r.pause)
            pause.setEnabled(r.plan.reminders or r.plan.desk.on)
        menu.addAction(_("Weekly &plan and reminders\u2026"), self.plan_requested.emit)
        menu.addSeparator()
        menu.addAction(_("Show &HipTimer"), self.show_requested.emit)
        menu.addAction(_("&Quit HipTimer"), self.quit_requested.emit)
        self._tooltip()

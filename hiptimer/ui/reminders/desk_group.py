"""The weekly plan dialog's desk breaks: on or off, after how many minutes of use, the quiet
hours, and which routine a desk break opens."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from hiptimer.core.plan.model import DESK_MINUTES, DeskBreaks
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _
from hiptimer.ui.reminders.plan_fields import group_layout, muted, time_edit
from hiptimer.ui.widgets.flow_layout import FlowLayout, together
from hiptimer.ui.widgets.plain import fit_names


class DeskGroup(QGroupBox):
    """Shows the desk breaks' settings and hands them back (`chosen`).

    `idle_source`: where desk breaks read the idle time ("" for a plain interval).

    Signals: none of its own.
    """

    def __init__(
        self, desk: DeskBreaks, routines: list[Routine], idle_source: str, parent: QWidget
    ) -> None:
        super().__init__(_("Desk breaks"), parent)
        layout = group_layout(self)
        # Rows that wrap, a field kept with the words after it: in one line the first took
        # 1,003 px at 150 % text, wider than a 1024 px screen leaves the dialog, whose groups
        # were then cut at both edges; and "of computer use" wrapped alone at 1280 x 800.
        line = FlowLayout(spacing=6)
        self.on = QCheckBox(_("Remind me to take a &desk break after"), self)
        self.on.setChecked(desk.on)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(*DESK_MINUTES)
        self.minutes.setValue(desk.minutes)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setAccessibleName(_("Minutes of computer use before a desk break"))
        self.minutes.setAccessibleDescription(
            _("From {low} to {high} minutes").format(low=DESK_MINUTES[0], high=DESK_MINUTES[1])
        )
        line.addWidget(self.on)
        # The words after the field label it, for a reader too: words that label nothing
        # Orca 43 reads as the dialog's own text ("... dialog of computer use"), as it opens.
        use = QLabel(_("of computer use"))
        use.setBuddy(self.minutes)
        use.setAccessibleName(self.minutes.accessibleName())  # Orca: label, not name again
        line.addWidget(together(self, self.minutes, use))
        layout.addLayout(line)
        layout.addLayout(self._routine_row(desk.routine_id, routines))
        # Spanish at 150 % ("Horas de silencio: ninguna pausa activa desde las [20:00] hasta
        # las [08:00]") was wider than a 1024 px screen in one row: it wraps before "until",
        # and on an 800 px screen before the first time too (kept with its words, the field
        # was cut to 91 of its 130 px).
        quiet = FlowLayout(spacing=6)
        self.quiet_from, self.quiet_until = time_edit(desk.quiet_from), time_edit(desk.quiet_until)
        self.quiet_from.setAccessibleName(_("Quiet hours from"))
        self.quiet_until.setAccessibleName(_("Quiet hours until"))
        for edge in (self.quiet_from, self.quiet_until):
            edge.setAccessibleDescription(_("No reminder comes in the quiet hours"))
        since = QLabel(_("Quiet hours: no desk break from"))
        since.setBuddy(self.quiet_from)  # as `use` above
        since.setWordWrap(True)  # in two lines where one is wider than the group (640 px)
        # Each in a row of its own, not a child of the titled box: Qt labels each child of a
        # QGroupBox by its title too, and the field would have two labels for a reader.
        quiet.addWidget(together(self, since))
        quiet.addWidget(together(self, self.quiet_from))
        quiet.addWidget(together(self, QLabel(_("until")), self.quiet_until))
        layout.addLayout(quiet)
        layout.addWidget(muted(_how(idle_source), self))

    def _routine_row(self, chosen: str, routines: list[Routine]) -> FlowLayout:
        """The routine a desk break's Start opens: any in the library. One no longer there
        stays chosen, named as gone, until another is picked (its desk break says so)."""
        self.routine = QComboBox(self)
        fit_names(self.routine, 24)  # a long title is elided, not a wider dialog
        titles = [r.title for r in routines]
        for r in routines:  # two of one title (a copy of a built-in) told apart by their ids
            self.routine.addItem(
                r.title if titles.count(r.title) == 1 else f"{r.title} ({r.id})", r.id
            )
        if self.routine.findData(chosen) < 0:
            self.routine.addItem(_("{routine} (not in the library)").format(routine=chosen), chosen)
        self.routine.setCurrentIndex(self.routine.findData(chosen))
        self.routine.setAccessibleName(_("Routine for desk breaks"))
        self.routine.setAccessibleDescription(_("The routine a desk break's Start opens"))
        label = QLabel(_("Routine for desk &breaks:"), self)
        label.setBuddy(self.routine)
        # The list goes under its label where the two do not fit side by side: in one row they
        # made the dialog wider than 960 x 540 leaves it in Spanish large print.
        row = FlowLayout(spacing=6)
        row.addWidget(label)
        row.addWidget(self.routine)
        return row

    def chosen(self) -> DeskBreaks:
        return DeskBreaks(
            self.on.isChecked(),
            self.minutes.value(),
            self.quiet_from.time().toString("HH:mm"),
            self.quiet_until.time().toString("HH:mm"),
            str(self.routine.currentData()),
        )


def _how(idle_source: str) -> str:
    """How computer use is counted here."""
    if idle_source:
        return _(
            "Computer use is measured from the desktop's idle time ({source}): five "
            "minutes away counts as a break. None comes while the screen is locked or a "
            "session runs."
        ).format(source=idle_source)
    return _(
        "This desktop does not report its idle time, so desk breaks come at a plain "
        "interval while HipTimer runs (none while a session runs)."
    )

"""The form for the routine as a whole: title, texts, schedule and the default rests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hiptimer.core.routines.model import Rests
from hiptimer.i18n import N_, _, decimal, p_, translate
from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.fields import LineField, PairField, TextBlockField

REST_FIELDS = (
    ("get_ready_s", N_("Get ready"), N_("Once, before the first exercise.")),
    (
        "between_sets_s",
        N_("Rest: between sets"),
        N_("After each set of an exercise except the last."),
    ),
    (
        "between_sides_s",
        N_("Rest: switch sides"),
        N_("The pause before the left side of an each-side set."),
    ),
    ("after_exercise_s", N_("Rest: after an exercise"), N_("Between one exercise and the next.")),
)


class RoutineForm(BoundForm):
    """Edits the routine-level keys of the data ("title", "rests.get_ready_s", ...).

    Signals: edited(str key, object value) when the user changes a field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routine-form")
        self.add(_("Title"), LineField("title", self))
        self.add(
            _("Description"),
            TextBlockField("description", self, lines=False, height=100),
        )
        self.add(_("Source"), LineField("source", self, optional=True))
        self.add(
            _("Cautions"),
            TextBlockField("cautions", self, lines=True, height=150, placeholder=_("One per line")),
        )
        self.add(
            _("Schedule"),
            PairField(
                "schedule",
                self,
                between=p_("range", "to"),
                unit=_("times a week"),
                names=("min_per_week", "max_per_week"),
            ),
            _("How often the routine is meant to be done; 7 reads as daily. Blank: no schedule."),
        )
        defaults = Rests()
        for key, label, tip in REST_FIELDS:
            default = decimal(getattr(defaults, key))
            self.add(
                translate(label),
                LineField(f"rests.{key}", self, number=True, unit=_("s"), placeholder=default),
                _("{tip} Blank: {n} s.").format(tip=translate(tip), n=default),
            )

"""The form for the routine as a whole: title, texts, schedule and the default rests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hiptimer.core.routines.model import Rests
from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.fields import LineField, PairField, TextBlockField

REST_FIELDS = (
    ("get_ready_s", "Get ready", "Once, before the first exercise."),
    ("between_sets_s", "Between sets", "After each set of an exercise except the last."),
    ("between_sides_s", "Switch sides", "The pause before the left side of an each-side set."),
    ("after_exercise_s", "After an exercise", "Between one exercise and the next."),
)


class RoutineForm(BoundForm):
    """Edits the routine-level keys of the data ("title", "rests.get_ready_s", ...).

    Signals: edited(str key, object value) when the user changes a field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routine-form")
        self.add("Title", LineField("title", self))
        self.add(
            "Description",
            TextBlockField("description", self, lines=False, height=100),
        )
        self.add("Source", LineField("source", self, optional=True))
        self.add(
            "Cautions",
            TextBlockField("cautions", self, lines=True, height=150, placeholder="One per line"),
        )
        self.add(
            "Schedule",
            PairField(
                "schedule",
                self,
                between="to",
                unit="times a week",
                names=("min_per_week", "max_per_week"),
            ),
            "How often the routine is meant to be done; 7 reads as daily. Blank: no schedule.",
        )
        defaults = Rests()
        for key, label, tip in REST_FIELDS:
            default = getattr(defaults, key)
            self.add(
                f"Rest: {label.lower()}" if key != "get_ready_s" else label,
                LineField(f"rests.{key}", self, number=True, unit="s", placeholder=f"{default:g}"),
                f"{tip} Blank: {default:g} s.",
            )

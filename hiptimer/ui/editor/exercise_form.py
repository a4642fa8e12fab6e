"""The form for one exercise: every field of the format, the kind deciding which dose fields show."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.core.routines.model import Rests
from hiptimer.i18n import N_, _, decimal, p_, translate
from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.data_ops import get_path
from hiptimer.ui.editor.fields import (
    ChoiceField,
    LineField,
    PairField,
    TempoField,
    TextBlockField,
)

# (value in the file, label marked with N_ and translated where shown)
KINDS = [("hold", N_("Timed hold")), ("reps", N_("Counted reps"))]
SIDES = [
    ("none", N_("No sides (or both together)")),
    ("each", N_("Each side in turn")),
    ("alternating", N_("Alternating within a set")),
]
HOLD_KEYS = ("hold_s",)
REPS_KEYS = ("reps", "reps_range", "rep_hold_s", "tempo")
# Each exercise rest, the routine default it falls back to, and its label.
REST_FIELDS = (
    ("rest_between_sets_s", "between_sets_s", N_("Rest between sets")),
    ("rest_between_sides_s", "between_sides_s", N_("Switch-sides pause")),
    ("rest_after_s", "after_exercise_s", N_("Rest after exercise")),
)


class ExerciseForm(BoundForm):
    """Edits one exercise's data dict; keys are relative to the exercise ("hold_s", "tempo.lift_s").

    Signals: edited(str key, object value) when the user changes a field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-form")
        secs = _("s")
        self.add(_("Name"), LineField("name", self))
        self.add(
            _("Id"),
            LineField("id", self, width=260),
            _("Names the exercise in your session records; keep it when you rename the exercise."),
        )
        self.add(_("Kind"), ChoiceField("kind", self, _choices(KINDS), default="hold"))
        self.add(_("Sets"), LineField("sets", self, number=True, placeholder="1"))
        self.add(
            p_("dose", "Hold"),
            LineField("hold_s", self, number=True, unit=secs),
            _("Seconds per set and side."),
        )
        self.add(_("Reps"), LineField("reps", self, number=True, unit=_("per set")))
        self.add(
            _("Rep range"),
            PairField("reps_range", self, between=p_("range", "to"), unit=_("reps (optional)")),
            _("The prescribed range, e.g. 8 to 12; the reps above must lie inside it."),
        )
        self.add(
            _("Hold each rep"),
            LineField("rep_hold_s", self, number=True, unit=secs, placeholder="0"),
            _("Seconds at the top of every rep; the app then paces 2 s up and 2 s down."),
        )
        self.add(
            _("Tempo"),
            TempoField("tempo", self),
            _("Optional: seconds to lift, hold at the top and lower, for every rep."),
        )
        self.add(_("Sides"), ChoiceField("sides", self, _choices(SIDES), default="none"))
        for key, _routine_key, label in REST_FIELDS:
            self.add(
                translate(label),
                LineField(key, self, number=True, unit=secs),
                _("Leave blank to use the routine's default rest."),
            )
        lines = _("One per line")
        self.add(
            _("Setup"), TextBlockField("setup", self, lines=True, height=112, placeholder=lines)
        )
        self.add(_("Cues"), TextBlockField("cues", self, lines=True, height=112, placeholder=lines))
        self.add(_("Caution"), LineField("caution", self, optional=True))
        self.add(
            _("Image"),
            LineField("image", self, optional=True, placeholder=_("relative to the routine file")),
        )
        self.empty = QLabel(_("Select an exercise on the left, or add one."), self)
        self.empty.setProperty("role", "muted")
        self.form.addRow(self.empty)
        self.show_exercise(None, {})

    def show_exercise(self, ex: dict[str, Any] | None, rests: dict[str, Any]) -> None:
        """Show an exercise (None: nothing selected); `rests` are the routine's, for the hints."""
        for field in self.fields.values():
            self.form.setRowVisible(field.row, ex is not None)
        self.form.setRowVisible(self.empty, ex is None)
        if ex is None:
            return
        self.show_data(ex)
        is_reps = ex.get("kind") == "reps"
        for key in HOLD_KEYS:
            self.set_row_visible(key, not is_reps)
        for key in REPS_KEYS:
            self.set_row_visible(key, is_reps)
        defaults = Rests()
        for key, routine_key, _label in REST_FIELDS:
            value = get_path(rests, routine_key)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            default = value if ok else getattr(defaults, routine_key)
            field = self.fields[key]
            assert isinstance(field, LineField)
            field.edit.setPlaceholderText(decimal(default))
            field.unit_label.setText(
                _("s   (blank: routine default, {n} s)").format(n=decimal(default))
            )


def _choices(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(value, label) pairs with their labels in the language in use."""
    return [(value, translate(label)) for value, label in pairs]

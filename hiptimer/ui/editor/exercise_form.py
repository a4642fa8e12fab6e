"""The form for one exercise: every field of the format, the kind deciding which dose fields show."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from hiptimer.core.routines.model import Rests
from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.data_ops import MISSING, get_path
from hiptimer.ui.editor.dose_fields import CeilingField, LoadField
from hiptimer.ui.editor.fields import (
    ChoiceField,
    LineField,
    PairField,
    TempoField,
    TextBlockField,
    show_number,
)
from hiptimer.ui.editor.ladder_bar import LadderBar
from hiptimer.ui.editor.ladder_ops import EXERCISE_ONLY

KINDS = [("hold", "Timed hold"), ("reps", "Counted reps")]
SIDES = [
    ("none", "No sides (or both together)"),
    ("each", "Each side in turn"),
    ("alternating", "Alternating within a set"),
]
HOLD_KEYS = ("hold_s",)
REPS_KEYS = ("reps", "reps_range", "rep_hold_s", "tempo")
# Each exercise rest, the routine default it falls back to, and its label.
REST_FIELDS = (
    ("rest_between_sets_s", "between_sets_s", "Rest between sets"),
    ("rest_between_sides_s", "between_sides_s", "Switch-sides pause"),
    ("rest_after_s", "after_exercise_s", "Rest after exercise"),
)
# What a harder variant may leave blank to keep variant 1's, and how the field then says so.
SAME_AS_FIRST = "same as variant 1"
INHERITED_TEXTS = ("setup", "cues", "caution", "image")


class ExerciseForm(BoundForm):
    """Edits one variant of an exercise: keys are relative to it ("hold_s", "tempo.lift_s").

    `ladder` above the fields picks the variant; a harder variant has no kind or rests of
    its own and shows what it keeps from the first one.
    Signals: edited(str key, object value) when the user changes a field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-form")
        self.ladder = LadderBar(self)
        self.ladder_label = QLabel("Variants", self)
        self.form.addRow(self.ladder_label, self.ladder)
        self.add("Name", LineField("name", self))
        self.add(
            "Id",
            LineField("id", self, width=260),
            "Names the exercise in your session records; keep it when you rename the exercise.",
        )
        self.add("Kind", ChoiceField("kind", self, KINDS, default="hold"))
        self.add("Sets", LineField("sets", self, number=True, placeholder="1"))
        self.add(
            "Hold", LineField("hold_s", self, number=True, unit="s"), "Seconds per set and side."
        )
        self.add("Reps", LineField("reps", self, number=True, unit="per set"))
        self.add(
            "Rep range",
            PairField("reps_range", self, between="to", unit="reps (optional)"),
            "The prescribed range, e.g. 8 to 12; the reps above must lie inside it.",
        )
        self.add(
            "Hold each rep",
            LineField("rep_hold_s", self, number=True, unit="s", placeholder="0"),
            "Seconds at the top of every rep; the app then paces 2 s up and 2 s down.",
        )
        self.add(
            "Tempo",
            TempoField("tempo", self),
            "Optional: seconds to lift, hold at the top, lower and pause at the bottom, every rep.",
        )
        self.add(
            "Load",
            LoadField("load", self),
            "Optional: an added weight, such as an ankle weight, shown with the dose.",
        )
        self.add(
            "At most",
            CeilingField("ceiling", self),
            "The largest dose HipTimer's suggestions may reach; blank parts are the dose as "
            "written (reps up to the top of the rep range).",
        )
        self.add("Sides", ChoiceField("sides", self, SIDES, default="none"))
        for key, _, label in REST_FIELDS:
            self.add(
                label,
                LineField(key, self, number=True, unit="s"),
                "Leave blank to use the routine's default rest.",
            )
        lines = "One per line"
        self.add("Setup", TextBlockField("setup", self, lines=True, height=112, placeholder=lines))
        self.add("Cues", TextBlockField("cues", self, lines=True, height=112, placeholder=lines))
        self.add("Caution", LineField("caution", self, optional=True))
        self.add(
            "Image",
            LineField("image", self, optional=True, placeholder="relative to the routine file"),
        )
        self.empty = QLabel("Select an exercise on the left, or add one.", self)
        self.empty.setProperty("role", "muted")
        self.form.addRow(self.empty)
        self.show_exercise(None, {})

    def show_exercise(
        self,
        ex: dict[str, Any] | None,
        rests: dict[str, Any],
        variant: int = 0,
        first: dict[str, Any] | None = None,
    ) -> None:
        """Show an exercise's variant (None: nothing selected); `rests` are the routine's, for
        the hints, and `first` the exercise itself when a harder variant is shown."""
        for field in self.fields.values():
            self.form.setRowVisible(field.row, ex is not None)
        self.form.setRowVisible(self.empty, ex is None)
        self.form.setRowVisible(self.ladder, ex is not None)
        if ex is None:
            return
        self._show_inherited(first if variant > 0 else None)
        self.show_data(ex)
        is_reps = ex.get("kind") == "reps"
        for key in HOLD_KEYS:
            self.set_row_visible(key, not is_reps)
        for key in REPS_KEYS:
            self.set_row_visible(key, is_reps)
        for key in EXERCISE_ONLY:
            if key in self.fields:
                self.set_row_visible(key, variant == 0)
        ceiling = self.fields["ceiling"]
        assert isinstance(ceiling, CeilingField)
        reps_range = ex.get("reps_range")
        top = reps_range[1] if isinstance(reps_range, list) and len(reps_range) == 2 else None
        amount = (top or ex.get("reps")) if is_reps else ex.get("hold_s")
        ceiling.set_kind(ex.get("kind"), ex.get("sets", 1), amount)
        defaults = Rests()
        for key, routine_key, _ in REST_FIELDS:
            value = get_path(rests, routine_key)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            default = value if ok else getattr(defaults, routine_key)
            field = self.fields[key]
            assert isinstance(field, LineField)
            field.edit.setPlaceholderText(f"{default:g}")
            field.unit_label.setText(f"s  (blank: the routine's {default:g} s)")

    def _show_inherited(self, first: dict[str, Any] | None) -> None:
        """On a harder variant, blank texts say they are the first variant's; its sides show."""
        for key in INHERITED_TEXTS:
            field = self.fields[key]
            edit = getattr(field, "edit", None)
            if isinstance(edit, (QLineEdit, QPlainTextEdit)):
                default = _TEXT_PLACEHOLDERS.get(key, "")
                edit.setPlaceholderText(SAME_AS_FIRST if first is not None else default)
        sides = self.fields["sides"]
        assert isinstance(sides, ChoiceField)
        inherited = first.get("sides", "none") if first is not None else MISSING
        sides.default = inherited if isinstance(inherited, str) else "none"
        rep_hold = self.fields["rep_hold_s"]
        assert isinstance(rep_hold, LineField)
        held = first.get("rep_hold_s", 0) if first is not None else 0
        rep_hold.edit.setPlaceholderText(f"{held}")
        # Unticked on a harder variant, the tempo is variant 1's: its seconds show greyed.
        tempo = self.fields["tempo"]
        assert isinstance(tempo, TempoField)
        paced = first.get("tempo") if first is not None else None
        for name, edit in tempo.parts.items():
            part = paced.get(name, 0) if isinstance(paced, dict) else MISSING
            edit.setPlaceholderText(show_number(part))


_TEXT_PLACEHOLDERS = {
    "setup": "One per line",
    "cues": "One per line",
    "image": "relative to the routine file",
}

"""The form for one exercise: every field of the format, the kind deciding which dose fields show."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.core.routines.model import Rests
from hiptimer.i18n import N_, _, decimal, p_, translate
from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.data_ops import MISSING, get_path
from hiptimer.ui.editor.dose_fields import CeilingField, LoadField
from hiptimer.ui.editor.fields import (
    ChoiceField,
    LineField,
    PairField,
    TextBlockField,
    show_number,
)
from hiptimer.ui.editor.ladder_bar import LadderBar
from hiptimer.ui.editor.ladder_ops import EXERCISE_ONLY
from hiptimer.ui.editor.tempo_field import TempoField

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
# What a harder variant may leave blank to keep variant 1's, and how the field then says so.
SAME_AS_FIRST = N_("same as variant 1")
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
        self.ladder_label = QLabel(_("Variants"), self)
        self.form.addRow(self.ladder_label, self.ladder)
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
            _(
                "Optional: seconds to lift, hold at the top, lower and pause at the bottom, "
                "every rep."
            ),
        )
        self.add(
            _("Load"),
            LoadField("load", self),
            _("Optional: an added weight, such as an ankle weight, shown with the dose."),
        )
        self.add(
            _("At most"),
            CeilingField("ceiling", self),
            _(
                "The largest dose HipTimer's suggestions may reach; blank parts are the dose as "
                "written (reps up to the top of the rep range)."
            ),
        )
        self.add(_("Sides"), ChoiceField("sides", self, _choices(SIDES), default="none"))
        for key, _routine_key, label in REST_FIELDS:
            self.add(
                translate(label),
                LineField(key, self, number=True, unit=secs),
                _("Leave blank to use the routine's default rest."),
            )
        lines = translate(ONE_PER_LINE)
        self.add(
            _("Setup"), TextBlockField("setup", self, lines=True, height=112, placeholder=lines)
        )
        self.add(_("Cues"), TextBlockField("cues", self, lines=True, height=112, placeholder=lines))
        self.add(_("Caution"), LineField("caution", self, optional=True))
        self.add(
            _("Image"),
            LineField("image", self, optional=True, placeholder=translate(RELATIVE)),
        )
        self.empty = QLabel(_("Select an exercise on the left, or add one."), self)
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
        for key, routine_key, _label in REST_FIELDS:
            value = get_path(rests, routine_key)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            default = value if ok else getattr(defaults, routine_key)
            field = self.fields[key]
            assert isinstance(field, LineField)
            field.edit.setPlaceholderText(decimal(default))
            field.unit_label.setText(
                _("s  (blank: the routine's {n} s)").format(n=decimal(default))
            )

    def _show_inherited(self, first: dict[str, Any] | None) -> None:
        """On a harder variant, blank texts say they are the first variant's; its sides show."""
        for key in INHERITED_TEXTS:
            field = self.fields[key]
            if isinstance(field, (LineField, TextBlockField)):
                edit = field.edit
                default = _TEXT_PLACEHOLDERS.get(key)
                if first is not None:
                    edit.setPlaceholderText(translate(SAME_AS_FIRST))
                else:
                    edit.setPlaceholderText(translate(default) if default else "")
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


def _choices(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(value, label) pairs with their labels in the language in use."""
    return [(value, translate(label)) for value, label in pairs]


ONE_PER_LINE = N_("One per line")
RELATIVE = N_("relative to the routine file")
_TEXT_PLACEHOLDERS = {"setup": ONE_PER_LINE, "cues": ONE_PER_LINE, "image": RELATIVE}

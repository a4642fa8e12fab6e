"""The column widths a history table measured in each of its forms, which RowsTable chooses
among (views.py): a plain value, handed to each try rather than swapped into the table."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Forms:
    """Each column's width (0: hidden) in each form RowsTable measured (fit_columns).

    A form is told by identity (`form is forms.short`): two forms may be one list (the
    wrapped widths where a model has no short form), and stay one in `without` and `joined`.
    """

    natural: list[int]  # each column on one line, whole, its title on one line
    folded: list[int]  # so, under titles of two words on two lines ("Max / pain")
    short: list[int]  # so, in the model's short form (the dates without their weekday)
    wrapped: list[int]  # short, the wrappable columns as narrow as their title or a word
    wrapped_long: list[int]  # so, but not in the short form
    wrapped_last: list[int]  # wrapped, the wrapped_last columns on two lines (time under date)
    detailed: list[int]  # wrapped_last, the in_detail columns folded in (duration under it)
    detailed_narrow: list[int]  # so, those a line a word ("7/12" / "21:30" / "24 min")

    @classmethod
    def none(cls) -> Forms:
        """Nothing measured yet."""
        return cls(*([] for _ in fields(cls)))

    def _remade(self, remake: dict[int, list[int]]) -> Forms:
        return Forms(*(remake[id(getattr(self, f.name))] for f in fields(self)))

    def without(self, columns: Collection[int]) -> Forms:
        """These forms with `columns` hidden (0 wide): the sessions' note dropped."""
        remake = {
            id(form): [0 if c in columns else w for c, w in enumerate(form)]
            for form in (getattr(self, f.name) for f in fields(self))
        }
        return self._remade(remake)

    def joined(self, into: int, gone: int, one_line: int, folded: int) -> Forms:
        """These forms with column `gone` read in column `into` (the sessions' average pain in
        the highest's cell): `gone` hidden, `into` `one_line` px wide under its title on one
        line (the natural form), else `folded` under its folded title."""

        def join(form: list[int]) -> list[int]:
            wide = one_line if form is self.natural else folded
            return [0 if c == gone else wide if c == into and w else w for c, w in enumerate(form)]

        remake = {id(form): join(form) for form in (getattr(self, f.name) for f in fields(self))}
        return self._remade(remake)

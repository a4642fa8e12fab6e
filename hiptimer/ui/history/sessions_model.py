"""The history window's list of sessions as a table model: when, routine, duration, sets, pain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, Qt

from hiptimer.core.history.names import routine_name
from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.wording import (
    NOT_REPRESENTATIVE_KEY,
    average_pain,
    completion_text,
    duration_text,
    pain_number,
    sets_figures,
    when_text,
)
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.history.models import Column, Index, RowsModel
from hiptimer.ui.widgets.item_lines import NO_BREAK
from hiptimer.ui.widgets.plain import as_html

# The sessions table's Date, Routine, Duration, Sets, Max pain, Avg pain.
DATE, ROUTINE, DURATION, SETS, HIGHEST, AVERAGE = 0, 1, 2, 3, 4, 5
JOINED = "\u00a0\u00b7\u00a0"  # between the joined pains, "6 · 3.5": never broken


class SessionsModel(RowsModel[SessionSummary]):
    """Sessions, newest first: when, routine, duration, completion and pain."""

    columns: Sequence[Column] = (
        (N_("Date"), lambda s: when_text(s.started_at)),
        (N_("Routine"), lambda s: s.routine_title),  # as recorded: named in __init__
        (N_("Duration"), duration_text),
        # "24/25", its words (completion_text) in its tooltip and what a screen reader says:
        # at 1024 x 768 in large print "24 of 25 sets done, 1 partly done; completed" took
        # four lines a row, or cut the routine beside it (CSV, PDF and `history list` say
        # the words).
        (N_("Sets"), sets_figures),
        (N_("Max pain"), lambda s: pain_number(s.max_pain, 0)),
        (N_("Avg pain"), average_pain),  # '2.7*': marked not representative
        (N_("Note"), lambda s: " ".join(s.note.split())),
    )
    pain_columns = frozenset({4, 5})
    right_aligned = frozenset({DURATION, SETS, 4, 5})
    flexible = (1, 6)  # routine and note: narrower rather than scrolled to
    # The routine takes more lines rather than be cut (at 1280 x 800 "Fortalecimiento de c…"
    # was cut); the note one line, cut with "…" (it shows whole under the list): at 1024 x
    # 768 in large print two lines of it ("Much / better") made its row twice as tall.
    wrappable = (1, 6)
    whole_first = (1,)
    read_by = (1,)
    led = (ROUTINE,)  # after the date and time, which fill their cell
    most_lines = MappingProxyType({6: 1})
    measured_all = (DATE, DURATION)  # "30 sept 2026" and "1 h 5 min" far down the list too
    # The time under the date: at 960 x 540 in large print in Spanish, the date on one line
    # left the note "N…" beside a routine on two lines (or "Fortale…" beside a note).
    wrapped_last = (DATE,)
    has_short_form = True  # the date without its weekday, and this year's without its year
    short_columns = (DATE, DATE)
    # The duration under the date and time ("7/12 21:30" / "24 min"), its column gone: at
    # 800 x 600 in large print in Spanish the routine read "Dai…" under "Ru…" while
    # "Duración" took 150 px over "24 min".
    in_detail = (DURATION,)
    # The note's column gone where the others' titles would be cut: at 640 x 480 in large
    # print in Spanish the routine read "E…" under "R…" beside a note "N…" of 47 px (the
    # chosen session's note shows whole under the list).
    dropped_when_narrow = (6,)
    # The pains in one column, "6 · 3.5" under "Pain max · avg", where even without the note
    # the routine would be cut: at 640 x 480 in large print in Spanish "Fortaleci…" had 183
    # of its 230 px beside "Dolor máx." and "Dolor medio", titles far wider than their
    # figures. A screen reader hears both with their words; the cell has the highest's
    # colour, the session's worst band.
    joined = (HIGHEST, AVERAGE)
    joined_title = N_("Pain max · avg")

    def __init__(
        self, parent: QObject | None = None, routines: Mapping[str, Routine] = MappingProxyType({})
    ) -> None:
        super().__init__(parent)
        # Each routine as the report and the Pain and dose tab name it (the library's title,
        # in the language in use): in Spanish this read "Desk micro-break" beside a report
        # of "Micropausa en el escritorio" (names25).
        columns = list(type(self).columns)
        title = columns[ROUTINE][0]
        columns[ROUTINE] = (title, lambda s: routine_name(routines, s.routine_id, s.routine_title))
        self.columns = tuple(columns)

    def pain_value(self, row: SessionSummary, column: int) -> float | None:
        return row.max_pain if column == HIGHEST else row.avg_pain

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A marked average is explained where it shows: its tooltip says what '*' means,
        and a screen reader hears the words, not 'star'."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == HIGHEST and self._join:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._pains_cell(row)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._pains_said(row)
        if row is not None and index.column() == SETS:
            if role == Qt.ItemDataRole.ToolTipRole:
                return as_html(completion_text(row))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.said(SETS, completion_text(row))
        if row is not None and index.column() == DATE and self._short:
            # Shortened to fit (RowsTable): its tooltip and a screen reader say it whole, and
            # the duration it shows in the detail form.
            if role == Qt.ItemDataRole.DisplayRole:
                return self._date_cell(row)
            whole, duration = when_text(row.started_at), self._detail_of(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{whole} \u00b7 {duration}" if duration else whole
            if role == Qt.ItemDataRole.AccessibleTextRole:
                said = self.said(DATE, whole)
                return f"{said}, {self.said(DURATION, duration)}" if duration else said
        if row is None or index.column() != AVERAGE or not row.not_representative:
            return super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate(NOT_REPRESENTATIVE_KEY)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = _("{average}, not representative").format(average=pain_number(row.avg_pain))
            return self.said(AVERAGE, words)
        return super().data(index, role)

    @staticmethod
    def _pains_cell(row: SessionSummary) -> str:
        return f"{pain_number(row.max_pain, 0)}{JOINED}{average_pain(row)}"

    def _pains_said(self, row: SessionSummary) -> str:
        """Both pains with their words: "Max pain: 6, Avg pain: 3.5" (", not representative")."""
        average = pain_number(row.avg_pain)
        if row.not_representative:
            average = _("{average}, not representative").format(average=average)
        return f"{self.said(HIGHEST, pain_number(row.max_pain, 0))}, {self.said(AVERAGE, average)}"

    def _date_cell(self, row: SessionSummary) -> str:
        """The short date and, in the detail form, the duration after it ("7/12 21:30 24 min",
        its number and unit kept together), on two lines in the column's width: "7/12 21:30" /
        "24 min", or "31/12/2025" / "09:00 3 min" (that date alone is as wide)."""
        short, duration = when_text(row.started_at, compact=True), self._detail_of(row)
        # the duration's number and unit on one line
        return f"{short} {duration.replace(' ', NO_BREAK)}" if duration else short

    def _detail_of(self, row: SessionSummary) -> str:
        """The duration the date's cell shows in the detail form; "" where it shows none."""
        return duration_text(row) if self._detail else ""

    def abridged(self, index: Index) -> bool:
        column = index.column()
        short = column == DATE and self._short
        return column == SETS or short or (column == HIGHEST and self._join)

    def texts(self, column: int) -> list[str]:
        if column == DATE and self._short:
            return [self._date_cell(s) for s in self._rows]
        if column == HIGHEST and self._join:
            return [self._pains_cell(s) for s in self._rows]
        return super().texts(column)

    def replace_session(self, fresh: SessionSummary) -> None:
        """Show a session as read again (after a correction)."""
        for i, s in enumerate(self._rows):
            if s.id == fresh.id:
                self.replace_row(i, fresh)

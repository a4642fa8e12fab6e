"""The history window's tabs: sessions with their sets and note, pain and dose, adherence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.review import (
    ExerciseInfo,
    adherence,
    completion_text,
    duration_text,
    pain_number,
    points_in,
    schedule_for,
    when_text,
)
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine
from hiptimer.ui.history.models import SessionsModel, SetsModel
from hiptimer.ui.widgets.plain import escape, fit_names, plain

SIDES = (("Both sides", None), ("Right", "right"), ("Left", "left"))


@dataclass(frozen=True)
class Filters:
    """What the window shows: a routine (None: all) and local days (None: open-ended)."""

    routine_id: str | None = None
    since: date | None = None
    until: date | None = None


def table_view(model: SessionsModel | SetsModel) -> QTableView:
    """A read-only, row-selecting table that measures column widths on a few rows only."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(40)  # ten years of rows would be measured otherwise
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class SessionsPane(QWidget):
    """The sessions in range, newest first; below, the chosen session's sets and note.

    Signals: message(str) for the window's status line.
    """

    message = Signal(str)

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sessions = SessionsModel(self)
        self.sets = SetsModel(self)
        self.list_view = table_view(self.sessions)
        self.list_view.setAccessibleName("Sessions")
        self.list_view.setAccessibleDescription("Choose one to see its sets and note below")
        self.sets_view = table_view(self.sets)
        self.sets_view.setAccessibleName("Sets of the chosen session")
        self.heading = QLabel("Choose a session to see its sets.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # session_heading() escapes names
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("A note about this session (saved with it)")
        self.note.setAccessibleName("Note")
        self.note.setAccessibleDescription("A note about this session, saved with it")
        self.save_button = QPushButton("Save note")
        self.save_button.setToolTip("Save the note with this session")
        self.save_button.setEnabled(False)
        self._session: SessionSummary | None = None
        self._build()
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.note.textChanged.connect(self._note_edited)
        self.save_button.clicked.connect(self.save_note)

    def _build(self) -> None:
        note_box = QWidget()
        note_layout = QVBoxLayout(note_box)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.addWidget(QLabel("Note"))
        note_layout.addWidget(self.note, 1)
        note_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.sets_view)
        details.addWidget(note_box)
        details.setStretchFactor(0, 3)
        details.setStretchFactor(1, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(details, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        """Show these sessions (newest first) and select the newest."""
        self.save_note()
        self.sessions.set_rows(sessions)
        if not self.list_view.property("sized"):
            self.list_view.resizeColumnsToContents()
            self.list_view.setProperty("sized", bool(sessions))
        if sessions:
            self.list_view.selectRow(0)
        else:
            self._show_session(None)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self.save_note()
        self._show_session(self.sessions.row_at(rows[0].row()) if rows else None)

    def _show_session(self, session: SessionSummary | None) -> None:
        self._session = session
        self.sets.set_rows(self.store.session_sets(session.id) if session else [])
        if session is None:
            self.heading.setText("No session chosen.")
        else:
            self.heading.setText(session_heading(session))
            if not self.sets_view.property("sized"):
                self.sets_view.resizeColumnsToContents()
                self.sets_view.setProperty("sized", self.sets.rowCount() > 0)
        self.note.blockSignals(True)
        self.note.setPlainText(session.note if session else "")
        self.note.blockSignals(False)
        self.note.setEnabled(session is not None)
        self.save_button.setEnabled(False)

    def _note_edited(self) -> None:
        session = self._session
        self.save_button.setEnabled(session is not None and self.note.toPlainText() != session.note)

    def save_note(self) -> None:
        """Save the note being edited, if it changed (also done on switching sessions)."""
        session = self._session
        text = self.note.toPlainText()
        if session is None or text == session.note:
            return
        self.store.set_note(session.id, text)
        self.sessions.set_note(session.id, text)
        self._session = next((s for s in self.sessions.rows() if s.id == session.id), None)
        self.save_button.setEnabled(False)
        self.message.emit(self.store.status.message or "Note saved.")

    def current(self) -> SessionSummary | None:
        return self._session


def session_heading(s: SessionSummary) -> str:
    """The chosen session in a line of HTML, its routine's title escaped."""
    parts = [
        f"<b>{escape(when_text(s.started_at))}</b>: {escape(s.routine_title)}",
        escape(duration_text(s)),
        escape(completion_text(s)),
        f"pain max {pain_number(s.max_pain, 0)}, average {pain_number(s.avg_pain)}",
    ]
    if s.morning_pain is not None or s.morning_stiffness is not None:
        parts.append(
            f"next morning: pain {pain_number(s.morning_pain, 0)},"
            f" stiffness {pain_number(s.morning_stiffness, 0)}"
        )
    return " \u00b7 ".join(p for p in parts if p)


class PainPane(QWidget):
    """Pain per session for one exercise and side over the bands, beside its planned dose."""

    def __init__(
        self, store: HistoryStore, wall: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        from hiptimer.ui.history.charts import DoseChart, PainChart

        super().__init__(parent)
        self.store = store
        self.exercise = QComboBox()
        self.exercise.setAccessibleName("Exercise")
        self.exercise.setAccessibleDescription("The exercise whose pain and dose the charts show")
        fit_names(self.exercise, 24)
        self.side = QComboBox()
        self.side.setAccessibleName("Side")
        self.side.setAccessibleDescription("Both sides, or one")
        for label, side in SIDES:
            self.side.addItem(label, side)
        self.pain_chart = PainChart(wall=wall)
        self.dose_chart = DoseChart(wall=wall)
        self._filters = Filters()
        self._session_ids: set[int] = set()
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Exercise"))
        controls.addWidget(self.exercise, 1)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Side"))
        controls.addWidget(self.side)
        controls.addStretch(1)
        charts = QHBoxLayout()
        charts.addWidget(self.pain_chart, 3)
        charts.addWidget(self.dose_chart, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addLayout(charts, 1)
        self.exercise.currentIndexChanged.connect(self._exercise_changed)
        self.side.currentIndexChanged.connect(self.refresh)

    def set_exercises(self, exercises: list[ExerciseInfo]) -> None:
        """Offer these exercises, keeping the chosen one when it is still there."""
        chosen = self.exercise.currentData()
        self.exercise.blockSignals(True)
        self.exercise.clear()
        for ex in exercises:
            self.exercise.addItem(ex.name, ex)
        keep = next((i for i, ex in enumerate(exercises) if chosen and ex.id == chosen.id), 0)
        self.exercise.setCurrentIndex(keep if exercises else -1)
        self.exercise.blockSignals(False)
        self._exercise_changed()

    def set_filters(self, filters: Filters, sessions: list[SessionSummary]) -> None:
        self._filters = filters
        self._session_ids = {s.id for s in sessions}
        self.refresh()

    def choose(self, exercise_id: str, side: str | None = None) -> None:
        """Show this exercise (and side), as if chosen in the boxes: one redraw."""
        ids = [self.exercise.itemData(i).id for i in range(self.exercise.count())]
        if exercise_id not in ids:
            raise KeyError(exercise_id)
        self.exercise.blockSignals(True)
        self.exercise.setCurrentIndex(ids.index(exercise_id))
        self.exercise.blockSignals(False)
        self._sync_side(side)
        self.refresh()

    def _exercise_changed(self) -> None:
        self._sync_side(self.side.currentData())
        self.refresh()

    def _sync_side(self, side: str | None) -> None:
        """SideMode only for exercises done on each side; set without a redraw of its own."""
        ex: ExerciseInfo | None = self.exercise.currentData()
        sided = bool(ex and ex.has_sides)
        self.side.setEnabled(sided)
        self.side.blockSignals(True)
        self.side.setCurrentIndex(max(self.side.findData(side if sided else None), 0))
        self.side.blockSignals(False)

    def refresh(self) -> None:
        """Query and draw the chosen exercise only: one pain and one dose query."""
        ex: ExerciseInfo | None = self.exercise.currentData()
        if ex is None:
            self.pain_chart.set_points([], "no exercise")
            self.dose_chart.set_points([], "no exercise")
            return
        f, side = self._filters, self.side.currentData()
        what = ex.name if side is None else f"{ex.name} ({side})"
        pain = self.store.pain_series(ex.id, side, f.routine_id, f.since)
        self.pain_chart.set_points(points_in(pain, f.since, f.until), what)
        doses = self.store.exercise_dose_series(ex.id, side)
        doses = [d for d in points_in(doses, f.since, f.until) if d.session_id in self._session_ids]
        self.dose_chart.set_points(doses, what)


class AdherencePane(QWidget):
    """Sessions per week as bars against the routine's schedule, with a summary line."""

    def __init__(
        self,
        store: HistoryStore,
        routines: Mapping[str, Routine],
        wall: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        from hiptimer.ui.history.charts import AdherenceChart

        super().__init__(parent)
        self._wall = wall
        self.store = store
        self.routines = routines
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        plain(self.summary)
        self.summary.setContentsMargins(6, 6, 6, 6)
        self.chart = AdherenceChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)

    def set_filters(self, filters: Filters, sessions: list[SessionSummary]) -> None:
        rid = filters.routine_id
        schedule = schedule_for(self.routines, [rid] if rid else [s.routine_id for s in sessions])
        today = self._wall().astimezone().date()
        result = adherence(
            self.store, sessions, schedule, rid, filters.since, filters.until, today=today
        )
        self.chart.set_weeks(result.weeks, schedule)
        lines = result.summary()
        if schedule is None:
            lines.append("choose one routine to compare with its schedule")
        self.summary.setText("; ".join(lines) + ".")

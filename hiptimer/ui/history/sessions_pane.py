"""The history window's sessions tab: the sessions in range, one session's sets, its note,
and the corrections made to it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.clock import wall_now
from hiptimer.core.history.names import doses_of, exercise_name, routine_name
from hiptimer.core.history.queries import Correction, SessionSummary, StoredSet
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.history.wording import (
    NOT_REPRESENTATIVE_KEY,
    set_label,
    when_text,
)
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _, translate
from hiptimer.ui.history.chosen_split import ChosenBody, ChosenPart, Heading, ListAndChosen
from hiptimer.ui.history.corrections import MorningDialog, PainDialog
from hiptimer.ui.history.page import NoteEdit
from hiptimer.ui.history.session_words import session_heading, trail_text
from hiptimer.ui.history.sessions_model import SessionsModel
from hiptimer.ui.history.sets_model import SetsModel, set_rows
from hiptimer.ui.history.splitters import SideOrUnder
from hiptimer.ui.history.views import RowsTable
from hiptimer.ui.widgets.plain import plain, show_wrapped
from hiptimer.ui.widgets.wrapped_label import WrappedLabel


class SessionsPane(QWidget):
    """The sessions in range, newest first; below, the chosen session's sets and note, and
    what was corrected in it.

    A set's rating, the note, the mark "not representative" and the next-morning check-in
    can be changed here; the store keeps what they were, and when
    (hiptimer.core.history.corrections).
    `wall` says when a correction is made. Routines and exercises are named as the library
    names them now (`routines`; names.py), else as recorded. Signals: message(str) for the
    window's status line.
    """

    message = Signal(str)

    def __init__(
        self,
        store: HistoryStore,
        parent: QWidget | None = None,
        *,
        wall: Callable[[], datetime] = wall_now,
        routines: Mapping[str, Routine] = MappingProxyType({}),
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._wall = wall
        self.routines = routines  # the library's, to name routines and exercises by (names)
        self.sessions = SessionsModel(self, routines)
        self.sets = SetsModel(self)
        self.list_view = RowsTable(self.sessions, rows_least=1)  # a line of the chosen one
        self.list_view.setAccessibleName(_("Sessions"))
        self.list_view.setAccessibleDescription(_("Choose one to see its sets and note below"))
        self.sets_view = RowsTable(self.sets)
        self.sets_view.setAccessibleName(_("Sets of the chosen session"))
        # What the tab shows without scrolling (tests/ui/fit_checks.py's first_screen_misfits).
        self.sets_view.setProperty("first_screen", True)
        self.heading = Heading(_("Choose a session to see its sets."))
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # session_heading() escapes names
        self.heading.setProperty("first_screen", True)
        self.pain_button = QPushButton(_("Change pain rating\u2026"))
        self.pain_button.setToolTip(
            _("Change or remove the chosen set's rating (also: double-click)")
        )
        self.pain_button.setEnabled(False)
        self.note = NoteEdit()
        self.note.setPlaceholderText(_("A note about this session (saved with it)"))
        self.note.setAccessibleName(_("Note"))
        self.note.setAccessibleDescription(_("A note about this session, saved with it"))
        self.save_button = QPushButton(_("Save note"))
        self.save_button.setToolTip(_("Save the note with this session"))
        self.save_button.setEnabled(False)
        self.representative = QCheckBox(_("Not representative"))
        self.representative.setToolTip(
            _(
                "Left out of the pain charts, the report's pain figures and the dose suggestions"
                " (an off day, someone else used the app); still counted as a session"
            )
        )
        self.morning_button = QPushButton(_("Change check-in\u2026"))
        self.morning_button.setToolTip(
            _("Change the next-morning pain and stiffness given for this session")
        )
        self.morning_button.setEnabled(False)
        self.trail = WrappedLabel()
        self.trail.setProperty("role", "muted")
        plain(self.trail)  # exercise names and notes
        # What a '*' on an average means, under the list, while a session shown has one.
        self.key = WrappedLabel(translate(NOT_REPRESENTATIVE_KEY))
        self.key.setObjectName("not-representative-key")
        self.key.setProperty("role", "muted")
        self.key.setVisible(False)
        self._session: SessionSummary | None = None
        self._trail: Sequence[Correction] = ()
        self._brief = False  # the heading without what the list's row says (set_brief)
        self._measure = QLabel(self)  # the heading in full, measured (first_screen); unseen
        self._measure.setWordWrap(True)
        self._measure.setTextFormat(Qt.TextFormat.RichText)
        self._measure.hide()
        self._build()
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.sets_view.selectionModel().selectionChanged.connect(self._set_chosen)
        self.sets_view.refit.refitted.connect(self.details.arrange)  # a new text size: new widths
        self.sets_view.doubleClicked.connect(lambda _index: self.change_pain())
        self.pain_button.clicked.connect(self.change_pain)
        self.note.textChanged.connect(self._note_edited)
        self.save_button.clicked.connect(self.save_note)
        self.representative.clicked.connect(self._mark_clicked)
        self.morning_button.clicked.connect(self.change_morning)
        self.sessions.modelReset.connect(self._show_key)
        self.sessions.dataChanged.connect(self._show_key)  # a session marked or unmarked

    def _show_key(self) -> None:
        self.key.setVisible(any(s.not_representative for s in self.sessions.rows()))

    def _build(self) -> None:
        note_box = QWidget()
        note_layout = QVBoxLayout(note_box)
        note_layout.setContentsMargins(0, 0, 0, 0)
        # Save beside the note's title, not under the field: where the sets go above the note
        # (Spanish at 1024 x 768) the button under it was reached only by scrolling.
        title = QHBoxLayout()
        title.addWidget(QLabel(_("Note")), 1)
        title.addWidget(self.save_button)
        note_layout.addLayout(title)
        note_layout.addWidget(self.note, 1)
        note_layout.addWidget(self.representative)
        note_layout.addWidget(self.morning_button, 0, Qt.AlignmentFlag.AlignLeft)
        note_layout.addWidget(self.trail)
        sets_box = QWidget()
        sets_layout = QVBoxLayout(sets_box)
        sets_layout.setContentsMargins(0, 0, 0, 0)
        sets_layout.addWidget(self.sets_view, 1)
        sets_layout.addWidget(self.pain_button, 0, Qt.AlignmentFlag.AlignLeft)
        details = self.details = SideOrUnder(self.sets_view)
        details.addWidget(sets_box)
        details.addWidget(note_box)
        details.setStretchFactor(0, 3)
        details.setStretchFactor(1, 1)
        lower = ChosenBody()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)  # the splitter's handle is above it
        lower_layout.setSpacing(2)  # the heading's own leading is under it too
        lower_layout.addWidget(self.heading)
        lower_layout.addWidget(details, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.list_view, 1)
        upper_layout.addWidget(self.key)
        # The chosen session scrolls in its part, the list in its own: the splitter gives the
        # chosen session's heading and first set their room first (chosen_split.py).
        self.chosen_part = ChosenPart(lower, self.sets_view)
        self.split = ListAndChosen(self.list_view, upper, self.chosen_part)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        """Show these sessions (newest first) and select the newest."""
        self.save_note()
        self.sessions.set_rows(sessions)
        if not self.list_view.property("sized"):
            self.list_view.fit_columns()
            self.list_view.setProperty("sized", bool(sessions))
        if sessions:
            self.list_view.selectRow(0)
        else:
            self._show_session(None)
            self.heading.setText(self._why_none())

    def _why_none(self) -> str:
        """Why the list is empty: nothing recorded yet, or nothing in the filters' reach."""
        if self.store.list_sessions(limit=1):
            return _("No sessions for this routine in these dates: widen them, or choose All.")
        return _("No sessions yet. Each set is saved here as soon as you finish it.")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self.save_note()
        self._show_session(self.sessions.row_at(rows[0].row()) if rows else None)

    def _show_session(self, session: SessionSummary | None) -> None:
        self._session = session
        trail = self.store.corrections(session.id) if session else []
        records = self.store.session_sets(session.id) if session else []
        rows = set_rows(records, trail, self._namer(session))
        self.sets.set_rows(rows)
        self.pain_button.setEnabled(False)
        if session is None:
            self.heading.setText(_("No session chosen."))
        else:
            self._set_heading(session, trail)
        # Each session's own rows read whole; with none, the titles: never measured, the
        # table needed no width, and an empty history stood beside the note, wider than
        # the window (800 x 600, Spanish, 150 %).
        self.sets_view.fit_columns()
        self.details.arrange()  # beside the note, or above it where they do not fit
        self.note.blockSignals(True)
        self.note.setPlainText(session.note if session else "")
        self.note.blockSignals(False)
        self.note.setEnabled(session is not None)
        self.save_button.setEnabled(False)
        self.representative.setEnabled(session is not None)
        self.representative.setChecked(bool(session and session.not_representative))
        self.morning_button.setEnabled(bool(session and session.morning_at is not None))
        show_wrapped(self.trail, trail_text(trail, rows))
        # Its heading and first set have their own heights: placed for the session shown
        # as the window opened (none, an empty history), the first one recorded then began
        # below the fold.
        self.split.place_now()

    def _title(self, session: SessionSummary) -> str:
        return routine_name(self.routines, session.routine_id, session.routine_title)

    def _namer(self, session: SessionSummary | None) -> Callable[[StoredSet], str]:
        """How the session's sets name their exercise (names.exercise_name)."""
        if session is None:
            return lambda r: r.exercise_name
        rid, doses = session.routine_id, doses_of(self.store, session.id)
        return lambda r: exercise_name(self.routines, rid, r.exercise_id, r.exercise_name, doses)

    def _set_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.pain_button.setEnabled(bool(selected.indexes()))

    def _refresh(self, done: str) -> None:
        """Read the chosen session again after a change; say `done` (or why not saved)."""
        session = self._session
        if session is None:
            return
        fresh = self.store.get_session(session.id) or session
        self.sessions.replace_session(fresh)
        chosen = self.sets_view.currentIndex().row()
        self._show_session(fresh)
        if chosen >= 0:
            self.sets_view.selectRow(chosen)
        self.message.emit(self.store.status.message or done)

    def change_pain(self) -> None:
        """Ask for the chosen set's new rating (or none) and why; keep the old in the trail."""
        row = self.sets.row_at(self.sets_view.currentIndex().row())
        if row is None or row.record.id is None:
            return
        r, set_id = row.record, row.record.id
        dialog = PainDialog(set_label(row.exercise, r.set_number, r.side), r.pain, self)
        if dialog.exec() != PainDialog.DialogCode.Accepted or dialog.rating() == r.pain:
            return
        self.store.correct_pain(set_id, dialog.rating(), at=self._wall(), reason=dialog.why())
        self._refresh(_("Rating changed; the one given is kept in the history."))

    def change_morning(self) -> None:
        """Ask for the chosen session's new check-in scores and why; keep the old in the trail."""
        s = self._session
        if s is None or s.morning_at is None:
            return
        what = f"{when_text(s.started_at)}: {self._title(s)}"
        dialog = MorningDialog(what, s.morning_pain, s.morning_stiffness, self)
        if dialog.exec() != MorningDialog.DialogCode.Accepted:
            return
        pain, stiffness = dialog.scores()
        if (pain, stiffness) == (s.morning_pain, s.morning_stiffness):
            return
        self.store.correct_morning(s.id, pain, stiffness, at=self._wall(), reason=dialog.why())
        self._refresh(_("Check-in changed; the scores given are kept in the history."))

    def _mark_clicked(self, checked: bool) -> None:
        session = self._session
        if session is None:
            return
        reason = ""
        if checked:
            reason, ok = QInputDialog.getText(
                self,
                _("Not representative"),
                _("Why is this session not representative? (optional)"),
            )
            if not ok:
                self.representative.setChecked(False)
                return
        self.store.mark_representative(
            session.id, not checked, at=self._wall(), reason=" ".join(reason.split())
        )
        self._refresh(_("Marked not representative.") if checked else _("Mark taken back."))

    def _note_edited(self) -> None:
        session = self._session
        self.save_button.setEnabled(session is not None and self.note.toPlainText() != session.note)

    def save_note(self) -> None:
        """Save the note being edited, if it changed (also done on switching sessions); a
        note changed after it was written keeps its earlier text in the trail."""
        session = self._session
        text = self.note.toPlainText()
        if session is None or text == session.note:
            return
        self.store.set_note(session.id, text, at=self._wall())
        fresh = self.store.get_session(session.id) or replace(session, note=text)
        self.sessions.replace_session(fresh)
        if self._session is session:
            self._session = fresh
            self.save_button.setEnabled(False)
            self._show_trail_only(fresh)
        self.message.emit(self.store.status.message or _("Note saved."))

    def _show_trail_only(self, session: SessionSummary) -> None:
        """The heading and the trail again, without touching the note being edited."""
        trail = self.store.corrections(session.id)
        self._set_heading(session, trail)
        show_wrapped(self.trail, trail_text(trail, self.sets.rows()))

    def current(self) -> SessionSummary | None:
        return self._session

    def _set_heading(self, session: SessionSummary, trail: Sequence[Correction]) -> None:
        self._trail = trail
        title = self._title(session)
        self.heading.setText(session_heading(session, trail, title, brief=self._brief))

    def set_brief(self, brief: bool) -> None:
        """The heading without what the list's row says, where the window is short."""
        if brief != self._brief:
            self._brief = brief
            if self._session is not None:
                self._set_heading(self._session, self._trail)
                self.split.place_now()  # the chosen session's room for its new lines

    def first_screen(self) -> int:
        """The height that shows the list's header and the chosen session's row whole, and
        its heading in full and its first set (ListAndChosen.first_screen, measured with
        the heading in full even while it is brief)."""
        whole = self._measure
        whole.setFont(self.heading.font())
        session = self._session
        if session is not None:
            whole.setText(session_heading(session, self._trail, self._title(session)))
        else:
            whole.setText(self.heading.text())
        extra = whole.heightForWidth(self.heading.width()) - self.heading.height()
        return self.split.first_screen() + max(0, extra)

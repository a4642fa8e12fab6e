"""The routine editor window: routine fields, exercise list and form, validation as you type."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.routines.catalog import Catalog
from hiptimer.core.routines.model import FORMAT_VERSION, Routine
from hiptimer.core.routines.title_clash import title_clash
from hiptimer.core.routines.validation import Problem
from hiptimer.core.routines.validation import validate_data as validate_routine_data
from hiptimer.core.routines.writer import routine_to_data
from hiptimer.i18n import _
from hiptimer.ui.editor import data_ops as ops
from hiptimer.ui.editor import (
    drafts,
    file_dialogs,
    files,
    ladder_ops,
    window_exercises,
    window_files,
    window_ladder,
    window_problems,
)
from hiptimer.ui.editor.banner import OriginBanner
from hiptimer.ui.editor.bound_form import scrolled
from hiptimer.ui.editor.button_row import button_row
from hiptimer.ui.editor.chrome import update_frame
from hiptimer.ui.editor.exercise_form import ExerciseForm
from hiptimer.ui.editor.exercise_list import ExercisesPanel
from hiptimer.ui.editor.menus import build_menus
from hiptimer.ui.editor.problems import ProblemPanel, edit_text
from hiptimer.ui.editor.routine_form import RoutineForm
from hiptimer.ui.editor.style import editor_style_sheet
from hiptimer.ui.editor.undo import EditorState, SnapshotCommand, UndoKeysFilter
from hiptimer.ui.theme import follow
from hiptimer.ui.widgets.fitted_tabs import FittedTabTitles
from hiptimer.ui.widgets.plain_stacks import plain_stacks
from hiptimer.ui.widgets.screen_fit import fit_window
from hiptimer.ui.widgets.spoken_status import spoken_status_bar


class EditorWindow(QMainWindow):
    """Edits one routine; Save writes the user's version (a built-in itself is never changed).

    Signals: saved(Routine) with the routine the library now shows, after Save and after
    Reset to original; imported(list) with routines imported by Import... or a drop.
    """

    saved = Signal(object)
    imported = Signal(object)

    def __init__(self, routine: Routine, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.catalog = catalog
        self.undo_stack = QUndoStack(self)
        self._state = EditorState({}, -1)
        self._problems: list[Problem] = []
        self._base = routine
        self.closing_for_system = False  # close_for_system(): close without asking
        self.opened_draft: Path | None = None  # a kept draft whose changes are shown, unsaved
        self.setStyleSheet(editor_style_sheet())
        follow(self, lambda: self.setStyleSheet(editor_style_sheet()))
        self._build()
        self._build_menus()
        self.drop_filter = files.RoutineDropFilter(self)
        self.drop_filter.imported.connect(self._after_import)
        for widget in [self, *self.findChildren(QWidget)]:
            if widget is self or widget.acceptDrops() or widget is self.exercises.list:
                self.drop_filter.install(widget)
        keys = UndoKeysFilter(self)
        for kind in (QLineEdit, QPlainTextEdit):
            for edit in self.findChildren(kind):
                edit.installEventFilter(keys)
        # A method, not a lambda: a dirty stack reports "clean" once more while it is
        # destroyed with the window (~QUndoStack calls clear()), and PySide skips a
        # method of a deleted window but would run a lambda on it.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        fit_window(self, QSize(1280, 900), QSize(760, 480))
        self.load(routine)
        # The list first, as before the banner's Details button came ahead of it in Tab's order
        # (a kept draft's offer keeps the focus it takes: Enter answers it).
        if self.focusWidget() in (None, self.origin.more):
            self.exercises.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        # Built from the window inwards, each part made in the parent it stays in: a part
        # added to another parent later has its whole tree's style, font and palette worked
        # out again (Qt's setParent), and the forms moved three times, through the scroll
        # area, the tabs and the splitter, were a quarter of the window's build (session 20).
        spoken_status_bar(self)  # "Saved ...", "Exported to ...": a screen reader says them
        central = QWidget(self)
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        # Narrow sides: at 150 % in Spanish, 14 px a side made the smallest editor 808 px wide,
        # more than an 800 x 600 screen has.
        layout.setContentsMargins(4, 10, 4, 10)
        layout.setSpacing(8)
        self.draft_offer = drafts.DraftOffer(central)  # unsaved changes kept by a system quit
        self.draft_offer.open_requested.connect(lambda draft: drafts.open_draft(self, draft))
        layout.addWidget(self.draft_offer)
        self.origin = OriginBanner(central)  # one line on a short window
        self.banner = self.origin.label
        layout.addWidget(self.origin)
        # Made before the splitter, as it joined the window before it: Tab reaches the list
        # of problems before the routine's exercises, as it always has.
        self.problems = ProblemPanel(central)
        self.problems.activated.connect(self.go_to_problem)
        split = QSplitter(Qt.Orientation.Horizontal, central)
        layout.addWidget(split, 1)
        # Scrolled on a short screen (800 x 600 in large print): squeezed below its smallest
        # height, the list, the hint and the buttons were drawn over each other.
        self.exercises = ExercisesPanel()
        split.addWidget(scrolled(self.exercises))
        plain_stacks()  # Tab into a page: no "layered pane" said before its first field
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editor-tabs")  # named before its splitter handle is
        split.addWidget(self.tabs)  # empty yet: nothing to work out again
        self.tab_titles = FittedTabTitles(self.tabs)  # a long exercise name ends in "…"
        self.exercise_form = ExerciseForm()
        self.exercise_form.edited.connect(self._exercise_edited)
        self.tabs.addTab(scrolled(self.exercise_form), _("Exercise"))
        self.routine_form = RoutineForm()
        self.routine_form.edited.connect(self._routine_edited)
        self.tabs.addTab(scrolled(self.routine_form), _("Routine details"))
        split.setStretchFactor(1, 1)
        split.setSizes([440, 820])
        split.setChildrenCollapsible(False)
        layout.addWidget(self.problems)
        self._connect_list()

        row = button_row(
            reset=self.reset_to_original, import_=self.choose_import, export=self.choose_export,
            close=self.close, save=self.save,
        )  # fmt: skip
        self.reset_button, self.import_button = row.reset, row.import_
        self.export_button, self.close_button, self.save_button = row.export, row.close, row.save
        layout.addLayout(row.layout)

    def _connect_list(self) -> None:
        self.exercise_form.ladder.variant_selected.connect(self._variant_selected)
        window_ladder.connect_bar(self, self.exercise_form.ladder)
        self.exercises.list.selected.connect(self._selected)
        window_exercises.connect_panel(self, self.exercises)

    def _build_menus(self) -> None:
        actions = build_menus(
            self, self.undo_stack, save=self.save, import_=self.choose_import,
            export=self.choose_export, reset=self.reset_to_original, close=self.close,
        )  # fmt: skip
        self.save_action, self.reset_action = actions.save, actions.reset
        self.undo_action, self.redo_action = actions.undo, actions.redo

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.origin.fit(self.height())
        super().resizeEvent(event)

    # ------------------------------------------------------------------ state

    @property
    def routine(self) -> Routine:
        """The routine as last loaded or saved (not the unsaved edits)."""
        return self._base

    @property
    def data(self) -> dict[str, Any]:
        """The routine data being edited, as it would be written."""
        return self._state.data

    @property
    def current(self) -> int:
        return self._state.current

    @property
    def variant(self) -> int:
        """Which variant of the selected exercise the form shows (0: the exercise as written)."""
        return self._state.variant

    @property
    def is_valid(self) -> bool:
        return not self._problems

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def load(self, routine: Routine) -> None:
        """Edit another routine; its own history starts empty."""
        self._base = routine
        self.undo_stack.clear()
        # Edited as the newest format, so that a ladder or a load can be added to any routine;
        # saving writes the oldest format that holds the result.
        data = {**routine_to_data(routine), "version": FORMAT_VERSION}
        self._show(EditorState(data, 0 if routine.exercises else -1))
        self.undo_stack.setClean()
        self._update_chrome()
        self.draft_offer.offer(routine.id)

    def _show(self, state: EditorState) -> None:
        """Make the window show a state: forms, list and every problem (beside its field)."""
        self._state = state
        items = ops.exercises(state.data)
        current = state.current if 0 <= state.current < len(items) else -1
        ex = items[current] if current >= 0 else None
        variant = min(state.variant, ladder_ops.count(ex) - 1) if ex is not None else 0
        self._state = dataclasses.replace(state, current=current, variant=variant)
        self.routine_form.show_data(state.data)
        shown = ladder_ops.variant(ex, variant) if ex is not None else None
        self.exercise_form.show_exercise(shown, state.data.get("rests") or {}, variant, ex)
        self._problems = validate_routine_data(state.data)
        if state.data.get("title") != self._base.title:  # one it had already is not held up
            self._problems += title_clash(self.catalog, state.data)
        bad = window_problems.place_problems(self, self._problems, current, ex)
        self.exercises.list.show_exercises(items, bad, current)
        self.exercises.update_buttons(current, len(items))
        self.problems.show_problems(self._problems, state.data)
        self._update_chrome()

    def _update_chrome(self) -> None:
        update_frame(self)

    def _clean_changed(self, _clean: bool) -> None:
        self._update_chrome()

    def edit(
        self,
        data: dict[str, Any],
        text: str,
        merge_key: object = None,
        *,
        current: int | None = None,
        variant: int | None = None,
    ) -> None:
        """One undoable edit, then the exercise and variant to show (None: as they are).

        Edits with the same `merge_key` in a row merge into one undo step (keystrokes).
        """
        index = self.current if current is None else current
        # Another exercise starts on its first variant; this one stays on the variant shown.
        shown = (self.variant if index == self.current else 0) if variant is None else variant
        after = EditorState(data, index, shown)
        self.undo_stack.push(SnapshotCommand(self._show, self._state, after, text, merge_key))

    # ------------------------------------------------------------------ edits

    def _routine_edited(self, key: str, value: object) -> None:
        data = ops.with_path(self.data, key, value)
        self.edit(data, edit_text(key), ("routine", key))

    def _exercise_edited(self, key: str, value: object) -> None:
        index = self.current
        if index < 0:
            return
        data = window_ladder.set_field(self.data, index, self.variant, key, value)
        self.edit(data, edit_text(key), ("exercise", index, self.variant, key))

    def _selected(self, row: int) -> None:
        self.tabs.setCurrentIndex(0)
        if row != self.current:
            self._show(dataclasses.replace(self._state, current=row, variant=0))

    def _variant_selected(self, n: int) -> None:
        if n != self.variant:
            self._show(dataclasses.replace(self._state, variant=n))

    def go_to_problem(self, where: str) -> None:
        """Select the exercise a problem is in and put the cursor in its field."""
        window_problems.go_to_problem(self, where)

    # ------------------------------------------------------------------ files

    def save(self) -> bool:
        """Save the user's version (see save_user_version); False when invalid or it failed."""
        return window_files.save_edits(self)

    def mark_saved(self, routine: Routine, message: str) -> None:
        """The edits are on disk as `routine`: it is the new base, and nothing is unsaved."""
        self._base = routine
        self.undo_stack.setClean()
        self._update_chrome()
        self.statusBar().showMessage(message, 8000)
        drafts.settle(self)  # a kept draft opened here is saved now

    def reset_to_original(self) -> bool:
        """Put the built-in back (the user's version kept as .bak), after asking."""
        return window_files.reset_edits(self)

    def choose_export(self) -> None:
        path = file_dialogs.ask_export_path(self.window(), self.routine.id)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the routine as edited (saved or not) to a file anywhere."""
        return window_files.export_edits(self, path)

    def choose_import(self) -> None:
        chosen = file_dialogs.ask_routine_files(self.window())
        if chosen:
            self.import_files(chosen)

    def import_files(self, paths: Iterable[str | os.PathLike[str]]) -> files.ImportResult:
        result = files.import_routine_files(paths, self)
        self._after_import(result.imported)
        return result

    def _after_import(self, routines: list[Routine]) -> None:
        """Tell the library; open a single imported routine here if the edits allow it."""
        if not routines:
            return
        self.imported.emit(list(routines))
        self.statusBar().showMessage(window_files.imported_text(routines), 8000)
        if len(routines) == 1 and self.confirm_discard("open"):
            self.load(routines[0])

    def confirm_discard(self, before: str) -> bool:
        """True when there are no unsaved edits, or the user saved or discarded them."""
        asked = self.is_modified and not self.closing_for_system
        done = window_files.confirm_discard(self, before)
        if done and asked:  # saved or discarded: a kept draft opened here is done with
            drafts.settle(self)
        return done

    def close_for_system(self) -> Path | None:
        """Logout, shutdown or a termination signal: keep unsaved edits as a draft (its path is
        returned) and close without asking, even while "Unsaved changes" is being asked."""
        return drafts.close_for_system(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard("close") or self.closing_for_system:  # came while it asked
            event.accept()
        else:
            event.ignore()

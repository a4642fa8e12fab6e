"""The Routines menu of the main window: edit, new, import, export, and routine files dropped on it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenuBar, QWidget

from hiptimer.i18n import _
from hiptimer.ui.menu_shortcuts import set_shortcut
from hiptimer.ui.quit_key import share_quit
from hiptimer.ui.widgets.worded import worded_action

if TYPE_CHECKING:  # the routine model loads with the first routines, after the first paint
    from hiptimer.core.routines.catalog import Catalog
    from hiptimer.core.routines.drafts import Draft
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.editor.files import RoutineDropFilter
    from hiptimer.ui.editor.window import EditorWindow

NEW_ROUTINE_ID = "my-routine"


def blank_routine(taken: set[str]) -> Routine:
    """A one-exercise routine to start from, with an id no other routine uses."""
    from hiptimer.core.routines.model import Exercise, Kind, Routine
    from hiptimer.ui.editor.data_ops import NEW_EXERCISE_ID, NEW_HOLD_S, NEW_SETS

    rid, n = NEW_ROUTINE_ID, 1
    while rid in taken:
        n += 1
        rid = f"{NEW_ROUTINE_ID}-{n}"
    # The first words of the user's own routine, in their language; the exercise New adds.
    first = Exercise(
        id=NEW_EXERCISE_ID, name=_("New exercise"), kind=Kind.HOLD, sets=NEW_SETS, hold_s=NEW_HOLD_S
    )
    title = _("My routine") if n == 1 else _("My routine {n}").format(n=n)
    return Routine(id=rid, title=title, exercises=(first,))


class RoutinesHost(Protocol):
    """What the Routines menu uses of the window around it."""

    def selected_routine(self) -> Routine | None: ...  # chosen in the library
    def selected_broken(self) -> str: ...  # the file name of a broken one chosen, else ""
    def show_problem(self, text: str, /) -> None: ...
    def show_message(self, text: str, ms: int, /) -> None: ...  # in the status bar
    def catalog(self) -> Catalog: ...  # the library's routine files


class RoutineActions(QObject):
    """Builds the Routines menu on `bar`; routine files dropped on `window` are imported,
    and the editors and file dialogs open over it.

    Signals: routine_changed(Routine) after one was saved, reset or imported (the last one).
    """

    routine_changed = Signal(object)

    def __init__(
        self, host: RoutinesHost, bar: QMenuBar, window: QWidget, *, drops_later: bool = False
    ) -> None:
        """With `drops_later` the window takes drops once accept_drops() is called (after its
        first paint); else from the first idle moment."""
        super().__init__(window)
        self.window = window
        self._host = host
        self.editors: list[EditorWindow] = []
        self.drops: RoutineDropFilter | None = None  # from the first idle moment on
        self._build_menu(bar)
        # Drops are taken later: the file-import code they need is not worth loading before
        # the window shows, and no file can be dropped on a window that is not on screen.
        if not drops_later:
            QTimer.singleShot(0, self, self.accept_drops)

    def _build_menu(self, bar: QMenuBar) -> None:
        menu = bar.addMenu(_("&Routines"))
        for label, shortcut, slot in (
            (_("&Edit the selected routine\u2026"), "edit", self.edit_selected),
            (_("&New routine\u2026"), "new", self.new_routine),
            (_("&Import routine files\u2026"), "import", self.import_files),
            (_("E&xport the selected routine\u2026"), "export", self.export_selected),
        ):
            action = worded_action(label, self.window)
            set_shortcut(action, shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def accept_drops(self) -> None:
        """Take routine files dropped on the window from now on (once)."""
        from hiptimer.ui.editor.files import RoutineDropFilter

        if self.drops is not None:
            return

        self.drops = RoutineDropFilter(self)
        self.drops.install(self.window)
        self.drops.imported.connect(self._imported)

    def edit_selected(self) -> None:
        routine = self._host.selected_routine()
        if routine is None:
            self._none_chosen()
            return
        self.open_editor(routine)

    def _none_chosen(self) -> None:
        """Why Edit or Export has nothing to work on: no routine chosen, or a broken file."""
        broken = self._host.selected_broken()
        if not broken:
            self._host.show_problem(_("Choose a routine in the library first."))
            return
        text = _(
            "{file} is broken, so it cannot be edited or exported here: fix the file in a "
            "text editor (the library lists its problems)."
        )
        self._host.show_problem(text.format(file=broken))

    def new_routine(self) -> None:
        from hiptimer.core.routines.user_routines import user_file_stems

        catalog = self._host.catalog()
        # A file named my-routine.json may hold another id: the new routine, saved as
        # <id>.json, would be refused, and the editor has no field to change its id.
        taken = {entry.id for entry in catalog.entries()} | user_file_stems()
        self.open_editor(blank_routine(taken), catalog)

    def open_editor(self, routine: Routine, catalog: Catalog | None = None) -> EditorWindow:
        """An editor on `routine`; `catalog`: the library as the caller read it just now (else
        the host's: LibraryShelf.catalog)."""
        from hiptimer.ui.editor.window import EditorWindow

        editor = EditorWindow(routine, catalog or self._host.catalog(), self.window)
        editor.saved.connect(self.routine_changed)
        editor.imported.connect(self._imported)
        editor.destroyed.connect(lambda *_: self._forget(editor))
        self.editors.append(editor)
        share_quit(editor)  # Ctrl+Q typed in it quits HipTimer too
        editor.show()
        # The new window takes the keyboard (Ctrl+S, Ctrl+W) even where no window manager
        # gives it one (a new top-level window is on top already).
        editor.activateWindow()
        return editor

    def open_kept(self, draft: Draft) -> EditorWindow:
        """The editor on the routine whose unsaved changes a system quit kept in `draft`: it
        offers that draft first. A routine no longer in the library (or never saved) opens
        as a new one."""
        from hiptimer.core.routines.model import Routine

        catalog = self._host.catalog()
        entry = catalog.get(draft.routine_id)
        if entry is not None and entry.routine is not None:
            editor = self.open_editor(entry.routine, catalog)
        else:
            routine = Routine(id=draft.routine_id, title=draft.title, exercises=())
            editor = self.open_editor(routine, catalog)
        editor.draft_offer.offer(draft.routine_id, first=draft.path)
        return editor

    def _forget(self, editor: QWidget) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    def close_editors(self) -> bool:
        """The app is quitting: each editor open closes, asking about unsaved edits as its own
        Close does. False once one stays open (Cancel, or edits that failed to save): the
        quit stops there, and the windows still open stay as they were."""
        return all(editor.close() for editor in list(self.editors) if editor.isVisible())

    def close_for_system(self) -> list[Path]:
        """Logout, shutdown or a termination signal: every editor closes without asking, its
        unsaved edits kept as a draft; the drafts written."""
        kept = [editor.close_for_system() for editor in list(self.editors)]
        return [path for path in kept if path is not None]

    def import_files(self) -> None:
        from hiptimer.ui.editor.file_dialogs import ask_routine_files
        from hiptimer.ui.editor.files import import_routine_files

        paths = ask_routine_files(self.window)
        if paths:
            self._imported(import_routine_files(paths, self.window).imported)

    def export_selected(self) -> None:
        from hiptimer.ui.editor.file_dialogs import ask_export_path
        from hiptimer.ui.editor.files import export_routine
        from hiptimer.ui.write_failure import not_written

        routine = self._host.selected_routine()
        if routine is None:
            self._none_chosen()
            return
        path = ask_export_path(self.window, routine.id)
        if not path:
            return
        try:
            export_routine(routine, path)
        except OSError as exc:  # as the CSV and PDF exports word it
            self._host.show_problem(not_written(path, exc))
            return
        self._host.show_message(
            _("Exported {routine} to {path}").format(routine=routine.title, path=path), 8000
        )

    def _imported(self, routines: list[Routine]) -> None:
        if routines:
            self.routine_changed.emit(routines[-1])

"""The main window's menus, and the questions asked before a session ends or HipTimer quits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from hiptimer import APP_TITLE
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.menu_shortcuts import set_shortcut
from hiptimer.ui.quit_key import QUIT_ACTION
from hiptimer.ui.services.ports import History
from hiptimer.ui.widgets.worded import worded_action
from hiptimer.ui.widgets.yes_no_box import asked_yes

SESSION_MENU = (
    (Action.PAUSE, N_("Pause / resume")),
    (Action.NEXT, N_("Next step")),
    (Action.BACK, N_("Back (repeat the set)")),
    (Action.MORE, N_("More (+5 s or +1 rep)")),
    (Action.LESS, N_("Less (\u22125 s or \u22121 rep)")),
    (Action.SKIP_EXERCISE, N_("Skip exercise")),
    (Action.MUTE, N_("Mute / unmute")),
    (Action.END, N_("End session\u2026")),
)


def ask_to_end(parent: QWidget) -> bool:
    """Ask before ending a session; Enter, Esc and closing the box all keep going."""
    from PySide6.QtWidgets import QMessageBox  # only when asked: not for the first paint

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("End the session? \u2014 {app}").format(app=APP_TITLE))
    box.setText(_("End this session now?"))
    box.setInformativeText(_("The sets done so far are kept in your history."))
    # Translators: keep an & before a letter: that letter presses the button.
    return asked_yes(box, _("&End session"), _("&Keep going"))


def confirm_quit(parent: QWidget, history: History | None, *, session_running: bool) -> bool:
    """Whether to quit on Ctrl+Q: asked first, unless history waits to be saved (the window
    asks about that on closing, and one question is enough)."""
    if history is not None and history.status.pending:
        return True
    return ask_to_quit(parent, session_running=session_running)


def ask_to_quit(parent: QWidget, *, session_running: bool) -> bool:
    """Ask before quitting (Ctrl+Q): Enter, Esc and closing the box all keep HipTimer open."""
    from PySide6.QtWidgets import QMessageBox  # only when asked: not for the first paint

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Quit? \u2014 {app}").format(app=APP_TITLE))
    if session_running:
        box.setText(_("End this session and quit HipTimer?"))
        box.setInformativeText(_("The sets done so far are kept in your history."))
    else:
        box.setText(_("Quit HipTimer?"))
    # Translators: Q (after the &) quits from the keyboard; keep the & before a letter.
    return asked_yes(box, _("&Quit"), _("&Keep HipTimer open"))


class WindowMenus(QObject):
    """The File, Session and View menus; the window connects their signals to its commands.

    The Session items show their keys but do not own them: the window's key map does.
    Others add to `file_menu` (Settings) and to the bar (Routines).

    Signals: quit_requested() (File > Quit, Ctrl+Q in any of HipTimer's windows: the window
    asks first);
    action_requested(object) with the Session item's Action; history_requested();
    full_screen_requested(). Help > Keyboard shortcuts (F1, Ctrl+?) opens its window itself.
    """

    quit_requested = Signal()
    action_requested = Signal(object)
    history_requested = Signal()
    full_screen_requested = Signal()

    def __init__(self, bar: QMenuBar, parent: QWidget, *, later: bool = False) -> None:
        super().__init__(parent)
        self.file_menu = bar.addMenu(_("&File"))
        quit_action = worded_action(_("&Quit"), parent)
        quit_action.setObjectName(QUIT_ACTION)  # the other windows share it (quit_key.py)
        set_shortcut(quit_action, "quit")
        quit_action.triggered.connect(self.quit_requested.emit)
        self.file_menu.addAction(quit_action)
        self._session_menu = bar.addMenu(_("&Session"))
        self._view_menu = bar.addMenu(_("&View"))
        self._bar, self._parent = bar, parent
        self._help_menu: QMenu | None = None
        # With `later` the bar shows its titles in the first paint, and the Session, View and
        # Help items (~2 M instructions) are made when the window takes its keys, or a menu
        # is first opened, whichever comes first (fill()).
        self._later = later
        if later:
            self._session_menu.aboutToShow.connect(self.fill)
            self._view_menu.aboutToShow.connect(self.fill)
        else:
            self._fill_session_and_view()

    def _fill_session_and_view(self) -> None:
        parent = self._parent
        for action, label in SESSION_MENU:
            item = worded_action(f"{translate(label)}\t{KEY_NAMES[action]}", parent)
            item.triggered.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self._session_menu.addAction(item)
        history = worded_action(_("&History and reports\u2026"), parent)
        set_shortcut(history, "history")
        history.triggered.connect(self.history_requested.emit)
        self._view_menu.addAction(history)
        find = worded_action(_("&Find a routine"), parent)
        set_shortcut(find, "find")
        find.triggered.connect(lambda: self.action_requested.emit(Action.FIND))
        self._view_menu.addAction(find)
        full = worded_action(_("Full screen") + f"\t{KEY_NAMES[Action.FULL_SCREEN]}", parent)
        full.triggered.connect(self.full_screen_requested.emit)
        self._view_menu.addAction(full)

    def add_help_menu(self) -> None:
        """Help, last on the bar (after the menus others add)."""
        self._help_menu = self._bar.addMenu(_("&Help"))
        if self._later:
            self._help_menu.aboutToShow.connect(self.fill)
        else:
            self._fill_help(self._help_menu)

    def fill(self) -> None:
        """The items the menus were made without (`later`), made now (once)."""
        if not self._later:
            return
        self._later = False
        self._fill_session_and_view()
        if self._help_menu is not None:
            self._fill_help(self._help_menu)

    def _fill_help(self, help_menu: QMenu) -> None:
        keys = worded_action(_("&Keyboard shortcuts\u2026"), self._parent)
        set_shortcut(keys, "keys")
        keys.triggered.connect(self._show_keys)
        help_menu.addAction(keys)
        folder = worded_action(_("Open the &data folder"), self._parent)
        folder.triggered.connect(self._open_data_folder)
        help_menu.addAction(folder)
        about = worded_action(_("&About HipTimer\u2026"), self._parent)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _open_data_folder(self) -> None:
        from hiptimer.ui.about import open_data_folder  # loads when first asked for

        open_data_folder(self._parent)

    def _show_about(self) -> None:
        from hiptimer.ui.about import show_about

        show_about(self._parent)

    def _show_keys(self) -> None:
        from hiptimer.ui.key_help import show_keys  # its window loads when first asked for

        show_keys(self._parent)

"""One key handler for a whole window, whatever widget has the focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPushButton, QWidget

from hiptimer.ui.key_trace import trace, trace_shortcut, tracing
from hiptimer.ui.keys import Action, Mode, resolve
from hiptimer.ui.menu_shortcuts import fire_shortcut, give_shortcuts, hold_shortcuts
from hiptimer.ui.widgets.readable import READS_BY_KEYS

if TYPE_CHECKING:  # the event classes come with install(), after the list's paint
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

Handler = Callable[[Action, int], None]

# X11 auto-repeat arrives as a release and a press with the same timestamp, and Qt 6.12 under
# xcb does not always mark the press as a repeat (measured under Xvfb: a Space held for 4 s
# counted 15 reps). No finger lifts and presses again within this many milliseconds.
REPEAT_GAP_MS = 5


class WindowKeys(QObject):
    """An application event filter that sends the window's key presses to one handler.

    Installed on the application rather than on the window because a key goes to the
    focused widget first: a list would take the arrows and a button the Space bar.
    Only keys for widgets of `window` are looked at, so dialogs keep their own keys.
    Held-down keys do not repeat the action (a held Space must not count ten reps).

    With `later` it waits for install(), which the window calls once its filled routine list
    was painted (and so do the shortcuts of the window's menu items,
    hiptimer.ui.menu_shortcuts): every event of the application passes through it, and the
    first object of a Qt-private class it meets (the window's QWidgetWindow) makes PySide6
    build the Python types of most of Qt, about 140 enum classes and 115 M instructions,
    which delayed the first paint when it was installed in the first idle moment, and the
    list's when it was installed with the routines (docs/performance.md, session 21). A key
    typed before then reaches the window itself (MainWindow.keyPressEvent calls take()).

    Signals: none; the key's action goes to `handler`, as the page's `mode` reads it.
    """

    def __init__(
        self, window: QWidget, mode: Callable[[], Mode], handler: Handler, *, later: bool = False
    ) -> None:
        super().__init__(window)
        self._window = window
        self._mode = mode
        self._handler = handler
        self._released: dict[int, int] = {}  # key -> timestamp of its last release
        self._trace = tracing()  # $HIPTIMER_KEY_TRACE: the end-to-end tests' trail of keys
        self.installed = False
        self.held: list[tuple[Action, int]] = []  # early() while the routines are read
        # Runs before the held shortcuts are given: menu items made late are made by then.
        self.before_shortcuts: Callable[[], None] = lambda: None
        if later:
            hold_shortcuts(window)  # the menus' too: made before the keys are taken
        else:
            self.install()

    def install(self) -> None:
        """Take the window's keys from now on (once)."""
        if self.installed:
            return
        app = QApplication.instance()
        assert app is not None
        # The event classes only now: imported with the module (the window's, before its first
        # paint), QEvent's Python class cost 16.7 M instructions before the usable screen.
        from PySide6.QtGui import QKeyEvent, QShortcutEvent

        self._key_event, self._shortcut_event = QKeyEvent, QShortcutEvent
        app.installEventFilter(self)
        self._window.destroyed.connect(lambda: app.removeEventFilter(self))
        self.installed = True
        self.before_shortcuts()
        give_shortcuts(self._window)

    def early(
        self, event: QKeyEvent, mode: Mode, reading: bool, open_services: Callable[[], None]
    ) -> bool:
        """A key press the window itself got before install(): with the routines still
        `reading` on their thread, held for replay() (the window answers meanwhile; Ctrl+Q
        and the menus' other shortcuts act at once); else the window's services open now
        and the key acts. True when it did something there (or was held)."""
        found = resolve(event.key(), event.modifiers(), mode)
        if not reading:
            open_services()
            return self.take(event, mode)
        if found is None:  # the menus' shortcuts from now on (QKeySequence: after the paint)
            self.before_shortcuts()
            give_shortcuts(self._window)
            return fire_shortcut(self._window, event)
        if not self._repeated(event):
            self.held.append(found)
        return True

    def replay(self, open_services: Callable[[], None]) -> None:
        """The keys held by early(), in the order typed, now that the routines are listed
        (the window's services open first, as for take())."""
        if self.held:
            open_services()
        held, self.held = self.held, []
        for found in held:
            self._handler(*found)

    def take(self, event: QKeyEvent, mode: Mode) -> bool:
        """A key press the window itself got before install() (no widget in it took it), as
        the screen of `mode` takes it; True when it did something there."""
        found = resolve(event.key(), event.modifiers(), mode)
        if found is None:  # Ctrl+Q, say: its menu item got its shortcut only now
            return fire_shortcut(self._window, event)
        if not self._repeated(event):
            self._handler(*found)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the type test first, as asking an event its
        # type() makes a Python enum each time.
        if not isinstance(event, self._key_event):
            if self._trace and isinstance(event, self._shortcut_event):
                trace_shortcut(watched, event)
            return False
        if not isinstance(watched, QWidget):  # a window's QWindow: a key enters the app there
            if self._trace and event.type() == event.Type.KeyPress:
                trace(watched, event)
            return False
        kind = event.type()
        if kind not in (event.Type.KeyPress, event.Type.KeyRelease):
            return False
        if watched.window() is not self._window:
            return False
        if kind == event.Type.KeyRelease:
            if not event.isAutoRepeat():
                self._released[event.key()] = event.timestamp()
            return False
        if _presses_focused_button(watched, event):
            return _enter_on(watched, event)  # a button reached by Tab: Space and Enter press it
        if _moves_in_focused_text(watched, event):
            return False  # a text reached by Tab (a routine's details): read line by line
        if _typed_in_focused_field(watched, event):
            return False  # the library's search field: V, Space, a digit are typed in it
        found = resolve(event.key(), event.modifiers(), self._mode())
        if found is None:
            return _arrow_on_button(watched, event)  # taken: it would move the focus unseen
        if not self._repeated(event):
            self._handler(*found)
        return True

    def _repeated(self, event: QKeyEvent) -> bool:
        """Whether a press is the keyboard repeating a held key rather than a new press."""
        if event.isAutoRepeat():
            return True
        stamp = event.timestamp()  # 0 for synthetic events (tests, xdotool): no evidence
        released = self._released.get(event.key())
        return stamp > 0 and released is not None and 0 <= stamp - released <= REPEAT_GAP_MS


ACTIVATE = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
         Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)  # fmt: skip


def _moves_in_focused_text(watched: QWidget, event: QKeyEvent) -> bool:
    """An arrow, Page Up/Down, Home or End in a text that has a caret for reading
    (widgets.readable.readable_by_keys): it moves the caret, as in any text."""
    return event.key() in MOVES and bool(watched.property(READS_BY_KEYS)) and watched.hasFocus()


# The keys a focused field leaves to the screen: Down into the list, Enter starts, Esc clears.
FROM_A_FIELD = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                Qt.Key.Key_Escape, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)  # fmt: skip


def _typed_in_focused_field(watched: QWidget, event: QKeyEvent) -> bool:
    """A key typed in a focused line of text (the library's search field): a letter, a digit,
    Space, Backspace, the caret's keys. The screen keeps FROM_A_FIELD and the F keys (F11)."""
    if not isinstance(watched, QLineEdit) or not watched.hasFocus():
        return False
    key = event.key()
    return key not in FROM_A_FIELD and not Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35


ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


def _arrow_on_button(watched: QWidget, event: QKeyEvent) -> bool:
    """An arrow the page has no use for, on a focused button: Qt moves the focus to the next or
    previous widget with it (QAbstractButton::keyPressEvent calls focusNextChild for a button in
    no group, https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qabstractbutton.cpp),
    so Enter then pressed another button: a Next pressed once too often as a session ended moved
    the summary's focus from *Back to library* to the notice's *Details* (seen under Xvfb), and
    a Back to *Quit HipTimer*. Tab moves the focus; a group of buttons keeps its arrows."""
    if event.key() not in ARROWS or not isinstance(watched, QAbstractButton):
        return False
    return not watched.autoExclusive() and watched.group() is None


def _enter_on(button: QWidget, event: QKeyEvent) -> bool:
    """Enter on a focused button presses it, as Space does; True when it was taken here.

    A QPushButton takes Enter only as a dialog's (auto-)default button; elsewhere it ignores
    it and Qt passes it to the window, where Enter on the library's notice's *Dismiss* started
    the chosen routine. https://doc.qt.io/qt-6/qpushbutton.html#autoDefault-prop"""
    if event.key() == Qt.Key.Key_Space or not isinstance(button, QAbstractButton):
        return False  # the button's own Space handling
    if isinstance(button, QPushButton) and (button.autoDefault() or button.isDefault()):
        return False  # it presses itself
    if not event.isAutoRepeat():  # a held Enter presses once
        button.click()
    return True


def press_focused_button(window: QWidget, event: QKeyEvent) -> bool:
    """Space or Enter that came up to `window` from its focused button presses it, as
    WindowKeys does in the main window; True when it did (enter_keys.EnterOnButtons)."""
    focused = window.focusWidget()
    if focused is None or not _presses_focused_button(focused, event):
        return False
    return _enter_on(focused, event)


def _presses_focused_button(watched: QWidget, event: QKeyEvent) -> bool:
    """Space or Enter on a button that has the keyboard focus (buttons take it only by Tab,
    never by a click, so the focus ring shows which one it is)."""
    if event.key() not in ACTIVATE or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    return isinstance(watched, QAbstractButton) and watched.hasFocus() and watched.isEnabled()

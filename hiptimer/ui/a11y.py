"""Screen readers (AT-SPI on Linux): buttons' names and keys, fields' focus and selection,
a table's first item as Tab enters it, announcements.

Buttons show their key in brackets ("Start   [Enter]"): a reader should say "Start", then
"Key: Enter" as the description, so every button gets its name and description the same way,
whoever builds it (message boxes and dialog button boxes included).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFocusEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from hiptimer.i18n import p_
from hiptimer.ui.key_words import key_hint

KEY_HINT = re.compile(r"^(?P<name>.*?)\s+\[(?P<keys>[^\]]+)\]$", re.DOTALL)


def name_and_keys(text: str) -> tuple[str, str]:
    """A button's words without the key it shows in brackets, and that key ("" if none)."""
    found = KEY_HINT.match(text.strip())
    if found is None:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip(), ""
    return found.group("name").strip(), found.group("keys").strip()


def describe(button: QAbstractButton) -> None:
    """Give a button a spoken name (its words, without a key hint) and a description (its
    tooltip, or how to press it from the keyboard), unless it was given them already."""
    name, keys = name_and_keys(button.text())
    if keys and button.accessibleName() in ("", button.text()):
        button.setAccessibleName(name)
    if button.accessibleDescription() or button.toolTip():
        return
    if not keys:
        keys = _dialog_key(button)
    if keys:
        button.setAccessibleDescription(key_hint(keys))


def _dialog_key(button: QAbstractButton) -> str:
    """The key that presses a button of a dialog: its mnemonic, Enter for the default one,
    Esc for the one that cancels."""
    mnemonic = QKeySequence.mnemonic(button.text())
    if not mnemonic.isEmpty():
        return mnemonic.toString(QKeySequence.SequenceFormat.NativeText)
    if isinstance(button, QPushButton) and (button.isDefault() or button.autoDefault()):
        box = _box_of(button)
        if isinstance(box, QMessageBox) and box.escapeButton() is button:
            return "Esc"
        if button.isDefault():
            return p_("key", "Enter")
    box = _box_of(button)
    if isinstance(box, QDialogButtonBox):
        role = box.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.RejectRole:
            return "Esc"
        if role == QDialogButtonBox.ButtonRole.AcceptRole:
            return p_("key", "Enter")
    if isinstance(box, QMessageBox) and box.escapeButton() is button:
        return "Esc"
    return ""


def _box_of(button: QAbstractButton) -> QObject | None:
    parent = button.parent()
    while parent is not None and not isinstance(parent, (QDialogButtonBox, QMessageBox)):
        parent = parent.parent()
    return parent


class ReaderFilter(QObject):
    """An application event filter for screen readers: it describes every button as it is
    first shown, settles a text field's caret as it is shown, before any focus, has a
    filled field reached by Tab heard before its selected text (focus_then_select), and
    a field's selection cleared without a word as the focus leaves it (deselect_quietly).

    Why the second: a line edit reports its caret the first time it is placed, and for an
    empty field that is as Tab gives it the focus (Qt's line control starts from "no
    position", -1: emitCursorPositionChanged in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qwidgetlinecontrol.cpp),
    before Qt reports the focus. Orca 43 takes the caret event of a focused field as the
    focus arriving, silently, then the focus as nothing new (onCaretMoved in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/scripts/default.py), so
    Tab into an empty field said nothing. Placed once on show, the caret does not move
    when the focus comes, and the reader hears the focus as for any field. (Reporting the
    focus early instead does not work: Orca drops an event when the same one follows.)

    Signals: none.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            ready(watched)
        elif isinstance(event, QFocusEvent) and isinstance(watched, QLineEdit):
            if event.type() == QEvent.Type.FocusOut:
                deselect_quietly(watched, event)
                return False
            return event.type() == QEvent.Type.FocusIn and focus_then_select(watched, event)
        elif isinstance(event, QFocusEvent) and isinstance(watched, QAbstractItemView):
            return event.type() == QEvent.Type.FocusIn and focus_then_current(watched, event)
        return False


def ready(widget: QWidget) -> None:
    """A button described, a text field's caret placed (unfocused: a reader ignores it)."""
    if isinstance(widget, QAbstractButton):
        describe(widget)
    elif isinstance(widget, QLineEdit) and not widget.hasSelectedText():
        widget.setCursorPosition(widget.cursorPosition())


SELECTS_ALL = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def focus_then_select(edit: QLineEdit, event: QFocusEvent) -> bool:
    """Give a filled text field reached by Tab (or its label's Alt key) the focus first and
    select its text just after, so a reader says the field's name before its words.

    Why: QLineEdit selects all its text in its focus-in handler, and Qt tells readers about
    the focus only once that handler has run (QWidget::setFocus, after
    QApplicationPrivate::setFocusWidget, in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/kernel/qwidget.cpp). Orca 43
    said the selection first, then the field: "60 selected. Hold text. 6 selected. Seconds
    per set and side." Now the field takes the focus with a reason that selects nothing
    (the event is sent anew; this one is handled) and its text is selected once the focus
    has been reported: "Hold text. 6 selected. Seconds per set and side." Typing still
    replaces the whole text, as after any Tab. Returns True when it did so.

    Not ours, not mended: Orca 43 says a line edit's words one character short ("6" for
    60). QAccessibleLineEdit::attributes gives each offset an empty run (offset to offset,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/accessible/simplewidgets.cpp),
    and Orca joins those runs by language into one that ends a character early
    (getLanguageAndDialectFromTextAttributes in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/script_utilities.py).
    PySide6 cannot give a line edit a text interface of its own.
    """
    if event.reason() not in SELECTS_ALL or not edit.text() or edit.inputMask():
        return False
    if edit.hasSelectedText():  # QLineEdit keeps a selection it has: nothing to move
        return False
    QCoreApplication.sendEvent(
        edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason)
    )

    def select() -> None:
        if edit.hasFocus():  # not if Tab went on meanwhile
            edit.selectAll()

    QTimer.singleShot(0, edit, select)  # with `edit`: never once it is deleted
    return True


KEEPS_SELECTION = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


def deselect_quietly(edit: QLineEdit, event: QFocusEvent) -> None:
    """Clear the selection of a text field the focus leaves before QLineEdit does, telling
    no screen reader: Orca 43 said "Text unselected." at each Tab on from a filled field.

    Why: QLineEdit clears its selection in its focus-out handler (for any reason but the
    window's or a popup's, as here), before Qt reports the next field's focus, and the
    accessibility event goes with its selectionChanged signal (focusOutEvent and
    _q_selectionChanged in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qlineedit.cpp). Orca
    says "Text unselected." for any field whose selection it saw go, focused or not
    (handleTextSelectionChange in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/script_utilities.py),
    so clearing it later would not help. With the line control's signals held, the
    selection goes unseen; Orca reads the field's selection afresh when the focus comes
    back (_saveFocusedObjectInfo), so it keeps no stale one. Qt's own deselect then finds
    nothing to clear.
    """
    if event.reason() in KEEPS_SELECTION or not edit.hasSelectedText():
        return
    control = next(
        (c for c in edit.children() if c.metaObject().className() == "QWidgetLineControl"), None
    )
    if control is None:  # another Qt: leave it to QLineEdit, heard as before
        return
    held = control.blockSignals(True)
    try:
        edit.deselect()
    finally:
        control.blockSignals(held)
    edit.update()  # the control's repaint request was held too


def focus_then_current(view: QAbstractItemView, event: QFocusEvent) -> bool:
    """Give a list or table reached by Tab with no current item the focus first and make
    its first item current just after, so a reader says the table, then the item.

    Why: QAbstractItemView makes its first item current in its focus-in handler and reports
    that item's focus there, before Qt reports the view's (focusInEvent in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/itemviews/qabstractitemview.cpp).
    Orca 43 let the item's focus pass (its table had not the focus yet), then said the
    table alone: "Sets of the chosen session. table with 25 rows 8 columns.", never a set.
    Now the view takes the focus with the mouse's reason, for which Qt makes nothing
    current, and its first item becomes current (not selected) once the focus has been
    reported. Returns True when it did so.
    """
    model, selection = view.model(), view.selectionModel()
    if event.reason() not in SELECTS_ALL or model is None or selection is None:
        return False
    if view.currentIndex().isValid() or not model.hasIndex(0, 0, view.rootIndex()):
        return False
    QCoreApplication.sendEvent(
        view, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason)
    )

    def make_current() -> None:
        if view.hasFocus() and not view.currentIndex().isValid():
            first = model.index(0, _first_shown_column(view), view.rootIndex())
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)

    QTimer.singleShot(0, view, make_current)  # with `view`: never once it is deleted
    return True


def _first_shown_column(view: QAbstractItemView) -> int:
    hidden = getattr(view, "isColumnHidden", None)
    columns = range(view.model().columnCount(view.rootIndex()))
    return next((c for c in columns if not (hidden and hidden(c))), 0)


def install_reader_filter(app: QApplication) -> ReaderFilter:
    """Describe every button of `app` on screen now and from now on (QMessageBox's and
    QDialogButtonBox's too), and settle the caret of every text field shown."""
    names = ReaderFilter(app)
    app.installEventFilter(names)
    for widget in app.allWidgets():  # the window's first paint comes before this filter
        if widget.isVisible():
            ready(widget)
    return names


def announce(source: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say `text` now, about `source`, without moving the focus: a
    QAccessibleAnnouncementEvent (Qt 6.8, the oldest Qt HipTimer runs on), which AT-SPI
    passes on as an announcement. Polite: it waits for what the reader is saying."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)

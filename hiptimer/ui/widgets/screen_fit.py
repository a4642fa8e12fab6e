"""Windows and dialogs sized to the free area of their screen, and kept inside its edges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # loaded with the filter, after the first paint (tests/ui/test_first_paint.py)
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox, QScrollArea

# Menus, tooltips and the like place themselves.
_TRANSIENT = {Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen}

# The window manager's frame and title bar, which Qt knows only once a window is on screen:
# a window is kept this much smaller than the free area (a title bar is 30-40 px tall).
FRAME_ALLOWANCE = QSize(12, 44)


def free_area(widget: QWidget) -> QRect:
    """The free area (panels and docks left out) of the screen `widget` opens on."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget) -> QSize:
    """The largest size a window can have and still show whole, frame and title included."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    known = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    extra = known.expandedTo(FRAME_ALLOWANCE)
    area = free_area(widget).size()
    return QSize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))


def fit_window(window: QWidget, size: QSize, minimum: QSize) -> None:
    """Open at `size` where the screen has room for it, else as large as the screen allows;
    the minimum size is never larger than the screen either."""
    space = room(window)
    window.setMinimumSize(minimum.boundedTo(space))
    window.resize(size.boundedTo(space))


def keep_inside(window: QWidget) -> None:
    """Shrink a window to the room its screen has and move it wholly onto the free area."""
    space = room(window)
    if window.width() > space.width() or window.height() > space.height():
        if window.minimumWidth() > space.width() or window.minimumHeight() > space.height():
            window.setMinimumSize(window.minimumSize().boundedTo(space))
        window.resize(window.size().boundedTo(space))
    area = free_area(window)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))


def widen_message_box(box: QMessageBox) -> None:
    """Make a message box as wide as its buttons and words need, up to its screen's room.

    Qt caps a message box at the screen's width less 480 px on a screen wider than 1024 px
    (QMessageBoxPrivate::updateSize, run as the box is shown,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/dialogs/qmessagebox.cpp): 613 px
    on 1366 x 768 at 125 %, where "Keep the app open" in large print, or Spanish's "Mantener
    la aplicación abierta", was cut at both ends."""
    from hiptimer.ui.widgets.message_fit import scroll_words, scrolled_words, wrap_to_width

    layout = box.layout()
    if layout is None:
        return
    space = room(box)
    if layout.totalMinimumSize().width() > space.width():
        _stack_buttons(box)
    width = min(max(box.width(), layout.totalMinimumSize().width()), space.width())
    words = scrolled_words(box)
    if words is None and _words_height(box, width) > space.height():
        words = scroll_words(box)  # too tall for the screen: the words scroll, not the buttons
    if words is not None:
        wrap_to_width(words)
        _fit_scrolled(box, words, space)
    elif width != box.width():
        box.setFixedSize(width, min(_words_height(box, width), space.height()))
    keep_inside(box)


def _fit_scrolled(box: QMessageBox, words: QScrollArea, space: QSize) -> None:
    """A box whose words scroll: as wide as the screen allows (the fewer lines), and as tall
    as its words need, up to the screen's room."""
    from hiptimer.ui.widgets.message_fit import fit_words

    if box.size() != space:
        box.setFixedSize(space)
    layout = box.layout()
    assert layout is not None
    layout.activate()
    height = min(space.height(), fit_words(words) + space.height() - words.viewport().height())
    if height != box.height():
        box.setFixedSize(space.width(), height)


def _stack_buttons(box: QMessageBox) -> None:
    """A message box's buttons one under another, each as wide as the box: side by side,
    Spanish large print's "Salir de todos modos" and "Dejar HipTimer abierto" needed more
    than an 800 px screen, and both were cut at their ends."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = box.findChild(QDialogButtonBox)
    layout = box.layout()
    if buttons is None or layout is None:
        return
    buttons.setOrientation(Qt.Orientation.Vertical)
    layout.activate()


def fit_to_words(dialog: QWidget, width: int) -> None:
    """Size a dialog of wrapped words `width` wide (or as its screen's room allows, never
    narrower than its layout) and as tall as its words need at that width: a QDialog's first
    size ignores height-for-width, and cut large print short (tests/ui/test_screen_fit.py)."""
    layout = dialog.layout()
    if layout is None:
        return
    space = room(dialog)
    width = min(max(width, layout.totalMinimumSize().width()), space.width())
    dialog.resize(width, min(_words_height(dialog, width), space.height()))
    keep_inside(dialog)


def _words_height(window: QWidget, width: int) -> int:
    layout = window.layout()
    assert layout is not None
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalMinimumSize().height()


class ScreenFit(QObject):
    """An application event filter that keeps every window and dialog inside its screen as it
    is shown (message boxes and file dialogs included, whoever opens them).

    Signals: none.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Not before the first paint; the event classes not before the list's (QEvent's: 16.7 M
        # instructions; fit_window comes with the window).
        from PySide6.QtGui import QShowEvent
        from PySide6.QtWidgets import QMessageBox

        self._box = QMessageBox
        self._shown = QShowEvent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the class test, not event.type(), which makes
        # a Python enum each time (60,000 times in one screen-size tour of the app).
        if isinstance(watched, self._box):
            kind = event.type()
            if kind == event.Type.ShowToParent:
                widen_message_box(watched)  # sent once the box has sized itself (showEvent)
            elif kind == event.Type.Resize and watched.isVisible() and _past_room(watched):
                # Qt sizes a box again on a style change (QMessageBoxPrivate::updateSize, up
                # to the screen's whole width and past its height at 640 x 480): fit again.
                widen_message_box(watched)
            return False
        if not isinstance(event, self._shown) or not isinstance(watched, QWidget):
            return False
        if watched.isWindow() and watched.windowType() not in _TRANSIENT:
            keep_inside(watched)
        return False


def _past_room(box: QMessageBox) -> bool:
    """Whether `box` is larger than its screen's room, or its words scroll at another size."""
    from hiptimer.ui.widgets.message_fit import scrolled_words

    space = room(box)
    if box.width() > space.width() or box.height() > space.height():
        return True
    return scrolled_words(box) is not None and box.width() != space.width()


def install_screen_fit(app: QApplication) -> ScreenFit:
    """Keep every window of `app` inside its screen, those shown already and from now on."""
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    for window in app.topLevelWidgets():
        if window.isVisible() and window.windowType() not in _TRANSIENT:
            keep_inside(window)
    return fit

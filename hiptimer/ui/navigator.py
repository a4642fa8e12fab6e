"""The one owner of the main window's page flow: the stacked pages and each page's key mode."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from hiptimer.ui.keys import Mode

KeyMode: TypeAlias = "Mode | Callable[[], Mode]"  # a page's mode, or how to ask it


class Navigator(QObject):
    """Holds the window's pages in one stack and knows which keys each page takes.

    A page comes with its Mode, or with a callable that gives its Mode as it changes (the
    workout page: counting, rating, choosing). Pages leave by `remove`, which deletes them.
    With no page on screen the keys are those of `idle`.

    Signals: page_changed(object) with the page now on screen (None when there is none).
    """

    page_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, idle: Mode = Mode.LIBRARY) -> None:
        super().__init__(parent)
        # The window's central widget: a plain widget that stacks its pages, which a screen
        # reader passes over as it does any container. A QStackedWidget would read as a
        # "layered pane" (see widgets/plain_stacks.py) unless an accessibility factory said
        # otherwise, and that factory, with QAccessible's enums, cost ~18 M instructions
        # before the first paint (docs/performance.md, session 20).
        self.stack = QWidget(parent)
        self.stack.setObjectName("pages")
        self._pages = QStackedLayout(self.stack)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._idle = idle
        self._modes: dict[QWidget, Callable[[], Mode]] = {}
        self._homes: dict[QWidget, QWidget] = {}
        self._pages.currentChanged.connect(self._current_changed)

    @property
    def current(self) -> QWidget | None:
        """The page on screen."""
        page: QWidget | None = self._pages.currentWidget()
        return page

    def showing(self, page: QWidget | None) -> bool:
        return page is not None and self.current is page

    def __contains__(self, page: object) -> bool:
        return page in self._modes

    def add(
        self, page: QWidget, mode: KeyMode, *, show: bool = False, home: QWidget | None = None
    ) -> None:
        """Add a page with its key mode; with `show`, put it on screen too. `home` takes the
        keyboard focus as the page comes on screen (else the page, or its focus proxy).

        Why not a focus proxy for a home that is not the page's first Tab stop: Tab from the
        widget before the page (the notice's *Dismiss* above it) lands on a page's proxy, so
        Tab went from the notice straight to the summary's *Back to library*, its last stop,
        past the table of sets and *Quit HipTimer* (focusNextPrevChild_helper in
        https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/kernel/qapplication.cpp).
        """
        self._modes[page] = mode if callable(mode) else _fixed(mode)
        if home is not None:
            self._homes[page] = home
        self._pages.addWidget(page)
        if show:
            self.show(page)

    def show(self, page: QWidget) -> None:
        if page not in self._modes:
            raise ValueError(f"{type(page).__name__} is not one of the window's pages")
        self._pages.setCurrentWidget(page)

    def remove(self, page: QWidget | None) -> None:
        """Take a page off the stack and delete it; a page not (or no longer) here is ignored.

        The page is deleted later, not now: the click or key that removes it may still be
        running in one of its widgets.
        """
        if page is None or page not in self._modes:
            return
        del self._modes[page]
        self._homes.pop(page, None)
        self._pages.removeWidget(page)
        page.deleteLater()

    def count(self) -> int:
        """How many pages the stack holds."""
        return self._pages.count()

    def key_mode(self) -> Mode:
        """Which keys apply now: those of the page on screen."""
        page = self.current
        mode = self._modes.get(page) if page is not None else None
        return mode() if mode is not None else self._idle

    def _current_changed(self, _index: int) -> None:
        page = self.current
        if page is not None:
            # The keyboard focus goes home with each page (its `home`, the page, or the part
            # it names with setFocusProxy): a button left focused by Tab on the last page must
            # not take Space or Enter on this one; a screen reader starts from the new page.
            self._homes.get(page, page).setFocus(Qt.FocusReason.OtherFocusReason)
        self.page_changed.emit(page)


def _fixed(mode: Mode) -> Callable[[], Mode]:
    return lambda: mode

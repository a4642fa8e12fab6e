"""The history window's tab pages, which scroll rather than squeeze, and its note field."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from hiptimer.ui.widgets.dialog_body import DialogBody

LINES_KEPT = 3  # the note is never squeezed below this many lines


class NoteEdit(QPlainTextEdit):
    """The session's note: never less than LINES_KEPT lines tall, and left with Tab (a tab
    typed into it trapped the keyboard there: Tab and Shift+Tab never left it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def minimumSizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * LINES_KEPT
        tall = lines + 2 * (self.frameWidth() + round(self.document().documentMargin()))
        return super().minimumSizeHint().expandedTo(QSize(0, tall))


class Page(DialogBody):
    """A tab's page that scrolls, either way, where the window is smaller than the page's
    smallest size (1024 x 600 in large print): its tables, note and charts keep their room
    instead of being squeezed over one another. Where the window has room, no scroll bar.

    Signals: none of its own.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(page, parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The window's own background through both (QScrollArea.setWidget fills the page
        # with the palette's, light in the dark theme).
        page.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)

"""The middle of a page that scrolls as one, between a heading and buttons that stay in view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hiptimer.ui.widgets.dialog_body import DialogBody


class PageMiddle(DialogBody):
    """A page's parts one under the other in one scroll area (the session summary's totals,
    table and suggestions on 960 x 540 in large print): each part as tall as its contents,
    the whole scrolling when the window is short. Tab brings the control it reaches into view.

    The body follows every change of its parts' sizes (a suggestion answered, the type
    grown), not only the area's resizes: DialogBody.fit_body is asked again at each of the
    body's layout requests, as a scroll area does not ask its widget for height-for-width.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        body = QWidget()
        body.setObjectName("page")
        super().__init__(body, parent)
        self.parts = QVBoxLayout(body)
        self.parts.setContentsMargins(0, 0, 0, 0)
        # The page's own background through both (setWidget fills the body with the palette's).
        body.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        body.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.LayoutRequest:
            self.fit_body()  # the same height again changes nothing: no loop
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_body()

"""The editor's banner about the routine's origin: one line on a short window, its detail on
demand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hiptimer.i18n import _
from hiptimer.ui.widgets.plain import plain, show_wrapped

# Lines of text a window must be tall enough for to show the whole banner: on an 800 x 600
# screen in Spanish large print its three lines took a fifth of the editor's height, and the
# exercise list beside the form showed one row.
TALL_ENOUGH_LINES = 26


class OriginBanner(QWidget):
    """The banner (`label`) and, on a short window, a Details button that shows the rest.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.label = QLabel(self)
        self.label.setObjectName("banner")
        self.label.setWordWrap(True)
        plain(self.label)  # names the routine's file
        row.addWidget(self.label, 1)
        self.more = QPushButton(_("Details"), self)
        self.more.setCheckable(True)
        self.more.setToolTip(_("Show what the banner says in full"))
        self.more.toggled.connect(self._show)
        row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        self._head = self._detail = ""
        self._short = False

    def show_parts(self, head: str, detail: str) -> None:
        """`head` always; `detail` after it where the window is tall enough, or asked for."""
        self._head, self._detail = head, detail
        self._show()

    def fit(self, window_height: int) -> None:
        """One line on a window shorter than TALL_ENOUGH_LINES lines of the banner's text."""
        short = window_height < TALL_ENOUGH_LINES * self.label.fontMetrics().lineSpacing()
        if short != self._short:
            self._short = short
            self._show()

    def _show(self) -> None:
        whole = not self._short or self.more.isChecked() or not self._detail
        text = f"{self._head} {self._detail}" if whole and self._detail else self._head
        show_wrapped(self.label, text)  # a long path wraps
        self.label.setToolTip("" if whole else self._detail)
        self.more.setVisible(self._short and bool(self._detail))
        self.more.setText(_("Hide details") if self.more.isChecked() else _("Details"))

"""A notice strip above the window's pages: says what is wrong (no voice) without stopping anyone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.services.ports import Speaker
from hiptimer.ui.theme import current, follow, px
from hiptimer.ui.widgets.plain import escape

NO_VOICE = N_("No voice \u2014 the captions carry on.")


def notice_style() -> str:
    p = current()
    return f"""
    QFrame#notice {{ background: {p.caution_back}; border-left: 6px solid {p.caution_edge}; }}
    QFrame#notice QLabel {{ color: {p.ink}; font-size: {px(18)}px; }}
    QFrame#notice QPushButton {{ padding: 4px 14px; }}
    """


class NoticeBar(QFrame):
    """One line of news that stays until dismissed; the same notice twice shows once.

    Signals: none. `shown` lists every notice it has shown, for tests and the log.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(notice_style())
        follow(self, lambda: self.setStyleSheet(notice_style()))
        self.shown: list[str] = []
        self.text = QLabel("", self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        # Selectable, so the install command can be copied into a terminal.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(_("Dismiss"), self)
        self.dismiss.setToolTip(_("Hide this notice"))
        # Tab focus only: a click leaves the focus where it was, so Space and Enter go on doing
        # what the key map says; a button reached by Tab takes them (see key_filter.py).
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss.clicked.connect(self.hide)
        self.action = QPushButton(self)  # what a notice offers to do about it, if anything
        self.action.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.action.clicked.connect(self._act)
        self._act_on: Callable[[], object] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_notice(
        self, heading: str, detail: str = "", action: tuple[str, Callable[[], object]] | None = None
    ) -> None:
        """Show a notice in bold with its detail after it, unless it has been shown before;
        `action` (its button's words, what it does) puts a button beside Dismiss."""
        key = f"{heading} {detail}".strip()
        if key in self.shown:
            return
        self.shown.append(key)
        self.text.setText(f"<b>{escape(heading)}</b> {escape(detail)}".strip())
        self.action.setText(action[0] if action else "")
        self.action.setVisible(action is not None)
        self._act_on = action[1] if action else None
        self.show()

    def _act(self) -> None:
        act, self._act_on = self._act_on, None
        self.hide()  # done with: what it opened takes it from here
        if act is not None:
            act()


def install_notice_bar(window: QMainWindow) -> NoticeBar:
    """Put a notice bar above the window's central widget and return it."""
    pages = window.takeCentralWidget()
    box = QWidget(window)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    bar = NoticeBar(box)
    layout.addWidget(bar)
    if pages is not None:
        layout.addWidget(pages, 1)
    window.setCentralWidget(box)
    return bar


def watch_speech(bar: NoticeBar, speech: Speaker) -> None:
    """Show why the voice is unavailable, once, whether it failed already or fails later."""
    speech.connect_unavailable(lambda reason: bar.show_notice(translate(NO_VOICE), reason))
    if speech.unavailable_reason:
        bar.show_notice(translate(NO_VOICE), speech.unavailable_reason)

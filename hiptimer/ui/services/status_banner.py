"""A warning strip above the pages while history or settings cannot be saved, and why."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.services.ports import History, Services
from hiptimer.ui.services.quit_unsaved import ask_to_quit as ask_to_quit
from hiptimer.ui.services.quit_unsaved import plain_reason as plain_reason
from hiptimer.ui.services.quit_unsaved import reason_text as reason_text
from hiptimer.ui.services.quit_unsaved import unsaved_words as unsaved_words
from hiptimer.ui.theme import current, follow, set_px
from hiptimer.ui.widgets.notification import Notification
from hiptimer.ui.widgets.plain import escape
from hiptimer.ui.widgets.worded import worded_button

if TYPE_CHECKING:  # (QEvent's class: not before the library's list is painted)
    from PySide6.QtGui import QCloseEvent

    # The history's status module loads with the history, after the list's paint: its two
    # frozen dataclasses cost ~10 M instructions (docs/performance.md, session 23).
    from hiptimer.core.history.status import HistoryStatus

log = logging.getLogger(__name__)

RETRY_MS = 30_000  # while saving fails, try again this often (and at every page change)
NOT_SAVING = N_(
    "History can't be saved right now: {reason}. Your ratings are kept in memory and "
    "saving will be retried."
)
READ_ONLY = N_(
    "History can't be saved right now: the data folder {folder} is read-only. Your ratings "
    "are kept in memory and saving will be retried: make the folder writable before you quit, "
    "or next time start HipTimer with --data-dir and a folder you can write."
)
IS_A_FILE = N_(
    "History can't be saved right now: the data folder {folder} is a file, not a folder. Your "
    "ratings are kept in memory and saving will be retried: move that file away before you "
    "quit, or next time start HipTimer with --data-dir and a folder you can write."
)
UNDER_A_FILE = N_(
    "History can't be saved right now: the data folder {folder} cannot be made, as {file} is a "
    "file, not a folder. Your ratings are kept in memory and saving will be retried: move that "
    "file away before you quit, or next time start HipTimer with --data-dir and a folder you "
    "can write."
)
HISTORY_OFF = N_("History is off: {error} Sessions still work, but they are not recorded.")
SETTINGS_OFF = N_("{error}. Your settings apply until you quit.")


def banner_style() -> str:
    p = current()
    return f"""
    QFrame#status-banner {{
        background: {p.alarm_back}; border-bottom: 4px solid {p.caution_edge};
    }}
    QFrame#status-banner QLabel {{ color: {p.ink}; }}
    QFrame#status-banner QPushButton {{ padding: 6px 18px; }}
    """


class SettingsSaving(Protocol):
    """The part of hiptimer.core.settings.SettingsStore the banner shows."""

    @property
    def save_error(self) -> str | None: ...

    @property
    def notice(self) -> str | None: ...

    def save(self) -> bool: ...


class _Row(QWidget):
    """One line of the banner: the words and, maybe, a button."""

    def __init__(self, button: str, parent: QWidget, *, bold_lead: bool = True) -> None:
        super().__init__(parent)
        self._bold_lead = bold_lead
        self.plain = ""
        self.label = Notification(self)  # said as it shows, and anew as its words change
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = worded_button(button, self) if button else None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        if self.button is not None:
            # Tab focus only: a click leaves the focus where it was, so Space and Enter go on doing
            # what the key map says; a button reached by Tab takes them (see key_filter.py).
            self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        set_px(self.label, 21)
        if self.button is not None:
            set_px(self.button, 20, bold=True)
        self.hide()

    def say(self, text: str | None) -> None:
        """Show `text` (up to its first colon in bold), or hide the row for None."""
        changed, self.plain = text != self.plain, text or ""
        if text and changed:
            self.label.tell(text)
        if text:
            lead, colon, rest = text.partition(": ")
            bold = rest and self._bold_lead
            html = f"<b>{escape(lead)}{colon}</b>{escape(rest)}" if bold else escape(text)
            self.label.setText(html)
        self.setVisible(bool(text))


class StatusBanner(QFrame):
    """Stays on screen while something keeps HipTimer from saving; retries on a timer.

    Rows: history not saving (with "Try again now"), history off (a newer database),
    settings not saving, and the one-time notice that a damaged history, settings or
    reminders file was moved aside (until "OK"). Call `refresh()` when the history's status changes.

    Signals: none.
    """

    def __init__(
        self, services: Services, settings: SettingsSaving, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status-banner")
        self._services = services
        self._settings = settings
        # The notices shown until OK, in order: the history's (taken once, when it opens),
        # the settings', then files moved aside later (today's reminders).
        self._notices: list[str] = [settings.notice] if settings.notice else []
        self._history_noticed = False
        # The history's words while a read-only folder's is shown: not true once the file is.
        self._read_only_words: str | None = None
        # Its rows and look are made when it first has something to say: most starts never
        # need them, and they cost ~9 M instructions before the library's list was usable.
        self._built: tuple[_Row, _Row, _Row, _Row] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self._closed = False  # the window closed: no more retries from here
        self.refresh()

    def _rows(self) -> tuple[_Row, _Row, _Row, _Row]:
        """Saving, off, settings and notice: made on first use."""
        if self._built is None:
            self._built = self._build_rows()
        return self._built

    def _build_rows(self) -> tuple[_Row, _Row, _Row, _Row]:
        self.setStyleSheet(banner_style())
        follow(self, lambda: self.setStyleSheet(banner_style()))
        saving = _Row(_("Try again now"), self)
        off = _Row("", self)
        settings_row = _Row("", self)
        notice = _Row(_("OK"), self, bold_lead=False)
        assert saving.button is not None and notice.button is not None
        saving.button.clicked.connect(self.retry)
        notice.button.clicked.connect(self.dismiss_notice)
        # What each does, for a reader at the button (its description) as for the mouse.
        every = _("Save the history now; it is tried every {seconds} seconds too")
        saving.button.setToolTip(every.format(seconds=RETRY_MS // 1000))
        notice.button.setToolTip(_("Hide this notice"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(8)
        rows = (saving, off, settings_row, notice)
        for row in rows:
            layout.addWidget(row)
        return rows

    @property
    def saving(self) -> _Row:
        return self._rows()[0]

    @property
    def off(self) -> _Row:
        return self._rows()[1]

    @property
    def settings_row(self) -> _Row:
        return self._rows()[2]

    @property
    def notice(self) -> _Row:
        return self._rows()[3]

    @property
    def history(self) -> History | None:
        return self._services.history

    def texts(self) -> list[str]:
        """What the banner says now, row by row (for tests and the log)."""
        rows = self._built or ()
        return [row.plain for row in rows if not row.isHidden()]

    def refresh(self) -> None:
        """Show what is wrong now; keep retrying while history is not being saved."""
        status = self._services.history_status
        if status is not None and not self._history_noticed:
            # The history may open after the window (hiptimer.ui.app): its notice with it.
            self._history_noticed = True
            if status.notice:
                self._notices.insert(0, status.notice)
                self._read_only_words = status.notice if status.read_only is not None else None
        elif status is not None and self._read_only_words and status.read_only is None:
            # The folder took the history (made writable, "Try again now"): what the history
            # says now replaces "... shown as it is, read-only"; the rest stays until OK.
            with contextlib.suppress(ValueError):  # OK was pressed meanwhile
                at = self._notices.index(self._read_only_words)
                self._notices[at : at + 1] = [status.notice] if status.notice else []
            self._read_only_words = None
        # No status yet (the history opens after the list's paint): nothing to say about it.
        not_saving = status is not None and _not_saving(status)
        history_off = status is not None and _off(status)
        reason = status.reason if status is not None else ""
        saving = _saving_words(status) if status is not None else ""
        off = translate(HISTORY_OFF).format(error=reason)
        save_error = self._settings.save_error
        error = _sentence(plain_reason(save_error or ""))
        settings_off = translate(SETTINGS_OFF).format(error=error)
        says = (
            saving if not_saving else None,
            off if history_off else None,
            settings_off if save_error else None,
            " ".join(self._notices) or None,
        )
        if self._built is not None or any(says):  # else nothing to say, nothing to make
            for row, text in zip(self._rows(), says, strict=True):
                row.say(text)
        self.setVisible(any(says))
        if not not_saving:
            self.timer.stop()
        elif not self._closed and not self.timer.isActive():
            self.timer.start()

    def retry(self) -> None:
        """Try to save what is waiting now (the timer, the button, a new page)."""
        if not self._services.history_ready:
            return  # still opening: nothing of this run waits yet, and asking would block
        history = self.history
        if history is not None and _not_saving(history.status):
            try:
                history.retry()
            except Exception:  # a write the database rejects is logged by the store
                log.exception("Retrying the history failed")
        if self._settings.save_error:
            # The same folder: made writable as the strip asks, the settings changed meanwhile
            # are saved too, not lost at quit (a file it could not read stays unsaved over).
            self._settings.save()
        self.refresh()

    def page_changed(self) -> None:
        """A new page (a session ended, the library came back): a good moment to retry."""
        self.retry()

    def also_say(self, text: str) -> None:
        """One more notice of a file moved aside (today's reminders), with the others until OK."""
        self._notices.append(text)
        self.refresh()

    def dismiss_notice(self) -> None:
        """OK: the notice was read. Only now does the history forget a notice `hiptimer
        history` left for the window, so a window killed before this says it again."""
        self._notices.clear()
        if self.history is not None:
            self.history.notice_seen()
        self.refresh()

    def stop(self) -> None:
        """The window is closing: no more retries from here (closing the store tries once more)."""
        self._closed = True
        self.timer.stop()

    def accept_close(self, event: QCloseEvent) -> bool:
        """Let the window close unless history is unsaved and the user keeps the app open."""
        if not self.confirm_quit():
            event.ignore()
            return False
        self.stop()
        return True

    def confirm_quit(self) -> bool:
        """Before quitting with unsaved history: try once more, then ask. True: go ahead.
        A history still opening on its thread has nothing of this run to write (a session
        waits for it to open): asking it would hold the GUI thread until it has opened."""
        if not self._services.history_ready:
            return True
        history = self.history
        if history is None or not history.status.pending:
            return True
        self.retry()
        status = history.status
        if not status.pending:
            return True
        return ask_to_quit(self.window(), status)


def _not_saving(status: HistoryStatus) -> bool:
    from hiptimer.core.history.status import HistoryState  # loaded with the status

    return status.state is HistoryState.NOT_SAVING


def _off(status: HistoryStatus) -> bool:
    from hiptimer.core.history.status import HistoryState

    return status.state is HistoryState.OFF


def _saving_words(status: HistoryStatus) -> str:
    """Why history is not saved, in words: the data folder named where it is the trouble (a
    read-only folder, a file where it goes), else the store's own reason."""
    folder = status.path.parent
    if status.folder_read_only:
        return translate(READ_ONLY).format(folder=folder)
    blocker = status.folder_in_the_way
    if blocker == folder:
        return translate(IS_A_FILE).format(folder=folder)
    if blocker is not None:
        return translate(UNDER_A_FILE).format(folder=folder, file=blocker)
    return translate(NOT_SAVING).format(reason=reason_text(status.reason))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def install_status_banner(
    window: QMainWindow, services: Services, settings: SettingsSaving
) -> StatusBanner:
    """Put the banner above the window's central widget (whatever wraps it already)."""
    pages = window.takeCentralWidget()
    box = QWidget(window)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = StatusBanner(services, settings, box)
    layout.addWidget(banner)
    if pages is not None:
        layout.addWidget(pages, 1)
    window.setCentralWidget(box)
    return banner

"""The history window's exports: the sets shown as CSV and the clinician's PDF report, each
asked where to go, written on a thread of its own (export_run.py), and told in the window's
status line."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from hiptimer.core.history.export import export_csv
from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine
from hiptimer.core.write_abandon import Abandoned
from hiptimer.i18n import _, n_
from hiptimer.ui.history.export_run import ExportRun, Outcome
from hiptimer.ui.history.panes import Filters
from hiptimer.ui.save_dialog import ask_save_path
from hiptimer.ui.write_failure import not_written

log = logging.getLogger(__name__)

# Given where and what (on the GUI thread), the job for the export's thread.
Job = Callable[[Path, Filters], Callable[[HistoryQueries], int]]
Saved = Callable[[int, Path], str]


class HistoryExports(QObject):
    """The export buttons of a history window and what they do: `filters()` says what the
    window shows now, `say` puts a line in its status, `wall` says what day it is and
    `pain_limit` the user's limit now (Settings), which the report states.

    One export runs at a time, on its own thread (`running`): both buttons are greyed
    meanwhile. Signals: none of its own.
    """

    def __init__(
        self,
        parent: QWidget,
        store: HistoryStore,
        routines: dict[str, Routine],
        wall: Callable[[], datetime],
        filters: Callable[[], Filters],
        say: Callable[[str], None],
        pain_limit: Callable[[], int],
    ) -> None:
        super().__init__(parent)
        self._parent, self._store, self._routines = parent, store, routines
        self.running: ExportRun | None = None
        self._saved: tuple[Path, Saved] | None = None  # where the running export writes
        # The button that had the focus when the export began, and where the focus went.
        self._focus: tuple[QPushButton, QWidget | None] | None = None
        self._wall, self._filters, self._say = wall, filters, say
        self.pain_limit = pain_limit
        self.csv_button = QPushButton(_("Export CSV\u2026"))
        self.csv_button.setToolTip(
            _("Every set of the sessions shown, one row each, for a spreadsheet")
        )
        self.pdf_button = QPushButton(_("Export PDF\u2026"))
        self.pdf_button.setToolTip(
            _(
                "A report for your physiotherapist: a first page to read in a minute, then the detail"
            )
        )
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)

    def _target(self, title: str, suffix: str, kind: str) -> Path | None:
        f = self._filters()
        # A file name: ISO days and ASCII words, the same in every language.
        stamp = f"{f.since or 'start'}-to-{f.until or self._wall().astimezone().date()}"
        suggested = Path.home() / f"hiptimer-history-{stamp}.{suffix}"
        return ask_save_path(self._parent, title, suggested, kind, f".{suffix}")

    def export_csv(self) -> None:
        """Ask where, then write the sets of the sessions in range as CSV."""

        def job(path: Path, f: Filters) -> Callable[[HistoryQueries], int]:
            return lambda reader: export_csv(reader, path, f.since, f.until, f.routine_id)

        def saved(rows: int, path: Path) -> str:
            return n_("Saved {n} set to {path}.", "Saved {n} sets to {path}.", rows).format(
                n=rows, path=path
            )

        self._export(_("Export CSV"), "csv", _("CSV files (*.csv)"), job, saved)

    def export_pdf(self) -> None:
        """Ask where, then write the report for the clinician."""
        from hiptimer.ui.history import report_pdf

        def job(path: Path, f: Filters) -> Callable[[HistoryQueries], int]:
            now, limit = self._wall(), self.pain_limit()  # Settings: read on the GUI thread
            return lambda reader: report_pdf.write_report(
                reader, path, f.since, f.until, f.routine_id, self._routines,
                now=now, pain_limit=limit,
            )  # fmt: skip

        def saved(pages: int, path: Path) -> str:
            return n_(
                "Saved a {n}-page report to {path}.", "Saved a {n}-page report to {path}.", pages
            ).format(n=pages, path=path)

        self._export(_("Export PDF report"), "pdf", _("PDF files (*.pdf)"), job, saved)

    def _export(self, title: str, suffix: str, kind: str, job: Job, saved: Saved) -> None:
        """Ask where, start writing there what the window shows, and say so; the outcome is
        said when the export ends (_ended)."""
        if self.running is not None:  # the buttons are greyed: a shortcut or a test
            return
        path = self._target(title, suffix, kind)
        if path is None:
            return
        write = job(path, self._filters())
        open_reader = self._store.reader()  # a history held in memory is copied now
        self._saved = (path, saved)
        self._show_running(True)
        self._say(_("Exporting\u2026"))
        self.running = ExportRun(open_reader, write, self._ended)

    @Slot(object)
    def _ended(self, outcome: Outcome) -> None:
        run, self.running = self.running, None
        if run is not None:
            run.ended()
        self._show_running(False)
        assert self._saved is not None
        (path, saved), self._saved = self._saved, None
        written, error = outcome
        if isinstance(error, Abandoned):  # the window was closed: nothing was put there
            # "Exporting…" stood in the closed window's status, shown again as it reopened.
            self._say(
                _("The export to {path} stopped when the window closed: nothing was saved.").format(
                    path=path
                )
            )
        elif isinstance(error, OSError):
            self._say(not_written(path, error))
        elif error is not None:  # a database error (or a bug): said as the system's reason is
            log.error("History export to %s failed", path, exc_info=error)
            self._say(_("Could not write {path}: {why}").format(path=path, why=error))
        else:
            self._say(saved(written, path))

    def _show_running(self, running: bool) -> None:
        buttons = (self.csv_button, self.pdf_button)
        if running:
            had_focus = next((b for b in buttons if b.hasFocus()), None)
        for button in buttons:
            button.setEnabled(not running)
        # A greyed button loses the focus to the next field: a keyboard user who pressed
        # Enter on it gets it back, unless the focus was moved on meanwhile.
        if running:
            self._focus = (had_focus, QApplication.focusWidget()) if had_focus else None
        elif self._focus is not None:
            (button, moved_to), self._focus = self._focus, None
            if QApplication.focusWidget() is moved_to:
                button.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        """Wait for the running export, if any, and show how it ended (tests, the bench)."""
        if self.running is not None:
            self.running.finish()

    def abandon(self) -> None:
        """The window closes: an export still running puts no file in place."""
        if self.running is not None:
            self.running.abandon()

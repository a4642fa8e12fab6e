"""The history window's exports: the sets shown as CSV and the clinician's PDF report, each
asked where to go, written, and told in the window's status line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget

from hiptimer.core.history.export import export_csv
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _, n_
from hiptimer.ui.history.panes import Filters
from hiptimer.ui.save_dialog import ask_save_path
from hiptimer.ui.write_failure import not_written


class HistoryExports:
    """The export buttons of a history window and what they do: `filters()` says what the
    window shows now, `say` puts a line in its status, `wall` says what day it is and
    `pain_limit` the user's limit now (Settings), which the report states."""

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
        self._parent, self._store, self._routines = parent, store, routines
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

        def write(path: Path, f: Filters) -> int:
            return export_csv(self._store, path, f.since, f.until, f.routine_id)

        def saved(rows: int, path: Path) -> str:
            return n_("Saved {n} set to {path}.", "Saved {n} sets to {path}.", rows).format(
                n=rows, path=path
            )

        self._export(_("Export CSV"), "csv", _("CSV files (*.csv)"), write, saved)

    def export_pdf(self) -> None:
        """Ask where, then write the report for the clinician."""
        from hiptimer.ui.history.report_pdf import write_report

        def write(path: Path, f: Filters) -> int:
            return write_report(
                self._store, path, f.since, f.until, f.routine_id, self._routines,
                now=self._wall(), pain_limit=self.pain_limit(),
            )  # fmt: skip

        def saved(pages: int, path: Path) -> str:
            return n_(
                "Saved a {n}-page report to {path}.", "Saved a {n}-page report to {path}.", pages
            ).format(n=pages, path=path)

        self._export(_("Export PDF report"), "pdf", _("PDF files (*.pdf)"), write, saved)

    def _export(
        self,
        title: str,
        suffix: str,
        kind: str,
        write: Callable[[Path, Filters], int],
        saved: Callable[[int, Path], str],
    ) -> None:
        """Ask where, `write` there what the window shows, and say what was saved (or why
        nothing was)."""
        path = self._target(title, suffix, kind)
        if path is None:
            return
        try:
            written = write(path, self._filters())
        except OSError as exc:
            self._say(not_written(path, exc))
            return
        self._say(saved(written, path))

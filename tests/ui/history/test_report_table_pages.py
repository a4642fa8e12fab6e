"""The report's tables over page breaks: each page of a table names its columns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.report_pages import DPI, Pages
from hiptimer.ui.history.report_pdf import write_report
from tests.history_data import HIPS, record
from tests.ui.history.pdf_text import pdf_pages


def squeezed(text: str) -> str:
    """The text without its white space: QtPdf reads some pages' words a letter a line."""
    return "".join(text.split())


HEADERS = ("Date", "Sets", "Pain max / avg", "Next morning", "Remarks")
WIDTHS = (11, 41, 14, 14, 20)


def test_a_table_that_goes_on_to_the_next_page_names_its_columns_there_again(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Seen on a 3-month report at 2 m and at arm's length: pages 3 and 4 held the sessions'
    rows, '7 / 4.4', 'pain 4, stiff 3', without the header that says which is which."""
    out = tmp_path / "table.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    painter = QPainter(writer)
    rows = [(f"{day} Oct 2026", "25 of 25 sets done; completed", "7 / 4.4", "pain 4", "")
            for day in range(1, 121)]  # fmt: skip
    try:
        pages = Pages(painter, writer)
        assert pages.table(HEADERS, rows, WIDTHS) == len(rows)
        assert pages.page > 1
    finally:
        painter.end()
    texts = [squeezed(t) for t in pdf_pages(out)]
    assert len(texts) == pages.page
    for number, text in enumerate(texts, start=1):
        assert "Painmax/avg" in text and "Nextmorning" in text, number
        # The header comes first on the page, before any row.
        assert text.index("Painmax/avg") < text.index("Oct2026"), number


def test_the_sessions_table_of_a_long_report_has_its_header_on_each_of_its_pages(
    store: HistoryStore, tmp_path: Path
) -> None:
    first = date(2026, 6, 1)
    for day in range(90):
        record(store, HIPS, first + timedelta(days=day), {("bridge", None): [day % 5]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[HIPS])
    texts = [squeezed(t) for t in pdf_pages(out)]
    begins = next(i for i, t in enumerate(texts) if "Sessions,mostrecentfirst" in t)
    assert begins < len(texts) - 1  # the table goes on over a page break
    for number, text in enumerate(texts[begins:], start=begins + 1):
        if "2026" in text.split("Dosechangesandwhodecidedthem")[0]:  # rows of the table
            assert "Painmax/avg" in text, f"page {number} has rows but no header"

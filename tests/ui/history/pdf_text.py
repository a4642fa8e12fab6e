"""The text of a PDF, page by page, as QtPdf reads it (for tests of the report)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtPdf import QPdfDocument


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, in reading order as the PDF draws it."""
    doc = QPdfDocument()
    error = doc.load(str(path))
    assert error == QPdfDocument.Error.None_, f"{path} does not load: {error}"
    try:
        # NFKC: the font's ligatures ("ﬀ") read as the letters they join.
        return [
            unicodedata.normalize("NFKC", doc.getAllText(page).text())
            for page in range(doc.pageCount())
        ]
    finally:
        doc.close()


def pdf_text(path: Path) -> str:
    """All the text of the PDF, lines joined by newlines."""
    return "\n".join(pdf_pages(path))

"""New HTML in a text browser laid out once, at the width it is shown at."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

# Whether a text set here is shown: not `document().isEmpty()`, whose first use makes PySide's
# QTextDocument class before the list's first paint (16 M: tests/ui/test_first_usable.py).
SHOWN = "steady_text_shown"


def set_html_steady(browser: QTextBrowser, html: str) -> None:
    """`browser.setHtml(html)`, the vertical scroll bar held where it is meanwhile.

    A plain setHtml empties the document first, which hides the scroll bar (the viewport
    widens: the empty document laid out again), then lays the new text out at that width,
    finds it taller than the viewport, shows the bar and lays all of it out once more: two
    or three layouts of the details for one (35 M instructions before the library's first
    usable paint, docs/performance.md, session 28). With the bar held on, the text is laid
    out once, at the narrower width; let go, the bar stays for a text that needs it and goes
    (one more layout, as before) for one that fits. A bar hidden over a shown text is left
    as it is: holding it on would lay that old text out again first.
    """
    bar_kept = browser.verticalScrollBar().isVisible() or not browser.property(SHOWN)
    if bar_kept:
        browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    try:
        browser.setHtml(html)
        browser.setProperty(SHOWN, bool(html))
    finally:
        if bar_kept:
            browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

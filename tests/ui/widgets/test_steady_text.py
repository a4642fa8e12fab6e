"""New HTML in a text browser laid out once, at the width it is shown at (session 28)."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.steady_text import set_html_steady

LONG = "".join(f"<p>Paragraph {n}: hold the stretch and breathe out slowly.</p>" for n in range(40))
SHORT = "<p>One line.</p>"


def shown_browser(qtbot: QtBot) -> tuple[QTextBrowser, list[float]]:
    """A browser on screen, and the widths its document is laid out at from now on (the
    signal's own: the text width it is read at has moved on when a later slot runs)."""
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(400, 200)
    browser.show()
    qtbot.waitExposed(browser)
    widths: list[float] = []
    layout = browser.document().documentLayout()
    layout.documentSizeChanged.connect(lambda size: widths.append(size.width()))
    return browser, widths


def test_a_text_taller_than_the_browser_is_laid_out_at_one_width(qtbot: QtBot) -> None:
    browser, widths = shown_browser(qtbot)
    set_html_steady(browser, LONG)
    # A plain setHtml laid it out at the whole width, then again beside the bar it showed.
    assert len(set(widths)) == 1
    assert widths[-1] == browser.viewport().width()
    assert browser.verticalScrollBar().isVisible()
    widths.clear()
    set_html_steady(browser, LONG.replace("slowly", "gently"))  # the next routine chosen
    assert len(set(widths)) == 1  # the bar kept: not hidden by the emptied document


def test_a_text_that_fits_lets_the_bar_go(qtbot: QtBot) -> None:
    browser, _widths = shown_browser(qtbot)
    set_html_steady(browser, LONG)
    set_html_steady(browser, SHORT)
    assert not browser.verticalScrollBar().isVisible()
    assert browser.document().textWidth() == browser.viewport().width()
    set_html_steady(browser, SHORT)  # a bar hidden over a shown text: left hidden
    assert not browser.verticalScrollBar().isVisible()


def test_it_draws_what_a_plain_set_html_draws(qtbot: QtBot) -> None:
    steady, _widths = shown_browser(qtbot)
    plain, _others = shown_browser(qtbot)
    for html in (LONG, SHORT, LONG):
        set_html_steady(steady, html)
        plain.setHtml(html)
        assert steady.grab().toImage() == plain.grab().toImage()

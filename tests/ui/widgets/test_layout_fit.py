"""Pages that shrink their words a step at a time until they are whole: large print on a
small laptop, in each language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history import resume
from hiptimer.core.session.set_outcome import SetCounts
from hiptimer.i18n import _, translate
from hiptimer.ui.first_run import FirstRunPage
from hiptimer.ui.session.resume_page import SAVED, ResumePage
from hiptimer.ui.widgets.layout_fit import first_whole, fits_whole, fits_wrapped
from hiptimer.ui.widgets.plain import show_wrapped
from tests.ui.sessions import large_print  # noqa: F401 (a fixture)

SMALL_LAPTOP_PAGE = (1012, 690)  # a page's room at 1024 x 768 under Xvfb, below the menus


def first_run() -> tuple[QWidget, list[QWidget], Callable[[QLayout, QWidget], bool]]:
    page = FirstRunPage(pain_limit=5)
    return page, [page.heading, page.points, page.button], fits_whole


def resume_offer() -> tuple[QWidget, list[QWidget], Callable[[QLayout, QWidget], bool]]:
    page = ResumePage()
    when = resume.when_text(datetime(2026, 1, 5, 8, 0).astimezone(), date(2026, 1, 5))
    sets = SetCounts(done=3, partly_done=1, skipped=2, not_reached=30).text(not_reached=False)
    offer = _("Your session of {routine} {when} was interrupted with {sets}.").format(
        routine="Hip strengthening for the weeks after a long break", when=when, sets=sets
    )
    show_wrapped(page.offer, offer)
    page.details.setText(translate(SAVED))
    parts = [page.heading, page.offer, page.details, page.hint]
    return page, [*parts, page.resume_button, page.keep_button], fits_wrapped


@pytest.mark.usefixtures("large_print")
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("make", [first_run, resume_offer])
def test_a_page_is_whole_in_large_print_on_a_small_laptop(
    qtbot: QtBot, language: str, make: Callable[[], tuple[QWidget, list[QWidget], object]]
) -> None:
    # At 150 % on 1024 x 768 the safety notice's last point ("HipTimer is a timer and a log,
    # not medical advice.") was cut in half under the others; the resume offer of a long
    # routine's session was cut top and bottom, and the hint under it drawn over Discard.
    assert i18n.use(language) == language
    page, parts, fits = make()
    qtbot.addWidget(page)
    page.resize(*SMALL_LAPTOP_PAGE)
    page.show()
    qtbot.waitExposed(page)
    layout = page.layout()
    assert callable(fits) and layout is not None and fits(layout, page)
    for part in parts:
        need = part.heightForWidth(part.width())
        assert part.height() >= max(need, part.minimumSizeHint().height()), part


def test_the_parts_are_sized_a_step_smaller_until_whole_or_the_least() -> None:
    # The one stepping loop of every page that shrinks (shrink_to_fit, the pain question's
    # fonts and its small buttons): the first size that is whole stays, else the least.
    tried: list[int] = []
    first_whole(range(20, 9, -1), tried.append, lambda: tried[-1] <= 16)
    assert tried == [20, 19, 18, 17, 16]
    tried.clear()
    first_whole(range(20, 9, -1), tried.append, lambda: False)
    assert tried[-1] == 10 and len(tried) == 11
    first_whole(range(20, 20, -1), tried.append, lambda: True)  # no sizes: nothing changes
    assert tried[-1] == 10 and len(tried) == 11

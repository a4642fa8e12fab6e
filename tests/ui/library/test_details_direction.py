"""Tests of the library details' direction: a name written right to left stands on our side."""

from __future__ import annotations

from dataclasses import replace

from hiptimer.ui.library.details import details_html
from hiptimer.ui.library.items import LibraryItem
from tests.harness import hold, quick_routine

HEBREW = "\u05e1\u05d9\u05d1\u05d5\u05d1\u05d9 \u05d9\u05e8\u05da"  # "hip circles"
LONG = "Standing glute squeezes with a long name"


def lefts_of(html: str, texts: tuple[str, ...], width: int = 900) -> dict[str, float]:
    """Where the first line of each block holding one of `texts` starts, as Qt lays it out."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    document.setTextWidth(width)
    document.size()  # laid out
    found: dict[str, float] = {}
    block = document.begin()
    while block.isValid():
        words = block.text().replace("\u200e", "").replace("\u200f", "").strip()
        if words in texts and block.layout().lineCount():
            line = block.layout().lineAt(0)
            found[words] = block.layout().position().x() + line.naturalTextRect().left()
        block = block.next()
    return found


def test_an_exercise_named_right_to_left_stands_where_the_other_names_start(
    qapp: object,
) -> None:
    """user26 left, user27: an exercise named in Hebrew was drawn at its cell's far edge (Qt
    aligns a paragraph by its first letter, https://www.unicode.org/reports/tr9/#P2), its name
    a column's width from the other names, as the dose after it; the details read in the app's
    direction, as the cautions and steps already did, the name's words in their own order."""
    r = quick_routine(hold("circles", 30, name=HEBREW), hold("squeeze", 30, name=LONG))
    r = replace(r, cautions=())
    lefts = lefts_of(details_html(LibraryItem(r.id, r.title, r)), (HEBREW, LONG))
    assert set(lefts) == {HEBREW, LONG}
    assert abs(lefts[HEBREW] - lefts[LONG]) < 1


def test_a_title_description_and_source_written_right_to_left_start_on_our_side(
    qapp: object,
) -> None:
    """The same for the routine's own paragraphs: a title, description or source in Hebrew
    stood at the pane's far edge while our words around them started at the left."""
    r = quick_routine(hold("squeeze", 30, name=LONG))
    r = replace(r, title=HEBREW, description=HEBREW + ".", source=HEBREW + "!", cautions=())
    html = details_html(LibraryItem(r.id, r.title, r))
    lefts = lefts_of(html, ("Exercises", HEBREW, HEBREW + ".", f"Source: {HEBREW}!"))
    ours = lefts.pop("Exercises")  # our heading: where a paragraph starts
    assert lefts == {HEBREW: ours, HEBREW + ".": ours, f"Source: {HEBREW}!": ours}

"""Tests for the library page: a routine's details (cautions, source) and its length."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine, estimated_seconds
from hiptimer.ui.library.details import details_html, retest_line
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.widgets.plain import escape, letters
from tests.harness import hold, quick_routine


def sourced() -> Routine:
    r = quick_routine(
        hold("hug", 30, name="Knee hug", caution="Stop the hug before the <hip> pinches."),
        hold("plain", 20, name="Plain stretch"),
    )
    return Routine(
        r.id, r.title, r.exercises, r.description,
        source="A physiotherapy handout & an article", cautions=r.cautions, rests=r.rests,
    )  # fmt: skip


def test_the_details_show_each_exercises_caution_the_routines_cautions_and_its_source() -> None:
    r = sourced()
    text = details_html(LibraryItem(r.id, r.title, r))
    assert "Stop the hug before the &lt;hip&gt; pinches." in text  # escaped: plain text
    assert "<hip>" not in text
    assert text.index("Knee hug") < text.index("Stop the hug") < text.index("Plain stretch")
    assert "Stop if it hurts." in text  # the routine's own caution
    assert "<b>Source:</b> A physiotherapy handout &amp; an article" in text


def test_the_routines_cautions_come_before_its_exercises() -> None:
    # Under the list they sat below the fold: seen only by someone who scrolled past it.
    r = sourced()
    text = details_html(LibraryItem(r.id, r.title, r))
    assert text.index("Cautions") < text.index("Stop if it hurts.") < text.index("Exercises")
    assert text.index("Exercises") < text.index("Knee hug")


def test_a_number_keeps_its_unit_on_its_line() -> None:
    r = replace(
        sourced(),
        description="Each press holds 5 s, 3 x 30 s in all; 10 min a day; 2 kg; 5 sets.",
        cautions=("Rest 20 s between sets.",),
    )
    text = details_html(LibraryItem(r.id, r.title, r))
    nbsp = "\u00a0"
    assert (
        f"holds 5{nbsp}s, 3{nbsp}x{nbsp}30{nbsp}s in all; 10{nbsp}min a day; 2{nbsp}kg; 5 sets."
        in text
    )
    assert f"Rest 20{nbsp}s between" in text


def test_a_routine_with_every_exercise_left_out_lists_them_and_says_nothing_starts(
    qtbot: QtBot,
) -> None:
    r = sourced()
    off = replace(r, exercises=tuple(replace(ex, enabled=False) for ex in r.exercises))
    text = details_html(LibraryItem(off.id, off.title, off))
    assert "About" not in text and "0 exercises" not in text
    assert "every exercise left out" in text
    assert "Nothing to start: include an exercise in the editor (Ctrl+E)." in text
    assert "Knee hug (left out)" in text and "Plain stretch (left out)" in text
    page = LibraryPage([LibraryItem(off.id, off.title, off)])
    qtbot.addWidget(page)
    assert page.list.item(0).text().endswith("\u00b7 nothing to start")  # not "0 s"
    # One left out of two: the other is listed as usual, the left-out one marked, where the
    # file has it (a description may name it: the FAI routine's switched-off lunges).
    one_off = replace(r, exercises=(replace(r.exercises[0], enabled=False), r.exercises[1]))
    text = details_html(LibraryItem(one_off.id, one_off.title, one_off))
    assert "1 exercise · 1 left out" in text
    assert text.index("Knee hug (left out)") < text.index("Plain stretch")
    assert "Plain stretch (left out)" not in text


def test_the_shown_text_reads_as_written(qtbot: QtBot) -> None:
    r = sourced()
    page = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(page)
    shown = page.details.toPlainText()
    assert "\u26a0 Stop the hug before the <hip> pinches." in shown
    assert "Source: A physiotherapy handout & an article" in shown


def test_the_length_shown_is_the_one_the_next_session_runs(qtbot: QtBot) -> None:
    r = sourced()
    page = LibraryPage([LibraryItem(r.id, r.title, r)], estimate=lambda _r: 15 * 60)
    qtbot.addWidget(page)
    assert page.list.item(0).text().endswith("\u00b7 15 min")
    assert "About 15 min" in page.details.toPlainText()
    plain = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(plain)
    assert f"About {round(estimated_seconds(r))} s" in plain.details.toPlainText()


def test_the_lengths_follow_a_new_estimate_once_the_voice_is_known(qtbot: QtBot) -> None:
    r = sourced()
    page = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(page)
    page.set_estimate(lambda _r: 20 * 60)
    assert page.list.item(0).text().endswith("\u00b7 20 min")
    assert "About 20 min" in page.details.toPlainText()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_narrow_list_puts_the_length_on_a_second_line_and_nothing_past_its_edge(
    qtbot: QtBot,
) -> None:
    r = quick_routine(hold("hug", 30))
    long = Routine(
        "long", "Hip mobility and strength for the first weeks back", r.exercises, rests=r.rests
    )
    items = [LibraryItem(x.id, x.title, x) for x in (r, long)]
    page = LibraryPage(items, estimate=lambda _r: 15 * 60)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    assert "\n" not in page.list.item(0).text()
    page.resize(760, 700)
    for row in range(page.list.count()):
        lines = page.list.item(row).text().split("\n")
        widths = [page.list.fontMetrics().horizontalAdvance(line) for line in lines]
        assert max(widths) <= page.list.viewport().width(), lines
    assert page.list.item(1).text().endswith("\n\u00b7 15 min")
    # The title itself whole, in lines: cut with "…" ("Hip mobility and str…" at 150 % on a
    # 1024 px screen) it could not be read from the mat.
    title_lines = page.list.item(1).text().split("\n")[:-1]
    assert len(title_lines) > 1 and " ".join(title_lines) == long.title


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_word_wider_than_the_list_is_broken_between_letters_not_cut(qtbot: QtBot) -> None:
    """README: a title too long for the list takes more lines, never cut. One word wider
    than the list (a compound, a name without spaces) lost its end to "…"."""
    r = quick_routine(hold("hug", 30))
    word = "Hüftbeugerdehnungsprogramm" * 3
    long = Routine("long", f"My {word} routine", r.exercises, rests=r.rests)
    page = LibraryPage([LibraryItem(long.id, long.title, long)], estimate=lambda _r: 15 * 60)
    qtbot.addWidget(page)
    page.resize(760, 700)
    page.show()
    *title_lines, length = page.list.item(0).text().split("\n")
    assert length == "\u00b7 15 min"
    assert all("\u2026" not in line for line in title_lines)
    widths = [page.list.fontMetrics().horizontalAdvance(line) for line in title_lines]
    assert max(widths) <= page.list.viewport().width(), title_lines
    assert "".join(title_lines).replace(" ", "") == long.title.replace(" ", "")
    assert title_lines[0] == "My" and title_lines[-1].endswith(" routine")


def test_a_word_is_broken_between_letters_as_they_show() -> None:
    """An accent written as its own code point, and a family emoji, stay whole."""
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert letters(f"e\u0301{family}b\u2764\ufe0f") == ["e\u0301", family, "b", "\u2764\ufe0f"]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_title_too_long_for_the_list_puts_its_length_on_a_second_line_as_the_page_resizes(
    qtbot: QtBot,
) -> None:
    r = sourced()
    long = Routine(
        r.id, "Morning hips", r.exercises, r.description,
        cautions=r.cautions, rests=r.rests,
    )  # fmt: skip
    page = LibraryPage(None)  # read later, as the window does after its first paint
    qtbot.addWidget(page)
    page.resize(1600, 600)
    page.show()
    page.set_items([LibraryItem(long.id, long.title, long)])
    qtbot.waitUntil(lambda: "\n" not in page.list.item(0).text())
    page.resize(400, 600)
    qtbot.waitUntil(lambda: "\n" in page.list.item(0).text())  # the viewport's resize is seen
    page.resize(1600, 600)
    qtbot.waitUntil(lambda: "\n" not in page.list.item(0).text())


def test_an_exercise_with_a_ladder_names_its_variants_and_the_one_in_use() -> None:
    r = load_routine(paths.builtin_routines_dir() / "hip-strengthening.json", builtin=True)
    text = details_html(LibraryItem(r.id, r.title, r))
    assert "Variants, easiest first: Bridge (now) \u00b7 Single-leg bridge" in text
    moved = [at_rung(ex, 1) if ex.id == "bridge" else ex for ex in r.exercises]
    up = replace(r, exercises=tuple(moved))
    text = details_html(LibraryItem(up.id, up.title, up))
    assert "Variants, easiest first: Bridge \u00b7 Single-leg bridge (now)" in text
    assert "Single-leg bridge</td>" in text  # the row names the variant being done


def test_a_re_test_says_where_its_result_goes_and_which_way_is_better() -> None:
    # `hiptimer show` marked the monthly check's re-tests; the library said nothing of them.
    r = load_routine(paths.builtin_routines_dir() / "monthly-check.json", builtin=True)
    text = details_html(LibraryItem(r.id, r.title, r))
    line = "Re-test: its result is kept in History, under Re-tests; higher is better."
    assert text.count(line) == len([ex for ex in r.active_exercises if ex.test is not None]) == 2
    other = load_routine(paths.builtin_routines_dir() / "daily-hip-stretches.json", builtin=True)
    assert "Re-test" not in details_html(LibraryItem(other.id, other.title, other))
    first = r.active_exercises[0]
    assert first.test is not None
    faster = replace(first, test=replace(first.test, better="lower"))  # a timed walk, say
    assert retest_line(faster).endswith("lower is better.")


def test_the_key_hint_wraps_between_its_items_only(qtbot: QtBot) -> None:
    # At 1024 x 768 the hint beside Start read "F11 full" / "screen".
    page = LibraryPage(None)
    qtbot.addWidget(page)
    text = page.hint.text()
    assert text.split("  \u00b7\u00a0\u00a0") == [
        "\u2191\u00a0\u2193\u00a0choose",
        "F11\u00a0full\u00a0screen",  # (Start says its Enter)
    ]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_listing_fewer_routines_again_rewraps_only_the_rows_there_are(qtbot: QtBot) -> None:
    # Emptying a list whose rows needed a scroll bar widens its viewport: the resize came while
    # the old rows' labels were still kept, and re-fitting them met rows already gone
    # (an AttributeError at `hiptimer --routine FILE.json`, which lists the routines again).
    r = quick_routine(hold("hug", 30))
    many = [LibraryItem(f"r{i}", f"Routine {i}", replace(r, id=f"r{i}")) for i in range(30)]
    page = LibraryPage(None)
    qtbot.addWidget(page)
    page.resize(900, 400)
    page.show()
    page.set_items(many)
    qtbot.waitUntil(lambda: page.list.verticalScrollBar().isVisible())
    page.set_items(many[:1])
    qtbot.waitUntil(lambda: not page.list.verticalScrollBar().isVisible())
    assert page.list.count() == 1 and page.list.item(0).text().startswith("Routine 0")


def test_a_caution_written_right_to_left_stands_beside_its_bullet(qtbot: QtBot) -> None:
    """The audit: a caution all in Arabic was drawn at the details' far edge, a pane's width
    from its bullet (or its warning sign), as Qt aligns a paragraph that starts right to left."""
    from PySide6.QtGui import QTextDocument

    arabic = "\u062a\u0648\u0642\u0641 \u0625\u0630\u0627 \u0622\u0644\u0645\u0643."
    r = quick_routine(hold("hug", 30, name="Knee hug with a long name", caution=arabic))
    r = replace(r, cautions=("Stop if it hurts.", arabic))
    document = QTextDocument()
    document.setHtml(details_html(LibraryItem(r.id, r.title, r)))
    document.setTextWidth(700)
    document.size()  # laid out
    lefts: dict[str, float] = {}
    block = document.begin()
    while block.isValid():
        words = block.text().strip("\u200e\u200f\u26a0 ")
        if words in (arabic, "Stop if it hurts.") and block.layout().lineCount():
            lefts.setdefault(words, block.layout().lineAt(0).naturalTextRect().left())
            lefts[f"{words}, last"] = block.layout().lineAt(0).naturalTextRect().left()
        block = block.next()
    # The routine's cautions come first, the exercises' after them.
    assert lefts["Stop if it hurts."] == lefts[arabic]  # the list's bullet, beside
    assert lefts[f"{arabic}, last"] < 10  # the exercise's caution, under its name


def first_row_drawn(page: LibraryPage) -> tuple[str, list[float]]:
    """The list's first row and where each of its characters is drawn, as the list lays it out."""
    from PySide6.QtGui import QTextLayout, QTextOption

    text = page.list.item(0).text()
    layout = QTextLayout(text, page.list.font())
    option = QTextOption()
    option.setTextDirection(page.list.layoutDirection())  # as the list draws its rows
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return text, [line.cursorToX(i)[0] for i in range(len(text))]  # type: ignore[index]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_title_written_right_to_left_keeps_its_length_after_it(qtbot: QtBot) -> None:
    """The outside tester: a routine titled in Arabic was listed "1 · <title> min", as a number
    after an Arabic name takes the name's direction (https://www.unicode.org/reports/tr9/#W2)."""
    r = quick_routine(hold("hug", 30))
    arabic = "\u062a\u0645\u0627\u0631\u064a\u0646 \u0627\u0644\u0648\u0631\u0643"
    item = LibraryItem("rtl", arabic, replace(r, id="rtl", title=arabic))
    page = LibraryPage([item], estimate=lambda _r: 60)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    text, x = first_row_drawn(page)
    title_right = max(x[i] for i, char in enumerate(text) if char.strip() and char in arabic)
    assert title_right <= x[text.index("\u00b7")] < x[text.index("1")] < x[text.index("m")]
    assert text.strip("\u200e").replace("\u200e", "") == f"{arabic}   \u00b7 1 min"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_title_with_an_override_left_open_keeps_our_length_after_it_in_our_direction(
    qtbot: QtBot,
) -> None:
    """user20: a routine file titled with a right-to-left override (U+202E) and nothing to end
    it was listed "<title>   · nim 1": the override ran on into our words after the title."""
    import json

    from hiptimer.core.routines.loader import parse_routine_text
    from hiptimer.core.routines.writer import routine_to_data

    data = routine_to_data(quick_routine(hold("hug", 30)))
    r = parse_routine_text(json.dumps({**data, "title": "\u202eEvil title"}), "evil.json")
    page = LibraryPage([LibraryItem(r.id, r.title, r)], estimate=lambda _r: 60)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    text, x = first_row_drawn(page)
    at = text.index("\u00b7")
    assert x[text.index("E")] < x[at] < x[text.index("1", at)] < x[text.index("m", at)]


def test_a_kept_dose_is_marked_yours_beside_the_routine_s_and_its_description_as_the_routine_s() -> (
    None
):
    # Gentle hip care's description says "the seated hip stretch (about 30 s a side)"; after a
    # session's 45 s was kept, it still said so, with nothing to tell the user which was theirs.
    from hiptimer.core.routines.catalog import load_catalog
    from hiptimer.core.routines.saved_now import keep_session_doses
    from hiptimer.ui.library.items import load_library

    builtin = load_catalog().original("gentle-hip-care")
    stretch = builtin.exercise("seated-hip-stretch")
    keep_session_doses(builtin, builtin.replace_exercise(stretch.with_dose(hold_s=45)))
    [item] = [i for i in load_library() if i.id == "gentle-hip-care"]
    text = details_html(item)
    assert "about 30\u00a0s a side" in text  # the description is the routine's, as written
    note = escape("The doses this description gives are the routine's own; yours are marked below.")
    assert text.index("about 30") < text.index(note) < text.index("Exercises")
    assert escape("1 x 45 s each side (your dose; the routine's: 1 x 30 s each side)") in text
    assert text.count("your dose") == 1  # the other exercises are at the routine's doses
    [plain] = [i for i in load_library() if i.id == "daily-hip-stretches"]
    assert "your dose" not in details_html(plain) and note not in details_html(plain)

"""The report's corrections: counted on its first page, each one listed after the sessions.

Both count a correction as docs/history.md does (hiptimer.core.history.correction_counts): one
value changed once, so the first page's total, the sessions table and the list agree.
"""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.core.history.correction_counts import Changed
from hiptimer.core.history.export import ReportData
from hiptimer.i18n import _, n_
from hiptimer.ui.history.report_pages import Pages


def _kind(base: str, changed: Changed) -> str:
    """'1 pain rating changed after it was given', with '(2 changes)' when it changed twice."""
    if changed.changes == changed.values:
        return base
    more = n_("{n} change", "{n} changes", changed.changes).format(n=changed.changes)
    return f"{base} ({more})"


def corrections_summary(pages: Pages, data: ReportData) -> None:
    """One line: what the user changed after the fact (the list comes later)."""
    c = data.corrected
    if not c.any or not pages.heading(_("Corrections")):
        return
    # Each kind's words for how many values changed; n_ needs its words written out.
    kinds: tuple[tuple[Changed, Callable[[int], str]], ...] = (
        (c.ratings, lambda n: n_(
            "{n} pain rating changed after it was given",
            "{n} pain ratings changed after they were given", n,
        )),
        (c.notes, lambda n: n_("{n} note changed", "{n} notes changed", n)),
        (c.mornings, lambda n: n_(
            "{n} next-morning check-in changed after it was given",
            "{n} next-morning check-ins changed after they were given", n,
        )),
        (c.marks, lambda n: n_(
            "{n} session's mark 'not representative' set or taken back",
            "{n} sessions' mark 'not representative' set or taken back", n,
        )),
    )  # fmt: skip
    parts = [
        _kind(words(changed.values).format(n=changed.values), changed)
        for changed, words in kinds
        if changed.changes
    ]
    if c.not_representative:
        parts.append(
            n_(
                "{n} session marked not representative, left out of the pain figures",
                "{n} sessions marked not representative, left out of the pain figures",
                c.not_representative,
            ).format(n=c.not_representative)
        )
    total = n_("{n} correction", "{n} corrections", c.total).format(n=c.total)
    pages.paragraph(
        # Translators: {total} is "2 corrections", {list} what they changed, by kind.
        _("{total}: {list}. The figures use the values as corrected; each change is listed below.")
        .format(total=total, list="; ".join(parts)),
        8.5,
    )  # fmt: skip


def corrections(pages: Pages, data: ReportData) -> None:
    """What the user changed after the fact, with what it was."""
    if not data.corrections or not pages.heading(_("Corrections made by the user")):
        return
    for count, text in enumerate(data.corrections):
        if not pages.paragraph(text, 8, max_lines=3):
            left = len(data.corrections) - count
            pages.line(_("\u2026 and {n} more (see the CSV).").format(n=left), 8)
            return

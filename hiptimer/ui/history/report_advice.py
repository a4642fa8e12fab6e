"""The report's section on HipTimer's advice: the warnings to see a clinician and the dose
suggestions not taken, when each was made and what the user chose."""

from __future__ import annotations

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.words import HEADINGS
from hiptimer.core.history.advice import DECLINED, WARNING, Advice
from hiptimer.core.history.export import ReportData
from hiptimer.core.history.wording import change_text, changed_for, day_text, with_side
from hiptimer.i18n import _, n_, translate
from hiptimer.ui.history.report_pages import Pages

HEADERS_WIDTHS = (11, 17, 16, 32, 24)
FIRST_PAGE_SUGGESTIONS = 4  # with every warning; all of them later


def first_page(data: ReportData) -> list[Advice]:
    """Newest first: every warning to see a clinician, and the most recent suggestions."""
    events = list(reversed(data.advice))
    recent = [a for a in events if a.answer != WARNING][:FIRST_PAGE_SUGGESTIONS]
    return [a for a in events if a.answer == WARNING or a in recent]


def advice(pages: Pages, data: ReportData, *, whole: bool = False) -> None:
    """Newest first: a clinician reads what was advised, when, and what the user chose. On
    the first page every warning and the latest suggestions; `whole`: all of it."""
    events = list(reversed(data.advice)) if whole else first_page(data)
    if not events:
        return
    rows = [_row(a) for a in events]
    headers = (
        _("Date"),
        _("Exercise"),
        _("Advice"),
        _("Why (as shown then)"),
        _("What the user chose"),
    )
    start = pages.table_start(headers, rows, HEADERS_WIDTHS)
    title = _("HipTimer's advice and what the user chose")
    if not pages.heading(_("All of HipTimer's advice in the period") if whole else title, start):
        return
    pages.paragraph(
        _(
            "Warnings to see a physiotherapist or doctor, and the dose suggestions the user"
            " declined or has not answered yet. The suggestions the user accepted are with the"
            " dose changes."
        ),
        7.5,
        muted=True,
    )
    shown = pages.table(headers, rows, HEADERS_WIDTHS)
    left = len(data.advice) - shown
    if left and not whole and shown == len(rows):
        below = n_(
            "\u2026 and {n} older suggestion, listed below.",
            "\u2026 and {n} older suggestions, listed below.",
            left,
        )
        pages.line(below.format(n=left), 8, muted=True)
    elif left:
        older = n_("\u2026 and {n} older one.", "\u2026 and {n} older ones.", left)
        pages.line(older.format(n=left), 8, muted=True)


def _row(a: Advice) -> tuple[str, ...]:
    if a.answer == WARNING:
        what = translate(HEADINGS[DoseAction.SEE_CLINICIAN])
        who = with_side(a.exercise, a.side)
    else:  # a dose suggestion: one dose for both sides, judged on one (as the dose changes)
        what = "; ".join(change_text(field, old, new) for field, old, new in a.changes)
        who = changed_for(a.exercise, a.side)
    return (day_text(a.advised_at), who, what, a.reason, _chosen(a))


def _chosen(a: Advice) -> str:
    """What the user did with it, in the report's words."""
    if a.answer == DECLINED and a.answered_at is not None:
        return _("Declined (Not now) on {day}.").format(day=day_text(a.answered_at))
    if a.answer != WARNING:
        return _("Not answered yet: HipTimer still offers it.")
    said = [_("A warning: no answer asked.")]
    if a.repeated:
        said.append(
            n_(
                "Shown again after the next session.",
                "Shown again after each of the next {n} sessions.",
                a.repeated,
            ).format(n=a.repeated)
        )
    if a.sessions_since:
        said.append(
            n_(
                "{n} more session of this exercise since.",
                "{n} more sessions of this exercise since.",
                a.sessions_since,
            ).format(n=a.sessions_since)
        )
    else:
        said.append(_("No session of this exercise since."))
    return " ".join(said)

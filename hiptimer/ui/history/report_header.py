"""The report's header: what it covers, and how to read its pain ratings (the user's limit too)."""

from __future__ import annotations

from hiptimer import __version__
from hiptimer.core.dosing.dose_steps import rules_for
from hiptimer.core.history.export import ReportData
from hiptimer.core.history.wording import day_text
from hiptimer.core.settings import DEFAULT_PAIN_LIMIT
from hiptimer.i18n import _
from hiptimer.ui.history.report_pages import Pages


def header(pages: Pages, data: ReportData) -> None:
    pages.line(_("HipTimer exercise report"), 17, bold=True)
    # The period has a line of its own: a long routine title must never cut its end date.
    period = _("Period: {first} \u2013 {last}").format(
        first=day_text(data.since), last=day_text(data.until)
    )
    pages.line(period, 10, bold=True)
    pages.paragraph(_("Routine: {routine}").format(routine=data.routines), 10, max_lines=3)
    pages.paragraph(_("Schedule: {schedule}").format(schedule=data.schedules), 9, max_lines=3)
    pages.line(
        _("Generated {day} by HipTimer {version} from the user's own exercise log").format(
            day=day_text(data.generated), version=__version__
        ),
        8,
        muted=True,
    )
    pages.paragraph(
        _(
            "Pain is rated by the user after each set, 0 (none) to 10 (worst); 0-2 is safe,"
            " 3-5 acceptable, over 5 too much (pain-monitoring model, Silbernagel 2007)."
        ),
        8,
        muted=True,
    )
    if data.pain_limit is not None:
        pages.paragraph(limit_words(data.pain_limit), 8.5, max_lines=3)


def limit_words(limit: int) -> str:
    """The pain limit in use, always stated: the bands above are the model's, while the
    questions during a session and the dose rules follow the user's limit (pain-rules.md)."""
    rule = rules_for(limit).acceptable_pain_max  # a higher limit leaves the rules at 5
    if limit == DEFAULT_PAIN_LIMIT:
        said = _("Pain limit: {limit}/10 (HipTimer's default).").format(limit=limit)
    else:
        said = _(
            "Pain limit set by the user: {limit}/10 (HipTimer's default is {default})."
        ).format(limit=limit, default=DEFAULT_PAIN_LIMIT)
    return " ".join(
        (
            said,
            _(
                "Above it, HipTimer asks whether to stop the exercise, go on at a lower dose or"
                " continue; its dose suggestions count pain over {rule} as too much. This is"
                " the setting when the report was made: the log does not record it per session."
            ).format(rule=rule),
        )
    )

"""The words about the chosen session in the history window: its heading, and the trail of
corrections made to it."""

from __future__ import annotations

from collections.abc import Sequence

from hiptimer.core.history.queries import Correction, SessionSummary
from hiptimer.core.history.wording import (
    completion_text,
    correction_text,
    duration_text,
    pain_number,
    set_label,
    when_text,
)
from hiptimer.i18n import _
from hiptimer.ui.history.sets_model import SetRow
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.plain import escape, in_our_direction


def trail_text(trail: Sequence[Correction], rows: Sequence[SetRow]) -> str:
    """'Corrections:' and a line for each ('Bridge, set 1 (right): pain 7 -> 1, ...'), its
    set named as the sets table names it, each line in our direction though a name in it
    reads right to left; '' with none."""
    labels = {
        row.record.id: set_label(row.exercise, row.record.set_number, row.record.side)
        for row in rows
    }
    lines = [correction_text(c, labels.get(c.set_id or -1, "")) for c in trail]
    return in_our_direction(_("Corrections:") + "\n" + "\n".join(lines)) if lines else ""


def session_heading(
    s: SessionSummary,
    trail: Sequence[Correction] = (),
    title: str | None = None,
    *,
    brief: bool = False,
) -> str:
    """The chosen session in a line of HTML, its routine's `title` (names.routine_name; the
    recorded one by default) escaped; a check-in score changed since it was given (`trail`)
    says what it was: 'pain 2 (was 6)'. `brief`: without the duration and the pains, which
    the list's row of the session says (where the window is short: History's first screen)."""
    given: dict[str, str | None] = {}
    for c in trail:
        if c.field.startswith("morning_"):
            given.setdefault(c.field, c.old_value)

    def score(field: str, value: int | None) -> str:
        now = pain_number(value, 0)
        if field not in given:
            return now
        was = given[field]
        return _("{now} (was {given})").format(now=now, given=_("none") if was is None else was)

    pains = _("pain max {max}, average {average}").format(
        max=pain_number(s.max_pain, 0), average=pain_number(s.avg_pain)
    )
    parts = [
        f"<b>{escape(when_text(s.started_at))}</b>: {escape(title or s.routine_title)}",
        "" if brief else escape(duration_text(s)),
        escape(completion_text(s)),
        "" if brief else escape(pains),
    ]
    if s.morning_pain is not None or s.morning_stiffness is not None:
        parts.append(
            escape(
                _("next morning: pain {pain}, stiffness {stiffness}").format(
                    pain=score("morning_pain", s.morning_pain),
                    stiffness=score("morning_stiffness", s.morning_stiffness),
                )
            )
        )
    if s.not_representative:
        left_out = _("not representative: left out of pain figures")
        parts.append(f"<i>{escape(left_out)}</i>")
    # A number after a title written right to left took its direction: "59 · <title> s".
    # It wraps before a separator, never after: the title keeps its spaces (whole=False).
    joined = " \u00b7 ".join(p for p in parts if p)
    return in_our_direction(unbroken_items(joined, whole=False))

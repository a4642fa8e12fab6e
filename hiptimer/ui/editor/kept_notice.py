"""The start notice of kept drafts (hiptimer.core.routines.drafts): it names every one, and its
button opens them in the editor one at a time, the newest first, coming back for the rest."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hiptimer import paths
from hiptimer.core.escapes import escape_controls
from hiptimer.core.history.wording import when_text
from hiptimer.core.routines.drafts import Draft, look_at_drafts
from hiptimer.i18n import _, joined, n_
from hiptimer.ui.editor.draft_words import damaged_text, offer_text
from hiptimer.ui.services.notice_bar import Offer

if TYPE_CHECKING:
    from hiptimer.ui.editor.routine_actions import RoutineActions
    from hiptimer.ui.services.notice_bar import NoticeBar

log = logging.getLogger(__name__)


class KeptDraftsHost(Protocol):
    """What the notice uses of the main window."""

    @property
    def notice(self) -> NoticeBar: ...
    @property
    def routine_actions(self) -> RoutineActions: ...


def tell_kept_drafts(
    window: KeptDraftsHost,
    listed: Iterable[Path] | None = None,
    opened: frozenset[Path] = frozenset(),
) -> None:
    """Name the drafts in the folder (`listed`: as a start just listed it) but those `opened`
    from this notice already; its button opens the newest, then the notice names the rest.
    A draft that cannot be read is named and moved aside."""
    kept = look_at_drafts(listed=listed)
    drafts = [d for d in kept.drafts if d.path not in opened]
    damaged = " ".join(damaged_text(d) for d in kept.damaged)
    if not drafts:
        if damaged:
            window.notice.show_notice(_("Kept routine changes could not be read:"), damaged)
        return
    newest = drafts[0]
    heading, detail = _words(drafts)
    detail = f"{detail} {damaged}".strip()
    log.warning("%s %s", heading, detail)

    def open_newest() -> None:
        window.routine_actions.open_kept(newest)
        tell_kept_drafts(window, opened=opened | {newest.path})  # the rest, if any

    # "Open" where the strip is one line: "Open in the editor" put its buttons under its words.
    window.notice.show_notice(
        heading, detail, Offer(_("Open in the editor"), open_newest, _("Open"))
    )


def _words(drafts: list[Draft]) -> tuple[str, str]:
    """The notice's heading and detail for these drafts, the newest first."""
    detail = _(
        "HipTimer was closed by the system while you edited. The editor offers to open or "
        "discard them; this note comes at each start until then ({where})."
    )
    if len(drafts) == 1:
        return offer_text(drafts[0]), detail.format(where=escape_controls(str(drafts[0].path)))
    n = len(drafts)
    heading = n_(
        "{n} kept copy of unsaved routine changes:",
        "{n} kept copies of unsaved routine changes:",
        n,
    ).format(n=n)
    each = joined(
        _("\u201c{routine}\u201d from {time}").format(
            routine=d.shown_title, time=when_text(d.kept_at)
        )
        for d in drafts
    )
    opens = _("The button opens the newest in the editor; then this note names the rest.")
    return heading, f"{each}. {detail.format(where=paths.drafts_dir())} {opens}"

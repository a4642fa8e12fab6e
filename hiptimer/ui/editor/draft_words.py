"""How a kept draft is named on screen: in the editor's offer and in the start notice (which
words it without loading the editor before the window's first paint)."""

from __future__ import annotations

from hiptimer.core.escapes import escape_controls
from hiptimer.core.history.wording import when_text
from hiptimer.core.routines.drafts import DamagedDraft, Draft
from hiptimer.i18n import _


def offer_text(draft: Draft) -> str:
    return _("Unsaved changes to \u201c{routine}\u201d from {time} were kept.").format(
        routine=draft.shown_title, time=when_text(draft.kept_at)
    )


def damaged_text(damaged: DamagedDraft) -> str:
    """What a draft that could not be read whole was, why, and where it is now (its file's
    controls and direction marks escaped: one put there by hand may be called anything)."""
    text = _("The kept changes in {path} could not be read ({why}).").format(
        path=escape_controls(str(damaged.path)), why=damaged.why
    )
    if damaged.moved_to is None:
        return text + " " + _("The file could not be moved aside either; it stays as it is.")
    moved = escape_controls(str(damaged.moved_to))
    return text + " " + _("The file was moved to {path}.").format(path=moved)

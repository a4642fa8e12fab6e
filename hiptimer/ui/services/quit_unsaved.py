"""The question before quitting while history writes wait in memory: what would be lost, and why."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from hiptimer import APP_TITLE
from hiptimer.i18n import _, joined, n_
from hiptimer.ui.widgets.plain import plain_box
from hiptimer.ui.widgets.yes_no_box import asked_yes

if TYPE_CHECKING:  # loaded with the history, after the list's paint (status_banner says why)
    from hiptimer.core.history.status import HistoryStatus


def reason_text(reason: str) -> str:
    """A status reason as people read it, without its full stop."""
    return plain_reason(reason.rstrip("."))


def plain_reason(text: str) -> str:
    """An OS error as people read it: no "[Errno 20]", no path said twice."""
    text = re.sub(r"\[Errno \d+\] ", "", text)
    repeated = re.search(r": '([^']+)'$", text)
    if repeated and repeated.group(1) in text[: repeated.start()]:
        text = text[: repeated.start()]
    return text


def ask_to_quit(parent: QWidget, status: HistoryStatus) -> bool:
    """Quit anyway with `status.pending` writes unsaved, or keep the app open (the default)."""
    from PySide6.QtWidgets import QMessageBox  # only when asked: not for the first paint

    box = plain_box(QMessageBox(parent))  # the reason may name a file
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("History not saved \u2014 {app}").format(app=APP_TITLE))
    box.setText(unsaved_words(status))
    box.setInformativeText(_quit_words(status))
    return asked_yes(box, _("&Quit anyway"), _("&Keep the app open"))


def unsaved_words(status: HistoryStatus) -> str:
    """What waits, as a person counts it: one set and its rating are two writes, and a
    session's start and end more, so 'N changes' read as more than was done."""
    sets, ratings = status.pending_sets, status.pending_ratings
    # A K on a pain question is named: lost, the history reads the set as never asked, and a
    # resumed session asks for its rating again (it was counted among "other changes").
    no_ratings = status.pending_no_ratings
    others = status.pending - sets - ratings - no_ratings - status.pending_answers_replaced
    if not sets and not ratings and not no_ratings:
        return n_(
            "{n} change to your history is not saved yet.",
            "{n} changes to your history are not saved yet.",
            others,
        ).format(n=others)
    parts = [
        n_("{n} set", "{n} sets", sets).format(n=sets) if sets else "",
        n_("{n} pain rating", "{n} pain ratings", ratings).format(n=ratings) if ratings else "",
        n_(
            "{n} set marked \u201cno rating\u201d",
            "{n} sets marked \u201cno rating\u201d",
            no_ratings,
        ).format(n=no_ratings)
        if no_ratings
        else "",
        n_("{n} other change", "{n} other changes", others).format(n=others) if others else "",
    ]
    return _("Not saved yet in your history: {what}.").format(what=joined(filter(None, parts)))


def _quit_words(status: HistoryStatus) -> str:
    """Why the changes wait and what to do, in the strip's terms (_saving_words): a read-only
    folder or a file in its place is named, not SQLite's 'attempt to write a readonly
    database' with advice to free some space."""
    folder = status.path.parent
    blocker = status.folder_in_the_way
    if status.folder_read_only:
        return _(
            "Saving fails: the data folder {folder} is read-only. They are kept only while "
            "HipTimer is open, and saved as soon as the folder can be written. Make it "
            "writable, or quit and lose them."
        ).format(folder=folder)
    if blocker is not None:
        where = (
            _("the data folder {folder} is a file, not a folder")
            if blocker == folder
            else _("the data folder {folder} cannot be made, as {file} is a file")
        )
        return _(
            "Saving fails: {where}. They are kept only while HipTimer is open, and saved as "
            "soon as that file is moved away. Move it, or quit and lose them."
        ).format(where=where.format(folder=folder, file=blocker))
    return _(
        "Saving fails: {why}. They are kept only while HipTimer is open, and saved as soon "
        "as the disk takes them again. Free some space or fix the disk, or quit and lose them."
    ).format(why=reason_text(status.reason))

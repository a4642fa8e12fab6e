"""The editor's drafts: unsaved edits kept when the system closes HipTimer, and offered back
when their routine is opened again (hiptimer.core.routines.drafts keeps the files)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from hiptimer.core.escapes import escape_controls
from hiptimer.core.routines.drafts import (
    DamagedDraft,
    Draft,
    keep_draft,
    look_at_drafts,
    set_aside,
)
from hiptimer.i18n import _, n_
from hiptimer.ui.editor.draft_words import damaged_text, offer_text
from hiptimer.ui.editor.window_files import Edited

log = logging.getLogger(__name__)


class DraftsEditor(Edited, Protocol):
    """What the drafts use of the editor window (hiptimer.ui.editor.window)."""

    closing_for_system: bool  # close_for_system(): nobody is there to answer a question
    opened_draft: Path | None  # the draft whose changes the editor holds, unsaved

    def window(self) -> QWidget: ...
    def close(self) -> bool: ...
    def edit(self, data: dict[str, Any], text: str, merge_key: object = None) -> None: ...


class DraftOffer(QFrame):
    """A strip above the editor's form offering the routine's kept drafts, the newest first:
    Open them (as unsaved changes) or Discard (moved to drafts/discarded/); or naming a draft
    that could not be read, moved to drafts/damaged/ and never loaded half.

    Signals: open_requested(Draft) when the user chooses to open one.
    """

    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draft-offer")
        self._drafts: list[Draft] = []
        self._damaged: list[DamagedDraft] = []
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a routine's title and a path: data
        self.open_button = self._button(_("Open them"), self._open)
        self.discard_button = self._button(_("Discard"), self._discard)
        self.ok_button = self._button(_("OK"), self._seen_damaged)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text, 1)
        for button in (self.open_button, self.discard_button, self.ok_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(True)  # Enter presses the one with the focus, as in a dialog
        button.clicked.connect(slot)
        return button

    def offer(self, routine_id: str, first: Path | None = None) -> None:
        """Offer this routine's drafts, the newest first or the one at `first` (chosen in the
        start notice); none: the strip hides."""
        kept = look_at_drafts(routine_id)
        self._drafts, self._damaged = kept.drafts, kept.damaged
        self._drafts.sort(key=lambda d: d.path != first)  # stable: the rest stay newest first
        for damaged in kept.damaged:
            log.warning("%s", damaged_text(damaged))
        self._next()

    @property
    def offered(self) -> Draft | None:
        return self._drafts[0] if self._drafts and not self._damaged else None

    def _seen_damaged(self) -> None:
        if self._damaged:
            self._damaged.pop(0)
        self._next()

    def _next(self) -> None:
        draft = self.offered
        if self._damaged:
            self.text.setText(damaged_text(self._damaged[0]))
        elif draft is not None:
            others = len(self._drafts) - 1  # older, or newer when the notice chose this one
            more = n_("Another copy is kept too.", "{n} other copies are kept too.", others)
            self.text.setText(offer_text(draft) + (" " + more.format(n=others) if others else ""))
        self.open_button.setVisible(draft is not None)
        self.discard_button.setVisible(draft is not None)
        self.ok_button.setVisible(draft is None and bool(self._damaged))
        self.setVisible(draft is not None or bool(self._damaged))
        shown = self.open_button if draft is not None else self.ok_button
        if self.isVisibleTo(self.window()):
            shown.setFocus()  # the first thing to answer; Enter or Space answers it

    def _open(self) -> None:
        draft = self.offered
        self._drafts = []  # the others wait in the folder for the next time
        self._next()
        if draft is not None:
            self.open_requested.emit(draft)

    def _discard(self) -> None:
        draft = self.offered
        if draft is None:
            return
        try:
            moved = set_aside(draft.path)
        except OSError as exc:
            QMessageBox.warning(
                self.window(), _("Not discarded"),
                _("{path} could not be moved: {why}").format(
                    path=escape_controls(str(draft.path)), why=exc.strerror or exc
                ),
            )  # fmt: skip
            return
        log.warning("Kept changes of %s discarded: moved to %s", draft.routine_id, moved)
        self._drafts.pop(0)
        self._next()


def open_draft(window: DraftsEditor, draft: Draft) -> None:
    """The draft's routine data as one undoable, unsaved edit; saved or not, as the user says."""
    window.edit(draft.data, _("Open kept changes"))
    window.opened_draft = draft.path


def settle(window: DraftsEditor) -> None:
    """The changes of the draft opened were saved, or discarded by the user: it is moved to
    drafts/discarded/ (HipTimer never deletes one), and not offered again."""
    path, window.opened_draft = window.opened_draft, None
    if path is None or not path.exists():
        return
    try:
        set_aside(path)
    except OSError:
        log.exception("Could not move the draft %s aside; it will be offered again", path)


def keep_for_system(window: DraftsEditor) -> Path | None:
    """Logout, shutdown or a termination signal: unsaved edits, valid or not, go to a new
    draft (hiptimer.core.routines.drafts), never over the routine's file. Its path, or None
    when nothing was unsaved or it could not be written (then the log keeps the edits)."""
    if not window.is_modified:
        return None
    try:
        path = keep_draft(window.data, window.routine.id, datetime.now())
    except OSError:
        text = json.dumps(window.data, ensure_ascii=False)
        log.exception(
            "Could not keep the unsaved edits of %s; they were: %s", window.routine.id, text
        )
        return None
    log.warning("Unsaved edits of %s kept in %s", window.routine.id, path)
    settle(window)  # a draft it opened is in the new one
    return path


def close_for_system(window: DraftsEditor) -> Path | None:
    """Keep unsaved edits as a draft (keep_for_system) and close without asking, even while
    "Unsaved changes" is being asked: that question is answered Cancel, and the close it came
    from goes on once its event loop returns (the editor's closeEvent looks again)."""
    kept = keep_for_system(window)
    window.closing_for_system = True
    for box in window.window().findChildren(QMessageBox):
        box.reject()
    window.close()
    return kept

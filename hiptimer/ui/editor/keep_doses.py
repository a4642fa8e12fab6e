"""After a session: offer to keep the doses changed on the way as the routine's new doses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.dosing.decisions import log_kept
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.saved_now import keep_session_doses
from hiptimer.core.routines.user_routines import DoseChange, dose_changes
from hiptimer.core.routines.validation import RoutineError
from hiptimer.i18n import _
from hiptimer.ui.editor.style import editor_style_sheet
from hiptimer.ui.theme import QUESTION_PX, px, question_rules
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.plain import as_html, may_cut, plain, show_wrapped
from hiptimer.ui.widgets.screen_fit import fit_to_words, room
from hiptimer.ui.write_failure import why_not_saved


class KeepDosesDialog(QDialog):
    """Lists the changes ("Hamstring stretch: hold 60 s \u2192 45 s"); Keep for next time / Not now.

    Signals: only QDialog's (accepted on keep, rejected on not now).
    """

    def __init__(
        self, routine: Routine, changes: list[DoseChange], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keep these doses?"))
        self.setObjectName("keep-doses")
        # Asked after a session, read from the mat: the end-session question's type, not the
        # desk-side editor's.
        self.setStyleSheet(editor_style_sheet() + question_rules("QDialog#keep-doses"))
        heading = QLabel(_("You changed these doses during the session:"), self)
        heading.setWordWrap(True)  # at 800 x 600 in large print it ran past the edge
        # The list alone scrolls: 20 exercises changed in large print on a 1024 x 600 screen
        # put Keep and Not now below its edge.
        body = QWidget()
        self.changes = QLabel(body)
        self.changes.setObjectName("dose-changes")
        self.changes.setWordWrap(True)
        if routine.builtin:
            where = _(
                "They will be saved as your own version of \u201c{routine}\u201d. The built-in "
                "stays available: Reset to original in the editor brings it back."
            ).format(routine=routine.title)
        else:
            where = _("They will be saved in \u201c{routine}\u201d for your next session.").format(
                routine=routine.title
            )
        self.note = note = QLabel(self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        plain(self.changes, note)  # exercise and routine names
        may_cut(self.changes, note)
        show_wrapped(self.changes, "\n".join(f"\u2022  {change}" for change in changes))
        show_wrapped(note, where)
        self.buttons = buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(_("Keep for next time"), self)
        self.keep_button.setDefault(True)
        self.not_now_button = QPushButton(_("Not now"), self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.not_now_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        listed = QVBoxLayout(body)
        listed.setContentsMargins(0, 0, 0, 0)
        listed.setSpacing(12)
        listed.addWidget(self.changes)
        # The note scrolls with the list: under it, four lines of large print on a 640 x 480
        # screen left the list one line, cut in the middle of an exercise's name.
        listed.addWidget(note)
        self.scroller = DialogBody(body, self)
        self.scroller.setObjectName("dose-changes-area")
        self.scroller.setAccessibleName(_("Doses changed"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # One under the other where side by side they are wider than the screen: "Guardar
        # para la próxima vez" in large print (472 px) was cut to 344 at 640 x 480.
        layout = self.layout()
        assert layout is not None
        sides = layout.contentsMargins().left() + layout.contentsMargins().right()
        if self.buttons.sizeHint().width() + sides > room(self).width():
            self.buttons.setOrientation(Qt.Orientation.Vertical)
        # About 28 of its letters wide: a line of the mat-sized words reads whole, and a
        # dose's line stays on one line where the screen has the room.
        fit_to_words(self, px(QUESTION_PX) * 28)
        self.scroller.fit_dialog(self)  # then as tall as the whole list, up to the screen
        # And no taller: it opened at the layout's height for a list wrapped narrow (a
        # word-wrapped QLabel's sizeHint), two lines centred in 224 px with blank bands
        # above and below them (seen under Xvfb at 1280 x 800).
        spare = self.scroller.viewport().height() - self.scroller.body.minimumHeight()
        if spare > 0:
            self.resize(self.width(), self.height() - spare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scroller.fit_body()  # the list's lines wrap again at the new width


def log_kept_doses(
    history: object, base: Routine, live: Routine, at: datetime, session_id: int | None
) -> None:
    """Put the kept doses in the history's log of dose changes (the report says who decided
    them); nothing when the app runs without a history store."""
    from hiptimer.core.history.store import HistoryStore

    if isinstance(history, HistoryStore):
        log_kept(history, base.id, dose_changes(base, live), at, session_id)


def offer_answered(history: object, session_id: int | None) -> None:
    """The session's offer to keep its doses is answered: not made again at the next start."""
    from hiptimer.core.history.store import HistoryStore

    if isinstance(history, HistoryStore) and session_id is not None:
        history.answer_doses_offer(session_id)


def offer_to_keep_doses(
    parent: QWidget | None,
    base_routine: Routine,
    live_routine: Routine,
    answered: Callable[[], None] = lambda: None,
) -> Routine | None:
    """Ask whether to keep a session's dose changes; the saved user's version, or None.

    `base_routine` is the routine as the session started; `live_routine` the same with
    the session's changes (SessionEngine.live_routine()). Nothing is asked when no
    hold, reps or rep range changed. `answered` hears a Not now, or a Keep once saved (a
    Keep that could not be saved is asked again).
    """
    changes = dose_changes(base_routine, live_routine)
    if not changes:
        return None
    dialog = KeepDosesDialog(base_routine, changes, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            answered()
            return None
    finally:
        dialog.deleteLater()
    try:
        saved = keep_session_doses(base_routine, live_routine)
    except (OSError, RoutineError) as exc:
        text = as_html(_("The new doses could not be saved:") + f"\n{why_not_saved(exc)}")
        QMessageBox.warning(parent, _("Doses not saved"), text)
        return None
    answered()
    return saved

"""Correcting the history afterwards: a set's pain rating or a next-morning check-in, and why
(the store keeps the trail)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import _
from hiptimer.ui.widgets.plain import plain, show_wrapped
from hiptimer.ui.widgets.screen_fit import fit_to_words

NO_RATING = -1  # the spin box's lowest value stands for "no rating"


class _Correction(QDialog):
    """A correction's dialog, opened as wide as its words and example ask (up to the screen)
    and as tall as its wrapped lines need there.

    Why: a QDialog's first size ignores height-for-width, and takes at most two thirds of
    the screen's width; on an 800 x 600 screen in Spanish large print the name of the set was
    cut at the top, the note at the foot lost its last line, the rows of the morning's form
    were drawn over each other and the reason's example was cut ("opcional, p. ej. l...").

    Signals: the standard QDialog ones.
    """

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_words(self, self.sizeHint().width())


class PainDialog(_Correction):
    """Asks for a set's new rating (0-10, or none) and an optional reason.

    The old rating is kept in the history's corrections, with the new one and when.
    Signals: the standard QDialog ones.
    """

    def __init__(self, what: str, current: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change a pain rating \u2014 HipTimer"))
        given = _("none") if current is None else f"{current}/10"
        about = _about(_("{set}\nRated: {pain}").format(set=what, pain=given))
        self.pain = _score_box(current, _("no rating"))
        self.pain.setAccessibleDescription(
            _("0 to 10, or no rating below 0. Rated: {pain}").format(pain=given)
        )
        self.reason = _reason_edit(_("optional, e.g. typed 7 for 1"))
        form = QFormLayout()
        form.addRow(_("New rating"), self.pain)
        form.addRow(_("Why"), self.reason)
        _lay_out(
            self,
            about,
            form,
            _("The rating as given stays in the history, with this change and when."),
            self.pain,
        )

    def rating(self) -> int | None:
        return _score(self.pain)

    def why(self) -> str:
        return " ".join(self.reason.text().split())


def _score_box(current: int | None, none_text: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(NO_RATING, 10)
    box.setSpecialValueText(none_text)
    box.setSuffix(" / 10")
    box.setValue(NO_RATING if current is None else current)
    return box


def _reason_edit(placeholder: str) -> QLineEdit:
    reason = _ReasonEdit()
    reason.setPlaceholderText(placeholder)
    reason.setMaxLength(200)
    return reason


class _ReasonEdit(QLineEdit):
    """A reason's field, as wide as its example: at Qt's width of 17 x's the example was cut,
    "opcional, p. ej. esc…" (user23). Signals: QLineEdit's."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        around = hint.width() - 17 * metrics.horizontalAdvance("x")  # frame, margins, padding
        example = metrics.horizontalAdvance(self.placeholderText()) + 1
        return QSize(max(hint.width(), around + example), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Its example whole, up to 30 characters: where the field beside its label is too
        narrow for it, the label goes above (WrapLongRows) and the field takes the row."""
        hint = super().minimumSizeHint()
        most = 30 * self.fontMetrics().averageCharWidth()
        return QSize(max(hint.width(), min(self.sizeHint().width(), most)), hint.height())


def _lay_out(
    dialog: QDialog, about: QLabel, form: QFormLayout, kept_text: str, first: QSpinBox
) -> None:
    """What is changed, the form, a line saying the old value is kept, OK and Cancel; `first`
    takes the focus."""
    kept = QLabel(kept_text)
    kept.setWordWrap(True)
    kept.setProperty("role", "muted")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    # Each label over its field where the two do not fit side by side (a narrow screen).
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout = QVBoxLayout(dialog)
    layout.addWidget(about)
    layout.addLayout(form)
    layout.addWidget(kept)
    layout.addWidget(buttons)
    first.setFocus()
    first.selectAll()


def _score(box: QSpinBox) -> int | None:
    return None if box.value() == NO_RATING else box.value()


class MorningDialog(_Correction):
    """Asks for a session's new next-morning scores (pain, stiffness: 0-10, or none) and an
    optional reason. The scores as given are kept in the history's corrections.

    Signals: the standard QDialog ones.
    """

    def __init__(
        self, what: str, pain: int | None, stiffness: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change a next-morning check-in \u2014 HipTimer"))
        given = [_("none") if v is None else f"{v}/10" for v in (pain, stiffness)]
        about = _about(
            _("{session}\nGiven: pain {pain}, stiffness {stiffness}").format(
                session=what, pain=given[0], stiffness=given[1]
            )
        )
        self.pain = _score_box(pain, _("no score"))
        self.stiffness = _score_box(stiffness, _("no score"))
        # What each box takes and what was given, said with its name as Tab reaches it:
        # the line above the form is read once, as the dialog opens.
        for box, was in ((self.pain, given[0]), (self.stiffness, given[1])):
            box.setAccessibleDescription(
                _("0 to 10, or no score below 0. Given: {score}").format(score=was)
            )
        self.reason = _reason_edit(_("optional, e.g. read the scale the wrong way"))
        form = QFormLayout()
        form.addRow(_("Pain next morning"), self.pain)
        form.addRow(_("Stiffness next morning"), self.stiffness)
        form.addRow(_("Why"), self.reason)
        _lay_out(
            self,
            about,
            form,
            _("The scores as given stay in the history, with this change and when.")
            + " "
            # One check-in is kept with every session of its day (docs/history.md): the
            # change reaches them all, which a person correcting "this session" should know.
            + _(
                "A check-in answers for every session of the day before it: each takes the change."
            ),
            self.pain,
        )

    def scores(self) -> tuple[int | None, int | None]:
        return _score(self.pain), _score(self.stiffness)

    def why(self) -> str:
        return " ".join(self.reason.text().split())


def _about(text: str) -> QLabel:
    """What is being changed: a name from a routine file, as plain text that wraps."""
    label = QLabel()
    label.setWordWrap(True)
    plain(label)
    show_wrapped(label, text)
    return label

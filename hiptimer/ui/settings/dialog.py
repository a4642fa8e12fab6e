"""The Settings dialog: language, voice, rate, volume, mute, setup readings, cautions, the pain
limit and the look."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiptimer import APP_TITLE, i18n
from hiptimer.core.settings import DEFAULT_PAIN_LIMIT, Settings
from hiptimer.i18n import LANGUAGES, N_, _, n_, translate
from hiptimer.ui.language import LANGUAGE_NOTE
from hiptimer.ui.services.ports import Speaker
from hiptimer.ui.settings.columns import GroupColumns
from hiptimer.ui.settings.form_parts import buddy, role, side_by_side, slider, tab_to_checked
from hiptimer.ui.settings.look_group import LookGroup
from hiptimer.ui.settings.style import settings_style_sheet
from hiptimer.ui.theme import follow
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.names_box import NamesBox
from hiptimer.ui.widgets.plain import as_html, escape, fit_names
from hiptimer.ui.widgets.screen_fit import keep_inside, room
from hiptimer.ui.widgets.wrapped_check import WrappedCheck

RATE_RANGE = (80, 300)  # words a minute; slower than 80 drags, faster than 300 blurs
RATE_STEP = 10
PAIN_RANGE = (3, 8)
# Characters a drop-down of names shows at its narrowest (cut in the middle); it asks for its
# longest name. At 24 the voice group alone was 806 px wide in Spanish large print: cut on an
# 800 px screen, and one column only (scrolling) at 1366 x 768.
NAMES_SHOWN = 16
DEFAULT_VOICE_LABEL = N_("The language's own voice")
NO_SPEECH = N_("Speech is not available in this run of HipTimer.")
SETUP_CHOICES = (
    ("always", N_("&Always")),
    ("first", N_("The &first time only")),
    ("never", N_("&Never")),
)
PAIN_HELP = N_(
    "After each set you rate the pain in your hip from 0 (none) to 10 (worst). Above this "
    "limit HipTimer offers to stop the exercise or go lighter; a limit below 5 is also where "
    "its dose suggestions step back (a higher one does not change them). The pain-monitoring "
    "model physiotherapists use counts 0\u20132 as safe, up to 5 as acceptable and above 5 as "
    "too much, provided the pain settles by the next morning. Change the usual limit of "
    "{limit} only on your physiotherapist's advice."
)
NEXT_SESSION = N_(
    "The pain limit, the setup readings and the spoken cautions change from the next session on."
)


def voice_service(speech: object) -> Speaker | None:
    """The app's Speaker (services.speech) as it is: every Speaker has the voice controls.

    A silent stand-in's do nothing and it reports itself unavailable, so the dialog shows
    "no speech". Kept for callers that hold the speech as `object`; new code takes a Speaker.
    """
    return cast(Speaker, speech)


def voice_items(voices: list[tuple[str, str]], current: str) -> list[tuple[str, str]]:
    """(label, id) for the voice box: the system default first, then the voices by name.

    A name that two voices share gets its id added; a chosen voice the engine does not list
    (voices not loaded yet, or gone) is kept, so choosing nothing changes nothing.
    """
    names = [name for _, name in voices]
    items = sorted(
        ((f"{name} ({vid})" if names.count(name) > 1 else name, vid) for vid, name in voices),
        key=lambda item: item[0].casefold(),
    )
    if current and current not in {vid for vid, _ in voices}:
        items.insert(0, (current, current))
    return [(translate(DEFAULT_VOICE_LABEL), ""), *items]


class SettingsDialog(QDialog):
    """Shows the settings and hands back the chosen ones; it saves and applies nothing itself.

    Signals: test_requested(object) with a Settings holding the voice, rate and volume shown,
    when the user asks to hear them.
    """

    test_requested = Signal(object)

    def __init__(
        self,
        settings: Settings,
        speech: Speaker | None,
        parent: QWidget | None = None,
        *,
        session_running: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings \u2014 {app}").format(app=APP_TITLE))
        self.setObjectName("settings")
        self.setStyleSheet(settings_style_sheet())
        follow(self, lambda: self.setStyleSheet(settings_style_sheet()))  # the desktop's look
        self._initial = settings
        self._speech = speech
        self._forget_heard = False
        # The groups scroll when the screen is short (1920 x 1080 at 200 % leaves 540 pixels);
        # OK and Cancel stay in view below them.
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(20, 16, 20, 6)
        body.setSpacing(10)
        self.columns = GroupColumns(body, 10)
        self.columns.add(self._voice_group())
        self.columns.add(self._setup_group())
        self.pain_box = self._pain_group()
        self.columns.add(self.pain_box)
        self.look = LookGroup(self)
        self.columns.add(self.look)
        self.next_session = QLabel(translate(NEXT_SESSION), self)
        role(self.next_session, "muted")
        self.next_session.setWordWrap(True)
        self.next_session.setVisible(session_running)
        body.addWidget(self.next_session)
        self.scroller = DialogBody(self.body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        layout.setSpacing(6)
        layout.addWidget(self.scroller, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        role(self.buttons.button(QDialogButtonBox.StandardButton.Ok), "primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.buttons.setContentsMargins(20, 0, 20, 0)
        self._show(settings)
        self._watch(speech)
        # An explicit minimum: otherwise the layout sets one when the dialog is shown, which the
        # offscreen platform reports as a warning ("does not support propagateSizeHints").
        self.ensurePolished()
        self.setMinimumSize(
            self.scroller.minimum_width(), min(self.minimumSizeHint().height(), 240)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.columns.balance(self.scroller)
            self.scroller.fit_body()

    def _fit_height(self) -> None:
        """Grow to the height the wrapped text needs at this width (a reason shown later
        needs room too), and as wide as its words ask where the screen has room: Qt opens a
        dialog at most two thirds of the screen wide (QWidget::adjustSize), which on an 800 px
        screen was its narrowest, its drop-downs' names cut with room beside it."""
        wanted = min(self.sizeHint().width(), room(self).width())
        if self.width() < wanted:
            self.resize(wanted, self.height())
            keep_inside(self)
        self.columns.spread(self, self.scroller, (self.pain_box, self.look))
        self.scroller.fit_dialog(self)

    # ------------------------------------------------------------ building

    def _voice_group(self) -> QGroupBox:
        box = QGroupBox(_("Voice and sound"), self)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A label over its field where the two side by side do not fit (an 800 px screen, or
        # two columns on 1366 px, in Spanish large print), not the group cut at the right.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.unavailable = QLabel("", box)
        self.unavailable.setObjectName("unavailable")
        self.unavailable.setWordWrap(True)
        self.unavailable.setTextFormat(Qt.TextFormat.RichText)
        self.unavailable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unavailable.hide()
        form.addRow(self.unavailable)
        self._language_row(box, form)
        self.voice = NamesBox(box)
        self.voice.setMaxVisibleItems(16)
        self.voice.setAccessibleName(_("Voice"))
        self.voice.setAccessibleDescription(_("The voice that speaks the cues"))
        fit_names(self.voice, NAMES_SHOWN)
        form.addRow(buddy(_("&Voice:"), self.voice), self.voice)
        self.rate, self.rate_value = slider(
            box,
            RATE_RANGE,
            RATE_STEP,
            _("Speaking rate"),
            _("Words a minute"),
            _("{n} words/min").format(n=RATE_RANGE[1]),
        )
        self.rate.valueChanged.connect(self._show_rate)
        form.addRow(
            buddy(_("Speaking &rate:"), self.rate), side_by_side(self.rate, self.rate_value)
        )
        self.volume, self.volume_value = slider(
            box,
            (0, 100),
            5,
            _("Volume"),
            _("Of the voice and the beeps, in per cent"),
            _("{n} %").format(n=100),
        )
        self.volume.valueChanged.connect(self._show_volume)
        form.addRow(buddy(_("V&olume:"), self.volume), side_by_side(self.volume, self.volume_value))
        self.test = QPushButton(_("&Test voice"), box)
        self.test.setToolTip(_("Speak a sample sentence with the voice, rate and volume shown"))
        self.test.clicked.connect(self._test)
        form.addRow("", side_by_side(self.test, None))
        self.muted = QCheckBox(_("&Mute voice and beeps"), box)
        self.muted.setToolTip(_("The same as the M key or the Mute button during a session"))
        form.addRow("", self.muted)
        return box

    def _setup_group(self) -> QGroupBox:
        # A group's title does not wrap: "Read each exercise's setup steps aloud" (591 px in
        # large print) made the group too wide for a 640 x 480 screen.
        box = QGroupBox(_("Read the setup steps aloud"), self)
        layout = QVBoxLayout(box)
        # In a row of their own, not children of the titled box: Qt labels each child of a
        # QGroupBox by its title (QAccessibleWidget::relations), and Orca 43 said the title
        # twice on Tab in, as the box's and as the radio group's.
        # The choices wrap, and the caution's words: in one line each the group needed 624 px,
        # cut at the right of a 640 x 480 screen in Spanish large print.
        choices = QWidget(box)
        row = FlowLayout(choices, spacing=12)
        self.setup = QButtonGroup(box)
        self.setup_buttons: dict[str, QRadioButton] = {}
        for mode, label in SETUP_CHOICES:
            button = QRadioButton(translate(label), choices)
            self.setup.addButton(button)
            self.setup_buttons[mode] = button
            row.addWidget(button)
        layout.addWidget(choices)
        self.cautions = WrappedCheck(_("Say each exercise's &caution once a session"), box)
        self.cautions.setToolTip(
            _("The caution is always on screen with the steps; this is the voice saying it too")
        )
        layout.addWidget(self.cautions)
        forget_row = FlowLayout(spacing=12)  # what was read under the button where narrow
        self.forget = QPushButton(_("Reset \u201cfirst time\u201d &memory"), box)
        self.forget.setToolTip(_("Read every exercise's setup steps again, as on the first time"))
        self.forget.clicked.connect(self._forget)
        self.heard = QLabel("", box)
        role(self.heard, "muted")
        self.heard.setWordWrap(True)
        forget_row.addWidget(self.forget)
        forget_row.addWidget(self.heard)
        layout.addLayout(forget_row)
        return box

    def _language_row(self, box: QGroupBox, form: QFormLayout) -> None:
        """The language, first of the voice's group: the voice follows it (one row, as the
        dialog must fit a 800 px high screen)."""
        self.language = NamesBox(box)
        self.language.setAccessibleName(_("Language"))
        system = LANGUAGES[i18n.system_language()]
        self.language.addItem(_("The system's language ({name})").format(name=system), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each in its own name: findable in any language
        self.language.setToolTip(translate(LANGUAGE_NOTE))
        fit_names(self.language, NAMES_SHOWN)  # as wide as the voice's box, under it
        form.addRow(buddy(_("&Language:"), self.language), self.language)

    def _pain_group(self) -> QGroupBox:
        box = QGroupBox(_("Pain limit"), self)
        form = QFormLayout(box)
        self.pain_limit = QSpinBox(box)
        self.pain_limit.setRange(*PAIN_RANGE)
        self.pain_limit.setSuffix(_(" out of 10"))
        # The value says "out of 10"; the advice below it is read with it, as it is seen.
        self.pain_limit.setAccessibleName(_("Pain limit"))
        advice = translate(PAIN_HELP).format(limit=DEFAULT_PAIN_LIMIT)
        self.pain_limit.setAccessibleDescription(advice)
        form.addRow(buddy(_("&Pain limit:"), self.pain_limit), side_by_side(self.pain_limit, None))
        help_text = QLabel(advice, box)
        role(help_text, "muted")
        help_text.setWordWrap(True)
        form.addRow(help_text)
        return box

    # ------------------------------------------------------------ showing

    def _show(self, s: Settings) -> None:
        self._fill_voices(s.voice)
        self.rate.setValue(s.rate)
        self._show_rate(self.rate.value())
        self.volume.setValue(round(s.volume * 100))
        self._show_volume(self.volume.value())
        self.muted.setChecked(s.muted)
        self.setup_buttons.get(s.setup_mode, self.setup_buttons["first"]).setChecked(True)
        tab_to_checked(self.setup)
        self.cautions.setChecked(s.speak_cautions)
        # A limit set outside the dialog's range (in settings.json, on a physiotherapist's
        # advice) is kept as it is, not clamped when some other setting is saved.
        low, high = PAIN_RANGE
        self.pain_limit.setRange(min(low, s.pain_limit), max(high, s.pain_limit))
        self.pain_limit.setValue(s.pain_limit)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.look.show_settings(s)
        self._show_heard()

    def _fill_voices(self, chosen: str) -> None:
        voices = self._speech.voices() if self._speech is not None else []
        self.voice.clear()
        for label, vid in voice_items(voices, chosen):
            self.voice.addItem(label, vid)
            tip = as_html(vid or label)  # a tooltip reads markup; voice names are not ours
            self.voice.setItemData(self.voice.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.voice.setCurrentIndex(max(0, self.voice.findData(chosen)))

    def _show_rate(self, value: int) -> None:
        self.rate_value.setText(_("{n} words/min").format(n=value))

    def _show_volume(self, value: int) -> None:
        self.volume_value.setText(_("{n} %").format(n=value))

    def _show_heard(self) -> None:
        n = 0 if self._forget_heard else len(self._initial.setup_heard)
        if self._forget_heard:
            text = _("Forgotten when you press OK: every setup is read again.")
        elif n:
            text = n_(
                "The setup of {n} exercise has been read already.",
                "The setup of {n} exercises has been read already.",
                n,
            ).format(n=n)
        else:
            text = _("No setup has been read yet.")
        self.heard.setText(text)
        self.forget.setEnabled(bool(n))

    def _watch(self, speech: Speaker | None) -> None:
        """Fill the voices when the engine is ready; disable them if speech fails or is absent."""
        if speech is None:
            self.set_unavailable(translate(NO_SPEECH))
            return
        if speech.unavailable_reason or not speech.available:
            self.set_unavailable(speech.unavailable_reason or translate(NO_SPEECH))
        speech.connect_ready(self._voices_ready)
        speech.connect_unavailable(self.set_unavailable)

    def _voices_ready(self) -> None:
        self._fill_voices(str(self.voice.currentData() or ""))

    def set_unavailable(self, reason: str) -> None:
        """Say why there is no voice, next to the voice controls, and disable them."""
        no_voice = escape(_("No voice."))
        self.unavailable.setText(f"<b>{no_voice}</b> {escape(reason)}")
        self.unavailable.show()
        for widget in (self.voice, self.rate, self.volume, self.test):
            widget.setEnabled(False)
        if self.isVisible():
            self._fit_height()

    # ------------------------------------------------------------ results

    def chosen(self) -> Settings:
        """The settings as the dialog shows them (the rest as they were)."""
        mode = next((m for m, b in self.setup_buttons.items() if b.isChecked()), "first")
        return self._initial.replace(
            voice=str(self.voice.currentData() or ""),
            rate=self.rate.value(),
            volume=self.volume.value() / 100,
            muted=self.muted.isChecked(),
            setup_mode=mode,
            speak_cautions=self.cautions.isChecked(),
            pain_limit=self.pain_limit.value(),
            language=str(self.language.currentData() or ""),
            setup_heard=() if self._forget_heard else self._initial.setup_heard,
            **self.look.chosen(),
        )

    def _test(self) -> None:
        self.test_requested.emit(self.chosen())

    def _forget(self) -> None:
        self._forget_heard = True
        self._show_heard()

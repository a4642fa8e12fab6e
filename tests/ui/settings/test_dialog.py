"""The Settings dialog from the menu: each setting saved on OK and applied, Cancel, Test voice."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import Settings, SettingsStore
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Services, SilentSpeaker
from hiptimer.ui.settings.dialog import (
    DEFAULT_VOICE_LABEL,
    NO_SPEECH,
    SettingsDialog,
    voice_items,
    voice_service,
)
from hiptimer.ui.settings.style import settings_style_sheet
from tests.harness import hold, quick_routine, side_hold
from tests.ui.sessions import (
    FakeBeeper,
    FakeInhibitor,
    advance_until,
    library_of,
    menu_of,
    no_timer_left,  # noqa: F401 (a fixture)
)
from tests.ui.settings.recording_speech import VOICES, RecordingSpeech

pytestmark = pytest.mark.usefixtures("no_timer_left")

K = Qt.Key


@dataclass
class App:
    window: MainWindow
    clock: FakeClock
    speech: RecordingSpeech
    beeper: FakeBeeper

    @property
    def settings(self) -> SettingsStore:
        return self.window.settings

    def open(self) -> SettingsDialog:
        self.window.settings_actions.action.trigger()
        dialog = self.window.settings_actions.dialog
        assert dialog is not None and dialog.isVisible()
        return dialog

    def start(self, qtbot: QtBot) -> None:
        qtbot.keyClick(self.window, K.Key_Return)
        assert self.window.session is not None


def make_app(qtbot: QtBot, speech: RecordingSpeech | None = None, **saved: object) -> App:
    store = SettingsStore()
    store.update(first_run_done=True, **saved)
    speech = speech or RecordingSpeech()
    beeper = FakeBeeper()
    services = Services(beeper=beeper, speech=speech, inhibitor=FakeInhibitor())
    clock = FakeClock()
    window = MainWindow(
        store,
        services,
        clock=clock,
        wall=FakeWall(clock),
        library=library_of(quick_routine(hold(hold_s=5), side_hold(hold_s=5))),
    )
    qtbot.addWidget(window)
    window.show()
    return App(window, clock, speech, beeper)


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[App]:
    made = make_app(qtbot, voice="en-gb", rate=180, volume=0.7, setup_heard=("clam-hold",))
    yield made
    if made.window.settings_actions.dialog is not None:
        made.window.settings_actions.dialog.reject()
    made.window.close()


def saved_on_disk() -> dict[str, object]:
    return json.loads(paths.settings_path().read_text(encoding="utf-8"))


def press(dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(button).click()


OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


# ------------------------------------------------------------------ showing


def test_the_menu_item_and_its_shortcut(app: App) -> None:
    file_menu = menu_of(app.window.menuBar().actions()[0])
    labels = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert labels == ["&Settings\u2026", "Weekly &plan and reminders\u2026", "&Quit"]
    assert app.window.settings_actions.action.shortcut().toString() == "Ctrl+,"


def test_the_dialog_shows_the_saved_settings(app: App) -> None:
    d = app.open()
    items = [d.voice.itemText(i) for i in range(d.voice.count())]
    assert items == [DEFAULT_VOICE_LABEL, "English (America)", "English (GB)", "German"]
    assert d.voice.currentData() == "en-gb"
    assert (d.rate.value(), d.rate_value.text()) == (180, "180 words/min")
    assert (d.volume.value(), d.volume_value.text()) == (70, "70 %")
    assert not d.muted.isChecked()
    assert d.setup_buttons["first"].isChecked()
    assert d.cautions.isChecked()  # said once a session unless turned off
    assert d.pain_limit.value() == 5 and d.pain_limit.suffix() == " out of 10"
    assert "has been read already" in d.heard.text()
    assert d.unavailable.isHidden()
    assert d.chosen() == app.settings.settings  # opening and OK would change nothing


def test_voice_items_put_the_default_first_and_keep_an_unknown_choice() -> None:
    items = voice_items([("b", "Same"), ("a", "Same"), ("c", "Other")], "gone")
    assert items == [
        (DEFAULT_VOICE_LABEL, ""),
        ("gone", "gone"),
        ("Other", "c"),
        ("Same (a)", "a"),
        ("Same (b)", "b"),
    ]


def test_voices_that_arrive_after_the_dialog_opened_fill_the_box(qtbot: QtBot) -> None:
    speech = RecordingSpeech(voices=[])
    made = make_app(qtbot, speech, voice="de")
    d = made.open()
    assert [d.voice.itemText(i) for i in range(d.voice.count())] == [DEFAULT_VOICE_LABEL, "de"]
    speech._voices = list(VOICES)
    speech.ready.emit()
    assert d.voice.count() == 4 and d.voice.currentText() == "German"
    press(d, CANCEL)
    made.window.close()


def test_every_control_is_labelled_and_reached_by_tab(app: App, qtbot: QtBot) -> None:
    d = app.open()
    d.voice.setFocus()
    seen: list[QWidget] = []
    for _ in range(30):
        widget = d.focusWidget()
        assert widget is not None
        seen.append(widget)
        qtbot.keyClick(widget, K.Key_Tab)
    controls = [d.voice, d.rate, d.volume, d.test, d.muted, d.cautions, d.forget, d.pain_limit]
    radio = [b for b in d.setup_buttons.values() if b in seen]
    assert all(c in seen for c in controls) and radio  # arrows move within the radio group
    assert d.buttons.button(OK) in seen and d.buttons.button(CANCEL) in seen
    for control in (d.voice, d.rate, d.volume, d.pain_limit):
        label = next(w for w in d.findChildren(type(d.heard)) if w.buddy() is control)
        assert "&" in label.text()  # Alt+letter reaches it too
    press(d, CANCEL)


def test_tab_enters_the_setup_choice_at_the_chosen_one(app: App, qtbot: QtBot) -> None:
    # Orca said "Always, not selected radio button" at the first Tab into the group, with
    # "The first time only" chosen; only an arrow key found which one was.
    d = app.open()
    d.muted.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(d.muted, K.Key_Tab)
    assert d.focusWidget() is d.setup_buttons["first"]
    qtbot.keyClick(d.focusWidget(), K.Key_Tab)
    assert d.focusWidget() is d.cautions
    press(d, CANCEL)


def test_the_pain_limit_is_read_once_by_name_with_its_advice(app: App) -> None:
    # Orca said "Pain limit: Pain limit, out of 10 5 out of 10", and the advice under the
    # field (a physiotherapist's word before changing it) could only be seen.
    d = app.open()
    field = QAccessible.queryAccessibleInterface(d.pain_limit)
    assert field is not None
    assert field.text(QAccessible.Text.Name) == "Pain limit"
    assert "only on your physiotherapist's advice" in field.text(QAccessible.Text.Description)
    press(d, CANCEL)


# ------------------------------------------------------------------ OK and Cancel


def click_words(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on a check box's words, as a user clicks: its middle is past them where the
    dialog is wide (the form stretches the box), and a click there does nothing."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def change_everything(qtbot: QtBot, d: SettingsDialog) -> None:
    d.voice.setCurrentIndex(d.voice.findData("de"))
    qtbot.keyClick(d.rate, K.Key_Right)  # one step: +10 words a minute
    qtbot.keyClick(d.volume, K.Key_PageDown)  # one page: -20 %
    click_words(qtbot, d.muted)
    qtbot.mouseClick(d.setup_buttons["always"], Qt.MouseButton.LeftButton)
    click_words(qtbot, d.cautions)
    qtbot.keyClick(d.pain_limit, K.Key_Down)
    qtbot.keyClick(d.pain_limit, K.Key_Down)
    qtbot.mouseClick(d.forget, Qt.MouseButton.LeftButton)


def test_ok_saves_every_setting_and_applies_it_at_once(app: App, qtbot: QtBot) -> None:
    d = app.open()
    change_everything(qtbot, d)
    assert d.rate_value.text() == "190 words/min" and d.volume_value.text() == "50 %"
    assert "Forgotten when you press OK" in d.heard.text() and not d.forget.isEnabled()
    press(d, OK)
    expected = {
        "voice": "de",
        "rate": 190,
        "volume": 0.5,
        "muted": True,
        "setup_mode": "always",
        "speak_cautions": False,
        "pain_limit": 3,
        "setup_heard": [],
    }
    on_disk = saved_on_disk()
    assert {k: on_disk[k] for k in expected} == expected
    assert on_disk["first_run_done"] is True
    assert SettingsStore().settings == app.settings.settings
    assert app.speech.calls == [("voice", "de"), ("rate", 190), ("volume", 0.5)]
    assert app.speech.muted and app.beeper.muted
    assert app.window.settings_actions.dialog is None
    assert app.window.statusBar().currentMessage() == "Settings saved."


def test_cancel_leaves_everything_as_it_was(app: App, qtbot: QtBot) -> None:
    before = paths.settings_path().read_bytes()
    d = app.open()
    change_everything(qtbot, d)
    press(d, CANCEL)
    assert paths.settings_path().read_bytes() == before
    assert app.settings.settings.rate == 180 and app.settings.settings.setup_heard
    assert app.speech.calls == []
    assert not app.speech.muted and not app.beeper.muted


def test_test_voice_speaks_with_the_chosen_settings_and_cancel_puts_them_back(
    app: App, qtbot: QtBot
) -> None:
    d = app.open()
    d.voice.setCurrentIndex(d.voice.findData("de"))
    d.rate.setValue(120)
    d.volume.setValue(40)
    qtbot.mouseClick(d.test, Qt.MouseButton.LeftButton)
    assert app.speech.calls == [("voice", "de"), ("rate", 120), ("volume", 0.4), ("test", None)]
    app.speech.calls.clear()
    press(d, CANCEL)
    assert app.speech.calls == [("voice", "en-gb"), ("rate", 180), ("volume", 0.7)]
    assert app.settings.settings.voice == "en-gb"


def test_the_system_default_voice_is_saved_as_no_voice(app: App) -> None:
    d = app.open()
    d.voice.setCurrentIndex(0)
    press(d, OK)
    assert saved_on_disk()["voice"] == ""
    assert app.speech.calls[0] == ("voice", "")


# ------------------------------------------------------------------ sessions


def test_the_pain_limit_reaches_the_next_session(app: App, qtbot: QtBot) -> None:
    d = app.open()
    d.pain_limit.setValue(3)
    press(d, OK)
    app.start(qtbot)
    session = app.window.session
    assert session is not None and session.driver.engine.pain_limit == 3
    advance_until(app.window, app.clock, lambda: session.driver.engine.step.kind is StepKind.PAIN)
    qtbot.keyClick(app.window, K.Key_4)  # above 3: what now?
    assert app.window.nav.key_mode() is Mode.CHOICE
    app.window.close()


def test_a_pain_limit_set_outside_the_dialogs_range_is_kept_when_other_settings_are_saved(
    app: App,
) -> None:
    app.settings.update(pain_limit=2)  # 0-10 in settings.json; the dialog offers 3-8
    d = app.open()
    assert d.pain_limit.value() == 2
    d.rate.setValue(150)
    press(d, OK)
    assert saved_on_disk()["pain_limit"] == 2 and saved_on_disk()["rate"] == 150


def test_the_dialog_pauses_a_session_and_it_goes_on_after(app: App, qtbot: QtBot) -> None:
    app.start(qtbot)
    session = app.window.session
    assert session is not None
    d = app.open()
    assert session.driver.engine.paused and d.next_session.isVisibleTo(d)
    press(d, CANCEL)
    assert not session.driver.engine.paused
    qtbot.keyClick(app.window, K.Key_P)  # paused by the user: it stays paused
    app.open()
    dialog = app.window.settings_actions.dialog
    assert dialog is not None
    press(dialog, OK)
    assert session.driver.engine.paused
    app.window.close()


def test_the_m_key_and_the_settings_mute_stay_in_step(app: App, qtbot: QtBot) -> None:
    app.start(qtbot)
    session = app.window.session
    assert session is not None
    mute_button = session.page.controls.buttons[Action.MUTE]
    qtbot.keyClick(app.window, K.Key_M)
    assert mute_button.accessibleName() == "Unmute"
    assert SettingsStore().settings.muted  # muting in a session is saved
    d = app.open()
    assert d.muted.isChecked()
    click_words(qtbot, d.muted)
    press(d, OK)
    assert not SettingsStore().settings.muted
    assert not app.speech.muted and not app.beeper.muted
    assert mute_button.accessibleName() == "Mute"
    qtbot.keyClick(app.window, K.Key_M)
    assert mute_button.accessibleName() == "Unmute" and app.settings.settings.muted
    app.window.close()


def test_forgetting_mid_session_is_not_undone_when_the_session_ends(app: App, qtbot: QtBot) -> None:
    app.start(qtbot)
    session = app.window.session
    assert session is not None
    heard = session.cues.setup_heard
    assert heard == {"clam-hold"}
    d = app.open()
    qtbot.mouseClick(d.forget, Qt.MouseButton.LeftButton)
    press(d, OK)
    assert heard == set()
    session.driver.end()
    assert app.settings.settings.setup_heard == ()


# ------------------------------------------------------------------ no speech


def test_without_speech_the_reason_shows_and_the_voice_controls_are_off(
    app: App, qtbot: QtBot
) -> None:
    d = app.open()
    reason = "Speech is off: the espeak-ng speech engine was not found. Install it with: x"
    app.speech.fail(reason)
    assert d.unavailable.isVisibleTo(d) and reason in d.unavailable.text()
    for control in (d.voice, d.rate, d.volume, d.test):
        assert not control.isEnabled()
    assert d.muted.isEnabled() and d.pain_limit.isEnabled()
    press(d, CANCEL)
    again = app.open()  # opened after the failure: the same reason at once
    assert reason in again.unavailable.text() and not again.voice.isEnabled()
    press(again, CANCEL)


def test_a_silent_stand_in_counts_as_no_speech(qtbot: QtBot) -> None:
    for speech in (None, voice_service(SilentSpeaker())):
        dialog = SettingsDialog(Settings(), speech)
        qtbot.addWidget(dialog)
        assert NO_SPEECH in dialog.unavailable.text() and not dialog.test.isEnabled()
        assert [dialog.voice.itemText(i) for i in range(dialog.voice.count())] == [
            DEFAULT_VOICE_LABEL
        ]


# ------------------------------------------------------------------ looks


def test_nothing_is_squeezed_when_the_dialog_opens(app: App) -> None:
    d = app.open()
    for group in d.findChildren(QGroupBox):
        assert group.height() >= group.heightForWidth(group.width()), group.title()
    reason = "Speech is off: " + "a long reason that needs a second line to be read. " * 3
    app.speech.fail(reason)  # a reason arriving later makes room for itself
    for group in d.findChildren(QGroupBox):
        assert group.height() >= group.heightForWidth(group.width()), group.title()
    press(d, CANCEL)


def test_the_spin_box_arrows_the_style_sheet_names_exist() -> None:
    urls = re.findall(r"url\(([^)]+)\)", settings_style_sheet())
    # the spin box's two arrows, a tick, the lists' arrow and its greyed one (a disabled list)
    assert len(urls) == 5 and all(Path(url).is_file() for url in urls)


def test_a_session_after_turning_spoken_cautions_off_does_not_say_them(
    qtbot: QtBot,
) -> None:
    careful = hold("careful", 5, caution="Stop if the hip pinches.")
    store = SettingsStore()
    store.update(first_run_done=True)
    speech = RecordingSpeech()
    services = Services(beeper=FakeBeeper(), speech=speech, inhibitor=FakeInhibitor())
    clock = FakeClock()
    window = MainWindow(
        store,
        services,
        clock=clock,
        wall=FakeWall(clock),
        library=library_of(quick_routine(careful)),
    )
    qtbot.addWidget(window)
    window.show()
    app = App(window, clock, speech, FakeBeeper())
    d = app.open()
    click_words(qtbot, d.cautions)
    press(d, OK)
    assert saved_on_disk()["speak_cautions"] is False
    app.start(qtbot)
    assert not any(text.startswith("Caution") for text in speech.said)
    session = window.session
    assert session is not None
    assert "Caution: Stop if the hip pinches." in session.page.coaching.texts()[-1]  # still shown
    window.close()

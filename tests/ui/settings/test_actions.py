"""File > Settings without a main window: a host of the parts it uses, and signals for the rest."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.settings import SettingsStore
from hiptimer.core.voice.cues import CueWriter
from hiptimer.ui.language import LANGUAGE_NOTE
from hiptimer.ui.services.ports import Services
from hiptimer.ui.settings.actions import SAVED, SettingsActions
from tests.ui.settings.recording_speech import RecordingSpeech


@dataclass
class Host:
    services: Services
    settings: SettingsStore
    running: Any = None  # a RunningSession
    problems: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def session(self) -> Any:
        return self.running

    def show_problem(self, text: str) -> None:
        self.problems.append(text)

    def show_message(self, text: str, ms: int) -> None:
        self.messages.append(text)


@pytest.fixture
def made(qtbot: QtBot) -> Iterator[tuple[Host, SettingsActions, RecordingSpeech]]:
    store = SettingsStore()
    store.update(first_run_done=True, rate=180, setup_heard=("clam-hold",))
    speech = RecordingSpeech()
    host = Host(Services(speech=speech), store)
    window = QMainWindow()  # only the dialog's parent and the menu's owner
    qtbot.addWidget(window)
    actions = SettingsActions(host, window.menuBar().addMenu("&File"), window)
    yield host, actions, speech


def test_apply_saves_passes_the_voice_on_and_asks_for_the_mute(
    made: tuple[Host, SettingsActions, RecordingSpeech],
) -> None:
    host, actions, speech = made
    muted: list[bool] = []
    actions.mute_requested.connect(muted.append)
    actions.apply(dataclasses.replace(host.settings.settings, rate=150, muted=True))
    assert muted == [True]
    assert SettingsStore().settings.rate == 150 and SettingsStore().settings.muted
    assert ("rate", 150) in speech.calls
    assert host.messages == [SAVED] and host.problems == []


def test_forgetting_the_setups_clears_what_the_running_session_heard(
    made: tuple[Host, SettingsActions, RecordingSpeech],
) -> None:
    host, actions, _ = made
    cues = CueWriter(setup_heard=("clam-hold",))
    host.running = SimpleNamespace(cues=cues, driver=None)
    actions.apply(dataclasses.replace(host.settings.settings, setup_heard=()))
    assert cues.setup_heard == set()
    assert SettingsStore().settings.setup_heard == ()


def test_a_new_language_is_said_to_apply_at_the_next_start(
    made: tuple[Host, SettingsActions, RecordingSpeech],
) -> None:
    # user25: choosing Español said "Settings saved." and nothing changed on screen; only the
    # language box's tooltip said when it applies.
    host, actions, _ = made
    assert i18n.language() == "en"
    actions.apply(dataclasses.replace(host.settings.settings, language="es"))
    assert host.messages == [f"{SAVED} {LANGUAGE_NOTE}"]
    assert SettingsStore().settings.language == "es"
    # Back to the language on screen: nothing waits for the next start.
    actions.apply(dataclasses.replace(host.settings.settings, language="en"))
    assert host.messages[-1] == SAVED

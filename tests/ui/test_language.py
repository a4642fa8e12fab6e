"""The window's language: HipTimer's catalog, Qt's own (qtbase: dialog buttons) and its menu
shortcuts' key names, and QLocale's default."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui import language
from hiptimer.ui.key_words import shortcut_text
from hiptimer.ui.keys import SHORTCUTS
from hiptimer.ui.language import apply_language
from tests.ui.main_app import make_app

NATIVE = QKeySequence.SequenceFormat.NativeText

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


@pytest.mark.usefixtures("in_language")
@pytest.mark.parametrize(
    ("language", "quit_keys", "export_keys", "close_history_keys"),
    [
        ("en", "Ctrl+Q", "Ctrl+Shift+S", "Esc"),
        # Qt's Spanish catalog says "Control+Q", "Mayúsculas" and "Escape" in menus; the key
        # help, the buttons and the keyboards say "Ctrl", "Mayús" and "Esc".
        ("es", "Ctrl+Q", "Ctrl+Mayús+S", "Esc"),
    ],
)
def test_menus_name_shortcut_keys_as_the_key_help_does(
    qapp: QApplication, language: str, quit_keys: str, export_keys: str, close_history_keys: str
) -> None:
    assert apply_language(qapp, language) == language
    # What a menu prints beside an item is its shortcut's native text (QMenu::initStyleOption).
    assert QKeySequence("Ctrl+Q").toString(NATIVE) == quit_keys
    assert QKeySequence("Ctrl+Shift+S").toString(NATIVE) == export_keys
    assert QKeySequence("Esc").toString(NATIVE) == close_history_keys
    for shortcut in SHORTCUTS.values():
        for sequence in shortcut.sequences:
            assert QKeySequence(sequence).toString(NATIVE) == shortcut_text(sequence)


@pytest.mark.usefixtures("in_language")
def test_the_spanish_menus_show_the_key_helps_words_and_qt_keeps_its_other_words(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_language(qapp, "es")
    app = make_app(qtbot)
    shown = {
        action.text().replace("&", ""): action.shortcut().toString(NATIVE)
        for menu in app.window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.shortcut().isEmpty()
    }
    assert shown["Salir"] == "Ctrl+Q"
    assert "Control" not in "".join(shown.values())
    # Only the key names are ours: Qt's own buttons still come from its catalog.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    app.window.close()
    app.history.close()


def qt_cancel() -> str:
    # The context Qt's dialog buttons are translated in (QPlatformTheme's standard buttons).
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


@pytest.mark.usefixtures("in_language")
def test_spanish_loads_qts_own_catalog_and_english_takes_it_off(qapp: QApplication) -> None:
    assert apply_language(qapp, "es") == "es"
    assert i18n.language() == "es"
    assert qt_cancel() == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish

    assert apply_language(qapp, "en") == "en"
    assert qt_cancel() == "Cancel"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # English needs none of ours (Qt's English key names are the key help's); none piles up.
    assert not qapp.findChildren(QTranslator, "hiptimer-qt")


@pytest.mark.usefixtures("in_language")
def test_a_missing_qt_catalog_is_a_warning_naming_the_folder(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bundle that left qtbase_es.qm out (packaging/README.md) says so in the log file."""
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path))
    with caplog.at_level(logging.WARNING, logger=language.__name__):
        assert apply_language(qapp, "es") == "es"
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned == [f"no Qt catalog qtbase_es in {tmp_path}: Qt's own buttons stay in English"]
    assert qt_cancel() == "Cancel"

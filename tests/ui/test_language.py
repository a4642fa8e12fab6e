"""The window's language: HipTimer's catalog, Qt's own (qtbase) and QLocale's default."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication

from hiptimer import i18n
from hiptimer.ui import language


@pytest.fixture
def put_back(qapp: QApplication) -> Iterator[QApplication]:
    """English again after the test: the catalogs and QLocale's default are process-wide."""
    before = QLocale()
    yield qapp
    language.apply_language(qapp, "en")
    QLocale.setDefault(before)


def qt_cancel() -> str:
    # The context Qt's dialog buttons are translated in (QPlatformTheme's standard buttons).
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_spanish_loads_qts_own_catalog_and_english_takes_it_off(put_back: QApplication) -> None:
    assert language.apply_language(put_back, "es") == "es"
    assert i18n.language() == "es"
    assert qt_cancel() == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish

    assert language.apply_language(put_back, "en") == "en"
    assert qt_cancel() == "Cancel"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not put_back.findChildren(language.QTranslator, "hiptimer-qt")  # none piles up


def test_a_missing_qt_catalog_is_a_warning_naming_the_folder(
    put_back: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bundle that left qtbase_es.qm out (packaging/README.md) says so in the log file."""
    monkeypatch.setattr(language.QLibraryInfo, "path", lambda _which: str(tmp_path))
    with caplog.at_level(logging.WARNING, logger=language.__name__):
        assert language.apply_language(put_back, "es") == "es"
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned == [f"no Qt catalog qtbase_es in {tmp_path}: Qt's own buttons stay in English"]
    assert qt_cancel() == "Cancel"

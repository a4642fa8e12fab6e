"""The charts of an empty history: the Adherence tab's words without an error, and plain titles
on the Pain and dose tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import TAB_ADHERENCE, TAB_PAIN, HistoryWindow
from tests.history_data import HIPS


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "No sessions yet. Each set is saved here as soon as you finish it."),
        ("es", "Aún no hay sesiones. Cada serie se guarda aquí en cuanto la terminas."),
    ],
)
def test_the_adherence_tab_of_an_empty_history_says_so_without_an_error(
    qtbot: QtBot, tmp_path: Path, language: str, said: str
) -> None:
    """Seen at 1024 x 600 on a new data folder: the tab showed an empty chart and no words, and
    a ValueError (max() of no weeks' labels) on standard error, raised again at each resize.
    Then it read "0 sesiones en 0 semanas; todavía ninguna semana completa; elige una rutina
    ..." (Xvfb, 640 x 480, session 28): nothing yet, said plainly, as the Sessions tab says it."""
    i18n.use(language)  # English again after the test (tests/conftest.py)
    with open_history(tmp_path / "history.sqlite3") as store:
        window = HistoryWindow(store, [HIPS])
        qtbot.addWidget(window)
        window.resize(1024, 600)
        window.show()
        window.tabs.setCurrentIndex(TAB_ADHERENCE)
        for _ in range(3):
            QApplication.processEvents()
        window.resize(900, 560)  # the labels fitted again to the new width
        QApplication.processEvents()
        words = window.show_adherence().summary.text()
        assert words == said
        window.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize(
    ("language", "pain", "dose"),
    [
        ("en", "No pain ratings in this period", "No dose recorded in this period"),
        ("es", "No hay valoraciones de dolor en este periodo",
         "No hay dosis registrada en este periodo"),
    ],
)  # fmt: skip
def test_the_pain_and_dose_charts_of_an_empty_history_say_so_plainly(
    qtbot: QtBot, tmp_path: Path, language: str, pain: str, dose: str
) -> None:
    """They read 'no exercise: no pain ratings in this period' and 'ningún ejercicio: sin
    dosis registrada', a placeholder where an exercise's name goes, lower case, as a title."""
    i18n.use(language)
    with open_history(tmp_path / "history.sqlite3") as store:
        window = HistoryWindow(store, [HIPS])
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentIndex(TAB_PAIN)
        QApplication.processEvents()
        pane = window.show_pain()
        assert (pane.pain_chart.heading.text(), pane.dose_chart.heading.text()) == (pain, dose)
        window.close()

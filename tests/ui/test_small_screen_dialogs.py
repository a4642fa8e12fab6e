"""The dialogs on an 800 x 600 screen in Spanish large print: the weekly plan's quiet hours,
the question before quitting with history unsaved, History's corrections, About's folders and
the offer to keep a session's doses, whole and uncut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.about import AboutDialog
from hiptimer.ui.history.corrections import MorningDialog, PainDialog
from hiptimer.ui.services.status_banner import ask_to_quit
from hiptimer.ui.widgets.screen_fit import install_screen_fit
from tests.ui.small_dialogs import shown_keep_doses, shown_plan
from tests.ui.small_screen import cut_or_squeezed, on_screen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SCREEN = QRect(0, 0, 800, 600)


@pytest.fixture(autouse=True)
def small_spanish(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    on_screen(monkeypatch, request, qapp, SCREEN)
    fit = install_screen_fit(qapp)  # as the app: message boxes widened, windows kept inside
    yield
    qapp.removeEventFilter(fit)


def test_the_weekly_plan_s_quiet_hours_are_whole(qtbot: QtBot) -> None:
    # "Horas de silencio: ninguna pausa activa desde las" kept with its time field needed
    # 735 px: the field was cut to 91 of its 130 px, the groups' right edge cut under the bar.
    dialog = shown_plan(qtbot)
    assert cut_or_squeezed(dialog, SCREEN) == []
    field = dialog.desk.quiet_from
    assert field.width() >= field.minimumSizeHint().width()


def test_the_question_before_quitting_unsaved_shows_its_buttons_words(qtbot: QtBot) -> None:
    # Side by side, "Salir de todos modos" (348 px) and "Dejar HipTimer abierto" (376 px)
    # got 334 and 332, cut at both ends, and the box was past the screen's edge.
    found: list[list[str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        found.append(cut_or_squeezed(box, SCREEN))
        box.reject()

    QTimer.singleShot(0, look)
    status = HistoryStatus(HistoryState.NOT_SAVING, Path("/tmp/history.sqlite3"), "disk full", 3)
    assert not ask_to_quit(None, status)  # type: ignore[arg-type]
    assert found == [[]]


@pytest.mark.parametrize("kind", ["pain", "morning"])
def test_a_correction_opens_whole_with_its_example(qtbot: QtBot, kind: str) -> None:
    # Opened at Qt's first size: the set's name cut at the top, the note's last line lost,
    # the morning's rows over each other, the example cut ("opcional, p. ej. l...").
    name = "Rotación lateral del tronco (caída de rodillas), serie 2 de 3 (izquierda)"
    dialog = PainDialog(name, 7) if kind == "pain" else MorningDialog(name, 3, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_or_squeezed(dialog, SCREEN) == []
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    reason = dialog.reason
    example = reason.fontMetrics().horizontalAdvance(reason.placeholderText())
    assert reason.width() > example


def test_a_file_dialog_opened_from_the_editor_shows_its_file_names(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The editor's style sheet gave every widget the dark look's white ink, and the views kept
    # their white base: the folders and files were white on white.
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    from hiptimer.ui.editor.window import EditorWindow
    from hiptimer.ui.widgets.file_dialog import file_dialog
    from tests.ui.contrast import contrast

    catalog = load_catalog()
    editor = EditorWindow(catalog.find("daily-hip-stretches"), catalog)
    qtbot.addWidget(editor)
    dialog = file_dialog(editor, "Importar", str(tmp_path), "*.json", saving=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    views = [  # (a header's sections have their own colours: the app's style sheet)
        v
        for v in dialog.findChildren(QAbstractItemView)
        if v.isVisible() and not isinstance(v, QHeaderView)
    ]
    assert views
    for view in views:
        palette = view.viewport().palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        assert contrast(text, base) >= 4.5, (view.objectName(), text, base)
    dialog.reject()


def test_about_shows_the_data_folder_and_the_log_whole(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # In one-line fields the log's path was cut at its field's end ("…/hiptimer-home/
    # hiptimer.lo"): the bug report's file, named but unreadable. Each path wraps instead.
    home = tmp_path / "home" / "maria-fernanda" / ".local" / "share" / "HipTimer"
    monkeypatch.setenv("HIPTIMER_HOME", str(home))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_or_squeezed(dialog, SCREEN) == []
    for field, path in ((dialog.folder, home), (dialog.log, home / "hiptimer.log")):
        assert field.toPlainText() == str(path)  # selected and copied as written
        assert field.horizontalScrollBar().maximum() == 0
        assert field.document().size().height() <= field.viewport().height()  # every line
        assert field.isReadOnly()


def test_the_offer_to_keep_the_doses_reads_its_first_line_whole(qtbot: QtBot) -> None:
    # "Has cambiado estas dosis durante la sesió": the heading, one line, ran past the edge.
    dialog = shown_keep_doses(qtbot)
    assert cut_or_squeezed(dialog, SCREEN) == []
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap():
            shown = label.contentsRect().width()
            assert label.fontMetrics().horizontalAdvance(label.text()) <= shown, label.text()

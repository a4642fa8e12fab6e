"""The dialogs on a 640 x 480 screen (an old netbook, a VNC window, a tiled desktop) in large
print, Spanish and English: their rows wrap or stack to the width, what is too tall scrolls
inside them, their buttons always in view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.settings import Settings
from hiptimer.ui.services.status_banner import ask_to_quit
from hiptimer.ui.settings.dialog import SettingsDialog
from hiptimer.ui.widgets.message_fit import scrolled_words
from hiptimer.ui.widgets.screen_fit import install_screen_fit
from tests.ui.small_dialogs import shown_keep_doses, shown_plan
from tests.ui.small_screen import cut_or_squeezed, on_screen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SCREEN = QRect(0, 0, 640, 480)


LOOKS = [("es", 150), ("en", 150)]  # Spanish's longer words; English's longer group titles


@pytest.fixture(autouse=True, params=LOOKS, ids=[f"{lang}-{size}" for lang, size in LOOKS])
def small_screen(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    language, text_size = request.param
    on_screen(monkeypatch, request, qapp, SCREEN, language, text_size)
    fit = install_screen_fit(qapp)  # as the app: message boxes fitted, windows kept inside
    yield
    qapp.removeEventFilter(fit)


def test_settings_fit_the_width_their_options_wrapping(qtbot: QtBot) -> None:
    # 664 px wide at its narrowest in Spanish (the three setup choices side by side, "Decir
    # cada precaución una vez por sesión" on one line), 667 in English (the setup group's
    # title): cut at the right of the 628 px a 640 px screen leaves a window.
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_or_squeezed(dialog, SCREEN) == []
    cautions = dialog.cautions
    assert cautions.height() >= cautions.heightForWidth(cautions.width())  # every line
    shown = cautions.fontMetrics()
    assert all(
        shown.horizontalAdvance(line) < cautions.width() for line in cautions.text().split("\n")
    )
    assert cautions.accessibleName() == cautions.words().replace("&", "")  # one line for a reader
    cautions.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    top = cautions.mapTo(dialog.scroller.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + cautions.height() <= dialog.scroller.viewport().height()


def test_the_weekly_plan_puts_each_title_over_its_days(qtbot: QtBot) -> None:
    # Beside its days and time, a routine's title cut to twelve letters, the plan still needed
    # 662 px; "Abrir HipTimer al iniciar sesión (en la bandeja)" 648, and the quiet hours'
    # words 651 on one line: the groups were cut at the right.
    dialog = shown_plan(qtbot)
    assert cut_or_squeezed(dialog, SCREEN) == []
    for row in dialog.rows.values():
        assert row.planned.text() == row.title  # whole, on a line of its own
        assert row.planned.geometry().bottom() < row.days[0].geometry().top()
    for box in (dialog.keep_in_tray, dialog.start_at_login):
        assert box.height() >= box.heightForWidth(box.width())


def test_the_question_before_quitting_unsaved_scrolls_its_words_above_its_buttons(
    qtbot: QtBot,
) -> None:
    # 644 x 564 on a 640 x 480 screen: "Dejar HipTimer abierto", the safe answer, was under
    # the screen's edge, and Qt sized the box again past it after any fitting at its show.
    found: list[object] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        found.append(cut_or_squeezed(box, SCREEN))
        words = scrolled_words(box)
        assert words is not None
        body = words.widget()
        assert body is not None
        labels = [w for w in body.findChildren(QLabel) if w.isVisible()]
        assert len(labels) == 2  # the text and the informative text, in the area
        for label in labels:  # every line there, to scroll to; none cut at the right
            assert label.height() >= label.heightForWidth(label.width())
            assert label.geometry().right() < words.viewport().width()
        bar = words.verticalScrollBar()
        assert bar.maximum() > 0 and bar.value() == 0
        qtbot.keyClick(box, Qt.Key.Key_PageDown)  # from the buttons, by keys
        found.append(bar.value() > 0)
        box.reject()

    QTimer.singleShot(0, look)
    status = HistoryStatus(HistoryState.NOT_SAVING, Path("/tmp/history.sqlite3"), "disk full", 3)
    assert not ask_to_quit(None, status)  # type: ignore[arg-type]
    assert found == [[], True]


def test_the_offer_to_keep_the_doses_stacks_its_buttons_and_scrolls_its_note(
    qtbot: QtBot,
) -> None:
    # "Guardar para la próxima vez" (472 px) side by side with "Ahora no" was cut to 344, and
    # the note's four lines under the list left the list one line, cut mid-name.
    dialog = shown_keep_doses(qtbot)
    assert cut_or_squeezed(dialog, SCREEN) == []
    lines = dialog.changes.fontMetrics().lineSpacing()
    assert dialog.scroller.viewport().height() >= 3 * lines

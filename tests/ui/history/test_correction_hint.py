"""The *Why* field of a correction shows its whole example: in Spanish it read
"opcional, p. ej. esc…" (the field's width was Qt's default, 17 x's)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.history.corrections import MorningDialog, PainDialog


def text_room(field: QLineEdit) -> int:
    """The width its text has: the field's less what Qt's size hint adds to its 17 x's."""
    x = field.fontMetrics().horizontalAdvance("x")
    return field.width() - (QLineEdit.sizeHint(field).width() - 17 * x)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_reason_shows_its_whole_example(qtbot: QtBot, language: str) -> None:
    i18n.use(language)
    for dialog in (PainDialog("Wall sit, set 2", 6), MorningDialog("Mon 7 Dec", None, 3)):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        hint = dialog.reason.placeholderText()
        assert dialog.reason.fontMetrics().horizontalAdvance(hint) <= text_room(dialog.reason)

"""What the editor tests share: prompts answered as told, fields typed into, files dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.fields import LineField
from hiptimer.ui.editor.window import EditorWindow

BUILTIN_ID = "daily-hip-stretches"
Answer = QMessageBox.StandardButton


class Prompts:
    """Stands in for QMessageBox: records every question and message, answers as told."""

    def __init__(self) -> None:
        self.answer = Answer.Discard
        self.questions: list[str] = []
        self.messages: list[str] = []

    def question(self, _parent: QWidget | None, title: str, text: str, *args: Any) -> Any:
        self.questions.append(f"{title}: {text}")
        return self.answer

    def exec(self, box: QMessageBox) -> int:
        self.messages.append(f"{box.text()}\n{box.informativeText()}")
        return 0


def stand_in_prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    """Prompts in QMessageBox's place for a test's questions and warnings."""
    fake = Prompts()
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: fake.messages.append(str(a[2])))
    return fake


def line(editor: EditorWindow, key: str) -> LineField:
    field = editor.exercise_form.fields.get(key) or editor.routine_form.fields[key]
    assert isinstance(field, LineField)
    return field


def type_into(qtbot: QtBot, field: LineField, text: str) -> None:
    """Select what the field holds and type over it, as a user would."""
    field.edit.setFocus()
    field.edit.selectAll()
    if text:
        qtbot.keyClicks(field.edit, text)
    else:
        qtbot.keyClick(field.edit, Qt.Key.Key_Delete)


def drop_event(paths_: list[Path], kind: type = QDropEvent) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths_])
    rest = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        event = kind(QPointF(20, 20), *rest)
    except TypeError:  # PySide6 before 6.12 builds a QDragEnterEvent from a QPoint only
        event = kind(QPoint(20, 20), *rest)
    event._mime = mime  # type: ignore[attr-defined]  # keep the data alive with the event
    return event

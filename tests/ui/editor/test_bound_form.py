"""The editor's form measures its rows once per change of its layout, and again after one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.bound_form import BoundForm
from hiptimer.ui.editor.fields import LineField


def form_of(qtbot: QtBot) -> BoundForm:
    form = BoundForm()
    qtbot.addWidget(form)
    form.add("Name:", LineField("name", form))
    form.add("Hold seconds:", LineField("hold", form, number=True))
    return form


def test_the_rows_are_measured_once_until_the_layout_changes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = form_of(qtbot)
    measured: list[tuple[int, int]] = []
    measure = form._measure

    def counted() -> tuple[int, int]:
        measured.append(measure())
        return measured[-1]

    monkeypatch.setattr(form, "_measure", counted)
    first = form.minimumSizeHint()
    for _ in range(5):  # as Qt asks at each layout pass
        assert form.minimumSizeHint() == first
    assert len(measured) == 1


def test_a_longer_label_or_a_hidden_row_is_measured_anew(qtbot: QtBot) -> None:
    form = form_of(qtbot)
    narrow = form.minimumSizeHint().width()
    label = form.form.labelForField(form.fields["name"].row)
    assert isinstance(label, QLabel)
    label.setText("A name much longer than any the editor shows beside its field:")
    wide = form.minimumSizeHint().width()
    assert wide > narrow
    form.set_row_visible("name", False)
    assert form.minimumSizeHint().width() < wide

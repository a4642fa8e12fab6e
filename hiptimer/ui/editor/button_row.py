"""The editor's row of buttons under the form: reset, import, export, close and save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from hiptimer.i18n import _
from hiptimer.ui.key_words import shortcut_text
from hiptimer.ui.keys import SHORTCUTS


@dataclass(frozen=True)
class EditorButtons:
    reset: QPushButton
    import_: QPushButton
    export: QPushButton
    close: QPushButton
    save: QPushButton
    layout: QHBoxLayout


def button_row(
    *,
    reset: Callable[[], Any],
    import_: Callable[[], Any],
    export: Callable[[], Any],
    close: Callable[[], Any],
    save: Callable[[], Any],
) -> EditorButtons:
    """The buttons, each told what it does (a screen reader says it), in a row.

    Made without a parent: the window's layout adopts them after the form, so that Tab
    reaches them last, in reading order.
    """
    made = {}
    keys = {name: shortcut_text(SHORTCUTS[name].sequences[0]) for name in ("close", "save")}
    for name, text, tip, slot in (
        ("reset", _("Reset to original\u2026"), _("Go back to the routine as it was shipped"),
         reset),
        ("import_", _("Import\u2026"), _("Import routine files"), import_),
        ("export", _("Export\u2026"), _("Save this routine as a file, to share or keep"), export),
        ("close", _("Close"), _("Close the editor; it asks first if changes are not saved "
         "(key: {key})").format(key=keys["close"]), close),
        ("save", _("Save"), _("Save the routine (key: {key})").format(key=keys["save"]), save),
    ):  # fmt: skip
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False, s=slot: s())
        made[name] = button
    made["save"].setProperty("role", "primary")
    row = QHBoxLayout()
    for name in ("reset", "import_", "export"):
        row.addWidget(made[name])
    row.addStretch(1)
    row.addWidget(made["close"])
    row.addWidget(made["save"])
    return EditorButtons(layout=row, **made)

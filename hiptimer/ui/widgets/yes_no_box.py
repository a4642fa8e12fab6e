"""A yes-or-no question whose safe answer is No: Enter, Esc and closing the box all give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # QMessageBox is imported when a question is asked: not for the first paint
    from PySide6.QtWidgets import QMessageBox


def asked_yes(box: QMessageBox, yes: str, no: str) -> bool:
    """Ask `box` with two buttons, `yes` and `no` (their words); True only when `yes` is
    pressed, as the questions before ending a session or quitting keep things as they are."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.No)
    box.button(buttons.Yes).setText(yes)
    box.button(buttons.No).setText(no)
    box.setDefaultButton(buttons.No)
    box.setEscapeButton(buttons.No)
    return box.exec() == buttons.Yes

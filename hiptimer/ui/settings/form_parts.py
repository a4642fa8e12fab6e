"""Small parts the settings' groups are built from: a labelled slider, a row, a buddy label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSlider, QWidget


def role(widget: QWidget, role: str) -> None:
    """Give a widget a role for the style sheet, and restyle it if it was styled already."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    return label


def slider(
    parent: QWidget, bounds: tuple[int, int], step: int, name: str, description: str, widest: str
) -> tuple[QSlider, QLabel]:
    """A slider named for screen readers, and the label beside it that shows its value, as
    wide as `widest` of its values: the slider does not move as the value changes."""
    bar = QSlider(Qt.Orientation.Horizontal, parent)
    bar.setRange(*bounds)
    bar.setSingleStep(step)
    bar.setPageStep(step * 4)
    bar.setAccessibleName(name)
    bar.setAccessibleDescription(description)
    bar.setMinimumWidth(180)
    value = QLabel("", parent)
    # Its words' width, not a fixed 130 px: "160 palabras/min" in large print needs 200 px,
    # and the label was cut to "160 palabras/" where the dialog was narrow.
    value.ensurePolished()
    value.setMinimumWidth(value.fontMetrics().horizontalAdvance(widest))
    return bar, value


def side_by_side(first: QWidget, second: QWidget | None) -> QWidget:
    """Widgets side by side in a row that keeps them at their natural width."""
    box = QWidget(first.parentWidget())
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    first.setParent(box)
    layout.addWidget(first, 1 if isinstance(first, QSlider) else 0)
    if second is not None:
        second.setParent(box)
        layout.addWidget(second)
    layout.addStretch(0 if isinstance(first, QSlider) else 1)
    return box


def tab_to_checked(group: QButtonGroup) -> None:
    """Tab enters a group of radio buttons at the chosen one (the arrows move in it).

    Why: Qt leaves Tab to one button of a group only once one of them has had the focus
    (QAbstractButtonPrivate::fixFocusPolicy,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qabstractbutton.cpp);
    before that Tab stopped at the first, and Orca said "Always, not selected" though
    "The first time only" was chosen.
    """
    for button in group.buttons():
        button.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if button.isChecked() else Qt.FocusPolicy.ClickFocus
        )

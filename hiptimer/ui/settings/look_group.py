"""The settings' Look group: the theme (light, dark, high contrast or as the system) and text size."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from hiptimer.core.settings import TEXT_SIZES, THEMES, Settings
from hiptimer.i18n import _, translate
from hiptimer.ui.palette import THEME_LABELS
from hiptimer.ui.theme import TEXT_SIZE_LABELS
from hiptimer.ui.widgets.names_box import NamesBox
from hiptimer.ui.widgets.plain import fit_names


class LookGroup(QGroupBox):
    """Two choices that apply as soon as the dialog's OK is pressed, to every window.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Look"), parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # as the voice's group
        self.theme = NamesBox(self)
        for value in THEMES:
            self.theme.addItem(translate(THEME_LABELS[value]), value)
        # As wide as its longest choice where the screen has room, cut in the middle where it
        # is narrow: always that wide, Spanish large print made the dialog wider than 960 x 540.
        fit_names(self.theme, 16)
        self.theme.setAccessibleName(_("Theme"))
        self.theme.setAccessibleDescription(
            _("The colours of every window; as the system follows the desktop's light or dark")
        )
        self.text_size = QComboBox(self)
        for size in TEXT_SIZES:
            self.text_size.addItem(translate(TEXT_SIZE_LABELS[size]), size)
        self.text_size.setAccessibleName(_("Text size"))
        self.text_size.setAccessibleDescription(
            _("Large print for the workout screen, the dialogs and every other window")
        )
        form.addRow(_buddy(_("T&heme:"), self.theme), self.theme)
        form.addRow(_buddy(_("Te&xt size:"), self.text_size), self.text_size)

    def show_settings(self, s: Settings) -> None:
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(s.text_size)))

    def chosen(self) -> dict[str, Any]:
        """The fields of Settings this group sets."""
        return {
            "theme": str(self.theme.currentData() or THEMES[0]),
            "text_size": int(self.text_size.currentData() or TEXT_SIZES[0]),
        }


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text, field.parentWidget())
    label.setBuddy(field)
    return label

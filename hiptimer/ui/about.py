"""Help > About HipTimer and Help > Open the data folder: the version, and where the data and log are.

A bug report needs the version and the log, and an export or a routine file is easier to find
with the folder open. The paths are shown whole in read-only fields, to select and copy: a long
one takes more lines rather than run past its field's end.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiptimer import APP_TITLE, __version__, paths
from hiptimer.i18n import N_, _, translate
from hiptimer.log_file import log_path
from hiptimer.ui.widgets.path_field import PathField
from hiptimer.ui.widgets.screen_fit import fit_window

ABOUT = N_(
    "A guided timer for home hip exercise programs. It does not replace the advice of your "
    "physiotherapist or doctor."
)


class AboutDialog(QDialog):
    """The version, what HipTimer is for, its data folder and log, and its licence.

    Signals: none; its Open the data folder button opens the folder in the file manager.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {app}").format(app=APP_TITLE))
        folder = paths.data_dir()
        layout = QVBoxLayout(self)
        self.heading = QLabel(f"{APP_TITLE} {__version__}", self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        about = QLabel(translate(ABOUT), self)
        about.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(about)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each path full width
        self.folder = PathField(folder, _("Data folder"), self)
        self.log = PathField(log_path(folder), _("Log file"), self)
        form.addRow(_("Your data:"), self.folder)
        form.addRow(_("The log, for a bug report:"), self.log)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Free software under the MIT License."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(
            _("&Open the data folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(lambda: open_data_folder(self))
        self.open_button.setAutoDefault(False)  # Enter closes the box
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        wide = QSize(self.fontMetrics().horizontalAdvance("M") * 36, 0)  # room for a path
        fit_window(self, self.sizeHint().expandedTo(wide), self.minimumSizeHint())


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()


def open_data_folder(parent: QWidget) -> bool:
    """Open the data folder in the desktop's file manager; where none opens it, show where it
    is instead. Returns whether one did."""
    folder = paths.data_dir()
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Open the data folder"))
    layout = QVBoxLayout(dialog)
    said = QLabel(_("No file manager could open the data folder. It is here:"), dialog)
    said.setWordWrap(True)
    layout.addWidget(said)
    layout.addWidget(PathField(folder, _("Data folder"), dialog))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()
    return False

"""Help > About HipTimer and Help > Open the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import __version__, paths
from hiptimer.ui import about
from hiptimer.ui.widgets.path_field import PathField

# The offscreen platform says so whenever a dialog sizes itself.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_about_names_the_version_the_data_folder_and_the_log(qtbot: QtBot) -> None:
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About HipTimer"
    assert dialog.heading.text() == f"HipTimer {__version__}"
    assert dialog.folder.text() == str(paths.data_dir())
    assert dialog.log.text() == str(paths.data_dir() / "hiptimer.log")
    assert dialog.folder.isReadOnly() and dialog.log.isReadOnly()  # to select and copy


def test_a_reader_names_the_path_fields_by_what_they_are_and_says_each_path_once(
    qtbot: QtBot,
) -> None:
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    said = []
    for field in (dialog.folder, dialog.log):
        iface = QAccessible.queryAccessibleInterface(field)
        assert iface is not None
        said.append((iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Value)))
    # The name was the path, said again as the field's text.
    assert said == [
        ("Data folder", str(paths.data_dir())),
        ("Log file", str(paths.data_dir() / "hiptimer.log")),
    ]


def test_the_data_folder_opens_in_the_file_manager(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(about.QDesktopServices, "openUrl", open_url)
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.data_dir()]


def test_where_no_file_manager_opens_it_the_folder_s_path_is_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: False)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def look(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            if tries < 200:
                QTimer.singleShot(10, lambda: look(tries + 1))
            return
        seen.append(dialog.windowTitle())
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        seen.extend(field.text() for field in dialog.findChildren(PathField))
        seen.extend(field.accessibleName() for field in dialog.findChildren(PathField))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert about.open_data_folder(parent) is False
    assert seen == [
        "Open the data folder",
        "No file manager could open the data folder. It is here:",
        str(paths.data_dir()),
        "Data folder",
    ]

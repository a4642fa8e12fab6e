"""The application's name, icon, style and fonts, set once before its first window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

WINDOW_ICON_PX = (16, 24, 32, 48, 64)


def setup_application(app: object, *, styled: bool = False, icon: bool = True) -> None:
    """Name, icon, style and fonts of the application. `styled`: the application was made
    with the Fusion style already (run_app); `icon` False: set_window_icon() comes later
    (run_app: after the first paint)."""
    from PySide6.QtWidgets import QApplication

    from hiptimer import APP_ID
    from hiptimer.ui.theme import app_font, app_style_sheet

    assert isinstance(app, QApplication)
    app.setApplicationName("HipTimer")
    app.setOrganizationName("HipTimer")
    app.setDesktopFileName(APP_ID)  # packaging/linux: the icon on Wayland
    if icon:
        set_window_icon(app)
    if not styled:
        app.setStyle("Fusion")  # the same look everywhere, so the style sheet reads the same
    app.setFont(app_font())
    app.setStyleSheet(app_style_sheet())


def set_window_icon(app: object) -> None:
    """The icon of every window of the application, those already shown included.

    run_app sets it after the first paint: QIcon's class (its 151 theme icons as a Python
    enum) and the PNGs cost ~14 M instructions before it (docs/performance.md, session 20),
    for an icon the title bar shows a moment later.
    """
    from PySide6.QtWidgets import QApplication

    from hiptimer import paths

    assert isinstance(app, QApplication)
    app.setWindowIcon(window_icon(paths.icons_dir() / "hicolor"))


def window_icon(hicolor: Path) -> QIcon:
    """The windows' icon from the packaged PNGs (resources/icons/hicolor), small sizes only.

    On X11 every size of a window's icon is rendered when the window is made, before it is
    mapped: from the SVG that meant loading Qt's SVG plugin and drawing it at four sizes,
    ~3 ms before the first window (docs/performance.md). A taskbar wanting larger gets the
    desktop entry's icon (setDesktopFileName).
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from hiptimer import APP_ID

    icon = QIcon()
    for px in WINDOW_ICON_PX:
        png = hicolor / f"{px}x{px}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(px, px))
    return icon

"""A test's look (theme, text size, app style sheet and font), put back at the next test's start.

Put back as the test ended, the test's windows were still open (tests/conftest.py deletes them
after every fixture's end), and setting the style sheet re-polished all of them: up to 0.4 s of
CPU each time with an editor open. At the next test's start no window is left to re-polish.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from hiptimer.ui import theme
from hiptimer.ui.palette import DARK

_before: tuple[str, QFont] | None = None  # the look before the first change since put back
_set = False  # whether the running test set the look


def test_starts() -> None:
    """A test starts (tests/conftest.py): it has set no look yet."""
    global _set
    _set = False


def set_by_this_test() -> bool:
    """Whether the running test set the look (apply_look)."""
    return _set


def apply_look(app: QApplication, name: str, text_size: int) -> None:
    """The look as File > Settings sets it: theme `name` at `text_size` per cent."""
    global _set
    _set = True
    keep_look(app)
    theme.apply(app, name, text_size)


def keep_look(app: QApplication) -> None:
    """Remember the look as it is, for put_back(): a test is about to change it."""
    global _before
    if _before is None:
        _before = (app.styleSheet(), app.font())


def put_back() -> None:
    """The look remembered by keep_look(), again (tests/conftest.py, as each test starts)."""
    global _before
    app = QApplication.instance()
    if _before is None or not isinstance(app, QApplication):
        return
    (sheet, font), _before = _before, None
    theme.use(DARK, 100)
    app.setStyleSheet(sheet)
    app.setFont(font)

"""README's key table, the rows outside a session, typed into the real window (pytest-qt, a
fake clock): choosing a routine, the summary, Anywhere and the menu shortcuts, each row's keys
read from the README and pressed where its heading says, must do what its row says; the other
rows name the test that presses them. The rows of a session are test_readme_keys.py's; one
start of the real app under Xvfb types every row (tests/e2e/test_readme_keys.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.i18n import translate
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.key_help import KeysWindow
from hiptimer.ui.keys import SHORTCUTS, Mode
from hiptimer.ui.settings.dialog import SettingsDialog
from hiptimer.ui.widgets import file_dialog
from tests.docs.readme_key_table import bindings_of, key_cases, readme_rows
from tests.harness import hold, quick_routine
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]
K = Qt.Key
CHOOSING, SUMMARY = "Choosing a routine", "The summary after a session"
ANYWHERE, MENUS = "Anywhere", "Menu shortcuts"
FIRST = replace(quick_routine(hold("hug", 3, name="Knee hug")), id="first", title="First")
SECOND = replace(quick_routine(hold("bridge", 3, name="Bridge")), id="second", title="Second")
# Rows of the other headings outside a session, and the pytest-qt test that presses them.
ELSEWHERE = {
    "Morning check-in and dose suggestions": "tests/ui/guidance/test_checkin_page.py",
    "An interrupted session": "tests/ui/session/test_resume_page.py",
    "In the routine editor": "tests/ui/editor/test_window.py",
    "In the history window": "tests/ui/history/test_window.py",
}
IN_A_SESSION = {
    "During a session", "Self-paced reps, and a chair stand of the monthly check",
    "Rating pain after a set", "After a rating above your limit", "A re-test's measured result",
}  # fmt: skip


@dataclass
class Around:
    """The window, what it asked (the questions' first words, answered No) and what the
    file dialogs were asked for."""

    app: App
    qtbot: QtBot
    asked: list[str]

    def key(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.app.window, key, modifiers)

    @property
    def mode(self) -> Mode:
        return self.app.window.nav.key_mode()

    def chosen(self) -> str:
        item = self.app.window.library.selected
        return item.id if item is not None else ""

    def shown(self, kind: type[QWidget]) -> bool:
        return any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.fixture
def around(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Around]:
    app = make_app(qtbot, FIRST, SECOND)
    asked: list[str] = []

    def no(box: QDialog) -> int:
        asked.append(box.text() if isinstance(box, QMessageBox) else type(box).__name__)
        return int(QMessageBox.StandardButton.No.value if isinstance(box, QMessageBox) else 0)

    monkeypatch.setattr(QMessageBox, "exec", no)
    monkeypatch.setattr(QDialog, "exec", no)

    def files(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        asked.append("get_open_file_names")
        return [], ""

    def file(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append("get_save_file_name")
        return "", ""

    monkeypatch.setattr(file_dialog, "get_open_file_names", files)
    monkeypatch.setattr(file_dialog, "get_save_file_name", file)
    yield Around(app, qtbot, asked)
    for w in QApplication.topLevelWidgets():
        if w is not app.window and w.isVisible():
            w.close()
    app.window.close()
    app.history.close()


# ---------------------------------------------------------------- each row's check


def goes_up(a: Around, key: Qt.Key) -> None:
    a.app.window.library.select(SECOND.id)
    a.key(key)
    assert a.chosen() == FIRST.id


def goes_down(a: Around, key: Qt.Key) -> None:
    a.app.window.library.select(FIRST.id)
    a.key(key)
    assert a.chosen() == SECOND.id


def starts(a: Around, key: Qt.Key) -> None:
    a.app.window.library.select(SECOND.id)
    a.key(key)
    assert a.app.window.session is not None and a.app.engine.routine.id == SECOND.id


def to_summary(a: Around) -> None:
    """A session with its hold made 5 s longer (+), rated, ended: the summary."""
    a.key(K.Key_Return)
    a.app.until(StepKind.WORK)
    a.key(K.Key_Plus)
    a.app.until(StepKind.PAIN)
    a.key(K.Key_2)
    assert a.app.window.session is None and a.mode is Mode.SUMMARY


def back_to_library(a: Around, key: Qt.Key) -> None:
    to_summary(a)
    a.key(key)
    assert a.mode is Mode.LIBRARY


def keeps_doses(a: Around, key: Qt.Key) -> None:
    to_summary(a)
    a.key(key)
    assert a.asked == ["KeepDosesDialog"]  # asked first, and not kept: answered No


def reviews(a: Around, key: Qt.Key) -> None:
    to_summary(a)  # its changed dose neither kept nor declined
    a.key(K.Key_Escape)
    a.app.window.library.select(FIRST.id)
    a.key(key)
    assert a.asked == ["KeepDosesDialog"]


def clears_search(a: Around, key: Qt.Key) -> None:
    """Ctrl+F, a search that hides the first routine, then the key where the keys are."""
    page = a.app.window.library
    a.key(K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.box is not None
    field = page.search.box.field
    a.qtbot.keyClicks(field, SECOND.title)
    assert [page.list.isRowHidden(r) for r in range(page.list.count())] == [True, False]
    a.qtbot.keyClick(a.app.window.focusWidget(), key)
    assert field.text() == "" and not any(page.list.isRowHidden(r) for r in range(2))
    assert a.app.window.focusWidget() is page.list


def full_screen(a: Around, key: Qt.Key) -> None:
    a.key(key)
    assert a.app.window.isFullScreen()
    a.key(key)
    assert not a.app.window.isFullScreen()


Check = Callable[[Around, Qt.Key], None]
ROWS: dict[tuple[str, str], Check] = {
    (CHOOSING, "Up arrow"): goes_up,
    (CHOOSING, "Down arrow"): goes_down,
    (CHOOSING, "Enter"): starts,  # and I understand: test_i_understand_is_enter
    (CHOOSING, "V"): reviews,
    (CHOOSING, "Esc"): clears_search,
    (SUMMARY, "Enter or Esc"): back_to_library,
    (SUMMARY, "Y"): keeps_doses,
    (ANYWHERE, "F11"): full_screen,
}


def cases() -> list[object]:
    def each_key(heading: str, written: str) -> list[Qt.Key]:  # (Enter: as Return)
        return [k for b in bindings_of(heading, written) for k in b.keys if k != K.Key_Enter]

    return key_cases(ROWS, each_key)


@pytest.mark.parametrize(("heading", "written", "key"), cases())
def test_each_key_of_a_row_does_what_its_row_says(
    around: Around, heading: str, written: str, key: Qt.Key
) -> None:
    ROWS[(heading, written)](around, key)


def test_i_understand_is_enter(qtbot: QtBot) -> None:
    (_start, accept) = bindings_of(CHOOSING, "Enter")
    app = make_app(qtbot, FIRST, first_run_done=False)
    assert app.window.nav.key_mode() is Mode.FIRST_RUN and Mode.FIRST_RUN in accept.modes
    app.key(qtbot, K.Key_Return)
    assert app.window.nav.key_mode() is Mode.LIBRARY and app.settings.settings.first_run_done
    app.window.close()
    app.history.close()


# ---------------------------------------------------------------- the menu shortcuts


def opens(kind: type[QWidget]) -> Callable[[Around], bool]:
    return lambda a: a.shown(kind)


SHORTCUT_DOES: dict[str, Callable[[Around], bool]] = {
    "quit": lambda a: a.asked == ["Quit HipTimer?"],  # asks first: answered No, still open
    "settings": opens(SettingsDialog),
    "history": opens(HistoryWindow),
    "keys": opens(KeysWindow),
    "edit": lambda a: any(
        isinstance(w, EditorWindow) and w.isVisible() and w.data.get("id") == FIRST.id
        for w in QApplication.topLevelWidgets()
    ),
    "new": opens(EditorWindow),
    "find": lambda a: (
        (box := a.app.window.library.search.box) is not None
        and box.field.isVisible()
        and a.app.window.focusWidget() is box.field
    ),
    "import": lambda a: a.asked == ["get_open_file_names"],
    "export": lambda a: a.asked == ["get_save_file_name"],
}


def shortcut_cases() -> list[object]:
    written = {row[1] for row in readme_rows() if row[0] == MENUS}
    found: list[object] = []
    for name, shortcut in SHORTCUTS.items():
        if translate(shortcut.where) != MENUS:
            continue
        assert " / ".join(shortcut.sequences) in written, name
        for seq in shortcut.sequences:
            found.append(pytest.param(name, seq, id=seq))
    return found


@pytest.mark.parametrize(("name", "sequence"), shortcut_cases())
def test_each_menu_shortcut_does_what_its_row_says(
    around: Around, name: str, sequence: str
) -> None:
    around.app.window.library.select(FIRST.id)
    combo = QKeySequence(sequence)[0]  # type: ignore[index]  # (PySide's stubs lack it)
    around.key(combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()
    assert SHORTCUT_DOES[name](around), f"{sequence}: asked {around.asked}"


def test_every_row_outside_a_session_is_pressed_here_or_names_its_test() -> None:
    outside = [row for row in readme_rows() if row[0] not in IN_A_SESSION]
    menus = {" / ".join(s.sequences) for s in SHORTCUTS.values() if s.where == MENUS}
    unpressed = [
        row for row in outside
        if row not in ROWS and row[0] not in ELSEWHERE and not (row[0] == MENUS and row[1] in menus)
    ]  # fmt: skip
    assert unpressed == []

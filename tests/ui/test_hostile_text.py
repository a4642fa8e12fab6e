"""Names that are markup, far too long or full of control characters show as plain text, everywhere."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.editor.fields import LineField
from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.editor.picker import ExercisePicker
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.settings.dialog import SettingsDialog
from hiptimer.ui.widgets import file_dialog
from tests.ui.hostile import (
    HOSTILE_ID,
    Fifo,
    Screen,
    Seen,
    as_seen,
    hostile_names,
    hostile_picture,
    hostile_routine,
    one_line,
    shown,
    shown_text,
    watched_fifo,
)
from tests.ui.sessions import (
    FakeSpeech,
    advance_until,
    fake_services,
    next_change,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # The offscreen platform says so when a window's size limits change, or it is raised.
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints", "This plugin does not support raise"
    ),
]

K = Qt.Key
ROOM = QSize(1280, 800)  # the main window's size where the screen has room


FIFO_PATH_CHARS = 64  # as long as a tmp_path of the one-process run made it, give or take


def as_shown(label: QLabel) -> str:
    """A label's text as it reads on screen: a long word's break marks (zero-width spaces,
    hiptimer.ui.widgets.plain.breakable) show as nothing."""
    return label.text().replace("\u200b", "")


@pytest.fixture
def fifo() -> Iterator[Fifo]:
    # The FIFO's path is part of a hostile name, so its length decides how the names wrap
    # (and whether one doubled is too long for the editor): the same length everywhere, not
    # tmp_path's, which is longer in a test worker ("popen-gw0/") and follows the test's name.
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp) / ("f" * max(1, FIFO_PATH_CHARS - len(tmp) - len("//pipe")))
        folder.mkdir()
        yield from watched_fifo(folder)


@pytest.fixture
def names(fifo: Fifo, tmp_path: Path) -> list[str]:
    return hostile_names(fifo.path, hostile_picture(tmp_path))


@dataclass
class Hostile:
    """The app on a history and a routine file full of hostile names, on a fake clock."""

    qtbot: QtBot
    names: list[str]
    clock: FakeClock = field(default_factory=FakeClock)
    window: MainWindow | None = None

    def __post_init__(self) -> None:
        self.wall = FakeWall(self.clock)
        self.history: HistoryStore = open_history(paths.history_db_path())
        self.settings = SettingsStore()
        self.settings.update(first_run_done=True)
        self.routine = hostile_routine(self.names)
        save_routine(self.routine, paths.user_routines_dir() / f"{HOSTILE_ID}.json")
        self.seen = Seen(Screen([*self.names, self.routine.title]))

    def open(self) -> MainWindow:
        self.close()
        window = MainWindow(
            self.settings, fake_services(self.history), clock=self.clock, wall=self.wall
        )
        self.qtbot.addWidget(window)
        window.show()
        window.resize(ROOM)
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None

    def key(self, *keys: Qt.Key) -> None:
        assert self.window is not None
        for key in keys:
            self.qtbot.keyClick(self.window, key)

    def look(self, what: str) -> None:
        assert self.window is not None
        self.seen.look(what, self.window, ROOM)

    def run_session(self, pains: dict[str, int]) -> None:
        """Start the hostile routine and go through it, looking at every new kind of moment."""
        window = self.win
        assert window.library.select(HOSTILE_ID)
        self.look("library")
        self.key(K.Key_Return)
        seen: set[tuple[object, ...]] = set()
        while window.session is not None:
            engine = window.session.driver.engine
            mode, kind = window.nav.key_mode(), engine.step.kind
            ex = engine.view().exercise
            moment = (mode, kind, ex.id if ex else None)
            if moment not in seen:
                seen.add(moment)
                self.look(f"{mode.name} {kind.name} {moment[2]}")
            if mode is Mode.PAIN:
                rating = pains.get(ex.id if ex else "", 1)
                self.key(K.Key_T if rating == 10 else getattr(K, f"Key_{rating}"))
            elif mode is Mode.CHOICE:
                # A lower dose, so the summary lists the change; at the smallest dose L does
                # nothing, and C goes on.
                self.key(K.Key_L if engine.can_lower() else K.Key_C)
            elif mode is Mode.COUNTING:
                self.key(K.Key_Return)
            else:  # the next moment comes with a change: straight to it
                next_change(window, self.clock, marks=True)
        self.look("summary")

    @property
    def win(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def mode(self) -> Mode:
        return self.win.nav.key_mode()

    def start(self) -> None:
        assert self.win.library.select(HOSTILE_ID)
        self.key(K.Key_Return)

    def next_morning(self) -> None:
        """Close the app, let a day pass and start it again."""
        self.close()
        self.clock.advance(24 * 3600 - (self.clock.now() - 1000.0) % (24 * 3600))
        self.open()

    def panel(self) -> RecommendationsPanel:
        [panel] = [p for p in self.win.findChildren(RecommendationsPanel) if p.isVisible()]
        return panel

    def done(self) -> None:
        self.close()
        self.history.close()


@pytest.fixture
def app(qtbot: QtBot, names: list[str]) -> Iterator[Hostile]:
    made = Hostile(qtbot, names)
    made.open()
    yield made
    made.done()


def test_the_watch_sees_markup_open_the_fifo(fifo: Fifo, qtbot: QtBot) -> None:
    """The harness itself: a label that reads markup opens the FIFO, is unblocked, is seen."""
    label = QLabel(f'<img src="{fifo.path}">')
    qtbot.addWidget(label)
    label.show()
    QApplication.processEvents()
    assert fifo.opened() > 0


def test_a_session_shows_every_name_as_plain_text(
    app: Hostile, fifo: Fifo, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.run_session({"e0": 9, "e1": 7, "e5": 8})
    window = app.window
    assert window is not None and window.summary is not None
    # What was looked at, and that the names are there to be seen, whole.
    assert {"library", "WORKOUT GET_READY e0", "WORKOUT WORK e0", "COUNTING WORK e1"} <= set(
        app.seen.looked
    )
    assert {"PAIN PAIN e2", "CHOICE PAIN e0", "WORKOUT SWITCH_SIDES e0", "summary"} <= set(
        app.seen.looked
    )
    assert window.summary.subtitle.text().startswith(app.routine.title)
    headings = [as_shown(card.heading) for card in app.panel().cards]
    assert sorted(headings) == sorted(f"Step back \u2014 {app.names[i]}" for i in (0, 1, 5))

    # Keep the doses lowered on the way: the dialog lists the changes by name.
    monkeypatch.setattr(KeepDosesDialog, "exec", lambda d: shown(app.seen, "keep doses", d))
    window.summary.keep_button.click()
    assert "keep doses" in app.seen.looked

    # The next morning: the check-in names the routine.
    app.next_morning()
    assert app.mode() is Mode.CHECKIN
    app.look("check-in")
    app.key(K.Key_2, K.Key_3, K.Key_Return)
    assert app.mode() in (Mode.CHECKIN, Mode.LIBRARY)
    app.look("after the check-in")
    assert fifo.opened() == 0, "the FIFO named in <img src> was opened"
    assert not app.seen.problems, app.seen.report()


def test_an_interrupted_session_is_offered_by_its_name_as_text(app: Hostile, fifo: Fifo) -> None:
    app.start()
    advance_until(app.win, app.clock, lambda: app.mode() is Mode.PAIN)
    app.key(K.Key_3)
    with pytest.MonkeyPatch.context() as dead:  # from here on nothing reaches the file
        dead.setattr(app.history, "_submit", lambda *args: None)
        app.close()
    app.open()
    assert app.mode() is Mode.RESUME
    page = app.win.resume.page
    assert page is not None and app.routine.title in as_shown(page.offer)
    app.look("resume")
    app.key(K.Key_D)  # discard: kept as partial
    assert app.mode() is Mode.LIBRARY
    assert fifo.opened() == 0, "the FIFO named in <img src> was opened"
    assert not app.seen.problems, app.seen.report()


def test_the_history_window_and_report_show_names_as_text(
    app: Hostile, fifo: Fifo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.run_session({"e0": 9, "e5": 8})
    app.win.open_history()
    [history] = app.win.findChildren(HistoryWindow)
    sessions = history.sessions_pane
    sessions.note.setPlainText(app.names[2])  # a note is the user's text too
    sessions.save_note()
    assert one_line(app.routine.title) in shown_text(sessions.heading)
    for tab in range(history.tabs.count()):
        history.tabs.setCurrentIndex(tab)
        app.seen.look(f"history tab {tab}", history, ROOM)
    pane = history.pain_pane
    assert pane is not None and pane.exercise.count() == len(app.names)
    for i in range(pane.exercise.count()):
        pane.exercise.setCurrentIndex(i)
        app.seen.look(f"pain of {pane.exercise.currentText()!r}", history, ROOM)
        # A chart's title is plain text above it: the name must come out as written.
        name = one_line(pane.exercise.currentText())
        assert one_line(as_seen(pane.pain_chart)).startswith(f"Pain after sets: {name}")
        assert one_line(as_seen(pane.dose_chart)) == f"Planned dose: {name}"
    saved = [str(tmp_path / "history.csv")]
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (saved[0], ""))
    history.csv_button.click()
    history.exports.finish()
    saved[0] = str(tmp_path / "report.pdf")
    history.pdf_button.click()
    history.exports.finish()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert history.status.text().startswith("Saved a ")
    app.seen.look("history after the exports", history, ROOM)
    history.close()
    assert fifo.opened() == 0, "the FIFO named in <img src> was opened"
    assert not app.seen.problems, app.seen.report()


@dataclass
class Boxes:
    """Stands in for QMessageBox: each box is shown and looked at, then closed unanswered."""

    seen: Seen
    asked: list[str] = field(default_factory=list)

    def exec(self, box: QMessageBox) -> int:
        box.show()
        self.seen.look(f"message box {box.windowTitle()!r}", box)
        self.asked.append(box.windowTitle())
        box.close()
        return QMessageBox.StandardButton.Cancel.value

    def static(
        self, answer: QMessageBox.StandardButton
    ) -> Callable[..., QMessageBox.StandardButton]:
        """QMessageBox.question and .warning: their text is read as rich text if it looks so."""

        def ask(_parent: QWidget | None, title: str, text: str, *_args: object) -> Any:
            self.asked.append(title)
            if self.seen.screen.markup(text):
                self.seen.problems.setdefault(title, []).append(f"{text!r} is read as rich text")
            return answer

        return ask


@pytest.fixture
def boxes(app: Hostile, monkeypatch: pytest.MonkeyPatch) -> Boxes:
    made = Boxes(app.seen)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: made.exec(box))
    monkeypatch.setattr(QMessageBox, "question", made.static(QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "warning", made.static(QMessageBox.StandardButton.Ok))
    return made


def test_the_editor_and_its_dialogs_show_names_as_text(
    app: Hostile, fifo: Fifo, boxes: Boxes, tmp_path: Path, qtbot: QtBot
) -> None:
    catalog = load_catalog()
    editor = EditorWindow(catalog.find(HOSTILE_ID), catalog)
    qtbot.addWidget(editor)
    editor.show()
    room = QSize(1280, 900)  # the editor's own size
    for row in range(editor.exercises.list.count()):
        editor.exercises.list.setCurrentRow(row)
        app.seen.look(f"editor, exercise {row}", editor, room)
    assert editor.tab_titles.full_title(0).replace("&&", "&") == f"Exercise 8: {app.names[7]}"
    editor.tabs.setCurrentIndex(1)
    app.seen.look("editor, routine details", editor, room)

    # An edit that is wrong, with markup in it: the problem lists and the field say so.
    field = editor.exercise_form.fields["name"]
    assert isinstance(field, LineField)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, app.names[2] * 2)  # too long
    assert editor.problems.lines()
    app.seen.look("editor with a problem", editor, room)

    picker = ExercisePicker(catalog, editor)
    picker.show()
    app.seen.look("exercise picker", picker)
    picker.close()

    # Importing the same routine again asks about the clash, naming it.
    copy = tmp_path / "again.json"
    save_routine(app.routine, copy)
    editor.import_files([copy])
    broken = tmp_path / "<b>broken<img src='x'>.json"
    broken.write_text(json.dumps({"id": "x", "title": f'<img src="{fifo.path}">'}))
    editor.import_files([broken])
    editor.close()  # unsaved changes: asked, and discarded
    assert boxes.asked == ["Import routine", "Routine not imported", "Unsaved changes"]
    assert fifo.opened() == 0, "the FIFO named in <img src> was opened"
    assert not app.seen.problems, app.seen.report()


class Voices(FakeSpeech):
    """Speech whose voices have hostile names (a system's voices are not ours either)."""

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    @property
    def available(self) -> bool:
        return True

    def voices(self) -> list[tuple[str, str]]:
        return [(name, name) for name in self.names]


def test_the_settings_dialog_shows_voice_names_as_text(
    app: Hostile, fifo: Fifo, qtbot: QtBot
) -> None:
    settings = app.settings.settings.replace(voice=app.names[3])
    dialog = SettingsDialog(settings, Voices(app.names[:3] + app.names[4:]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.voice.count() == len(app.names) + 1  # the default, the chosen one, the rest
    app.seen.look("settings", dialog)
    dialog.set_unavailable(app.names[2])
    app.seen.look("settings, no voice", dialog)
    dialog.close()
    assert fifo.opened() == 0, "the FIFO named in <img src> was opened"
    assert not app.seen.problems, app.seen.report()

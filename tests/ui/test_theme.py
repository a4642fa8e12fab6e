"""The look in use: the theme setting (or the desktop) picks the palette, windows follow it at
once, and the text size (large print) grows the workout screen's words and the dialogs'."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import open_history
from hiptimer.core.plan.model import WeeklyPlan
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import Settings
from hiptimer.ui import theme
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.keys import Action
from hiptimer.ui.palette import DARK, HIGH_CONTRAST, LIGHT, Palette
from hiptimer.ui.reminders.plan_dialog import PlanDialog
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.settings.dialog import SettingsDialog
from hiptimer.ui.settings.style import settings_style_sheet
from tests import harness
from tests.ui.sessions import FakeSpeech

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def look(qapp: QApplication) -> Iterator[QApplication]:
    """The application, given back with the default look and no style sheet afterwards."""
    yield qapp
    theme.use(DARK, 100)
    qapp.setStyleSheet("")
    qapp.setFont(theme.app_font())


@pytest.fixture(params=["dark", "light", "high-contrast"])
def each_look(look: QApplication, request: pytest.FixtureRequest) -> Palette:
    """Each look in turn, applied at the normal text size: its palette."""
    theme.apply(look, request.param, 100)
    return theme.current()


def test_a_chosen_theme_styles_the_app_and_tells_the_windows(
    look: QApplication, qtbot: QtBot
) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    told: list[str] = []
    theme.follow(label, lambda: told.append(theme.current().name))
    assert theme.apply(look, "light", 100)
    assert theme.current() is LIGHT and LIGHT.page in look.styleSheet()
    assert told == ["light"]
    assert not theme.apply(look, "light", 100)  # nothing changed: nobody is told
    assert theme.apply(look, "high-contrast", 100)
    assert told == ["light", "high-contrast"] and HIGH_CONTRAST.focus in look.styleSheet()


class StyleChanges(QLabel):
    def __init__(self) -> None:
        super().__init__("x")
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:
        self.changes += event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange)
        super().changeEvent(event)


def test_the_same_look_again_restyles_nothing(look: QApplication, qtbot: QtBot) -> None:
    """Settings' OK and the desktop's scheme signal apply the look again unchanged: re-setting
    the style sheet would re-polish every widget (~50 ms with the main window open)."""
    label = StyleChanges()
    qtbot.addWidget(label)
    label.show()
    theme.apply(look, "light", 125)
    assert label.changes > 0  # a new look does reach the widget
    label.changes = 0
    theme.apply(look, "light", 125)
    assert label.changes == 0


def test_a_deleted_widget_is_no_longer_told(look: QApplication, qtbot: QtBot) -> None:
    told: list[int] = []
    label = QLabel("x")
    theme.follow(label, lambda: told.append(1))
    label.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.apply(look, "light", 100)
    assert told == []


def test_large_print_grows_the_words_of_the_workout_screen_and_the_dialogs(
    look: QApplication, qtbot: QtBot
) -> None:
    # In a set: in a pause the caption and Up next keep their normal size beside the steps
    # (ui/session/steps_room.py; tests/ui/session/test_workout_large_print.py).
    sizes = {}
    for size in (100, 150):
        theme.apply(look, "dark", size)
        driver = EngineDriver(harness.fake_engine(harness.short_routine()))
        page = WorkoutPage(driver, muted=True)
        qtbot.addWidget(page)
        page.setMinimumSize(300, 300)
        page.resize(1000, 700)
        page.show()
        driver.start()
        page.perform(Action.NEXT, 0)  # into the set: the caption and Up next in large print
        assert driver.view().step.kind is StepKind.WORK and not page.coaching.isVisible()
        sizes[size] = (
            page.caption.font().pixelSize(),
            page.next_line.font().pixelSize(),
            page.big_caption.font().pixelSize(),
            page.time_left.font().pixelSize(),
        )
        dialog = SettingsDialog(Settings(), None)
        qtbot.addWidget(dialog)
        assert f"font-size: {round(17 * size / 100)}px" in dialog.styleSheet()
        assert f"font-size: {round(24 * size / 100)}px" in look.styleSheet()  # message boxes
        assert look.font().pixelSize() == round(theme.BASE_FONT_PX * size / 100)
        driver.stop()
    for normal, large in zip(sizes[100], sizes[150], strict=True):
        assert large >= normal * 1.4, sizes


def test_the_spin_box_arrows_show_in_light_and_dark(look: QApplication) -> None:
    assert "arrow-up.svg" in settings_style_sheet(DARK)
    assert "arrow-up-dark.svg" in settings_style_sheet(LIGHT)


def test_the_settings_dialog_chooses_the_look_and_ok_applies_it_to_the_running_app(
    look: QApplication, qtbot: QtBot
) -> None:
    from tests.ui.main_app import make_app

    app = make_app(qtbot)
    dialog = app.window.settings_actions.open()
    dialog.look.theme.setCurrentIndex(dialog.look.theme.findData("light"))
    dialog.look.text_size.setCurrentIndex(dialog.look.text_size.findData(125))
    assert (dialog.chosen().theme, dialog.chosen().text_size) == ("light", 125)
    dialog.accept()
    assert theme.current() is LIGHT and theme.text_scale() == 1.25
    assert (app.settings.settings.theme, app.settings.settings.text_size) == ("light", 125)
    assert LIGHT.page in look.styleSheet()
    app.window.close()
    app.history.close()


def test_the_settings_and_plan_dialogs_take_a_new_look_while_open(
    look: QApplication, qtbot: QtBot
) -> None:
    # The desktop switching to dark or light while a dialog is open (theme "system").
    theme.apply(look, "dark", 100)
    settings = SettingsDialog(Settings(), FakeSpeech())
    plan = PlanDialog(WeeklyPlan(), [], keep_in_tray=False, start_at_login=False)
    for dialog in (settings, plan):
        qtbot.addWidget(dialog)
        assert DARK.field in dialog.styleSheet()
    theme.apply(look, "light", 100)
    for dialog in (settings, plan):
        assert LIGHT.field in dialog.styleSheet() and DARK.field not in dialog.styleSheet()


def test_a_disabled_check_box_looks_greyed_in_every_look(
    each_look: Palette, qtbot: QtBot, tmp_path: Path
) -> None:
    # The plan dialog's "Keep running in the tray" with no tray, and the History window's
    # "Not representative" with no session chosen, read as on: words in the ink's colour
    # (the check boxes' rule set it for every state), in high contrast a white box as well.
    p = each_look
    plan = PlanDialog(WeeklyPlan(), [], keep_in_tray=False, start_at_login=False, tray_reason="-")
    qtbot.addWidget(plan)
    plan.show()
    with history_window(qtbot, tmp_path) as history:
        boxes: list[QCheckBox] = [plan.keep_in_tray, history.sessions_pane.representative]
        for box in boxes:
            assert not box.isEnabled() and not box.isChecked()
            colours = colours_of(box.grab().toImage())
            assert p.ink not in colours, (p.name, box.text())
            assert p.disabled in colours, (p.name, box.text())


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_greyed_menu_item_looks_greyed_in_every_look(each_look: Palette, qtbot: QtBot) -> None:
    # The menu's colour set the ink on every item: in the tray menu a greyed line ("No weekly
    # plan yet") read like one to click, in the dark look as in the others.
    from PySide6.QtWidgets import QMenu

    p = each_look
    menu = QMenu()
    qtbot.addWidget(menu)
    on, off = menu.addAction("Weekly plan"), menu.addAction("No weekly plan yet")
    off.setEnabled(False)
    menu.show()
    image = menu.grab().toImage()
    rows = {a.text(): image.copy(menu.actionGeometry(a)) for a in (on, off)}
    assert p.ink in colours_of(rows["Weekly plan"]), p.name
    assert p.ink not in colours_of(rows["No weekly plan yet"]), p.name
    assert p.disabled in colours_of(rows["No weekly plan yet"]), p.name


def test_the_history_note_with_no_session_chosen_looks_greyed_in_every_look(
    each_look: Palette, qtbot: QtBot, tmp_path: Path
) -> None:
    # Disabled with no session chosen, the note field still had the ink's words and the
    # normal edge of a field that takes typing.
    p = each_look
    with history_window(qtbot, tmp_path) as history:
        note = history.sessions_pane.note
        assert not note.isEnabled()
        note.setPlainText("Stiff in the morning")  # words, as a note left before would show
        image = note.grab().toImage()
    colours = colours_of(image)
    edge = image.pixelColor(image.width() // 2, 0).name().upper()
    assert p.ink not in colours and p.disabled in colours, p.name
    assert edge == p.disabled_border, p.name


def colours_of(image: QImage) -> set[str]:
    """Every colour drawn in `image`, as #RRGGBB."""
    return {
        image.pixelColor(x, y).name().upper()
        for x in range(image.width())
        for y in range(image.height())
    }


@contextlib.contextmanager
def history_window(qtbot: QtBot, tmp_path: Path) -> Iterator[HistoryWindow]:
    """A History window shown on an empty history, closed with it afterwards."""
    with open_history(tmp_path / "history.sqlite3") as store:
        history = HistoryWindow(store, [])
        qtbot.addWidget(history)
        history.show()
        yield history
        history.close()


class QBalloonTip(QWidget):
    """Named as Qt's tray message (qsystemtrayicon.cpp), which paints a pale yellow balloon
    and lays its title and text out in QLabels: the app's style reaches it by that name."""


def test_a_tray_message_reads_dark_on_its_pale_balloon_in_every_look(
    each_look: Palette, qtbot: QtBot
) -> None:
    # Seen on a real tray (X11, trayer): the app's "QLabel { color: ink }" made a reminder's
    # tray message white on the balloon's pale yellow, unreadable in the dark theme.
    balloon = QBalloonTip()
    QVBoxLayout(balloon).addWidget(title := QLabel("Time for Daily hip stretches"))
    qtbot.addWidget(balloon)
    balloon.show()
    title.ensurePolished()
    assert title.palette().color(QPalette.ColorRole.WindowText).name() == "#000000", each_look.name

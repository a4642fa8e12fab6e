"""The routine editor on an 800 x 600 screen in large print: its exercises' panel shows every
part whole, none over another, and the window's smallest size fits the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.widgets import screen_fit
from tests.harness import hold, quick_routine
from tests.ui.small_screen import on_screen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SCREEN = QRect(0, 0, 800, 600)


@pytest.fixture(params=["en", "es"])
def editor(
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> EditorWindow:
    """The editor as it opens on an 800 x 600 screen at 150 %, in each language."""
    on_screen(monkeypatch, request, qapp, SCREEN, request.param)
    return opened(qtbot)


def opened(qtbot: QtBot) -> EditorWindow:
    """The editor of a built-in routine, shown and laid out."""
    catalog = load_catalog()
    window = EditorWindow(catalog.find("daily-hip-stretches"), catalog)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def in_panel(widget: QWidget, panel: QWidget) -> QRect:
    return QRect(widget.mapTo(panel, QPoint(0, 0)), widget.size())


def test_the_panel_s_parts_are_whole_and_apart(editor: EditorWindow) -> None:
    # The panel needed 352 px and got 271: the list showed one clipped row, the drag hint sat
    # over it, "From a routine..." under "Duplicate", and Delete, up and down were cut.
    panel = editor.exercises
    parts = [w for w in panel.findChildren(QWidget) if w.parentWidget() is panel]
    shown = [w for w in parts if w.isVisible()]
    inner = panel.contentsRect()
    for n, one in enumerate(shown):
        assert inner.contains(one.geometry()), (type(one).__name__, one.geometry(), inner)
        for other in shown[n + 1 :]:
            assert not one.geometry().intersects(other.geometry()), (one, other)
    buttons = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == 6
    for n, button in enumerate(buttons):
        assert inner.contains(in_panel(button, panel)), button.text()
        for other in buttons[n + 1 :]:
            assert not in_panel(button, panel).intersects(in_panel(other, panel))
    rows = editor.exercises.list
    assert rows.height() >= 3 * rows.sizeHintForRow(0)  # three rows high


def test_the_window_s_smallest_size_fits_the_screen(editor: EditorWindow) -> None:
    room = screen_fit.room(editor)
    assert room.width() <= SCREEN.width() and room.height() <= SCREEN.height()
    least = editor.minimumSizeHint().expandedTo(editor.minimumSize())
    assert least.width() <= room.width() and least.height() <= room.height(), (least, room)
    assert editor.width() <= room.width() and editor.height() <= room.height()


def test_the_list_gets_room_beside_the_form(editor: EditorWindow) -> None:
    # The form's drop-downs as wide as their longest choice and its unit words in one line
    # kept it 507 px wide in Spanish: the list beside it had 221 px ("Estiramie / isquiotibi",
    # words cut in the middle). The form now wraps its words and cuts long choices in the middle.
    rows = editor.exercises.list
    assert rows.width() >= 270, rows.width()
    assert editor.tabs.minimumSizeHint().width() <= 470


def test_the_banner_is_one_line_with_its_detail_on_demand(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    # Three lines of the window's 556 px in Spanish large print.
    origin = editor.origin
    line = editor.banner.fontMetrics().lineSpacing()
    assert editor.banner.height() < 2 * line + 24  # one line, and its padding
    head = editor.banner.text().replace("\u200b", "")
    assert head in (
        "Built-in routine: it stays as shipped.",
        "Rutina de serie: se queda como viene.",
    )
    assert origin.more.isVisible() and editor.banner.toolTip()  # the rest, on demand
    closed = origin.more.text()
    qtbot.mouseClick(origin.more, Qt.MouseButton.LeftButton)
    assert origin.more.text() != closed  # "Hide details"
    whole = editor.banner.text().replace("\u200b", "")
    assert whole.startswith(head) and len(whole) > 2 * len(head)
    qtbot.mouseClick(origin.more, Qt.MouseButton.LeftButton)
    assert editor.banner.text().replace("\u200b", "") == head
    assert QApplication.focusWidget() in (origin.more, editor.exercises.list)


def test_a_tall_window_shows_the_whole_banner(editor: EditorWindow) -> None:
    editor.resize(editor.width(), 1000)
    QApplication.processEvents()
    assert not editor.origin.more.isVisible()
    assert len(editor.banner.text()) > 60


def test_a_long_name_leaves_the_list_showing_more_than_one_row(editor: EditorWindow) -> None:
    # A 70-letter name took seven lines of the 260 px list in Spanish: three such rows, the
    # list's least, were taller than the panel's room, and the list showed one row of it.
    name = "Side-lying hip abduction with a resistance band just above both knees"
    exercises = [hold(f"abduction-{n}", 6, sets=2, name=f"{name} {n}") for n in range(4)]
    editor.load(quick_routine(*exercises))
    QApplication.processEvents()
    rows = editor.exercises.list
    scroller = editor.exercises.parentWidget()
    assert scroller is not None  # the scroll area's viewport: what of the panel is seen
    seen = QRect(rows.viewport().mapFrom(scroller, QPoint(0, 0)), scroller.size())
    seen = seen.intersected(rows.viewport().rect())
    whole = [
        r for r in range(rows.count()) if seen.contains(rows.visualRect(rows.model().index(r, 0)))
    ]
    assert len(whole) >= 2, (len(whole), seen, rows.visualRect(rows.model().index(0, 0)))


SMALL = QRect(0, 0, 640, 480)


@pytest.fixture(params=["en", "es"])
def small_editor(
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> EditorWindow:
    """The editor as it opens on a 640 x 480 screen at 150 %, in each language."""
    on_screen(monkeypatch, request, qapp, SMALL, request.param)
    return opened(qtbot)


def test_at_640_x_480_the_form_fits_beside_the_list(small_editor: EditorWindow) -> None:
    # In Spanish large print the form was 450 px at its least ("series de", "s mantenidos" and
    # the two numbers of At most in one row; the id field as wide as the longest built-in id):
    # the window's least was 727 px, and the form scrolled sideways in the 353 px it got.
    window = small_editor
    room = screen_fit.room(window)
    assert window.minimumSizeHint().width() <= room.width() <= SMALL.width()
    assert window.width() <= room.width()
    area = window.exercise_form.parentWidget()
    assert area is not None
    scroller = area.parentWidget()
    assert isinstance(scroller, QAbstractScrollArea)
    assert scroller.horizontalScrollBar().maximum() == 0
    ceiling = window.exercise_form.fields["ceiling"].row
    assert ceiling.width() <= area.width()


def test_at_640_x_480_the_exercise_tab_reads_its_number_not_an_ellipsis(
    small_editor: EditorWindow,
) -> None:
    # In Spanish large print the exercise's tab read "…" alone beside "Datos de la rutina",
    # in English "Ex…": the tab said nothing of what it holds.
    bar = small_editor.tabs.tabBar()
    full = small_editor.tab_titles.full_title(0)
    shown = bar.tabText(0)
    number = full.split(":")[0]  # "Ejercicio 1", "Exercise 1"
    assert shown.startswith(number), (shown, full)
    font = bar.font()
    font.setBold(True)  # the selected tab's, the widest it is drawn
    for index in range(bar.count()):
        assert QFontMetrics(font).horizontalAdvance(bar.tabText(index)) < bar.tabRect(index).width()
    assert bar.accessibleTabName(0) == full
    assert bar.accessibleTabName(1) == small_editor.tab_titles.full_title(1)

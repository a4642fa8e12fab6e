"""What does not fit: a window past the screen's free area, a button or field off it, cut off,
or a button or wrapped label squeezed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from hiptimer.ui.session.paused_count import CountLabel
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.wrapped_cells import reads_whole

TEXT_AIR = 4  # pixels a button's words may lose to rounding before they count as cut
FIRST_ROW_LINES = 3  # of a first screen's table's first row (a name on ten lines: its first)


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def reachable_rect(widget: QWidget) -> tuple[QRect, QWidget | None]:
    """The part of `widget` its ancestors leave on view, and the scroll viewport that holds it
    (None when it is not scrolled): in a scroll area the rest is reached by scrolling."""
    rect = global_rect(widget)
    parent = widget.parentWidget()
    child = widget
    while parent is not None and not child.isWindow():
        if _scroll_viewport(parent):
            return rect, parent
        rect = rect.intersected(global_rect(parent))
        child, parent = parent, parent.parentWidget()
    return rect, None


def misfits(window: QWidget) -> list[str]:
    """Everything about `window` that does not fit its screen, one line each."""
    screen = window.screen()
    area = screen.availableGeometry()
    problems = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        problems.append(
            f"the window ({_size(frame)} at {_at(frame)}) is past the screen {_size(area)}"
        )
    return (
        problems
        + content_misfits(window, area)
        + cut_cell_misfits(window)
        + first_screen_misfits(window)
        + paused_count_misfits(window)
    )


def paused_count_misfits(root: QWidget) -> list[str]:
    """A paused count whose pause sign or digits are cut, or drawn over each other."""
    problems = []
    for count in root.findChildren(CountLabel):
        if not (count.isVisible() and count.paused and count.text()):
            continue
        room = QRectF(count.rect())
        sign, digits = count.sign_rect(), count.digits_rect()
        if not ((sign.isEmpty() or room.contains(sign)) and room.contains(digits)):
            problems.append(f"the paused count {count.text()!r}: its sign or digits are cut")
        elif sign.intersects(digits):
            problems.append(f"the paused count {count.text()!r}: its sign is over its digits")
    return problems


def content_misfits(root: QWidget, area: QRect) -> list[str]:
    """What in `root` (a window, or a part of one) is outside `area`, cut off by what holds
    it, or squeezed: its buttons, fields and scroll areas."""
    window = root.window()
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        problems += _button_misfits(button, area)
    for kind in FIELDS:  # what takes input: on view, or reached by scrolling
        for field in root.findChildren(kind):
            if field.isVisible() and field.window() is window and not _in_a_field(field):
                problems += _placement_misfits(field, area)
    # What is in a scroll area counts as reached by scrolling: only if the area's own
    # viewport is there to scroll in (the weekly plan's list was cut off by its box).
    for scroller in root.findChildren(QAbstractScrollArea):
        if scroller.isVisible() and scroller.window() is window and not _in_a_field(scroller):
            problems += _viewport_misfits(scroller, area) + _sideways_misfits(scroller)
            problems += _needless_scroll_misfits(scroller, area)
    return problems + arrow_misfits(root) + wrapped_misfits(root)


FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider)


def _in_a_field(widget: QWidget) -> bool:
    """A combo box's or spin box's own line edit, or a scroll area's own scroll bar (or
    header: a table's header is a scroll area of its own)."""
    parent = widget.parentWidget()
    return isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractScrollArea)) or (
        parent is not None
        and isinstance(parent.parentWidget(), QAbstractScrollArea)
        and not _scroll_viewport(parent)
    )


def _placement_misfits(widget: QWidget, area: QRect, name: str = "") -> list[str]:
    """A widget off the screen, or cut off by what holds it: in a scroll area, by a box
    inside the area (the area's own viewport hides the rest only until it is scrolled)."""
    name = name or f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
    whole = global_rect(widget)
    shown, viewport = reachable_rect(widget)
    if viewport is not None:
        # Scrolling brings in what the viewport hides, never what a box inside it cuts off.
        seen, outer = reachable_rect(viewport)
        while outer is not None:  # a scroll area in one that scrolls (the summary's middle)
            seen, outer = reachable_rect(outer)
        if seen.isEmpty() or not area.contains(seen):
            return [f"{name}: its scroll area is not on the screen"]
    if shown != whole:
        return [f"{name}: cut off ({_size(shown)} of {_size(whole)} on view)"]
    if viewport is None and not area.contains(whole):
        return [f"{name}: off the screen at {_at(whole)}"]
    return []


def _viewport_misfits(scroller: QAbstractScrollArea, area: QRect) -> list[str]:
    """A scroll area whose viewport is cut off by what holds it, off the screen, or too
    small to show a line of its text."""
    name = f"{type(scroller).__name__} {scroller.accessibleName() or scroller.objectName()!r}"
    viewport = scroller.viewport()
    line = scroller.fontMetrics().height()
    if viewport.height() < line or viewport.width() < line:
        return [f"{name}: its viewport is {_size(viewport.rect())}, less than a line ({line} px)"]
    placed = _placement_misfits(viewport, area, name)
    return [problem.replace(": cut off", ": its viewport cut off") for problem in placed]


def _sideways_misfits(scroller: QAbstractScrollArea) -> list[str]:
    """A page, form, list or table that scrolls sideways: its fields and their help were cut
    at the right edge until scrolled to (the routine editor's form at 1024 px in large print
    passed the other checks, as what scrolls counts as reachable), and so was the summary's
    Pain and Choice at 800 x 600 in large print (a table's bar: 724 px shown of 912)."""
    name = f"{type(scroller).__name__} {scroller.accessibleName() or scroller.objectName()!r}"
    inner = scroller.widget() if isinstance(scroller, QScrollArea) else None
    shown = scroller.viewport().width()
    if inner is not None and inner.width() > shown:  # with no bar to scroll: cut, not reached
        off = scroller.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if off:
            return [f"{name}: its right edge is cut ({shown} px shown of {inner.width()})"]
    bar = scroller.horizontalScrollBar()
    if not bar.isVisible() or bar.maximum() <= 0:
        return []
    if inner is not None:
        wide = inner.width()
    elif isinstance(scroller, QTableView):  # its bar may count columns, not pixels
        wide = scroller.horizontalHeader().length()
    else:
        wide = shown + bar.maximum()
    return [f"{name}: scrolls sideways ({shown} px shown of {wide})"]


def _needless_scroll_misfits(scroller: QAbstractScrollArea, area: QRect) -> list[str]:
    """A dialog's groups that scroll where the screen is as wide as two of their narrowest
    columns: at 1280 x 800 Settings scrolled, its Look group cut at the foot, 560 px left
    empty beside it (in two columns they show whole)."""
    if not isinstance(scroller, DialogBody) or not isinstance(scroller.window(), QDialog):
        return []  # a page's body (the summary, History's tabs) is not a form of groups
    if len(scroller.body.findChildren(QGroupBox)) < 2:
        return []  # one list that scrolls (the changes to keep): no groups to put side by side
    if 2 * scroller.minimum_width() > area.width():
        return []
    inner, shown = scroller.body.height(), scroller.viewport().height()
    if inner <= shown:
        return []
    name = f"{type(scroller.window()).__name__} {scroller.window().windowTitle()!r}"
    return [f"{name}: its groups scroll ({shown} px shown of {inner}) with room beside them"]


def _button_misfits(button: QAbstractButton, area: QRect) -> list[str]:
    name = _name(button)
    placed = _placement_misfits(button, area, name)
    if placed:
        return placed
    if isinstance(button, QPushButton) and button.text():
        words = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        # A button of two lines (the workout's, its key under its words): the wider one.
        need = max(button.fontMetrics().horizontalAdvance(line) for line in words.split("\n"))
        has = text_room(button)
        if has + TEXT_AIR < need:
            return [f"{name}: its words need {need} px, it has {has}"]
    return []


def text_room(button: QPushButton) -> int:
    """The width left for a button's words once the style (and style sheet) took its edges."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    inner = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    return inner.width()


def _name(button: QAbstractButton) -> str:
    text = button.text() or button.accessibleName() or button.toolTip() or type(button).__name__
    return f"button {text!r}"


def _size(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}"


def _at(rect: QRect) -> str:
    return f"({rect.x()}, {rect.y()})"


def arrow_misfits(root: QWidget) -> list[str]:
    """Every drop-down list and date field of `root` shown whose arrow is a stub: narrower
    than a line of its text is tall, outside the field, or over its text (a styled list drew
    the platform's 16 px arrow at any text size, cramped against the text at 150 %)."""
    problems = []
    for field in root.findChildren(QWidget):
        popup = isinstance(field, QDateTimeEdit) and field.calendarPopup()  # else spin arrows
        if not (isinstance(field, QComboBox) or popup) or not field.isVisible():
            continue
        option = QStyleOptionComboBox()
        option.initFrom(field)
        option.editable = not isinstance(field, QComboBox) or field.isEditable()
        option.frame = True
        combo, parts = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl
        arrow = field.style().subControlRect(combo, option, parts.SC_ComboBoxArrow, field)
        text = field.style().subControlRect(combo, option, parts.SC_ComboBoxEditField, field)
        line = field.fontMetrics().height()
        name = f"{type(field).__name__} {field.accessibleName() or field.objectName()!r}"
        if arrow.width() < line or not field.rect().contains(arrow) or text.right() >= arrow.left():
            problems.append(f"{name}: its arrow is {_size(arrow)} for a {line} px line")
    return problems


def wrapped_misfits(root: QWidget) -> list[str]:
    """Every word-wrapped label of `root` shown shorter than its words need at its width: its
    last lines are cut (a get-ready step at 1366 x 768 at 125 % in Spanish had 16 px of 34,
    and passed the checks above, which look at buttons, fields and scroll areas only)."""
    window = root.window()
    problems = []
    for label in root.findChildren(QLabel):
        if not label.wordWrap() or not label.isVisible() or label.window() is not window:
            continue
        if label.maximumHeight() == 0:  # folded on purpose: the count's key hint, whose words
            continue  # are on the Count button too, gives its lines to the count (timer_column)
        need = label.heightForWidth(label.width())
        if need > label.height():
            name = f"label {label.text()[:40]!r}"
            problems.append(f"{name}: its words need {need} px, it has {label.height()}")
    return problems


def cut_cell_misfits(root: QWidget) -> list[str]:
    """Every table of `root` shown whose column a row is picked by (its model's `read_by`: the
    sessions' routine) shows a title or a cell cut: at 800 x 600 in large print in Spanish
    History's list read "Ru…" over "Dai…" and "Hip…", "24 min" whole beside them under a
    title of 150 px, and passed (nothing scrolled, nothing was off the screen)."""
    window = root.window()
    problems = []
    for view in root.findChildren(QTableView):
        model = view.model()
        kept = getattr(model, "read_by", ())
        if not kept or not view.isVisible() or view.window() is not window:
            continue
        name = f"{type(view).__name__} {view.accessibleName() or view.objectName()!r}"
        for column in (c for c in kept if not view.isColumnHidden(c)):
            shown = model.headerData(column, Qt.Orientation.Horizontal)
            if column in getattr(model, "cut_titles", {}):
                problems.append(f"{name}: its title {shown!r} is cut")
            cut = [
                str(model.index(row, column).data())
                for row in range(model.rowCount())
                if not reads_whole(view, model.index(row, column))
            ]
            if cut:
                problems.append(f"{name}: {len(cut)} cells cut under {shown!r}, {cut[0]!r}")
    return problems


def first_screen_misfits(root: QWidget) -> list[str]:
    """Every widget of `root` shown that a window marks as its first screen (the property
    "first_screen": History's chosen session's heading and its sets) not on view without
    scrolling: a label whole, a table its first row (its first lines, a taller one). At 800 x 600 in large print in Spanish
    both were below the sessions tab's fold, and passed (what scrolls counts as reached)."""
    window = root.window()
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.property("first_screen") or not widget.isVisible():
            continue
        if widget.window() is not window:
            continue
        wanted = widget.rect()
        if isinstance(widget, QTableView) and widget.model().rowCount():
            port = widget.viewport()
            tall = first_lines_tall(widget, widget.rowHeight(0))
            row = QRect(0, widget.rowViewportPosition(0), port.width(), tall)
            wanted = row.translated(port.pos())
            if not port.geometry().contains(wanted):
                problems.append(f"{_first_name(widget)}: its first row is taller than its view")
                continue
        hidden = QRegion(wanted).subtracted(widget.visibleRegion())
        if not hidden.isEmpty():
            shown = _size(wanted.intersected(widget.visibleRegion().boundingRect()))
            problems.append(
                f"{_first_name(widget)}: not on view unscrolled ({shown} of {_size(wanted)})"
            )
    return problems


def first_lines_tall(table: QTableView, tall: int) -> int:
    """What of a table's row `tall` px must be on view: all of it up to FIRST_ROW_LINES lines
    (and its padding), else its first lines, a line fewer."""
    one, line = table.verticalHeader().defaultSectionSize(), table.fontMetrics().lineSpacing()
    whole = tall <= one + (FIRST_ROW_LINES - 1) * line + line // 2
    return tall if whole else one + (FIRST_ROW_LINES - 2) * line


def _first_name(widget: QWidget) -> str:
    text = widget.text()[:40] if isinstance(widget, QLabel) else widget.accessibleName()
    return f"{type(widget).__name__} {text!r}"

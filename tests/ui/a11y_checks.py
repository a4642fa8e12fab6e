"""What a screen reader would miss in a window: controls without a name or description, roles
that say the wrong thing, a Tab order that jumps about, a focus nobody can see."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

Role = QAccessible.Role
# The controls a screen reader user acts on: each needs a name, and a description (what it
# does, its key) for the buttons and fields.
NAMED = {
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
    Role.Slider, Role.SpinBox, Role.List, Role.Table, Role.Tree, Role.PageTab,
    Role.PageTabList,
}  # fmt: skip
DESCRIBED = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.Slider,
    Role.SpinBox,
}
# Containers Orca names by their role even without a name, as the focus enters them.
SAID_EVEN_UNNAMED = {Role.LayeredPane}
ROLES: tuple[tuple[type[QWidget], set[Role]], ...] = (
    (QRadioButton, {Role.RadioButton}),
    (QCheckBox, {Role.CheckBox}),
    (QPushButton, {Role.PushButton, Role.Button}),
    (QComboBox, {Role.ComboBox}),
    (QLineEdit, {Role.EditableText}),
    (QPlainTextEdit, {Role.EditableText}),
    (QSlider, {Role.Slider}),
    (QSpinBox, {Role.SpinBox}),
)


def interfaces(window: QWidget) -> Iterator[QAccessibleInterface]:
    """Every visible accessible object of the window; an item view's rows are not walked."""
    root = QAccessible.queryAccessibleInterface(window)
    if root is None:
        return
    todo = [root]
    while todo:
        iface = todo.pop(0)
        if not iface.isValid() or iface.state().invisible:
            continue
        yield iface
        if iface.role() in (Role.List, Role.Table, Role.Tree, Role.MenuBar):
            continue
        todo += [c for c in (iface.child(i) for i in range(iface.childCount())) if c is not None]


def _what(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    label = iface.text(QAccessible.Text.Name) or (obj.objectName() if obj is not None else "")
    kind = type(obj).__name__ if obj is not None else iface.role().name
    return f"{kind} {label!r}"


def accessibility_problems(window: QWidget) -> list[str]:
    """Unnamed or undescribed controls and wrong roles, one line each."""
    problems = []
    for iface in interfaces(window):
        role = iface.role()
        obj = iface.object()
        if role in NAMED and not iface.text(QAccessible.Text.Name).strip():
            problems.append(f"{_what(iface)} has no accessible name")
        if role in DESCRIBED and not iface.text(QAccessible.Text.Description).strip():
            problems.append(f"{_what(iface)} has no accessible description")
        problems += _group_said_twice(iface)
        problems += _name_says_nothing(iface)
        problems += _markup_said(iface)
        for kind, roles in ROLES:
            if isinstance(obj, QPushButton) and obj.isCheckable():
                roles = {Role.CheckBox, Role.PushButton}  # a toggle button: pressed or not
            if isinstance(obj, kind):
                if role not in roles:
                    problems.append(f"{_what(iface)} says it is a {role.name}")
                break
    return problems


# A name a reader would say without saying what the control is: a symbol alone ("✕", "→")
# or a count of the controls before it (the routine editor's tempo read its "hold at top" as
# "Tempo (3) text", and a rep range's top as "Rep range (2)", until session 28).
NUMBERED = re.compile(r"\(\d+\)\s*$")


def _name_says_nothing(iface: QAccessibleInterface) -> list[str]:
    name = iface.text(QAccessible.Text.Name).strip()
    if iface.role() not in NAMED or not name:
        return []
    if not any(c.isalnum() for c in name):
        return [f"{_what(iface)} is named by a symbol alone"]
    obj = iface.object()
    spoken = obj.accessibleName() if isinstance(obj, QWidget) else name
    if NUMBERED.search(name) or NUMBERED.search(spoken):
        return [f"{_what(iface)} is named by a number, not by what it is: {spoken or name!r}"]
    return []


# Markup a reader would spell out: Qt hands AT-SPI a tab's tooltip as its description, and a
# widget's tooltip where it has no description, as written, tags and all
# (QAccessibleTabButton::text, QAccessibleWidget::text in qtbase's src/widgets/accessible).
MARKUP = re.compile(r"<(p|br|b|i|span|div|html|qt)\b[^>]*>|&(lt|gt|amp|quot|nbsp|#\d+);", re.I)


def _markup_said(iface: QAccessibleInterface) -> list[str]:
    said = (QAccessible.Text.Name, QAccessible.Text.Description)
    return [
        f"{_what(iface)} gives a screen reader markup as its {kind.name}: {text!r}"
        for kind in said
        if MARKUP.search(text := iface.text(kind))
    ]


def _group_said_twice(iface: QAccessibleInterface) -> list[str]:
    """A radio button labelled by the named group around it: Orca 43 says the group's name
    as the focus enters the group ("... panel."), then again as the radio button's group,
    which it takes from the button's label relation (newRadioButtonGroup in
    https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/speech_generator.py).
    Qt labels every child of a titled QGroupBox by it (QAccessibleWidget::relations)."""
    if iface.role() != Role.RadioButton:
        return []
    around = []
    parent = iface.parent()
    while parent is not None and parent.isValid():
        around.append(parent.object())
        parent = parent.parent()
    labels = iface.relations(QAccessible.RelationFlag.Label)
    return [
        f"{_what(iface)} is labelled by the group around it, {_what(label)}: said twice"
        for label, _relation in labels
        if label.object() in around and label.text(QAccessible.Text.Name).strip()
    ]


# Orca reads a window's "unrelated labels" (labels of 3 words or more that label nothing,
# outside lists, tables and combo boxes) as part of its name as it opens, and
# a group's as the focus enters it (unrelatedLabels in
# https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/script_utilities.py).
UNRELATED_SKIPPED = {Role.ComboBox, Role.List, Role.Table, Role.Tree, Role.MenuBar}


def stray_labels(window: QWidget) -> list[str]:
    """The words Orca 43 would read as a dialog's own text as it opens. Whole sentences are
    meant to be (a message box's question); a part of a sentence around a field ("of
    computer use") is not: "Weekly plan ... dialog of computer use"."""
    root = QAccessible.queryAccessibleInterface(window)
    found: list[str] = []
    todo = [root] if root is not None else []
    while todo:
        iface = todo.pop(0)
        if not iface.isValid() or iface.state().invisible or iface.role() in UNRELATED_SKIPPED:
            continue
        name = iface.text(QAccessible.Text.Name)
        if (
            iface.role() == Role.StaticText
            and len(name.split()) >= 3
            and not iface.relations(QAccessible.RelationFlag.AllRelations)
        ):
            found.append(name)
        todo += [c for c in (iface.child(i) for i in range(iface.childCount())) if c is not None]
    return found


def focusable(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None  # Tab passes it by (a scroll area's viewport)
        and not _inside_popup_parts(widget)
    )


def _inside_popup_parts(widget: QWidget) -> bool:
    """Parts of a compound widget that Tab skips (a combo box's view, a scroll bar)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, from the window round to it again."""
    seen: list[QWidget] = []
    widget: QWidget | None = window.nextInFocusChain()
    for _ in range(5000):
        if widget is None or widget is window:
            break
        if focusable(widget, window) and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen


def layout_order(widget: QWidget) -> Iterator[QWidget]:
    """The widgets of a window in reading order: each layout's items in turn (a grid row by
    row), a stacked widget's current page, a tab widget's bar then its page."""
    yield widget
    if isinstance(widget, QStackedWidget):
        current = widget.currentWidget()
        if current is not None:
            yield from layout_order(current)
        return
    if isinstance(widget, QTabWidget):
        yield widget.tabBar()
        current = widget.currentWidget()
        if current is not None:
            yield from layout_order(current)
        return
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            yield from layout_order(inner)
        return
    if isinstance(widget, QSplitter):
        for i in range(widget.count()):
            part = widget.widget(i)
            if part is not None:
                yield from layout_order(part)
        return
    if isinstance(widget, (QAbstractItemView, QAbstractScrollArea, QComboBox, QTabBar)):
        return
    layout = widget.layout()
    children = _layout_widgets(layout) if layout is not None else []
    others = [
        c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if c not in children and not c.isWindow()
    ]  # fmt: skip
    for child in children + others:
        yield from layout_order(child)


def _layout_widgets(layout: object) -> list[QWidget]:
    from PySide6.QtWidgets import QGridLayout, QLayout, QLayoutItem

    assert isinstance(layout, QLayout)
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        cells: list[tuple[int, int, QLayoutItem | None]] = []
        for i, item in enumerate(items):
            row, col, _rows, _cols = cast(tuple[int, int, int, int], layout.getItemPosition(i))
            cells.append((row, col, item))
        items = [item for _r, _c, item in sorted(cells, key=lambda c: (c[0], c[1]))]
    found: list[QWidget] = []
    for item in items:
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found += _layout_widgets(inner)
    # A layout item is no QObject, so PySide never learns when Qt deletes it: its wrapper stays
    # in PySide's map by address, and a widget made later at that address came back as this
    # stale QSpacerItem (a dialog's Tab chain in the tour: "'QSpacerItem' object has no
    # attribute 'window'"). Let go of the wrappers of the items Qt made now; the items stay.
    # (Not those made in Python, as FlowLayout's: it keeps using its own.)
    # https://doc.qt.io/qtforpython-6/shiboken6/shibokenmodule.html
    for item in items:
        if item is None or isinstance(item, QLayout) or shiboken6.createdByPython(item):
            continue
        shiboken6.invalidate(cast(shiboken6.Object, item))
    return found


def unnamed_stops(window: QWidget) -> list[str]:
    """Tab stops a screen reader names by their role alone ("layered pane"), and containers
    around them that it says so on the way in (Orca 43 passes over a filler or a panel with
    no name, never a layered pane: isLayoutOnly in its script_utilities.py)."""
    problems = []
    for widget in tab_chain(window):
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is not None and not iface.text(QAccessible.Text.Name).strip():
            problems.append(f"Tab stops at {_widget(widget)}, which has no name")
        around = iface.parent() if iface is not None else None
        while around is not None and around.isValid() and around.object() is not window:
            said = around.role() in SAID_EVEN_UNNAMED
            if said and not around.text(QAccessible.Text.Name).strip():
                problems.append(f"Tab to {_widget(widget)} passes a {around.role().name} "
                                f"with no name, {_what(around)}")  # fmt: skip
            around = around.parent()
    return list(dict.fromkeys(problems))


def focus_unnamed(window: QWidget) -> list[str]:
    """Where the focus is as the page or window comes: a reader says its name first, and a
    page with none was said as a nameless panel (the first-run notice, the resume offer and
    the morning's advice, until session 28)."""
    here = QApplication.focusWidget()
    if here is None or here.window() is not window:
        return []
    iface = QAccessible.queryAccessibleInterface(here)
    if iface is None or iface.text(QAccessible.Text.Name).strip():
        return []
    return [f"the focus comes to {_widget(here)}, which has no name"]


def focus_order_problems(window: QWidget) -> list[str]:
    """Where Tab's order differs from the reading order of the layouts."""
    chain = tab_chain(window)
    reading = [w for w in dict.fromkeys(layout_order(window)) if w in chain]
    if chain == reading:
        return []
    for i, (got, want) in enumerate(zip(chain, reading, strict=False)):
        if got is not want:
            return [
                f"Tab goes to {_widget(got)} at stop {i + 1}; reading order says {_widget(want)}"
            ]
    return [f"Tab visits {len(chain)} widgets, the layouts show {len(reading)}"]


def _widget(w: QWidget) -> str:
    text = w.text() if isinstance(w, QAbstractButton) else w.accessibleName() or w.objectName()
    return f"{type(w).__name__} {text!r}"

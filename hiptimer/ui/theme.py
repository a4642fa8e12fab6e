"""The look in use: its palette, the text size (large print) and the application's style sheet."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer.i18n import N_
from hiptimer.ui.palette import DARK, Palette, Phase, PhaseStyle

__all__ = [
    "Phase",
    "PhaseStyle",
    "check_box_rules",
    "current",
    "set_exact_px",
    "set_px",
    "style_for",
    "text_scale",
]

FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica", "Arial"]
BASE_FONT_PX = 18
QUESTION_PX = 24  # a question's words in a session or after it (question_rules)
ANSWER_PX = 22  # and its answers' buttons
TEXT_SIZE_LABELS = {  # the text-size setting's values (core.settings.TEXT_SIZES), in per cent
    100: N_("Normal"),
    125: N_("Large (125 %)"),
    150: N_("Largest (150 %)"),
}


class _Look:
    palette: Palette = DARK
    scale: float = 1.0


# Widgets that restyle themselves when the look changes, with how (see `follow`).
_followers: list[tuple[QWidget, Callable[[], None]]] = []


def current() -> Palette:
    """The palette in use."""
    return _Look.palette


def text_scale() -> float:
    """How much larger than normal text is drawn (1.0, 1.25 or 1.5)."""
    return _Look.scale


def style_for(phase: Phase) -> PhaseStyle:
    return _Look.palette.phases[phase]


# The smallest type read from the mat at 100 % (the coaching steps', the pain scale's words):
# a page whose type follows its height gives body text no less than this.
READABLE_PX = 14
# The body text's share of the summary's height: its sets table, the doses changed and the
# suggestions under them. The table was 0.028 of it (12 px at 100 % on a 1024 x 600 screen,
# with a notice showing), smaller than the doses changed under it.
BODY_SHARE = 0.03


def px(size: float) -> int:
    """A font size in pixels, grown by the text-size setting."""
    return max(8, round(size * _Look.scale))


def set_px(
    widget: QWidget,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    most: float | None = None,
) -> None:
    """Give a widget a font of this many pixels times the text size (large print), but no
    more than `most` pixels: sizes follow the window, not the desktop."""
    grown = size * _Look.scale
    set_exact_px(widget, grown if most is None else min(grown, most), bold=bold, italic=italic)


def restyle(widget: QWidget, sheet: str) -> None:
    """Give a widget this style sheet unless it has it already. Qt re-polishes the widget and
    every child at each setStyleSheet, the same text or not: the session page restyled its
    steps at each resize and each cue, two calls in three of them changing nothing."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def set_exact_px(widget: QWidget, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Give a widget a font of exactly this many pixels: for text a widget has fitted to its
    room itself (from a largest size that set_px-style scaling already grew)."""
    font = QFont(widget.font())
    font.setPixelSize(max(8, int(size)))
    font.setBold(bold)
    font.setItalic(italic)
    widget.setFont(font)


def app_font() -> QFont:
    """The base font: a plain sans serif, larger than the desktop's usual 13 px."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(px(BASE_FONT_PX))
    return font


def system_scheme() -> tuple[bool | None, bool]:
    """Whether the desktop asks for dark colours (None: it does not say), and for high contrast.

    QStyleHints.colorScheme() is in Qt 6.5 and later; the contrast preference in 6.10 and later.
    """
    hints = QGuiApplication.styleHints()
    from PySide6.QtCore import Qt

    scheme = hints.colorScheme()
    dark = {Qt.ColorScheme.Dark: True, Qt.ColorScheme.Light: False}.get(scheme)
    accessibility = getattr(hints, "accessibility", None)
    high = False
    if accessibility is not None:
        preference = accessibility().contrastPreference()
        high = preference == Qt.ContrastPreference.HighContrast
    return dark, high


def use(palette: Palette, text_size: int = 100) -> bool:
    """Make `palette` and `text_size` (per cent) the look; True when that changed anything."""
    scale = text_size / 100
    if palette is _Look.palette and scale == _Look.scale:
        return False
    _Look.palette, _Look.scale = palette, scale
    return True


def apply(app: QApplication, theme: str, text_size: int) -> bool:
    """Choose the palette for the theme setting (following the desktop for "system"), set the
    application's font and style sheet, and tell open windows. True when the look changed."""
    from hiptimer.ui.palette import choose

    dark, high = system_scheme()
    changed = use(choose(theme, system_dark=dark, system_high_contrast=high), text_size)
    # Only on a change: each set re-polishes every widget (~50 ms with the main window open),
    # and Settings' OK or the desktop's scheme signal asks again with the same look.
    font, sheet = app_font(), app_style_sheet()
    if app.font() != font:
        app.setFont(font)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    if changed:
        _restyle_all()
    return changed


def watch_system(app: QApplication, setting: Callable[[], tuple[str, int]]) -> Callable[[], None]:
    """Follow the desktop's colour scheme as it changes (a theme of "system" does); returns
    what stops following. `setting` gives the theme and text size in use."""

    def changed(*_args: object) -> None:
        theme, size = setting()
        apply(app, theme, size)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(changed)

    def stop() -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            hints.colorSchemeChanged.disconnect(changed)

    return stop


def follow(widget: QWidget, restyle: Callable[[], None]) -> None:
    """Call `restyle` whenever the look changes, for as long as `widget` lives."""
    _followers[:] = [(w, r) for w, r in _followers if shiboken6.isValid(w)]
    _followers.append((widget, restyle))


def _restyle_all() -> None:
    """Tell every widget that follows the look (a deleted one is dropped)."""
    _followers[:] = [(w, r) for w, r in _followers if shiboken6.isValid(w)]
    for _widget, restyle in list(_followers):
        restyle()


def check_box_rules(p: Palette, selectors: tuple[str, ...] = ("QCheckBox",)) -> str:
    """Check boxes (and radio buttons) in words of the ink's colour, with a ring in the focus
    colour on the page's header shade when Tab reaches one: without it, the platform's focus
    look turned the words black on a dark blue band in the dark theme. A disabled one greys
    its words, as a disabled button does: with the words' colour set, Qt greys nothing itself.
    For a window's own style sheet (Settings, History): the app's does not reach a window
    that sets one."""
    each = ", ".join(selectors)
    focused = ", ".join(f"{s}:focus" for s in selectors)
    disabled = ", ".join(f"{s}:disabled" for s in selectors)
    return f"""
    {each} {{ color: {p.ink}; spacing: 8px; padding: 2px 4px; }}
    {focused} {{
        background: {p.header}; border: {p.edge}px solid {p.focus}; border-radius: 4px;
    }}
    {disabled} {{ color: {p.disabled}; }}
    """


def question_rules(selector: str) -> str:
    """The type of a question asked in a session or after it (the end-session question, the
    doses to keep), read from the mat 2 m away: its words and its answers, for `selector`."""
    return f"""
    {selector} QLabel {{ font-size: {px(QUESTION_PX)}px; }}
    {selector} QPushButton {{ font-size: {px(ANSWER_PX)}px; padding: 10px 24px; }}
    """


def app_style_sheet(p: Palette | None = None) -> str:
    """The application-wide style: large type, flat buttons, a focus ring that shows.

    QBalloonTip is Qt's tray message where the tray is an X11 one (XEmbed): a pale yellow
    balloon whose QLabels the ink's colour made white there (qsystemtrayicon.cpp,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/util/qsystemtrayicon.cpp)."""
    p = p or _Look.palette
    e = p.edge
    return f"""
    QMainWindow, QStackedWidget, QWidget#pages, QWidget#page {{ background: {p.page}; color: {p.ink}; }}
    QLabel {{ color: {p.ink}; }}
    QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="warning"] {{ color: {p.warning}; }}
    QPushButton {{
        background: {p.button}; color: {p.ink}; border: {e}px solid {p.button_border};
        border-radius: 8px; padding: 6px 14px;
    }}
    QPushButton:hover {{ background: {p.button_hover}; }}
    QPushButton:pressed {{ background: {p.button_pressed}; }}
    QPushButton:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QPushButton[role="primary"] {{
        background: {p.primary}; color: {p.primary_text}; border-color: {p.primary_border};
        padding: 12px 28px;
    }}
    QPushButton[role="primary"]:hover {{ background: {p.primary_hover}; }}
    QPushButton[role="primary"]:disabled {{
        background: {p.button}; color: {p.disabled}; border-color: {p.disabled_border};
    }}
    QPushButton:focus {{ border: {e + 1}px solid {p.focus}; }}
    QListWidget, QTableWidget, QTableView, QTreeWidget, QTextBrowser {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.border};
        alternate-background-color: {p.field_alt};
    }}
    QListWidget:focus, QTableView:focus, QTreeWidget:focus, QTextBrowser:focus {{
        border: {e}px solid {p.focus};
    }}
    QListWidget::item {{ padding: 10px; }}
    QLineEdit[role="search"] {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.border};
        border-radius: 4px; padding: 4px 8px;
    }}
    QLineEdit[role="search"]:focus {{ border: {e}px solid {p.focus}; }}
    QListWidget::item:selected, QTreeWidget::item:selected {{
        background: {p.selection}; color: {p.selection_text};
    }}
    QHeaderView::section {{
        background: {p.header}; color: {p.ink}; padding: 6px; border: none; font-weight: bold;
    }}
    QProgressBar {{
        background: {p.field}; border: {e}px solid {p.button_border}; border-radius: 6px;
        color: {p.ink}; text-align: center;
    }}
    QMenuBar {{ background: {p.header}; color: {p.ink}; }}
    QMenuBar::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
    QMenu {{ background: {p.field}; color: {p.ink}; border: 1px solid {p.border}; }}
    QMenu::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
    QMenu::item:disabled {{ color: {p.disabled}; }}
    QDialog, QMessageBox {{ background: {p.page}; color: {p.ink}; }}
    QMessageBox QLabel {{ color: {p.ink}; }}
    {question_rules("QMessageBox")}
    QPushButton:default {{ border: {e + 1}px solid {p.warning}; }}
    QScrollBar:vertical {{ background: {p.field}; width: 14px; }}
    QScrollBar:horizontal {{ background: {p.field}; height: 14px; }}
    QScrollBar::handle {{ background: {p.scroll_handle}; border-radius: 6px; }}
    QScrollBar::handle:vertical {{ min-height: 30px; }}
    QScrollBar::handle:horizontal {{ min-width: 30px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QStatusBar {{ background: {p.header}; color: {p.warning}; font-size: {px(18)}px; }}
    QToolTip {{ background: #FFFFE0; color: #000000; border: 1px solid #000000; }}
    QBalloonTip QLabel {{ color: #000000; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    """

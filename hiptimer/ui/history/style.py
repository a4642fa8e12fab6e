"""The history window's look: the theme in use on its tables, filters and tabs."""

from __future__ import annotations

from hiptimer import paths
from hiptimer.ui.palette import Palette
from hiptimer.ui.theme import current, px


def history_style_sheet(p: Palette | None = None) -> str:
    """Set on the window: it reads well with or without the app's style sheet."""
    p = p or current()
    e = p.edge
    # A styled date field draws a stub of the platform's arrow (16 px at any text size,
    # cramped against the date at 150 %, with a dark corner in the light theme): a button of
    # its own, as wide as the text size asks, with an arrow in the ink's shade; the routine's
    # list beside them too. (Not the tabs' lists: a wider arrow would make the Pain tab's row
    # of two lists scroll sideways at 960 x 540 in large print.)
    arrow = (paths.icons_dir() / "ui" / f"arrow-down{'' if p.dark else '-dark'}.svg").as_posix()
    return f"""
    QWidget#historyWindow {{ background: {p.page}; color: {p.ink}; }}
    QTableView, QPlainTextEdit {{
        background: {p.field}; alternate-background-color: {p.field_alt}; color: {p.ink};
        border: 1px solid {p.border}; selection-background-color: {p.selection};
        selection-color: {p.selection_text};
    }}
    QTableView:focus, QPlainTextEdit:focus {{ border: {e}px solid {p.focus}; }}
    QGraphicsView {{ border: {e}px solid {p.chart_back}; }}
    QGraphicsView:focus {{ border-color: {p.focus}; }}
    QComboBox, QDateEdit {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        border-radius: 4px; padding: 3px 8px;
    }}
    QComboBox:focus, QDateEdit:focus {{ border: {e}px solid {p.focus}; }}
    QDateEdit::drop-down, QComboBox#routine-filter::drop-down {{
        subcontrol-origin: padding; subcontrol-position: center right; width: {px(26)}px;
        background: {p.button}; border-left: 1px solid {p.field_border};
        border-top-right-radius: 3px; border-bottom-right-radius: 3px;
    }}
    QDateEdit::drop-down:hover, QComboBox#routine-filter::drop-down:hover {{
        background: {p.button_hover};
    }}
    QDateEdit::down-arrow, QComboBox#routine-filter::down-arrow {{
        image: url({arrow}); width: {px(12)}px; height: {px(12)}px;
    }}
    QComboBox QAbstractItemView {{
        background: {p.field}; color: {p.ink}; selection-background-color: {p.selection};
        selection-color: {p.selection_text};
    }}
    QTabWidget::pane {{ border: 1px solid {p.border}; top: -1px; }}
    QTabBar::tab {{
        background: {p.header}; color: {p.ink}; padding: 8px 18px; margin-right: 2px;
        border: 1px solid {p.border}; border-bottom: none;
    }}
    QTabBar::tab:selected {{ background: {p.selection}; color: {p.selection_text}; }}
    QTabBar::tab:focus {{ border: {e}px solid {p.focus}; }}
    QPushButton:checked {{
        background: {p.selection}; color: {p.selection_text}; border-color: {p.ink};
    }}
    /* The window's :checked outranks the app's focus ring: a checked preset shows it too. */
    QPushButton:checked:focus {{ border-color: {p.focus}; }}
    QLabel#status {{ color: {p.muted}; }}
    /* As in Settings: without it, the platform's focus look turned the words black on a dark
       blue band in the dark theme. */
    QCheckBox {{ color: {p.ink}; spacing: 8px; padding: 2px 4px; }}
    QCheckBox:focus {{ background: {p.header}; border: {e}px solid {p.focus}; border-radius: 4px; }}
    """

"""The history window's look: the theme in use on its tables, filters and tabs."""

from __future__ import annotations

from hiptimer.ui.drop_down import drop_down_rules
from hiptimer.ui.palette import Palette
from hiptimer.ui.theme import check_box_rules, current


def history_style_sheet(p: Palette | None = None) -> str:
    """Set on the window: it reads well with or without the app's style sheet."""
    p = p or current()
    e = p.edge
    return (
        drop_down_rules(p, ("QComboBox", "QDateEdit"))
        + f"""
    QWidget#historyWindow {{ background: {p.page}; color: {p.ink}; }}
    QTableView, QPlainTextEdit {{
        background: {p.field}; alternate-background-color: {p.field_alt}; color: {p.ink};
        border: 1px solid {p.border}; selection-background-color: {p.selection};
        selection-color: {p.selection_text};
    }}
    QTableView:focus, QPlainTextEdit:focus {{ border: {e}px solid {p.focus}; }}
    /* The note with no session chosen: greyed as a disabled list is (drop_down_rules), for
       with the field's colours set Qt greys nothing itself. */
    QPlainTextEdit:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QGraphicsView {{ border: {e}px solid {p.chart_back}; }}
    QGraphicsView:focus {{ border-color: {p.focus}; }}
    QComboBox, QDateEdit {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        border-radius: 4px; padding: 3px 8px;
    }}
    QComboBox:focus, QDateEdit:focus {{ border: {e}px solid {p.focus}; }}
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
    """
        + check_box_rules(p)
    )

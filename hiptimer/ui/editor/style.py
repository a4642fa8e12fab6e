"""The editor's look: the theme in use carried to every input, and error text that stands out."""

from __future__ import annotations

from hiptimer import paths
from hiptimer.ui.drop_down import drop_down_rules
from hiptimer.ui.palette import Palette
from hiptimer.ui.theme import current, px

# The desk-side editor is denser than the workout screen's 18 px. Set in the style sheet:
# a widget with a style sheet does not pass a font set by setFont() on to its children.
EDITOR_FONT_PX = 16


def error_colour() -> str:
    """Error text: 4.5:1 or more on the page in every theme."""
    return current().error


def muted_colour() -> str:
    return current().muted


def tick_image(p: Palette) -> str:
    """A ticked box's mark, in the colour of words on the main button: without one, high
    contrast drew a ticked box black in a yellow frame and an empty one black in a white
    frame, told apart by the frame's colour alone (seen under Xvfb)."""
    colour = p.primary_text.lstrip("#").lower()
    return (paths.icons_dir() / "ui" / f"check-{colour}.svg").as_posix()


def editor_style_sheet(p: Palette | None = None) -> str:
    """Set on the editor window: it must read well with or without the app's style sheet."""
    p = p or current()
    e = p.edge
    # A check box's mark grows with the text size, as its words do: at a fixed 16 px the
    # weekly plan's day boxes (marks with no words of their own) stayed small in large print.
    box = px(16)
    return f"""
    QMainWindow, QDialog, QMessageBox {{ background: {p.page}; color: {p.ink}; }}
    QWidget {{ color: {p.ink}; font-size: {px(EDITOR_FONT_PX)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QLabel[role="error"] {{ color: {p.error}; }}
    QLabel[role="ok"] {{ color: {p.ok}; }}
    QLabel[role="muted"], QLabel[role="unit"] {{ color: {p.muted}; }}
    QLabel#banner {{
        background: {p.caution_back}; color: {p.caution_text};
        border-left: 5px solid {p.caution_edge}; padding: 8px 12px;
    }}
    QFrame#draft-offer {{
        background: {p.caution_back}; border: 2px solid {p.caution_edge}; border-radius: 6px;
    }}
    QFrame#draft-offer QLabel {{ color: {p.ink}; font-weight: bold; }}
    QGroupBox {{
        border: 1px solid {p.border}; border-radius: 6px; margin-top: 16px;
        padding: 10px 8px 8px 8px; font-weight: bold;
    }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 6px; }}
    QGroupBox > QWidget {{ font-weight: normal; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QListWidget, QTreeWidget {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        border-radius: 4px; selection-background-color: {p.selection};
        selection-color: {p.selection_text}; font-weight: normal;
    }}
    QLineEdit, QComboBox {{ padding: 3px 6px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListWidget:focus,
    QTreeWidget:focus {{ border: {e}px solid {p.focus}; }}
    QLineEdit:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
        border: {e}px solid {p.error};
    }}
    QComboBox QAbstractItemView {{
        background: {p.field}; color: {p.ink}; selection-background-color: {p.selection};
        selection-color: {p.selection_text};
    }}
    QListWidget::item {{ padding: 4px 6px; }}
    QListWidget::indicator, QCheckBox::indicator {{
        width: {box}px; height: {box}px; border: 2px solid {p.button_border}; border-radius: 3px;
        background: {p.field};
    }}
    QListWidget::indicator:checked, QCheckBox::indicator:checked {{
        background: {p.primary}; border-color: {p.primary_border}; image: url({tick_image(p)});
    }}
    QListWidget::item:selected, QTreeWidget::item:selected {{
        background: {p.selection}; color: {p.selection_text};
    }}
    QListWidget#problem-list {{ color: {p.error}; }}
    QTabWidget::pane {{ border: 1px solid {p.border}; border-radius: 6px; top: -1px; }}
    QTabBar::tab {{
        background: {p.field}; color: {p.muted}; border: 1px solid {p.border};
        border-bottom: none; border-top-left-radius: 6px; border-top-right-radius: 6px;
        padding: 6px 16px; margin-right: 4px;
    }}
    QTabBar::tab:selected {{ background: {p.header}; color: {p.ink}; font-weight: bold; }}
    QTabBar::tab:focus {{ border: {e}px solid {p.focus}; }}
    QHeaderView::section {{
        background: {p.header}; color: {p.ink}; padding: 4px; border: none;
    }}
    QPushButton {{
        background: {p.button}; color: {p.ink}; border: {e}px solid {p.button_border};
        border-radius: 6px; padding: 5px 12px; font-weight: normal;
    }}
    QPushButton:hover {{ background: {p.button_hover}; }}
    QPushButton:pressed {{ background: {p.button_pressed}; }}
    QPushButton:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QPushButton[role="primary"] {{
        background: {p.primary}; color: {p.primary_text}; border-color: {p.primary_border};
        padding: 6px 24px;
    }}
    QPushButton[role="primary"]:hover {{ background: {p.primary_hover}; }}
    QPushButton[role="primary"]:disabled {{
        background: {p.button}; color: {p.disabled}; border-color: {p.disabled_border};
    }}
    QPushButton:focus {{ border: {e + 1}px solid {p.focus}; }}
    QMenuBar {{ background: {p.header}; color: {p.ink}; }}
    QMenuBar::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
    QMenu {{ background: {p.field}; color: {p.ink}; border: 1px solid {p.border}; }}
    QMenu::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
    QMenu::item:disabled {{ color: {p.disabled}; }}
    QStatusBar {{ color: {p.muted}; }}
    QToolTip {{ background: #FFFFE0; color: #000000; border: 1px solid #000000; }}
    """ + drop_down_rules(p)

"""The editor's look: the app's dark theme carried to every input, and red error text."""

from __future__ import annotations

from hiptimer.ui.theme import PAGE_BACKGROUND

ERROR_COLOUR = "#FF8A80"  # 7.4:1 on the page background
ERROR_BORDER = "#FF6E6E"
OK_COLOUR = "#81E6A0"
MUTED_COLOUR = "#C8D3DC"
FIELD_BACKGROUND = "#16212A"
# The desk-side editor is denser than the workout screen's 18 px. Set in the style sheet:
# a widget with a style sheet does not pass a font set by setFont() on to its children.
EDITOR_FONT_PX = 16


def editor_style_sheet() -> str:
    """Set on the editor window: it must read well with or without the app's style sheet."""
    return f"""
    QMainWindow, QDialog, QMessageBox {{ background: {PAGE_BACKGROUND}; color: #FFFFFF; }}
    QWidget {{ color: #FFFFFF; font-size: {EDITOR_FONT_PX}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
    QLabel[role="ok"] {{ color: {OK_COLOUR}; }}
    QLabel[role="muted"], QLabel[role="unit"] {{ color: {MUTED_COLOUR}; }}
    QLabel#banner {{
        background: #2B3A45; border-left: 5px solid #FFB74D; padding: 8px 12px;
    }}
    QGroupBox {{
        border: 1px solid #4A5A65; border-radius: 6px; margin-top: 16px; padding: 10px 8px 8px 8px;
        font-weight: bold;
    }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 6px; }}
    QGroupBox > QWidget {{ font-weight: normal; }}
    QLineEdit, QPlainTextEdit, QComboBox, QListWidget, QTreeWidget {{
        background: {FIELD_BACKGROUND}; color: #FFFFFF; border: 1px solid #6B7F8C;
        border-radius: 4px; selection-background-color: #2F6FA8; font-weight: normal;
    }}
    QLineEdit, QComboBox {{ padding: 3px 6px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListWidget:focus {{
        border: 2px solid #7FB8FF;
    }}
    QLineEdit:disabled {{ color: #7E8B94; border-color: #3A4852; }}
    QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
        border: 2px solid {ERROR_BORDER};
    }}
    QComboBox QAbstractItemView {{
        background: {FIELD_BACKGROUND}; color: #FFFFFF; selection-background-color: #2F6FA8;
    }}
    QListWidget::item {{ padding: 4px 6px; }}
    QListWidget::indicator, QCheckBox::indicator {{
        width: 16px; height: 16px; border: 2px solid #8FA3B1; border-radius: 3px;
        background: {FIELD_BACKGROUND};
    }}
    QListWidget::indicator:checked, QCheckBox::indicator:checked {{
        background: #66E08A; border-color: #C8F5D5;
    }}
    QListWidget::item:selected, QTreeWidget::item:selected {{
        background: #2F6FA8; color: #FFFFFF;
    }}
    QListWidget#problem-list {{ color: {ERROR_COLOUR}; }}
    QTabWidget::pane {{ border: 1px solid #4A5A65; border-radius: 6px; top: -1px; }}
    QTabBar::tab {{
        background: #22303A; color: {MUTED_COLOUR}; border: 1px solid #4A5A65;
        border-bottom: none; border-top-left-radius: 6px; border-top-right-radius: 6px;
        padding: 6px 16px; margin-right: 4px;
    }}
    QTabBar::tab:selected {{ background: #2B3A45; color: #FFFFFF; font-weight: bold; }}
    QHeaderView::section {{ background: #2B3A45; color: #FFFFFF; padding: 4px; border: none; }}
    QPushButton {{
        background: #34444F; color: #FFFFFF; border: 2px solid #8FA3B1; border-radius: 6px;
        padding: 5px 12px; font-weight: normal;
    }}
    QPushButton:hover {{ background: #435763; }}
    QPushButton:pressed {{ background: #22303A; }}
    QPushButton:disabled {{ color: #7E8B94; border-color: #4A5A65; }}
    QPushButton[role="primary"] {{ background: #1B7F3B; border-color: #9BE7B1; padding: 6px 24px; }}
    QPushButton[role="primary"]:hover {{ background: #229A49; }}
    QPushButton[role="primary"]:disabled {{ background: #2A3A33; border-color: #4A5A65; }}
    QMenuBar {{ background: #16212A; color: #FFFFFF; }}
    QMenuBar::item:selected {{ background: #2F6FA8; }}
    QMenu {{ background: #16212A; color: #FFFFFF; border: 1px solid #4A5A65; }}
    QMenu::item:selected {{ background: #2F6FA8; }}
    QMenu::item:disabled {{ color: #7E8B94; }}
    QStatusBar {{ color: {MUTED_COLOUR}; }}
    QToolTip {{ background: #FFFFE0; color: #000000; border: 1px solid #000000; }}
    """

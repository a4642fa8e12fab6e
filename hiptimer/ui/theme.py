"""Colours per phase and the style sheet: high contrast, read from a mat 2-3 m away."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hiptimer.i18n import N_


class Phase(str, Enum):
    """What the workout screen is showing, each with its own colour and word."""

    GET_READY = "get_ready"
    WORK = "work"
    REST = "rest"
    SWITCH_SIDES = "switch_sides"
    PAUSED = "paused"
    PAIN = "pain"
    DONE = "done"


@dataclass(frozen=True)
class PhaseStyle:
    word: str  # shown in the banner (translate it): colour is never the only signal
    background: str
    accent: str  # the banner and the progress bar
    text: str = "#FFFFFF"


# Deep backgrounds with white text: every pair has a contrast ratio of at least 7:1
# (WCAG AAA), and the hues differ in lightness too, for colour-blind users.
PHASES: dict[Phase, PhaseStyle] = {
    Phase.GET_READY: PhaseStyle(N_("GET READY"), "#7A3E00", "#FFB74D"),
    Phase.WORK: PhaseStyle(N_("WORK"), "#0B4D1E", "#66E08A"),
    Phase.REST: PhaseStyle(N_("REST"), "#0B3470", "#7FB8FF"),
    Phase.SWITCH_SIDES: PhaseStyle(N_("SWITCH SIDES"), "#4A1467", "#D59CFF"),
    Phase.PAUSED: PhaseStyle(N_("PAUSED"), "#2E2E2E", "#E0E0E0"),
    Phase.PAIN: PhaseStyle(N_("PAIN CHECK"), "#1F2A33", "#FFD54F"),
    Phase.DONE: PhaseStyle(N_("DONE"), "#1F2A33", "#66E08A"),
}

# Pain scale colours for the 0-10 buttons: green (none) through amber to red (worst).
PAIN_COLOURS = (
    "#1B7F3B",
    "#2E8B3E",
    "#4A9A3A",
    "#6FA332",
    "#95A829",
    "#B8A020",
    "#C98A1A",
    "#D06E17",
    "#CF5317",
    "#C53A1A",
    "#B0201E",
)

FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica", "Arial"]
BASE_FONT_PX = 18
PAGE_BACKGROUND = "#1F2A33"


def style_for(phase: Phase) -> PhaseStyle:
    return PHASES[phase]


def app_font() -> QFont:
    """The base font: a plain sans serif, larger than the desktop's usual 13 px."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(BASE_FONT_PX)
    return font


def app_style_sheet() -> str:
    """The application-wide style: large type, flat high-contrast buttons."""
    return f"""
    QMainWindow, QStackedWidget, QWidget#page {{
        background: {PAGE_BACKGROUND};
        color: #FFFFFF;
    }}
    QLabel {{ color: #FFFFFF; }}
    QLabel[role="muted"] {{ color: #C8D3DC; }}
    QLabel[role="warning"] {{ color: #FFD54F; }}
    QPushButton {{
        background: #34444F;
        color: #FFFFFF;
        border: 2px solid #8FA3B1;
        border-radius: 8px;
        padding: 6px 14px;
    }}
    QPushButton:hover {{ background: #435763; }}
    QPushButton:pressed {{ background: #22303A; }}
    QPushButton:disabled {{ color: #7E8B94; border-color: #4A5A65; }}
    QPushButton[role="primary"] {{
        background: #1B7F3B;
        border-color: #9BE7B1;
        padding: 12px 28px;
    }}
    QPushButton[role="primary"]:hover {{ background: #229A49; }}
    QPushButton[role="primary"]:disabled {{ background: #2B3A45; border-color: #4A5A65; }}
    QListWidget, QTableWidget, QTextBrowser {{
        background: #16212A;
        color: #FFFFFF;
        border: 1px solid #4A5A65;
    }}
    QListWidget::item {{ padding: 10px; }}
    QListWidget::item:selected {{ background: #2F6FA8; color: #FFFFFF; }}
    QHeaderView::section {{
        background: #2B3A45; color: #FFFFFF; padding: 6px; border: none; font-weight: bold;
    }}
    QProgressBar {{
        background: #0E151B;
        border: 2px solid #8FA3B1;
        border-radius: 6px;
        color: #FFFFFF;
        text-align: center;
    }}
    QMenuBar {{ background: #16212A; color: #FFFFFF; }}
    QMenuBar::item:selected {{ background: #2F6FA8; }}
    QMenu {{ background: #16212A; color: #FFFFFF; }}
    QMenu::item:selected {{ background: #2F6FA8; }}
    QDialog, QMessageBox {{ background: {PAGE_BACKGROUND}; }}
    QMessageBox QLabel {{ color: #FFFFFF; font-size: 24px; }}
    QMessageBox QPushButton {{ font-size: 22px; padding: 10px 24px; }}
    QPushButton:default {{ border: 3px solid #FFD54F; }}
    QScrollBar:vertical {{ background: #16212A; width: 14px; }}
    QScrollBar::handle:vertical {{ background: #4A5A65; border-radius: 6px; min-height: 30px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QStatusBar {{ background: #16212A; color: #FFD54F; font-size: 18px; }}
    QToolTip {{ background: #FFFFE0; color: #000000; border: 1px solid #000000; }}
    """


def set_px(widget: QWidget, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Give a widget a font of this many pixels: sizes follow the window, not the desktop."""
    font = QFont(widget.font())
    font.setPixelSize(max(8, int(size)))
    font.setBold(bold)
    font.setItalic(italic)
    widget.setFont(font)

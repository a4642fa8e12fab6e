"""The Settings dialog's look: the editor's dark inputs plus sliders, radio buttons and a spin box."""

from __future__ import annotations

from hiptimer import paths
from hiptimer.ui.editor.style import FIELD_BACKGROUND, editor_style_sheet

FOCUS = "#FFD54F"  # the app's focus and warning yellow: 11:1 on the page background


def settings_style_sheet() -> str:
    """Set on the dialog: every control reads on the dark page and shows where the focus is."""
    arrows = (paths.icons_dir() / "ui").as_posix()  # white arrows: the styled spin box has none
    return (
        editor_style_sheet()
        + f"""
    QWidget {{ font-size: 17px; }}
    QGroupBox {{ font-size: 18px; }}
    QLabel#unavailable {{
        background: #3A2A12; border-left: 5px solid #FFB74D; padding: 8px 12px; color: #FFFFFF;
    }}
    QComboBox:disabled, QSpinBox:disabled {{ color: #7E8B94; border-color: #3A4852; }}
    QComboBox:focus, QSpinBox:focus {{ border: 2px solid {FOCUS}; }}
    QSpinBox {{
        background: {FIELD_BACKGROUND}; color: #FFFFFF; border: 1px solid #6B7F8C;
        border-radius: 4px; padding: 3px 6px; min-width: 150px;
    }}
    QSpinBox::up-button, QSpinBox::down-button {{
        width: 26px; background: #34444F; border-left: 1px solid #6B7F8C;
    }}
    QSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 4px; }}
    QSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 4px; }}
    QSpinBox::up-button:hover, QSpinBox::down-button:hover {{ background: #435763; }}
    QSpinBox::up-arrow {{ image: url({arrows}/arrow-up.svg); width: 12px; height: 12px; }}
    QSpinBox::down-arrow {{ image: url({arrows}/arrow-down.svg); width: 12px; height: 12px; }}
    QCheckBox, QRadioButton {{ spacing: 8px; padding: 2px 4px; }}
    QCheckBox:focus, QRadioButton:focus {{ background: #2B3A45; border-radius: 4px; }}
    QRadioButton::indicator {{
        width: 14px; height: 14px; border: 2px solid #8FA3B1; border-radius: 9px;
        background: {FIELD_BACKGROUND};
    }}
    QRadioButton::indicator:checked {{ background: #66E08A; border-color: #C8F5D5; }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {FOCUS}; }}
    QSlider {{ min-height: 28px; }}
    QSlider::groove:horizontal {{ height: 6px; background: #4A5A65; border-radius: 3px; }}
    QSlider::sub-page:horizontal {{ background: #2F6FA8; border-radius: 3px; }}
    QSlider::handle:horizontal {{
        background: #7FB8FF; border: 2px solid #C8D3DC; width: 16px; margin: -8px 0;
        border-radius: 10px;
    }}
    QSlider::handle:horizontal:focus {{ border: 3px solid {FOCUS}; }}
    QSlider::handle:horizontal:disabled {{ background: #4A5A65; border-color: #3A4852; }}
    QSlider::sub-page:horizontal:disabled {{ background: #3A4852; }}
    QPushButton:focus {{ border: 3px solid {FOCUS}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    """
    )

"""The Settings dialog's look: the editor's inputs plus sliders, radio buttons and a spin box."""

from __future__ import annotations

from hiptimer import paths
from hiptimer.ui.editor.style import editor_style_sheet
from hiptimer.ui.palette import Palette
from hiptimer.ui.theme import check_box_rules, current, px


def settings_style_sheet(p: Palette | None = None) -> str:
    """Set on the dialog: every control reads on the page and shows where the focus is."""
    p = p or current()
    e = p.edge
    # The styled spin box has no arrows of its own: white ones on dark themes, dark on light.
    arrows = (paths.icons_dir() / "ui").as_posix()
    shade = "" if p.dark else "-dark"
    dot = px(14)  # a radio button's mark grows with the text size, as a check box's does
    return (
        editor_style_sheet(p)
        + f"""
    QWidget {{ font-size: {px(17)}px; }}
    QGroupBox {{ font-size: {px(18)}px; }}
    QLabel#unavailable {{
        background: {p.caution_back}; border-left: 5px solid {p.caution_edge};
        padding: 8px 12px; color: {p.ink};
    }}
    QComboBox:disabled, QSpinBox:disabled {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    QComboBox:focus, QSpinBox:focus {{ border: {e}px solid {p.focus}; }}
    QSpinBox {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        border-radius: 4px; padding: 3px 6px; min-width: 150px;
    }}
    QSpinBox::up-button, QSpinBox::down-button {{
        width: 26px; background: {p.button}; border-left: 1px solid {p.field_border};
    }}
    QSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 4px; }}
    QSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 4px; }}
    QSpinBox::up-button:hover, QSpinBox::down-button:hover {{ background: {p.button_hover}; }}
    QSpinBox::up-arrow {{ image: url({arrows}/arrow-up{shade}.svg); width: 12px; height: 12px; }}
    QSpinBox::down-arrow {{
        image: url({arrows}/arrow-down{shade}.svg); width: 12px; height: 12px;
    }}
    QRadioButton::indicator {{
        width: {dot}px; height: {dot}px; border: 2px solid {p.button_border};
        border-radius: {dot // 2 + 2}px;
        background: {p.field};
    }}
    QRadioButton::indicator:checked {{ background: {p.primary}; border-color: {p.primary_border}; }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {p.focus}; }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
        border-color: {p.disabled_border};
    }}
    QSlider {{ min-height: 28px; }}
    QSlider::groove:horizontal {{ height: 6px; background: {p.border}; border-radius: 3px; }}
    QSlider::sub-page:horizontal {{ background: {p.selection}; border-radius: 3px; }}
    QSlider::handle:horizontal {{
        background: {p.selection}; border: 2px solid {p.button_border}; width: 16px;
        margin: -8px 0; border-radius: 10px;
    }}
    QSlider::handle:horizontal:focus {{ border: 3px solid {p.focus}; }}
    QSlider::handle:horizontal:disabled {{ background: {p.border}; border-color: {p.disabled_border}; }}
    QSlider::sub-page:horizontal:disabled {{ background: {p.disabled_border}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    """
        + check_box_rules(p, ("QCheckBox", "QRadioButton"))
    )

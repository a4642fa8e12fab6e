"""The arrow of every drop-down list and date field: a button of its own, sized with the text."""

from __future__ import annotations

from hiptimer import paths
from hiptimer.ui.palette import Palette
from hiptimer.ui.theme import px

ARROW_BUTTON_PX = 26  # at normal text; px() grows it with the text size
ARROW_PX = 12


def drop_down_rules(p: Palette, selectors: tuple[str, ...] = ("QComboBox",)) -> str:
    """Style-sheet rules for the arrow of these styled widgets (QComboBox, QDateEdit).

    A styled list or date field draws a stub of the platform's arrow, 16 px at any text size:
    cramped against the text at 150 %, with a dark corner in the light theme. This makes it a
    button as wide as the text size asks, in the theme's button colour, with an arrow in the
    ink's shade beside the text, never over it. A disabled list is greyed (words, edge and
    arrow), as a disabled button is: with the field's colours set, Qt greys nothing itself.
    """
    shade = "" if p.dark else "-dark"
    icons = paths.icons_dir() / "ui"
    arrow = (icons / f"arrow-down{shade}.svg").as_posix()
    greyed = (icons / f"arrow-down-disabled{shade}.svg").as_posix()

    def each(part: str) -> str:
        return ", ".join(f"{s}{part}" for s in selectors)

    return f"""
    {each("::drop-down")} {{
        subcontrol-origin: padding; subcontrol-position: center right;
        width: {px(ARROW_BUTTON_PX)}px; background: {p.button};
        border-left: 1px solid {p.field_border};
        border-top-right-radius: 3px; border-bottom-right-radius: 3px;
    }}
    {each("::drop-down:hover")} {{ background: {p.button_hover}; }}
    {each(":disabled")} {{ color: {p.disabled}; border-color: {p.disabled_border}; }}
    {each("::drop-down:disabled")} {{ border-left-color: {p.disabled_border}; }}
    {each("::down-arrow:disabled")} {{ image: url({greyed}); }}
    {each("::down-arrow")} {{
        image: url({arrow}); width: {px(ARROW_PX)}px; height: {px(ARROW_PX)}px;
    }}
    """

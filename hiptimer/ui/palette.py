"""The three looks (dark, light, high contrast): every colour the windows use, by what it is for."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import NamedTuple

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.i18n import N_


class Phase(str, Enum):
    """What the workout screen is showing, each with its own colour and word."""

    GET_READY = "get_ready"
    WORK = "work"
    REST = "rest"
    SWITCH_SIDES = "switch_sides"
    PAUSED = "paused"
    PAIN = "pain"
    RESULT = "result"  # a re-test's measured result is typed in
    DONE = "done"


WORDS = {
    Phase.GET_READY: N_("GET READY"),
    Phase.WORK: N_("WORK"),
    Phase.REST: N_("REST"),
    Phase.SWITCH_SIDES: N_("SWITCH SIDES"),
    Phase.PAUSED: N_("PAUSED"),
    Phase.PAIN: N_("PAIN CHECK"),
    Phase.RESULT: N_("RESULT"),
    Phase.DONE: N_("DONE"),
}


# PhaseStyle and Palette are NamedTuples, not frozen dataclasses: both are made before the
# library's first paint, where a dataclass's generated methods cost ~0.4 M instructions a
# field (Palette's 43: ~17 M, as a NamedTuple ~6 M; docs/performance.md, session 24).
# Nothing compares a look with a plain tuple, counts or unpacks it.
class PhaseStyle(NamedTuple):
    """How a session phase looks: its word and colours."""

    word: str  # shown in the banner (translate it): colour is never the only signal
    background: str
    accent: str  # the banner, the side pill and the progress bar
    text: str = "#FFFFFF"
    on_accent: str = "#000000"  # the banner's words on the accent


class Palette(NamedTuple):
    """One look. Each pair a reader must tell apart (text on its background, a focus ring on
    a button) has a contrast ratio of at least 4.5:1, and 7:1 in the high-contrast look."""

    name: str
    dark: bool
    page: str  # window and page background
    ink: str  # the words
    muted: str  # secondary words
    field: str  # inputs, lists, tables
    field_alt: str  # a table's alternate rows
    border: str  # frames, group boxes, panes
    field_border: str
    button: str
    button_hover: str
    button_pressed: str
    button_border: str
    disabled: str
    disabled_border: str
    primary: str  # the screen's main button
    primary_text: str
    primary_border: str
    primary_hover: str
    selection: str
    selection_text: str
    header: str  # table headers, tabs, the menu bar
    warning: str  # headings to heed; the status bar's messages
    focus: str  # the keyboard focus ring
    error: str
    ok: str
    caution_back: str  # behind a caution, a notice, the editor's banner
    caution_edge: str
    caution_text: str
    alarm_back: str  # the strip that says history is not being saved
    scroll_handle: str
    chart_back: str
    chart_text: str
    chart_grid: str
    chart_average: str
    chart_highest: str
    chart_dose: str
    chart_target: str
    chart_morning: str  # the next morning's pain, and its stiffness
    chart_stiffness: str
    paused_count: str  # the huge count, dimmed while paused (on the paused phase's background)
    phases: Mapping[Phase, PhaseStyle]
    cards: Mapping[DoseAction | None, tuple[str, str]]  # a suggestion's (background, edge)
    edge: int = 2  # button and field border width, in pixels


def _phases(styles: dict[Phase, tuple[str, str, str, str]]) -> dict[Phase, PhaseStyle]:
    return {phase: PhaseStyle(WORDS[phase], *colours) for phase, colours in styles.items()}


# Deep backgrounds with white text: every pair has a contrast ratio of at least 7:1 (WCAG
# AAA), and the hues differ in lightness too, for colour-blind users.
DARK = Palette(
    "dark", True,
    page="#1F2A33", ink="#FFFFFF", muted="#C8D3DC", field="#16212A", field_alt="#1C2A35",
    border="#4A5A65", field_border="#6B7F8C", button="#34444F", button_hover="#435763",
    button_pressed="#22303A", button_border="#8FA3B1", disabled="#95A2AB",
    disabled_border="#4A5A65", primary="#1B7F3B", primary_text="#FFFFFF",
    primary_border="#9BE7B1", primary_hover="#229A49", selection="#2F6FA8",
    selection_text="#FFFFFF", header="#2B3A45", warning="#FFD54F", focus="#FFD54F",
    error="#FF8A80", ok="#81E6A0", caution_back="#3A2A12", caution_edge="#FFB74D",
    caution_text="#FFE082", alarm_back="#5C1A00", scroll_handle="#4A5A65",
    chart_back="#16212A", chart_text="#E6EDF2", chart_grid="#3A4A55", chart_average="#7FB8FF",
    chart_highest="#FFFFFF", chart_dose="#D59CFF", chart_target="#FFD54F",
    chart_morning="#5CE1E6", chart_stiffness="#F48FB1", paused_count="#A0A0A0",
    phases=_phases({
        Phase.GET_READY: ("#7A3E00", "#FFB74D", "#FFFFFF", "#000000"),
        Phase.WORK: ("#0B4D1E", "#66E08A", "#FFFFFF", "#000000"),
        Phase.REST: ("#0B3470", "#7FB8FF", "#FFFFFF", "#000000"),
        Phase.SWITCH_SIDES: ("#4A1467", "#D59CFF", "#FFFFFF", "#000000"),
        Phase.PAUSED: ("#2E2E2E", "#E0E0E0", "#FFFFFF", "#000000"),
        Phase.PAIN: ("#1F2A33", "#FFD54F", "#FFFFFF", "#000000"),
        Phase.RESULT: ("#1F2A33", "#7BE495", "#FFFFFF", "#000000"),
        Phase.DONE: ("#1F2A33", "#66E08A", "#FFFFFF", "#000000"),
    }),
    cards={
        DoseAction.SEE_CLINICIAN: ("#6B1A14", "#FF8A80"),
        DoseAction.STEP_BACK: ("#5A3D00", "#FFB74D"),
        DoseAction.PROGRESS: ("#0B4D1E", "#66E08A"),
        DoseAction.STAY: ("#16212A", "#8FA3B1"),
        None: ("#0B3470", "#7FB8FF"),  # a note: what waits for tomorrow morning
    },
)  # fmt: skip

# Dark text on pale tints: for a bright room, or a desktop set to light.
LIGHT = Palette(
    "light", False,
    page="#F4F6F8", ink="#111820", muted="#3E4B55", field="#FFFFFF", field_alt="#EEF2F5",
    border="#A7B4BE", field_border="#5A6B78", button="#E4E9ED", button_hover="#D5DDE3",
    button_pressed="#C3CDD5", button_border="#5A6B78", disabled="#6E7B84",
    disabled_border="#B8C2C9", primary="#1B7F3B", primary_text="#FFFFFF",
    primary_border="#0F5A28", primary_hover="#166E33", selection="#1F5FA0",
    selection_text="#FFFFFF", header="#DDE4EA", warning="#7A4200", focus="#0B57D0",
    error="#B3261E", ok="#1B6B34", caution_back="#FFF1D6", caution_edge="#B36B00",
    caution_text="#4A2E00", alarm_back="#FDE2DC", scroll_handle="#A7B4BE",
    chart_back="#FFFFFF", chart_text="#1A1A1A", chart_grid="#C9D1D7", chart_average="#1F4E9A",
    chart_highest="#111820", chart_dose="#6A2C91", chart_target="#B36B00",
    chart_morning="#117A65", chart_stiffness="#8E2C6B", paused_count="#5E6870",
    phases=_phases({
        Phase.GET_READY: ("#FFF0DB", "#A35200", "#2B1600", "#FFFFFF"),
        Phase.WORK: ("#E3F5E8", "#1B7F3B", "#0B2A14", "#FFFFFF"),
        Phase.REST: ("#E3EEFC", "#1F5FA0", "#0A1E3A", "#FFFFFF"),
        Phase.SWITCH_SIDES: ("#F1E6FA", "#6A2C91", "#2A0F3D", "#FFFFFF"),
        Phase.PAUSED: ("#ECEFF1", "#455A64", "#111820", "#FFFFFF"),
        Phase.PAIN: ("#F4F6F8", "#7A4200", "#111820", "#FFFFFF"),
        Phase.RESULT: ("#F4F6F8", "#1B6B34", "#111820", "#FFFFFF"),
        Phase.DONE: ("#F4F6F8", "#1B7F3B", "#111820", "#FFFFFF"),
    }),
    cards={
        DoseAction.SEE_CLINICIAN: ("#FDE2DC", "#B3261E"),
        DoseAction.STEP_BACK: ("#FFF1D6", "#B36B00"),
        DoseAction.PROGRESS: ("#E3F5E8", "#1B7F3B"),
        DoseAction.STAY: ("#FFFFFF", "#5A6B78"),
        None: ("#E3EEFC", "#1F5FA0"),
    },
)  # fmt: skip

# White and bright colours on black, thick edges, no grey text: for low vision.
HIGH_CONTRAST = Palette(
    "high-contrast", True,
    page="#000000", ink="#FFFFFF", muted="#FFFFFF", field="#000000", field_alt="#141414",
    border="#FFFFFF", field_border="#FFFFFF", button="#000000", button_hover="#262626",
    button_pressed="#404040", button_border="#FFFFFF", disabled="#A6A6A6",
    disabled_border="#808080", primary="#000000", primary_text="#FFFF00",
    primary_border="#FFFF00", primary_hover="#262600", selection="#FFFF00",
    selection_text="#000000", header="#000000", warning="#FFFF00", focus="#00FFFF",
    error="#FF9C9C", ok="#7CFF9C", caution_back="#000000", caution_edge="#FFFF00",
    caution_text="#FFFF00", alarm_back="#000000", scroll_handle="#FFFFFF",
    chart_back="#000000", chart_text="#FFFFFF", chart_grid="#8C8C8C", chart_average="#00FFFF",
    chart_highest="#FFFFFF", chart_dose="#FF9CFF", chart_target="#FFFF00",
    chart_morning="#80FFEA", chart_stiffness="#FFB3D9", paused_count="#A6A6A6",
    phases=_phases({
        Phase.GET_READY: ("#000000", "#FFC400", "#FFFFFF", "#000000"),
        Phase.WORK: ("#000000", "#00FF66", "#FFFFFF", "#000000"),
        Phase.REST: ("#000000", "#00D0FF", "#FFFFFF", "#000000"),
        Phase.SWITCH_SIDES: ("#000000", "#FF9CFF", "#FFFFFF", "#000000"),
        Phase.PAUSED: ("#000000", "#FFFFFF", "#FFFFFF", "#000000"),
        Phase.PAIN: ("#000000", "#FFFF00", "#FFFFFF", "#000000"),
        Phase.RESULT: ("#000000", "#00FF66", "#FFFFFF", "#000000"),
        Phase.DONE: ("#000000", "#00FF66", "#FFFFFF", "#000000"),
    }),
    cards={
        DoseAction.SEE_CLINICIAN: ("#000000", "#FF9C9C"),
        DoseAction.STEP_BACK: ("#000000", "#FFFF00"),
        DoseAction.PROGRESS: ("#000000", "#00FF66"),
        DoseAction.STAY: ("#000000", "#FFFFFF"),
        None: ("#000000", "#00D0FF"),
    },
    edge=3,
)  # fmt: skip

PALETTES = {p.name: p for p in (DARK, LIGHT, HIGH_CONTRAST)}
THEME_LABELS = {  # the setting's values (core.settings.THEMES), as the settings list them
    "system": N_("As the system (light, dark or high contrast)"),
    "light": N_("Light"),
    "dark": N_("Dark"),
    "high-contrast": N_("High contrast (white and yellow on black)"),
}


def choose(theme: str, *, system_dark: bool | None, system_high_contrast: bool) -> Palette:
    """The look for the theme setting; "system" follows the desktop's colour scheme and its
    contrast preference, and is dark when the desktop says nothing (HipTimer's own look)."""
    if theme in PALETTES:
        return PALETTES[theme]
    if system_high_contrast:
        return HIGH_CONTRAST
    return LIGHT if system_dark is False else DARK

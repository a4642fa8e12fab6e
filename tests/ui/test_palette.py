"""The three looks: every pair a reader must tell apart has the contrast it needs, and
"as the system" follows the desktop."""

from __future__ import annotations

import pytest

from hiptimer.core.figures.model import PropKind
from hiptimer.ui.pain_colours import BANDS
from hiptimer.ui.palette import (
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    PALETTES,
    WORDS,
    Palette,
    Phase,
    PhaseStyle,
    choose,
)
from tests.ui.contrast import contrast


def text_pairs(p: Palette) -> dict[str, tuple[str, str]]:
    pairs = {
        "words on the page": (p.ink, p.page),
        "muted words on the page": (p.muted, p.page),
        "words in a field": (p.ink, p.field),
        "words on alternate rows": (p.ink, p.field_alt),
        "words on a button": (p.ink, p.button),
        "words on the main button": (p.primary_text, p.primary),
        "a selection": (p.selection_text, p.selection),
        "a heading to heed": (p.warning, p.page),
        "an error": (p.error, p.page),
        "a caution": (p.caution_text, p.caution_back),
        "the history strip": (p.ink, p.alarm_back),
        "chart labels": (p.chart_text, p.chart_back),
        "a disabled button's words": (p.disabled, p.button),
    }
    for phase, style in p.phases.items():
        pairs[f"{phase.value}: words"] = (style.text, style.background)
        pairs[f"{phase.value}: the banner's word"] = (style.on_accent, style.accent)
    pairs["the paused count"] = (p.paused_count, p.phases[Phase.PAUSED].background)
    for action, (back, _edge) in p.cards.items():
        pairs[f"a {getattr(action, 'value', 'note')} card"] = (p.ink, back)
    return pairs


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_every_text_pair_reads_at_4_5_to_1_and_7_to_1_in_high_contrast(palette: Palette) -> None:
    least = 7.0 if palette is HIGH_CONTRAST else 4.5
    low = {
        name: round(contrast(*pair), 2)
        for name, pair in text_pairs(palette).items()
        if contrast(*pair) < least and not name.startswith("a disabled")
    }
    assert not low, low
    # WCAG lets disabled controls off; they still read at 3:1 here.
    assert contrast(palette.disabled, palette.button) >= 3


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_the_focus_ring_and_the_edges_show_on_the_page(palette: Palette) -> None:
    assert contrast(palette.focus, palette.page) >= 3  # WCAG 2.2: a focus indicator at 3:1
    assert contrast(palette.focus, palette.button) >= 3
    assert contrast(palette.button_border, palette.page) >= 3


def too_faint(palette: Palette, least: dict[str, float], *, lists: bool) -> dict[object, float]:
    """The figure colours (colours_for) below their least contrast on a page they are drawn
    on: each phase's colour on the workout screen, and (`lists`) a list's field."""
    from hiptimer.ui.widgets.figure_paint import colours_for

    c = colours_for(palette)
    pages = {p.value: s.background for p, s in palette.phases.items()}
    if lists:
        pages["a list"] = palette.field
    return {
        (ink, where): round(contrast(getattr(c, ink), back), 2)
        for where, back in pages.items()
        for ink, ratio in least.items()
        if contrast(getattr(c, ink), back) < ratio
    }


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_the_figures_lines_show_on_every_page_they_are_drawn_on(palette: Palette) -> None:
    """The library's thumbnails (on a field) and the workout's figure (on each phase's colour):
    the body at 4.5:1, its far side, what moves and the bands at 3:1 (WCAG's for graphics).
    The light look drew them white, all but gone on its white lists and pale tints."""
    least = {"near": 4.5, "far": 3, "moving": 3, "far_moving": 3, "band": 3, "ring": 3}
    low = too_faint(palette, least, lists=True)
    assert not low, low


def over(colour: str, back: str) -> str:
    """An #AARRGGBB colour as it shows over an opaque `back` (an #RRGGBB one as it is)."""
    value, under = colour.lstrip("#"), back.lstrip("#")
    if len(value) == 6:
        return colour
    alpha, rgb = int(value[:2], 16) / 255, value[2:]
    mixed = (
        round(alpha * int(rgb[i : i + 2], 16) + (1 - alpha) * int(under[i : i + 2], 16))
        for i in (0, 2, 4)
    )
    return "#" + "".join(f"{c:02X}" for c in mixed)


# What outlines a prop of each kind: a band is a line of its own, the rest faces and rods.
PROP_INKS = {
    PropKind.CHAIR: "prop_edge",
    PropKind.STEP: "prop_edge",
    PropKind.BOX: "prop_edge",
    PropKind.WALL: "prop_edge",
    PropKind.BAND: "band",
}


@pytest.mark.parametrize("kind", list(PropKind), ids=[k.value for k in PropKind])
@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_every_prop_stands_out_at_3_to_1_on_every_page_it_is_drawn_on(
    palette: Palette, kind: PropKind
) -> None:
    """A prop's outline as drawn (its see-through inks over the page) at 3:1, WCAG's for
    graphics, and its face a shade apart from the page. In high contrast the hip flexor
    release's cushion was a faint grey on black; in the light look props' edges read 2.4:1."""
    from hiptimer.ui.widgets.figure_paint import colours_for

    c = colours_for(palette)
    pages = {p.value: s.background for p, s in palette.phases.items()}
    pages["a list"] = palette.field
    ink = getattr(c, PROP_INKS[kind])
    low = {
        where: round(contrast(over(ink, back), back), 2)
        for where, back in pages.items()
        if contrast(over(ink, back), back) < 3
    }
    assert not low, low
    if palette is HIGH_CONTRAST:  # there the face itself stands out from the black
        assert contrast(over(c.prop_fill, palette.page), palette.page) >= 3


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_the_missing_pictures_note_shows_on_every_page_it_is_drawn_on(palette: Palette) -> None:
    """Where a routine's picture is missing, the workout screen draws a dashed frame and a line
    naming the file (the library writes it as text instead): the words at 4.5:1, the frame at
    3:1. The light look drew them pale yellow and light grey, about 1.3:1 on its tints."""
    low = too_faint(palette, {"note": 4.5, "note_frame": 3}, lists=False)
    assert not low, low


def test_words_on_a_pain_colour_read_in_every_band() -> None:
    for band in BANDS:
        assert contrast(band.ink, band.fill) >= 4.5, band.label


@pytest.mark.parametrize(
    ("theme", "dark", "high", "expected"),
    [
        ("system", True, False, DARK),
        ("system", False, False, LIGHT),
        ("system", None, False, DARK),  # the desktop says nothing: HipTimer's own look
        ("system", False, True, HIGH_CONTRAST),
        ("light", True, True, LIGHT),  # a choice made in the settings wins
        ("dark", False, False, DARK),
        ("high-contrast", False, False, HIGH_CONTRAST),
        ("no-such-theme", False, False, LIGHT),
    ],
)
def test_as_the_system_follows_the_desktop_unless_the_settings_choose(
    theme: str, dark: bool | None, high: bool, expected: Palette
) -> None:
    assert choose(theme, system_dark=dark, system_high_contrast=high) is expected


def test_a_look_is_a_value_that_cannot_change() -> None:
    """What the windows rely on of a look (a NamedTuple since session 24, a frozen dataclass
    before): equal by value, kept as it is, a changed copy made with _replace, read by name."""
    assert DARK._replace() == DARK and DARK != LIGHT
    assert DARK.phases[Phase.WORK] == PhaseStyle(WORDS[Phase.WORK], "#0B4D1E", "#66E08A")
    assert hash(DARK.phases[Phase.WORK]) == hash(DARK._replace().phases[Phase.WORK])
    with pytest.raises(AttributeError):
        DARK.ink = "#000000"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        DARK.phases[Phase.WORK].accent = "#000000"  # type: ignore[misc]
    brighter = DARK._replace(ink="#FAFAFA")
    assert (brighter.ink, brighter.page, DARK.ink) == ("#FAFAFA", DARK.page, "#FFFFFF")
    assert repr(LIGHT.phases[Phase.REST]).startswith("PhaseStyle(word='REST', background=")
    assert HIGH_CONTRAST.edge == 3 and LIGHT.edge == 2

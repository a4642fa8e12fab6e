"""Built-in routines in Spanish: complete overlays that change texts and never doses."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from pathlib import Path

import pytest

from hiptimer import i18n, paths
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.loader import iter_routine_files, load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.translation import FORMAT, apply_overlay, overlay_path, translated
from tests.harness import hold, routine

BUILTINS = list(iter_routine_files(paths.builtin_routines_dir()))
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]


def _texts(r: Routine) -> list[str]:
    """Every translatable text of a routine, in order."""
    texts = [r.title, r.description, r.source, *r.cautions]
    for ex in r.exercises:
        texts += [ex.name, *ex.setup, *ex.cues, ex.caution]
        for rung in ex.ladder:  # each variant of a progression ladder
            texts += [rung.name, *rung.setup, *rung.cues, rung.caution]
    return [t for t in texts if t]


def _without_texts(r: Routine) -> Routine:
    exercises = tuple(
        dataclasses.replace(
            ex,
            name="",
            setup=(),
            cues=(),
            caution="",
            ladder=tuple(
                dataclasses.replace(rung, name="", setup=(), cues=(), caution="")
                for rung in ex.ladder
            ),
        )
        for ex in r.exercises
    )
    return dataclasses.replace(
        r, title="", description="", source="", cautions=(), exercises=exercises
    )


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_every_builtin_routine_is_wholly_translated(
    path: Path, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    english = load_routine(path, builtin=True)
    overlay = overlay_path(english, code)
    assert overlay is not None and overlay.is_file(), f"no {code} overlay for {path.name}"
    with caplog.at_level(logging.WARNING):
        spoken = translated(english, code)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert len(_texts(spoken)) == len(_texts(english))
    same = [(a, b) for a, b in zip(_texts(english), _texts(spoken), strict=True) if a == b]
    assert not same, f"left in English: {same}"
    assert _without_texts(spoken) == _without_texts(english)  # doses, ids and times as they were


# A doubled mark left by an edit (",," ",;") is read aloud as a pause and shown as a typo.
DOUBLED_MARKS = re.compile(r"[,;:]\s*[,;:.]")
# Words that make the Spanish reader a man: the overlays address everyone in neutral words
# ("con la espalda recta", "no te muevas"), as commit 107160a began.
MASCULINE_READER = re.compile(
    r"\b(erguido|quédate (lo más )?quieto|quedar tumbado|agarrado a|guiado por|rígido y dolorido)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_the_spanish_overlays_have_no_doubled_marks_and_no_masculine_reader(path: Path) -> None:
    spoken = translated(load_routine(path, builtin=True), "es")
    texts = _texts(spoken)
    assert not [t for t in texts if DOUBLED_MARKS.search(t)]
    assert not [t for t in texts if MASCULINE_READER.search(t)]


# espeak-ng's Spanish voice spells a unit's abbreviation ("40 cm": "cuarenta ce eme") and
# reads a range as two numbers ("13-15": "trece quince"); the steps and cues are spoken.
SPELT_OUT = re.compile(r"\d\s*(cm|kg|lb|m)\b|\d-\d")


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_the_spanish_steps_and_cues_say_units_and_ranges_in_words(path: Path) -> None:
    spoken = translated(load_routine(path, builtin=True), "es")
    lines = [line for ex in spoken.exercises for line in (*ex.setup, *ex.cues, ex.caution)]
    lines += [
        line
        for ex in spoken.exercises
        for rung in ex.ladder
        for line in (*rung.setup, *rung.cues, rung.caution)
    ]
    assert not [line for line in lines if SPELT_OUT.search(line)]


def test_the_library_shows_builtins_in_the_language_in_use(spanish: None) -> None:
    titles = {e.id: e.title for e in load_catalog().entries() if e.builtin}
    assert titles["gentle-hip-care"] == "Cuidado suave de la cadera"
    bridge = load_catalog().find("gentle-hip-care").exercises[2]
    assert (bridge.id, bridge.name) == ("bridge", "Puente")


def test_english_and_user_routines_are_never_overlaid(tmp_path: Path, spanish: None) -> None:
    own = tmp_path / "gentle-hip-care.json"
    own.write_text((paths.builtin_routines_dir() / "gentle-hip-care.json").read_text())
    (tmp_path / "es").mkdir()
    assert load_routine(own).title == "Gentle hip care"  # not builtin: the user's words
    i18n.use("en")
    assert load_routine(
        paths.builtin_routines_dir() / "gentle-hip-care.json", builtin=True
    ).title == ("Gentle hip care")


def _sample() -> Routine:
    ex = hold("stretch", setup=("Lie down.", "Relax."), cues=("Breathe.",), caution="Gently.")
    return routine(ex, title="Test", description="A test.")


def _overlay(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "format": FORMAT,
        "version": 1,
        "id": "test",
        "title": "Prueba",
        "exercises": {"stretch": {"name": "Estiramiento", "setup": ["Túmbate.", "Relájate."]}},
    }
    return {**data, **changes}


def test_an_overlay_changes_only_what_it_has() -> None:
    result, problems = apply_overlay(_sample(), _overlay())
    ex = result.exercises[0]
    assert problems == []
    assert (result.title, result.description) == ("Prueba", "A test.")
    assert (ex.name, ex.setup, ex.cues, ex.caution) == (
        "Estiramiento",
        ("Túmbate.", "Relájate."),
        ("Breathe.",),
        "Gently.",
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"format": "hiptimer-routine"}, "not a routine translation"),
        ({"id": "other"}, '"id": "test"'),
        ({"exercises": {"stretch": {"setup": ["Uno."]}}}, "expected 2 lines"),
        ({"exercises": {"nope": {"name": "X"}}}, "exercises.nope: no such exercise"),
        ({"title": 5}, "title: expected text"),
        ({"title": "x" * 500}, "title: text is 500 characters; at most 120 allowed"),
        ({"exercises": []}, "expected an object keyed by exercise id"),
    ],
)
def test_what_an_overlay_gets_wrong_stays_english(changes: dict[str, object], problem: str) -> None:
    result, problems = apply_overlay(_sample(), _overlay(**changes))
    assert any(problem in p for p in problems), problems
    assert result.exercises[0].setup in (("Lie down.", "Relax."), ("Túmbate.", "Relájate."))
    assert result.exercises[0].cues == ("Breathe.",)


def test_a_broken_overlay_file_never_keeps_the_routine_from_opening(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "test.json"
    original = dataclasses.replace(_sample(), path=str(source), builtin=True)
    (tmp_path / "es").mkdir()
    overlay = tmp_path / "es" / "test.json"
    overlay.write_text("{ not json")
    with caplog.at_level(logging.WARNING):
        assert translated(original, "es") == original
    assert "not valid JSON" in caplog.text
    overlay.write_text(json.dumps(_overlay()) + " " * (1024 * 1024))  # past a routine's limit
    assert translated(original, "es") == original
    overlay.unlink()
    assert translated(original, "es") == original  # no overlay: English, nothing logged


def test_a_ladder_is_translated_variant_by_variant_and_shared_texts_follow_the_first() -> None:
    english = load_routine(paths.builtin_routines_dir() / "hip-strengthening.json", builtin=True)
    raise_ = english.exercise("straight-leg-raise")
    on_weight = english.replace_exercise(at_rung(raise_, 1))  # the user climbed to the weight
    spoken = translated(on_weight, "es").exercise("straight-leg-raise")
    assert spoken.name == "Elevación de pierna estirada con tobillera lastrada"
    assert spoken.cues == ("El muslo sigue tenso.", "La espalda no se mueve.", "Baja despacio.")
    assert spoken.setup[0].startswith("Sujeta una tobillera lastrada")
    assert [r.name for r in spoken.ladder] == [
        "Elevación de pierna estirada",
        "Elevación de pierna estirada con tobillera lastrada",
    ]
    assert (spoken.rung, spoken.load, spoken.reps) == (1, raise_.ladder[1].load, 10)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"title": "Prueba\x07"}, "title: text contains a control character (U+0007)"),
        ({"title": "Prueba\x00"}, "title: text contains a NUL character"),
        ({"title": "Prueba\ud800"}, "title: text contains an unpaired surrogate"),
        (
            {"exercises": {"stretch": {"setup": ["Túmbate.", "Relá\x1bjate."]}}},
            "exercises.stretch.setup[1]: text contains a control character (U+001B)",
        ),
        (
            {"exercises": {"stretch": {"name": "Estira\x85miento"}}},
            "exercises.stretch.name: text contains a control character (U+0085)",
        ),
        ({"cautions": ["\x9b31m"]}, "cautions[0]: text contains a control character (U+009B)"),
    ],
)
def test_an_overlay_text_a_routine_file_would_refuse_stays_english(
    changes: dict[str, object], problem: str
) -> None:
    """An overlay is read as a routine file is: a bell or an ESC in it is refused, named."""
    english = routine(
        hold("stretch", setup=("Lie down.", "Relax."), cues=("Breathe.",)),
        title="Test",
        cautions=("Go gently.",),
    )
    result, problems = apply_overlay(english, _overlay(**changes))
    assert any(p.startswith(problem) for p in problems), problems
    texts = [result.title, *result.cautions, result.exercises[0].name, *result.exercises[0].setup]
    assert not [t for t in texts if re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", t)]


def test_an_overlay_closes_the_direction_marks_it_leaves_open() -> None:
    """An RLO left open in a Spanish title is closed, as in a routine file's."""
    rlo, pdf = "\u202e", "\u202c"
    changes = {"title": f"Prueba {rlo}abc", "cautions": [f"{rlo}x"]}
    english = routine(hold("stretch", setup=("Lie down.", "Relax.")), cautions=("Gently.",))
    result, problems = apply_overlay(english, _overlay(**changes))
    assert problems == []
    assert (result.title, result.cautions) == (f"Prueba {rlo}abc{pdf}", (f"{rlo}x{pdf}",))


def test_an_overlay_field_misspelled_is_named_not_silently_left_english() -> None:
    overlay = _overlay(exercises={"stretch": {"nmae": "Estiramiento"}})
    overlay["titel"] = overlay.pop("title")
    result, problems = apply_overlay(_sample(), overlay)
    assert 'titel: unknown field (did you mean "title"?)' in problems
    assert 'exercises.stretch.nmae: unknown field (did you mean "name"?)' in problems
    assert (result.title, result.exercises[0].name) == ("Test", "Stretch")


def test_an_overlay_for_another_language_is_named_and_not_used() -> None:
    """A Spanish overlay copied into a new language's folder would speak Spanish there."""
    result, problems = apply_overlay(_sample(), _overlay(language="es"), "pt")
    assert problems == ['expected "language": "pt" (the folder\'s), got "es"']
    assert result == _sample()
    assert apply_overlay(_sample(), _overlay(language="es"), "es")[1] == []
    assert apply_overlay(_sample(), _overlay(), "es")[1] == []  # leaving it out is fine

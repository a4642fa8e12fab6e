"""A user's copy of a built-in (a kept dose, an edit) keeps following the built-in's language."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from hiptimer import i18n, paths
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.copy_texts import follow_builtin, former_path, former_texts
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.loader import iter_routine_files, load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.saved_now import keep_session_doses
from hiptimer.core.routines.user_routines import (
    ClashChoice,
    import_routine,
    save_and_reload,
)
from hiptimer.core.routines.writer import routine_to_json
from tests.core.routines import shipped_texts

BUILTINS = [p.stem for p in iter_routine_files(paths.builtin_routines_dir())]


def shown(routine_id: str) -> Routine:
    """The routine as the library lists and runs it, in the language in use."""
    entry = load_catalog().get(routine_id)
    assert entry is not None and entry.routine is not None
    return entry.routine


def texts(r: Routine) -> list[str]:
    found = [r.title, r.description, r.source, *r.cautions]
    for ex in r.exercises:
        found += [ex.name, *ex.setup, *ex.cues, ex.caution]
        for rung in ex.ladder:
            found += [rung.name, *rung.setup, *rung.cues, rung.caution]
    return found


def with_lower_dose(routine: Routine) -> Routine:
    """The routine as a session leaves it after L (or +): every dose a step away."""
    for ex in routine.exercises:
        if ex.hold_s is not None and ex.hold_s > 5:
            routine = routine.replace_exercise(ex.with_dose(hold_s=ex.hold_s - 5))
        elif ex.reps is not None and ex.reps > (ex.reps_range or (1,))[0]:
            routine = routine.replace_exercise(ex.with_dose(reps=ex.reps - 1))
        elif ex.reps is not None and ex.reps_range and ex.reps < ex.reps_range[1]:
            routine = routine.replace_exercise(ex.with_dose(reps=ex.reps + 1))
    return routine


@pytest.mark.parametrize("routine_id", BUILTINS)
def test_a_dose_kept_in_english_leaves_the_routine_translated(routine_id: str) -> None:
    base = shown(routine_id)
    kept = keep_session_doses(base, with_lower_dose(base))
    assert kept.path and not kept.builtin  # the user's own copy now
    i18n.use("es")
    spanish = shown(routine_id)
    assert texts(spanish) == texts(load_catalog().original(routine_id))
    assert [(ex.hold_s, ex.reps) for ex in spanish.exercises] == [
        (ex.hold_s, ex.reps) for ex in kept.exercises
    ]
    i18n.use("en")
    assert texts(shown(routine_id)) == texts(base)


def test_a_dose_kept_in_spanish_writes_english_and_reads_back_in_either_language() -> None:
    i18n.use("es")
    base = shown("gentle-hip-care")
    assert base.title == "Cuidado suave de la cadera"
    kept = keep_session_doses(base, with_lower_dose(base))
    assert kept.title == "Cuidado suave de la cadera"
    written = json.loads(Path(kept.path).read_text(encoding="utf-8"))
    assert (written["title"], written["exercises"][2]["name"]) == ("Gentle hip care", "Bridge")
    i18n.use("en")
    assert (shown("gentle-hip-care").title, shown("gentle-hip-care").exercises[2].name) == (
        "Gentle hip care",
        "Bridge",
    )


def test_a_text_the_user_edited_stays_as_written_in_every_language() -> None:
    i18n.use("es")
    base = shown("gentle-hip-care")
    bridge = base.exercise("bridge")
    cues = ("Mi propia nota.", *bridge.cues[1:])
    edited = base.replace_exercise(dataclasses.replace(bridge, name="Mi puente", cues=cues))
    saved = save_and_reload(edited)  # as the editor saves
    assert (saved.exercise("bridge").name, saved.exercise("bridge").cues) == ("Mi puente", cues)
    i18n.use("en")
    english = shown("gentle-hip-care")
    original = load_catalog().original("gentle-hip-care").exercise("bridge")
    assert english.title == "Gentle hip care"  # untouched: follows the language
    assert english.exercise("bridge").name == "Mi puente"  # the user's words
    assert english.exercise("bridge").cues == ("Mi propia nota.", *original.cues[1:])
    assert english.exercise("clamshell").name == "Clamshell"


def test_a_copy_on_a_harder_variant_follows_the_language_variant_by_variant() -> None:
    base = shown("hip-strengthening")
    climbed = base.replace_exercise(at_rung(base.exercise("straight-leg-raise"), 1))
    save_and_reload(climbed)
    i18n.use("es")
    raise_ = shown("hip-strengthening").exercise("straight-leg-raise")
    assert raise_.name == "Elevación de pierna estirada con tobillera lastrada"
    assert [r.name for r in raise_.ladder] == [
        "Elevación de pierna estirada",
        "Elevación de pierna estirada con tobillera lastrada",
    ]


def test_a_copy_saved_in_spanish_before_this_fix_reads_in_english_too() -> None:
    original = load_catalog().original("gentle-hip-care")
    copy = dataclasses.replace(original, builtin=False, based_on="gentle-hip-care", path="")
    spanish = follow_builtin(copy, "es")
    assert spanish.title == "Cuidado suave de la cadera"
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gentle-hip-care.json").write_text(routine_to_json(spanish), encoding="utf-8")
    assert shown("gentle-hip-care").title == "Gentle hip care"


@pytest.mark.parametrize("based_on", ["", "no-such-routine", "../routines/gentle-hip-care"])
def test_a_routine_based_on_no_builtin_keeps_its_texts(based_on: str) -> None:
    original = load_catalog().original("gentle-hip-care")
    copy = dataclasses.replace(original, builtin=False, based_on=based_on, path="")
    assert follow_builtin(copy, "es") == copy
    assert load_routine(Path(original.path), builtin=True).title == "Gentle hip care"


def test_a_copy_exported_in_spanish_and_imported_again_follows_the_language(
    tmp_path: Path,
) -> None:
    i18n.use("es")
    base = shown("gentle-hip-care")
    kept = keep_session_doses(base, with_lower_dose(base))
    exported = tmp_path / "cuidado.json"
    exported.write_text(routine_to_json(kept), encoding="utf-8")  # as Export routine writes
    Path(kept.path).unlink()
    imported = import_routine(exported, ClashChoice.REPLACE).routine  # over the built-in
    assert imported.title == "Cuidado suave de la cadera"
    written = json.loads(Path(imported.path).read_text(encoding="utf-8"))
    assert written["title"] == "Gentle hip care"
    i18n.use("en")
    assert shown("gentle-hip-care").title == "Gentle hip care"


def test_a_load_finds_the_builtin_folder_once_not_once_per_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each copy of a built-in the library read asked paths.resources_dir() again (a resolve
    # and a stat each). Found once per load, and again at the next: never kept longer, as
    # tests/test_packaging.py points the resources elsewhere between two loads.
    copies = BUILTINS[:3]
    for routine_id in copies:
        base = shown(routine_id)
        keep_session_doses(base, with_lower_dose(base))
    asked: list[Path] = []
    real = paths.builtin_routines_dir

    def counting() -> Path:
        asked.append(real())
        return asked[-1]

    monkeypatch.setattr(paths, "builtin_routines_dir", counting)
    i18n.use("es")
    catalog = load_catalog()
    assert len(asked) == 1
    load_catalog()
    assert len(asked) == 2  # each load finds it anew
    for routine_id in copies:  # each copy still follows its built-in's language
        entry = catalog.get(routine_id)
        assert entry is not None and entry.routine is not None and not entry.builtin
        assert entry.routine.title == catalog.original(routine_id).title


def reworded_builtins(tmp_path: Path) -> tuple[Path, str, str]:
    """A copy of the shipped built-ins in which a later release reworded Gentle hip care's
    description and the bridge's first cue in English and Spanish, recording the former
    English in former/gentle-hip-care.json. Returns the folder, the old and new description."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.builtin_routines_dir(), folder)
    english = json.loads((folder / "gentle-hip-care.json").read_text(encoding="utf-8"))
    spanish = json.loads((folder / "es" / "gentle-hip-care.json").read_text(encoding="utf-8"))
    old, new = english["description"], "A gentle start for stiff hips, reworded."
    bridge = next(ex for ex in english["exercises"] if ex["id"] == "bridge")
    old_cue, bridge["cues"][0] = bridge["cues"][0], "Press through your heels, reworded."
    english["description"] = new
    spanish["description"] = "Un comienzo suave para caderas rígidas, con otras palabras."
    spanish["exercises"]["bridge"]["cues"][0] = "Empuja con los talones, con otras palabras."
    (folder / "gentle-hip-care.json").write_text(json.dumps(english), encoding="utf-8")
    (folder / "es" / "gentle-hip-care.json").write_text(json.dumps(spanish), encoding="utf-8")
    former = {
        "format": "hiptimer-former-texts",
        "texts": [
            {"where": "", "field": "description", "was": old, "now": new},
            {"where": "bridge", "field": "cues", "was": old_cue, "now": bridge["cues"][0]},
        ],
    }
    (folder / "former").mkdir(exist_ok=True)  # a shipped former file may be there already
    (folder / "former" / "gentle-hip-care.json").write_text(json.dumps(former), encoding="utf-8")
    return folder, old, new


def test_a_copy_made_before_a_rewording_follows_the_new_words_in_every_language(
    tmp_path: Path,
) -> None:
    # A copy keeps the built-in's English of the day it was saved; matched by text, a later
    # release that reworded it left the copy in the old English, in Spanish too.
    copy = dataclasses.replace(
        load_catalog().original("gentle-hip-care"), builtin=False, based_on="gentle-hip-care"
    )
    folder, old, new = reworded_builtins(tmp_path)
    assert copy.description == old
    spanish = follow_builtin(copy, "es", folder)
    assert spanish.description == "Un comienzo suave para caderas rígidas, con otras palabras."
    assert spanish.exercise("bridge").cues[0] == "Empuja con los talones, con otras palabras."
    assert spanish.title == "Cuidado suave de la cadera"  # unchanged texts as before
    english = follow_builtin(copy, "en", folder)
    assert english.description == new
    assert english.exercise("bridge").cues[0] == "Press through your heels, reworded."
    edited = dataclasses.replace(copy, description="My own words.")
    assert follow_builtin(edited, "es", folder).description == "My own words."


def missing_former_words(folder: Path, record: shipped_texts.Texts) -> list[str]:
    """Each recorded text a built-in in `folder` no longer has, with no former words to lead a
    copy saved with it to the text now in its place."""
    now = shipped_texts.shipped_now(folder)
    problems = []
    for routine_id, texts in record.items():
        if routine_id not in now:
            continue  # a built-in no longer shipped: its copies keep their words
        current = {tuple(t) for t in now[routine_id]}
        former = {
            (w, f, was): n
            for w, f, was, n in former_texts(former_path(folder / f"{routine_id}.json"))
        }
        for where, field, text in texts:
            if (where, field, text) in current:
                continue
            led_to = former.get((where, field, text))
            if led_to is None or (where, field, led_to) not in current:
                problems.append(f"{routine_id} {where or 'routine'} {field}: {text!r}")
    return problems


def test_every_text_a_built_in_shipped_with_leads_copies_to_its_words_now() -> None:
    record = shipped_texts.recorded()
    missing = missing_former_words(paths.builtin_routines_dir(), record)
    assert not missing, (
        "A built-in text was reworded or removed: record the former English in "
        "resources/routines/former/<id>.json (docs/translating.md), or a user's copy saved "
        "with it stays in the old English in every language:\n" + "\n".join(missing)
    )
    now = shipped_texts.shipped_now()
    new = [(r, t) for r, texts in now.items() for t in texts if t not in record.get(r, [])]
    assert not new, (
        "Built-in texts not in tests/core/routines/shipped_texts.json; run "
        f"`uv run python -m tests.core.routines.shipped_texts` to record them: {new[:5]}"
    )


def test_the_guard_catches_a_rewording_left_unrecorded(tmp_path: Path) -> None:
    folder, _old, _new = reworded_builtins(tmp_path)
    record = shipped_texts.recorded()
    assert missing_former_words(folder, record) == []
    (folder / "former" / "gentle-hip-care.json").unlink()
    [description, cue] = missing_former_words(folder, record)
    assert description.startswith("gentle-hip-care routine description: 'A beginner routine")
    assert cue.startswith("gentle-hip-care bridge cues: ")

"""docs/translating.md's two file examples read by the app's own readers: the overlay fits the
built-in it names with no problem logged, and the former-texts file gives each of its entries."""

from __future__ import annotations

import json
from pathlib import Path

from hiptimer import paths
from hiptimer.core.routines.copy_texts import former_texts
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.translation import apply_overlay
from tests.doc_reading import code_blocks, doc, section

BUILT_IN = section(doc("translating.md"), "## Built-in routines")
OVERLAY, FORMER = (json.loads(block) for block in code_blocks(BUILT_IN, "json"))


def test_the_overlay_example_fits_its_built_in_routine_line_for_line() -> None:
    """It had two cautions where the routine has three, and a caution for an exercise with none:
    an overlay copied from it was kept in English in part, with two lines in the log."""
    routine = load_routine(paths.builtin_routines_dir() / f"{OVERLAY['id']}.json", builtin=False)
    translated, problems = apply_overlay(routine, OVERLAY, OVERLAY["language"])
    assert problems == []
    assert translated.title == OVERLAY["title"]
    (exercise_id, texts), *_ = OVERLAY["exercises"].items()
    assert translated.exercise(exercise_id).name == texts["name"]


def test_the_former_texts_example_gives_each_entry(tmp_path: Path) -> None:
    path = tmp_path / "gentle-hip-care.json"
    path.write_text(json.dumps(FORMER), encoding="utf-8")
    assert former_texts(path) == [
        (entry["where"], entry["field"], entry["was"], entry["now"]) for entry in FORMER["texts"]
    ]

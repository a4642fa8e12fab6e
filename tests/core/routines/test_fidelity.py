"""docs/fidelity.md and the built-in routines say the same doses (the table is checked, not trusted)."""

from __future__ import annotations

import re
from pathlib import Path

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.model import dose_text

DOC = Path(__file__).resolve().parents[3] / "docs" / "fidelity.md"


def table_rows() -> dict[tuple[str, str], str]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            len(cells) == 5
            and re.fullmatch(r"[a-z][a-z0-9-]*", cells[0])
            and cells[1] != "exercise"
        ):
            rows[(cells[0], cells[1])] = cells[3]
    return rows


def test_every_builtin_exercise_is_in_the_table_with_its_dose() -> None:
    builtin = {
        (entry.routine.id, ex.id): dose_text(ex)
        for entry in load_catalog().entries()
        if entry.routine is not None and entry.routine.builtin
        for ex in entry.routine.exercises
    }
    assert builtin, "no built-in routines found"
    assert table_rows() == builtin


def test_the_clamshells_and_the_seated_stretch_follow_their_source() -> None:
    # Issue 16: the source asks for about 10 clamshells a side in all and about 30 s a side.
    rows = table_rows()
    assert rows[("gentle-hip-care", "clamshell")].startswith("1 x 10 reps")
    assert rows[("gentle-hip-care", "seated-hip-stretch")] == "1 x 30 s each side"


def test_the_serious_injury_warning_stands_with_its_own_sources_routines() -> None:
    routines = {e.routine.id: e.routine for e in load_catalog().entries() if e.routine}
    for routine_id in ("daily-hip-stretches", "hip-strengthening"):
        assert any("fracture" in c for c in routines[routine_id].cautions), routine_id
    assert not any("fracture" in c for c in routines["gentle-hip-care"].cautions)


def test_schedules_that_are_our_choice_say_so() -> None:
    routines = {e.routine.id: e.routine for e in load_catalog().entries() if e.routine}
    for routine_id in ("fai-mobility-control", "gentle-hip-care", "hip-strength-mobility",
                       "spinal-stenosis-basics"):  # fmt: skip
        assert "schedule" in routines[routine_id].description and "suggestion" in (
            routines[routine_id].description
        ), routine_id

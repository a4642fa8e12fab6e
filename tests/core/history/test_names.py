"""One name for a routine and its exercises wherever the history is read (names25)."""

from __future__ import annotations

from dataclasses import replace

from hiptimer import paths
from hiptimer.core.history.names import exercise_name, routine_name
from hiptimer.core.routines.ladder import at_rung
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.writer import exercise_to_data


def strengthening() -> Routine:
    """The built-in with ladders, in the language in use."""
    return load_routine(paths.builtin_routines_dir() / "hip-strengthening.json", builtin=True)


def test_a_routine_known_to_the_library_is_named_as_it_names_it_now(spanish: None) -> None:
    routines = {"hip-strengthening": strengthening()}
    assert routine_name(routines, "hip-strengthening", "Hip strengthening") == (
        "Fortalecimiento de cadera"
    )
    assert routine_name(routines, "gone", "Old one") == "Old one"  # as recorded


def test_a_set_is_named_by_the_variant_the_session_did_in_the_language_in_use(
    spanish: None,
) -> None:
    """Sessions done in English read in Spanish; a set done before the move up the ladder
    keeps the first variant's name ("Puente", never the "Puente a una pierna" of now)."""
    routine = strengthening()
    bridge = next(ex for ex in routine.exercises if ex.id == "bridge")
    before = {"bridge": exercise_to_data(bridge)}
    after = {"bridge": exercise_to_data(at_rung(bridge, 1))}
    moved = {"hip-strengthening": replace(routine, exercises=(at_rung(bridge, 1),))}
    for library in ({"hip-strengthening": routine}, moved):
        assert exercise_name(library, "hip-strengthening", "bridge", "Bridge", before) == "Puente"
        assert exercise_name(
            library, "hip-strengthening", "bridge", "Single-leg bridge", after
        ) == ("Puente a una pierna")
    # The session does not say which variant (rows another tool wrote): as recorded.
    assert exercise_name(moved, "hip-strengthening", "bridge", "Bridge", {}) == "Bridge"
    # One variant only: named by the library whatever the session says.
    hiker = "Elevación de pelvis en escalón"
    assert exercise_name(moved | {"h": routine}, "h", "hip-hiker", "Hip hiker", {}) == hiker


def test_what_the_library_does_not_have_keeps_its_recorded_name(spanish: None) -> None:
    routines = {"hip-strengthening": strengthening()}
    assert exercise_name(routines, "hip-strengthening", "clam", "Clamshell", {}) == "Clamshell"
    assert exercise_name(routines, "gone", "bridge", "Bridge", {}) == "Bridge"
    gone_rung = {"bridge": {"rung": 1, "ladder": [{"id": "bridge-on-a-ball"}]}}
    assert exercise_name(routines, "hip-strengthening", "bridge", "Ball bridge", gone_rung) == (
        "Ball bridge"
    )

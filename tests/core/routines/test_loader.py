"""Tests for the routine loader: valid files, every validation rule, hostile files, properties."""

from __future__ import annotations

import codecs
import copy
import json
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiptimer.core.routines.json_fields import blank
from hiptimer.core.routines.loader import (
    exercise_from_data,
    load_routine,
    parse_routine_text,
    routine_from_data,
)
from hiptimer.core.routines.model import (
    Exercise,
    Kind,
    Rests,
    Routine,
    Schedule,
    SideMode,
    Tempo,
)
from hiptimer.core.routines.validation import MAX_FILE_BYTES, RoutineError, validate_data
from hiptimer.core.routines.writer import routine_to_data, routine_to_json, save_routine

SOURCE = "my-routine.json"
FAST = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def minimal() -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "tiny",
        "title": "Tiny",
        "exercises": [{"id": "bridge", "name": "Bridge", "kind": "hold", "hold_s": 30}],
    }


def full() -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "full-routine",
        "title": "Full routine",
        "description": "Every field the format has.",
        "source": "A physiotherapist's handout",
        "cautions": ["Stop if the pain is sharp.", "Move slowly."],
        "schedule": {"min_per_week": 3, "max_per_week": 5},
        "rests": {
            "get_ready_s": 5,
            "between_sets_s": 15.5,
            "between_sides_s": 3,
            "after_exercise_s": 20,
        },
        "revision": 4,
        "based_on": "hip-basics",
        "exercises": [
            {
                "id": "clamshell",
                "name": "Clamshell",
                "kind": "reps",
                "sets": 3,
                "reps": 12,
                "reps_range": [10, 15],
                "rep_hold_s": 2,
                "sides": "each",
                "rest_between_sets_s": 30,
                "rest_between_sides_s": 10,
                "rest_after_s": 45,
                "setup": ["Lie on your side.", "Bend your knees."],
                "cues": ["Keep your feet together."],
                "caution": "Do not roll back.",
                "image": "images/clamshell.png",
            },
            {
                "id": "march",
                "name": "Seated march",
                "kind": "reps",
                "reps": 10,
                "tempo": {"lift_s": 2, "hold_s": 1, "lower_s": 2.5},
                "sides": "alternating",
            },
            {
                "id": "stretch",
                "name": "Hip flexor stretch",
                "kind": "hold",
                "sets": 2,
                "hold_s": 60,
                "sides": "each",
                "enabled": False,
            },
        ],
    }


def errors(data: Any) -> list[str]:
    """The problem lines for routine data, which must be invalid."""
    with pytest.raises(RoutineError) as info:
        parse_routine_text(json.dumps(data), SOURCE)
    lines = info.value.lines()
    assert lines, "a RoutineError must carry at least one problem"
    assert all(line.startswith(f"{SOURCE}: ") for line in lines)
    return lines


def text_errors(text: str) -> list[str]:
    with pytest.raises(RoutineError) as info:
        parse_routine_text(text, SOURCE)
    return info.value.lines()


def file_errors(path: Path) -> list[str]:
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    lines = info.value.lines()
    assert lines and all(line.startswith(f"{path}: ") for line in lines)
    return lines


def assert_problem(lines: list[str], where: str, fragment: str) -> None:
    prefix = f"{SOURCE}: {where}: " if where else f"{SOURCE}: "
    hits = [line for line in lines if line.startswith(prefix) and fragment in line]
    assert hits, f"no problem at {where!r} mentioning {fragment!r} in {lines}"


# ---------------------------------------------------------------- valid routines


def test_minimal_routine_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(minimal()), encoding="utf-8")
    routine = load_routine(path)
    assert routine.id == "tiny"
    assert routine.title == "Tiny"
    assert routine.path == str(path)
    assert routine.builtin is False
    assert routine.rests == Rests()
    assert routine.schedule is None
    assert routine.revision == 1
    (ex,) = routine.exercises
    assert ex == Exercise(id="bridge", name="Bridge", kind=Kind.HOLD, hold_s=30)


def test_builtin_flag_is_passed_through(tmp_path: Path) -> None:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(minimal()), encoding="utf-8")
    assert load_routine(path, builtin=True).builtin is True


def test_full_routine_loads_every_field() -> None:
    routine = parse_routine_text(json.dumps(full()), SOURCE)
    assert routine.schedule == Schedule(3, 5)
    assert routine.rests == Rests(5, 15.5, 3, 20)
    assert routine.cautions == ("Stop if the pain is sharp.", "Move slowly.")
    assert (routine.revision, routine.based_on) == (4, "hip-basics")
    clam, march, stretch = routine.exercises
    assert clam.reps_range == (10, 15)
    assert clam.sides is SideMode.EACH
    assert clam.setup == ("Lie on your side.", "Bend your knees.")
    assert (clam.rest_between_sets_s, clam.rest_between_sides_s, clam.rest_after_s) == (30, 10, 45)
    assert clam.image == "images/clamshell.png"
    assert march.tempo == Tempo(2, 1, 2.5)
    assert march.sides is SideMode.ALTERNATING
    assert stretch.enabled is False
    assert routine.active_exercises == (clam, march)


def test_a_single_sentence_is_a_list_of_one() -> None:
    data = minimal()
    data["cautions"] = "Stop if it hurts."
    assert parse_routine_text(json.dumps(data), SOURCE).cautions == ("Stop if it hurts.",)


def test_a_direction_override_left_open_is_closed_where_the_text_ends() -> None:
    """user20: a title with a right-to-left override (U+202E) and nothing to end it ran on
    into the words shown after it: the library listed its length "nim 2 ·". Each shown text
    gets the closing marks it lacks (PDF U+202C, PDI U+2069), which no limit counts, so a
    routine saved with them at 120 characters reads back; an image's path is left as is."""
    rlo, pdf, rli, pdi = "\u202e", "\u202c", "\u2067", "\u2069"
    data = minimal()
    data["title"] = rlo + "T" * 119
    data["description"] = f"{rli}one{rlo}\ntwo"
    data["cautions"] = [f"{rlo}a{pdf}", f"{rli}b{pdi}{rlo}c"]
    ex = data["exercises"][0]
    ex.update(name=f"{rlo}Bridge", caution=f"{rli}x", setup=[f"{rlo}s"], cues=f"{rlo}c")
    routine = parse_routine_text(json.dumps(data), SOURCE)
    assert routine.title == rlo + "T" * 119 + pdf
    assert routine.description == f"{rli}one{rlo}{pdf}{pdi}\ntwo"
    assert routine.cautions == (f"{rlo}a{pdf}", f"{rli}b{pdi}{rlo}c{pdf}")
    (bridge,) = routine.exercises
    assert (bridge.name, bridge.caution) == (f"{rlo}Bridge{pdf}", f"{rli}x{pdi}")
    assert (bridge.setup, bridge.cues) == ((f"{rlo}s{pdf}",), (f"{rlo}c{pdf}",))
    assert parse_routine_text(routine_to_json(routine), SOURCE) == routine  # 121 characters
    data["title"] = rlo + "T" * 120
    with pytest.raises(RoutineError, match="title: text is 121 characters; at most 120"):
        parse_routine_text(json.dumps(data), SOURCE)


@pytest.mark.parametrize("make", [minimal, full])
def test_round_trip_through_data(make: Any) -> None:
    routine = routine_from_data(make(), SOURCE)
    again = routine_from_data(routine_to_data(routine), SOURCE)
    assert again == routine
    assert routine_to_data(again) == routine_to_data(routine)


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    routine = routine_from_data(full(), "x")
    path = tmp_path / "sub" / "saved.json"
    save_routine(routine, path)
    assert load_routine(path) == replace(routine, path=str(path))
    assert [p.name for p in path.parent.iterdir()] == ["saved.json"]  # no temporary file left


def test_validate_data_lists_problems_without_raising() -> None:
    assert validate_data(full()) == []
    data = minimal()
    del data["title"]
    assert [str(p) for p in validate_data(data)] == ["title: required text is missing"]


def test_every_problem_is_reported_at_once() -> None:
    data = full()
    data["title"] = ""
    data["exercises"][0]["sets"] = 0
    data["exercises"][2]["hold_s"] = -1
    lines = errors(data)
    assert len(lines) == 3
    assert_problem(lines, "title", "must not be empty")
    assert_problem(lines, "exercises[0].sets", "at least 1")
    assert_problem(lines, "exercises[2].hold_s", "seconds from 0.1 to 3600")


# ---------------------------------------------------------------- rules, one by one


def edit(path: str, value: Any, base: Any = None) -> dict[str, Any]:
    """A copy of full() (or base) with the value at a dotted path set; '-' deletes it."""
    data = copy.deepcopy(full() if base is None else base)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    key: Any = int(last) if last.isdigit() else last
    if value == "-":
        del node[key]
    else:
        node[key] = value
    return data


UNKNOWN_FIELDS = [
    ("titel", "titel", 'did you mean "title"'),
    ("exercises.0.hold_ss", "exercises[0].hold_ss", 'did you mean "hold_s"'),
    ("exercises.1.tempo.lift", "exercises[1].tempo.lift", 'did you mean "lift_s"'),
    ("schedule.min_per_wek", "schedule.min_per_wek", 'did you mean "min_per_week"'),
    ("rests.between_set_s", "rests.between_set_s", 'did you mean "between_sets_s"'),
    ("colour", "colour", "unknown field"),
]


@pytest.mark.parametrize(("path", "where", "message"), UNKNOWN_FIELDS)
def test_unknown_fields_are_errors_with_a_hint(path: str, where: str, message: str) -> None:
    assert_problem(errors(edit(path, 1)), where, message)


def test_unknown_field_without_a_close_match_has_no_hint() -> None:
    lines = errors(edit("exercises.0.zzzzzz", 1))
    assert lines == [f"{SOURCE}: exercises[0].zzzzzz: unknown field"]


def test_odd_unknown_keys_are_quoted_in_the_path() -> None:
    data = full()
    data["exercises"][0]["a.b"] = 1
    data["exercises"][0]["7"] = 1
    lines = errors(data)
    assert_problem(lines, 'exercises[0]."a.b"', "unknown field")
    assert_problem(lines, 'exercises[0]."7"', "unknown field")
    data = full()
    data["x\ud800"] = 1
    (line,) = errors(data)
    line.encode("utf-8")  # printable: the surrogate is escaped


MISSING = [
    ("format", "format", 'required; expected "hiptimer-routine"'),
    ("version", "version", "required; expected 1 or 2"),
    ("id", "id", "required"),
    ("title", "title", "required"),
    ("exercises", "exercises", "missing"),
    ("exercises.0.id", "exercises[0].id", "required"),
    ("exercises.0.name", "exercises[0].name", "required"),
    ("exercises.0.kind", "exercises[0].kind", "required"),
    ("exercises.0.reps", "exercises[0].reps", "required"),
    ("exercises.2.hold_s", "exercises[2].hold_s", "required"),
    ("exercises.1.tempo.lower_s", "exercises[1].tempo.lower_s", "required"),
    ("schedule.min_per_week", "schedule.min_per_week", "required"),
]


@pytest.mark.parametrize(("path", "where", "message"), MISSING)
def test_missing_required_fields(path: str, where: str, message: str) -> None:
    assert_problem(errors(edit(path, "-")), where, message)


@pytest.mark.parametrize("field", ["format", "version"])
def test_a_missing_marker_is_not_called_null(field: str) -> None:
    # A file that forgot "format" never wrote null; "got null" sent people looking for one.
    lines = errors(edit(field, "-"))
    assert not [line for line in lines if "null" in line], lines


WRONG_VALUES = [
    # wrong types
    ("exercises.0.sets", True, "exercises[0].sets", "got true"),
    ("exercises.0.reps", False, "exercises[0].reps", "got false"),
    ("exercises.2.hold_s", "30", "exercises[2].hold_s", 'got "30"'),
    ("exercises.0.reps", 10.5, "exercises[0].reps", "whole number"),
    ("exercises.0.sets", 2.0, "exercises[0].sets", "got 2.0"),
    ("rests.get_ready_s", [5], "rests.get_ready_s", "got a list"),
    ("title", 5, "title", "expected text"),
    ("exercises", {}, "exercises", "expected a list"),
    ("exercises.0", "clamshell", "exercises[0]", "expected an object"),
    ("exercises.0.setup", 3, "exercises[0].setup", "list of text"),
    ("exercises.0.setup", ["ok", ""], "exercises[0].setup[1]", "non-empty text"),
    ("exercises.0.enabled", "yes", "exercises[0].enabled", "true or false"),
    ("exercises.0.kind", "stretch", "exercises[0].kind", "expected one of hold, reps"),
    ("exercises.0.sides", "both", "exercises[0].sides", "expected one of none, each"),
    ("exercises.1.tempo", "slow", "exercises[1].tempo", "expected an object"),
    ("schedule", [3, 5], "schedule", "expected an object"),
    ("rests", None, "rests", "got null"),
    ("version", True, "version", "got true"),
    ("version", 1.0, "version", "got 1.0"),
    ("version", "1", "version", 'got "1"'),
    ("format", "hiptimer-routines", "format", 'expected "hiptimer-routine"'),
    # out of range
    (
        "exercises.0.rest_after_s",
        -5,
        "exercises[0].rest_after_s",
        "0, or a number of seconds from 0.1",
    ),
    ("exercises.0.sets", 0, "exercises[0].sets", "at least 1"),
    ("exercises.0.sets", 21, "exercises[0].sets", "at most 20"),
    ("exercises.2.hold_s", 0, "exercises[2].hold_s", "seconds from 0.1 to 3600"),
    ("exercises.2.hold_s", -3, "exercises[2].hold_s", "seconds from 0.1 to 3600"),
    ("exercises.2.hold_s", 3600.5, "exercises[2].hold_s", "from 0.1 to 3600"),
    ("exercises.2.hold_s", 10**400, "exercises[2].hold_s", "too large"),
    ("exercises.0.reps", 501, "exercises[0].reps", "at most 500"),
    ("rests.between_sets_s", 3601, "rests.between_sets_s", "from 0.1 to 3600"),
    ("exercises.0.rep_hold_s", 121, "exercises[0].rep_hold_s", "from 0.1 to 120"),
    ("exercises.1.tempo.lift_s", 61, "exercises[1].tempo.lift_s", "from 0.1 to 60"),
    ("revision", 0, "revision", "at least 1"),
    ("schedule.max_per_week", 2, "schedule.max_per_week", "at least min_per_week"),
    ("schedule.min_per_week", 15, "schedule.min_per_week", "at most 14"),
    # reps and their range
    ("exercises.0.reps", 20, "exercises[0].reps", "within reps_range 10-15"),
    ("exercises.0.reps_range", [15, 10], "exercises[0].reps_range", "lowest (15) is above"),
    ("exercises.0.reps_range", [10], "exercises[0].reps_range", "[lowest, highest]"),
    ("exercises.0.reps_range", [0, 12], "exercises[0].reps_range[0]", "at least 1"),
    ("exercises.0.reps_range", [10, "x"], "exercises[0].reps_range[1]", 'got "x"'),
    ("exercises.0.reps_range", [None, 12], "exercises[0].reps_range[0]", "required"),
    # kind-specific fields
    (
        "exercises.1.tempo",
        {"lift_s": 0, "hold_s": 3, "lower_s": 0},
        "exercises[1].tempo",
        "lift or to lower",
    ),
    ("exercises.2.sides", "alternating", "exercises[2].sides", "cannot alternate"),
    ("exercises.2.reps", 10, "exercises[2].reps", 'only for kind "reps"'),
    ("exercises.0.hold_s", 10, "exercises[0].hold_s", 'only for kind "hold"'),
    # ids, text and images
    ("id", "Hip Basics", "id", "lowercase letters"),
    ("id", "hip\n", "id", "lowercase letters"),
    ("id", "a" * 65, "id", "at most 64"),
    ("exercises.1.id", "clamshell", "exercises[1].id", "already used by exercises[0]"),
    ("exercises", [], "exercises", "at least one exercise"),
    ("title", "   ", "title", "must not be empty"),
    ("title", "x" * 121, "title", "at most 120"),
    ("description", "a\x00b", "description", "NUL"),
    ("title", "half a pair \ud83d", "title", "unpaired surrogate"),
    ("cautions", ["fine", "bad \udc00"], "cautions[1]", "unpaired surrogate"),
    ("cautions", ["x"] * 51, "cautions", "at most 50"),
    ("exercises.0.image", "../secret.png", "exercises[0].image", 'without ".."'),
    ("exercises.0.image", "img/../../secret.png", "exercises[0].image", "relative"),
    ("exercises.0.image", "img\\..\\..\\secret.png", "exercises[0].image", "relative"),
    ("exercises.0.image", "/etc/passwd", "exercises[0].image", 'got "/etc/passwd"'),
    ("exercises.0.image", "\\\\server\\share\\x.png", "exercises[0].image", "relative"),
    ("exercises.0.image", "C:/x.png", "exercises[0].image", "relative"),
]


@pytest.mark.parametrize(("path", "value", "where", "message"), WRONG_VALUES)
def test_wrong_values(path: str, value: Any, where: str, message: str) -> None:
    assert_problem(errors(edit(path, value)), where, message)


def test_a_duplicate_id_is_named_even_beside_other_problems() -> None:
    """docs/routine-format.md: HipTimer lists all of a file's problems, not just the first."""
    data = edit("exercises.1.id", "clamshell")
    data["exercises"][1]["name"] = "  "  # the duplicate has a problem of its own
    data["exercises"][0]["sets"] = 21  # and so has the exercise it repeats
    lines = errors(data)
    assert_problem(lines, "exercises[1].name", "must not be empty")
    assert_problem(lines, "exercises[0].sets", "at most 20")
    assert_problem(lines, "exercises[1].id", '"clamshell" is already used by exercises[0]')


def test_too_many_exercises() -> None:
    one = {"name": "Bridge", "kind": "hold", "hold_s": 30}
    data = edit("exercises", [dict(one, id=f"e{i}") for i in range(101)])
    assert_problem(errors(data), "exercises", "at most 100")


def test_a_newer_format_version_says_so() -> None:
    lines = errors(edit("version", 3))
    assert lines == [
        f"{SOURCE}: version: made by a newer HipTimer (format 3); this one reads 1 and 2"
    ]


@pytest.mark.parametrize("value", [[], "routine", 3, None, True])
def test_the_top_level_must_be_an_object(value: Any) -> None:
    (line,) = errors(value)
    assert line.startswith(f"{SOURCE}: expected an object, got ")


def test_boundaries_are_inclusive() -> None:
    data = edit("exercises.2.hold_s", 3600)
    data = edit("exercises.0.reps", 500, edit("exercises.0.reps_range", "-", data))
    data = edit("exercises.0.sets", 20, data)
    routine = routine_from_data(data, SOURCE)
    assert routine.exercises[2].hold_s == 3600
    assert routine.exercises[0].reps == 500


# ---------------------------------------------------------------- JSON text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"hold_s": NaN}', "NaN is not a number JSON allows"),
        ('{"hold_s": Infinity}', "Infinity is not a number JSON allows"),
        ('{"hold_s": -Infinity}', "-Infinity is not a number JSON allows"),
        ('{"title": "a", "title": "b"}', 'the key "title" appears twice'),
        ('{"title": "a",}', "not valid JSON: Expecting property name"),
        ("[" * 100_000, "nested too deeply"),
        ("9" * 5000, "a number has too many digits"),
        ("", "file is empty"),
        (" \n\t ", "file is empty"),
    ],
)
def test_bad_json_text(text: str, message: str) -> None:
    (line,) = text_errors(text)
    assert line.startswith(f"{SOURCE}: ") and message in line


@pytest.mark.parametrize("literal", ["1e999", "-1e999"])
def test_a_float_literal_too_big_for_a_double(literal: str) -> None:
    # Refused as written, as a NaN or an Infinity is (user20: it was "got inf", read as infinity).
    assert "12345" not in json.dumps(full())
    text = json.dumps(edit("exercises.2.hold_s", 12345)).replace("12345", literal)
    (line,) = text_errors(text)
    assert f"{SOURCE}: not valid JSON: {literal} is too large a number, at line 1 column" in line


def test_json_errors_give_line_and_column() -> None:
    (line,) = text_errors('{\n  "id": "x",\n  oops\n}')
    assert "line 3 column 3" in line


def test_a_raw_control_character_in_a_string() -> None:
    (line,) = text_errors('{"title": "a\x01"}')
    assert line == f"{SOURCE}: not valid JSON: Invalid control character at line 1 column 13"


def test_duplicate_keys_inside_an_exercise() -> None:
    text = json.dumps(full()).replace('"name": "Clamshell"', '"name": "A", "name": "B"')
    (line,) = text_errors(text)
    assert 'the key "name" appears twice' in line


def test_a_key_written_twice_is_placed_by_line_and_column() -> None:
    """docs/routine-format.md: a file that isn't JSON gets one line with the position of the
    mistake. A key twice in one object gave none: in a routine of 20 exercises, which one? The
    second key is placed; the same key in another object (each exercise has a "name") is not
    a repeat, nor is one inside a string."""
    text = '{\n  "title": "x {\\"name\\": 1}",\n  "exercises": [\n    {"name": "A"},\n'
    text += '    {"id": "b", "name": "B",\n     "kind": "hold", "name": "C"}\n  ]\n}'
    (line,) = text_errors(text)
    assert line.endswith('the key "name" appears twice in one object, at line 6 column 22')


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_a_number_json_does_not_allow_is_placed_by_line_and_column(word: str) -> None:
    text = f'{{\n  "title": "NaN Infinity",\n  "hold_s": {word}\n}}'
    (line,) = text_errors(text)
    assert line.endswith(f"{word} is not a number JSON allows, at line 3 column 13")


# ---------------------------------------------------------------- files


def test_missing_file(tmp_path: Path) -> None:
    assert file_errors(tmp_path / "nope.json") == [f"{tmp_path / 'nope.json'}: file not found"]


def test_a_folder(tmp_path: Path) -> None:
    (line,) = file_errors(tmp_path)
    assert "is a folder" in line


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n"])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    (line,) = file_errors(path)
    assert "file is empty" in line


def test_a_file_over_1_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    (line,) = file_errors(path)
    # All spaces would read as "file is empty" had it been parsed.
    assert "at most 1 MiB" in line


def test_a_file_of_exactly_1_mib_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * MAX_FILE_BYTES)
    (line,) = file_errors(path)
    assert "file is empty" in line


def test_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps(edit("title", "Übungen"), ensure_ascii=False)
        .encode("utf-8")
        .replace(b"\xc3\x9c", b"\xdc")
    )
    (line,) = file_errors(path)
    assert "not valid UTF-8" in line and "offset" in line


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps(full()).encode("utf-8"))
    assert load_routine(path).id == "full-routine"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "notepad.json"
    data = json.dumps(full()).encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    (line,) = file_errors(path)
    assert "UTF-16; save it as UTF-8" in line


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    # It said "not valid JSON: Expecting property name enclosed in double quotes at line 1
    # column 2"; a NUL every other byte is UTF-16, which the user can fix when told.
    path = tmp_path / "notepad.json"
    path.write_bytes(json.dumps(full(), indent=2).encode(encoding))
    (line,) = file_errors(path)
    assert line == f"{path}: the file is saved as UTF-16; save it as UTF-8"


@pytest.mark.parametrize("text", ['{"a": 1}\x00', "\x00", '{"title": "\u4e2d\u6587"}'])
def test_a_stray_nul_or_wide_letters_in_utf8_are_not_taken_for_utf16(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(text.encode("utf-8"))
    assert not any("UTF-16" in line for line in file_errors(path))


def test_deep_nesting_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="ascii")
    (line,) = file_errors(path)
    assert "nested too deeply" in line


def test_a_huge_integer_literal_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "digits.json"
    path.write_text(json.dumps(minimal()).replace("30", "9" * 5000), encoding="ascii")
    (line,) = file_errors(path)
    assert "too many digits" in line


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    result: list[object] = []

    def load() -> None:
        try:
            load_routine(path)
        except RoutineError as exc:
            result.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # release the blocked open() so the thread can end
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("load_routine blocked on a FIFO")
    (exc,) = result
    assert isinstance(exc, RoutineError)
    assert exc.lines() == [f"{path}: is a pipe, not a regular file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero() -> None:
    (line,) = file_errors(Path("/dev/zero"))
    assert "not a regular file" in line


def test_a_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    (line,) = file_errors(a)
    assert "cannot read the file" in line


def test_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.json"
    link.symlink_to(tmp_path / "missing.json")
    assert file_errors(link) == [f"{link}: file not found"]


def test_a_symlink_to_a_routine_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text(json.dumps(minimal()), encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert load_routine(link).path == str(link)


def test_a_nul_byte_in_the_path(tmp_path: Path) -> None:
    with pytest.raises(RoutineError, match="not a usable file name"):
        load_routine(str(tmp_path / "a\x00b.json"))


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.json"
    path.write_bytes(bytes(range(256)) * 4)
    file_errors(path)


def test_field_errors_from_a_file_name_the_file_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(edit("exercises.0.reps", 0)), encoding="utf-8")
    (line,) = file_errors(path)
    assert line.startswith(f"{path}: exercises[0].reps: ")


# ---------------------------------------------------------------- properties

# Text with the odd unpaired surrogate (JSON's "\\ud800" escapes make those) and numbers at
# the edges: past a double's range, past 64 bits.
json_text = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=20)
edge_numbers = st.sampled_from([10**400, -(10**400), 2**63, 1e308, -0.0, 5e-324])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | edge_numbers | st.floats() | json_text,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(json_text, children, max_size=5)
    ),
    max_leaves=30,
)


@FAST
@given(json_values)
def test_any_json_value_is_a_routine_or_a_routine_error(value: Any) -> None:
    try:
        parse_routine_text(json.dumps(value), SOURCE)
    except RoutineError as exc:
        assert exc.lines()


def _slots(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON tree where a value sits."""
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _slots(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += _slots(child, (*path, i))
    return found


FULL_SLOTS = _slots(full())[1:]
FIELD_NAMES = sorted({str(p[-1]) for p in FULL_SLOTS if isinstance(p[-1], str)})


@FAST
@given(
    slot=st.sampled_from(FULL_SLOTS),
    value=edge_numbers | json_text | json_values,
    extra_key=st.none() | st.sampled_from(FIELD_NAMES) | st.text(max_size=8),
)
def test_any_value_anywhere_in_a_valid_routine(
    slot: tuple[Any, ...], value: Any, extra_key: str | None
) -> None:
    data = full()
    node: Any = data
    for part in slot[:-1]:
        node = node[part]
    if extra_key is not None and isinstance(node, dict):
        node[extra_key] = value  # a new (or replaced) key next to the slot
    else:
        node[slot[-1]] = value
    problems = validate_data(data)
    try:
        routine = routine_from_data(data, SOURCE)
    except RoutineError as exc:
        assert exc.lines() == [f"{SOURCE}: {p}" for p in problems]
        return
    assert problems == []
    # Whatever is accepted can be written back (as UTF-8) and reads back the same.
    text = routine_to_json(routine)
    text.encode("utf-8")
    assert parse_routine_text(text, SOURCE) == routine


@FAST
@given(st.text(max_size=200))
def test_any_text_is_a_routine_or_a_routine_error(text: str) -> None:
    try:
        parse_routine_text(text, SOURCE)
    except RoutineError as exc:
        assert exc.lines()


@FAST
@given(st.text(alphabet='{}[]":,0123456789eE.-+ tfnaulrsNIy\\', max_size=60))
def test_json_like_text_is_a_routine_or_a_routine_error(text: str) -> None:
    try:
        parse_routine_text(text, SOURCE)
    except RoutineError as exc:
        assert exc.lines()


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_in_a_file_are_a_routine_or_a_routine_error(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / "property.json"
    path.write_bytes(content)
    try:
        load_routine(path)
    except RoutineError as exc:
        assert exc.lines()


# Valid routines, built directly so that the strategy knows nothing of the JSON form.

# Text a routine may hold: no NUL, surrogate or control character but a tab and a line break.
_CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r")
_chars = st.characters(exclude_categories=["Cs"], exclude_characters=_CONTROLS)
ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,15}", fullmatch=True)
words = st.text(_chars, min_size=1, max_size=25).filter(lambda s: not blank(s))  # shows a letter
any_text = st.text(_chars, max_size=40)
texts = st.lists(words, max_size=3).map(tuple)
images = st.just("") | st.from_regex(r"[a-z0-9_-]{1,8}(/[a-z0-9_-]{1,8}){0,2}\.png", fullmatch=True)


def seconds(low: float, high: float, *, open_low: bool = False) -> st.SearchStrategy[float]:
    """Seconds a routine may write: 0 (unless `open_low`) or 0.1 s and up, in steps of 0.001."""
    ints = st.integers(int(low) + (1 if open_low else 0), int(high))
    thousandths = st.integers(max(int(low * 1000), 100), int(high * 1000)).map(lambda n: n / 1000)
    return ints.map(float) | thousandths


optional_rest = st.none() | seconds(0, 3600)


@st.composite
def exercises(draw: st.DrawFn, ex_id: str) -> Exercise:
    kind = draw(st.sampled_from(Kind))
    common: dict[str, Any] = {
        "id": ex_id,
        "name": draw(words),
        "kind": kind,
        "sets": draw(st.integers(1, 20)),
        "rest_between_sets_s": draw(optional_rest),
        "rest_between_sides_s": draw(optional_rest),
        "rest_after_s": draw(optional_rest),
        "setup": draw(texts),
        "cues": draw(texts),
        "caution": draw(any_text),
        "image": draw(images),
        "enabled": draw(st.booleans()),
    }
    if kind is Kind.HOLD:
        sides = draw(st.sampled_from([SideMode.NONE, SideMode.EACH]))
        return Exercise(**common, sides=sides, hold_s=draw(seconds(0, 3600, open_low=True)))
    reps = draw(st.integers(1, 500))
    reps_range = None
    if draw(st.booleans()):
        reps_range = (draw(st.integers(1, reps)), draw(st.integers(reps, 500)))
    tempo = None
    if draw(st.booleans()):
        lift, hold, lower = draw(seconds(0, 60)), draw(seconds(0, 60)), draw(seconds(0, 60))
        if lift + lower > 0:
            tempo = Tempo(lift, hold, lower)
    return Exercise(
        **common,
        sides=draw(st.sampled_from(SideMode)),
        reps=reps,
        reps_range=reps_range,
        rep_hold_s=draw(seconds(0, 120)),
        tempo=tempo,
    )


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    exercise_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    schedule = None
    if draw(st.booleans()):
        low = draw(st.integers(1, 14))
        schedule = Schedule(low, draw(st.integers(low, 14)))
    rests = Rests(*(draw(seconds(0, 3600)) for _ in range(4))) if draw(st.booleans()) else Rests()
    return Routine(
        id=draw(ids),
        title=draw(words),
        exercises=tuple(draw(exercises(ex_id)) for ex_id in exercise_ids),
        description=draw(any_text),
        source=draw(any_text),
        cautions=draw(texts),
        schedule=schedule,
        rests=rests,
        revision=draw(st.integers(1, 1_000_000)),
        based_on=draw(st.just("") | ids),
    )


@FAST
@given(routines())
def test_valid_routines_round_trip_through_json(routine: Routine) -> None:
    assert validate_data(routine_to_data(routine)) == []
    first = parse_routine_text(routine_to_json(routine), SOURCE)
    # The loader closes a direction override or isolate a text leaves open (user20); as read,
    # a routine round-trips exactly, and one without such marks is read as it was written.
    again = parse_routine_text(routine_to_json(first), SOURCE)
    assert again == first
    assert routine_to_json(again) == routine_to_json(first)
    written = json.dumps(routine_to_data(routine), ensure_ascii=False)
    if not set(written) & set("\u202a\u202b\u202d\u202e\u2066\u2067\u2068"):
        assert first == replace(routine, path=SOURCE)
        assert routine_to_json(first) == routine_to_json(routine)


def test_a_file_changed_since_it_was_read_is_read_as_it_is_now(tmp_path: Path) -> None:
    """Parsed routines are remembered by their text: an edit, a fix or a breakage of the same
    file is seen at the next load, and a bad file is refused every time."""
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(minimal()))
    assert load_routine(path).exercises[0].hold_s == 30
    edited = minimal()
    edited["exercises"][0]["hold_s"] = 45
    path.write_text(json.dumps(edited))
    assert load_routine(path).exercises[0].hold_s == 45
    edited["exercises"][0]["hold_s"] = "long"
    path.write_text(json.dumps(edited))
    for _ in range(2):
        with pytest.raises(RoutineError, match="hold_s"):
            load_routine(path)
    path.write_text(json.dumps(minimal()))
    assert load_routine(path).exercises[0].hold_s == 30


def test_an_exercise_read_again_from_a_sessions_doses_is_the_dose_it_keeps() -> None:
    data = {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10, "sets": 2}
    first = exercise_from_data(data)
    assert first is not None and first.reps == 10
    data["reps"] = 12  # the same dict changed in place: not the answer of before
    again = exercise_from_data(data)
    assert again is not None and again.reps == 12
    assert exercise_from_data({**data, "reps": "ten"}) is None
    assert exercise_from_data({**data, "reps": float("nan")}) is None


def test_a_duplicate_id_is_listed_with_its_exercise_s_other_problems() -> None:
    """Problems come in the file's order: a repeated id (found once every exercise is read)
    is not left after the last exercise's problems."""
    data = minimal()
    data["exercises"] = [
        {"id": "a", "name": "A", "kind": "hold", "hold_s": 30},
        {"id": "a", "name": "A2", "kind": "hold", "hold_s": -3},
        {"id": "b", "name": "", "kind": "reps", "reps": 10},
    ]
    with pytest.raises(RoutineError) as caught:
        routine_from_data(data, "dup.json")
    wheres = [p.where for p in caught.value.problems]
    assert wheres == ["exercises[1].hold_s", "exercises[1].id", "exercises[2].name"]

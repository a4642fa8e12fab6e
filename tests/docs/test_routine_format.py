"""docs/routine-format.md read as a new user reads it: its examples load (in `hiptimer validate`
too, with every other doc's), its errors appear as written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core.routines.loader import load_routine, parse_routine_text
from hiptimer.core.routines.validation import RoutineError
from tests.doc_reading import DOCS, code_blocks, doc

DOC = doc("routine-format.md")
PROSE = " ".join(DOC.split())  # the doc's sentences with their line breaks as spaces
SHOWN_PATH = "~/.local/share/HipTimer/routines/my-routine.json"

# A file written to make each line of the doc's "Validation errors" block, and only those.
MY_ROUTINE: dict[str, Any] = {
    "format": "hiptimer-routine",
    "version": 2,
    "id": "my-routine",
    "title": "My routine",
    "exercises": [
        {"id": "a", "name": "A", "kind": "reps", "reps": 9, "reps_range": [10, 15], "hold_s": 5},
        {"id": "b", "name": "B", "kind": "hold", "hold_s": 5, "side": "each"},
        {"id": "c", "name": "C", "kind": "hold", "hold_s": -30, "sides": "alternating"},
        {
            "id": "d",
            "name": "D",
            "kind": "reps",
            "reps": 5,
            "ladder": [{"id": "d2", "name": "D2"}],
            "load": {"amount": 1, "unit": "lbs"},
        },
    ],
}


PLAIN_HOLD = {"id": "h", "name": "H", "kind": "hold", "hold_s": 5}


def problem_lines(data: Any, source: str = SHOWN_PATH) -> list[str]:
    with pytest.raises(RoutineError) as info:
        parse_routine_text(json.dumps(data), source)
    return info.value.lines()


def documented_block(heading: str, lang: str) -> str:
    section = DOC.split(heading, 1)[1]
    found = re.search(rf"```{lang}\n(.*?)```", section, re.DOTALL)
    assert found, f"no {lang} block under {heading!r}"
    return found.group(1)


def test_every_documented_validation_error_appears_as_written_and_in_that_order() -> None:
    documented = documented_block("## Validation errors", "text").splitlines()
    assert len(documented) == 7
    assert problem_lines(MY_ROUTINE) == documented


@pytest.mark.parametrize(
    "block", re.findall(r"```json\n(.*?)```", DOC, re.DOTALL), ids=lambda b: json.loads(b)["id"]
)
def test_every_json_example_in_the_doc_loads_as_copied(block: str) -> None:
    routine = parse_routine_text(block, "example.json")
    assert routine.id == json.loads(block)["id"]


def test_the_documented_newer_version_message() -> None:
    data = {**MY_ROUTINE, "version": 3}
    wanted = "version: made by a newer HipTimer (format 3); this one reads 1 and 2"
    assert f"`{wanted}`" in PROSE
    assert problem_lines(data) == [f"{SHOWN_PATH}: {wanted}"]


def test_the_documented_format_2_field_message() -> None:
    data = {**MY_ROUTINE, "version": 1, "exercises": [MY_ROUTINE["exercises"][3]]}
    wanted = 'exercises[0].ladder: a format-2 field: the file must say "version": 2'
    assert f"`{wanted}`" in PROSE
    assert f"{SHOWN_PATH}: {wanted}" in problem_lines(data)


def test_the_documented_not_json_message() -> None:
    text = '{\n  "format": "hiptimer-routine",\n  "version": 1,\n  "id": "a",\n  "title": "T",\n'
    text += '  "exercises": []\n    "x": 1\n}'
    with pytest.raises(RoutineError) as info:
        parse_routine_text(text, "my-routine.json")
    wanted = "my-routine.json: not valid JSON: Expecting ',' delimiter at line 7 column 5"
    assert f"`{wanted}`" in PROSE
    assert info.value.lines() == [wanted]


def test_the_documented_utf16_message(tmp_path: Path) -> None:
    path = tmp_path / "my-routine.json"
    path.write_bytes(json.dumps(MY_ROUTINE).encode("utf-16-le"))  # no byte-order mark
    wanted = "my-routine.json: the file is saved as UTF-16; save it as UTF-8"
    assert f"`{wanted}`" in PROSE
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    assert info.value.lines() == [f"{tmp_path}/{wanted}"]


@pytest.mark.parametrize("bad_id", ["-morning", "_morning", "Morning", "morning hips"])
def test_an_id_that_breaks_the_rule_gets_a_message_that_states_the_rule(bad_id: str) -> None:
    # "-" is allowed, only not first: the message has to say so, and quote what it got.
    assert "starts with a letter or digit" in PROSE
    lines = problem_lines({**MY_ROUTINE, "id": bad_id, "exercises": [PLAIN_HOLD]})
    wanted = (
        f"{SHOWN_PATH}: id: expected an id of lowercase letters, digits, '-' or '_', "
        f"starting with a letter or digit; got {json.dumps(bad_id)}"
    )
    assert wanted in lines


def test_an_id_too_long_is_one_problem_not_two() -> None:
    lines = problem_lines({**MY_ROUTINE, "id": "a" * 65, "exercises": [PLAIN_HOLD]})
    assert [line for line in lines if ": id: " in line] == [
        f"{SHOWN_PATH}: id: text is 65 characters; at most 64 allowed"
    ]


def test_a_list_item_too_long_says_what_is_allowed_as_a_field_too_long_does() -> None:
    """The outside tester: cautions[0] read "at most 2000" where the description read "at
    most 2000 allowed"."""
    assert "up to 50 items, each 1-2000 characters" in PROSE
    long = "c" * 2001
    data = {**MY_ROUTINE, "cautions": [long], "description": long, "exercises": [PLAIN_HOLD]}
    assert problem_lines(data) == [
        f"{SHOWN_PATH}: description: text is 2001 characters; at most 2000 allowed",
        f"{SHOWN_PATH}: cautions[0]: text is 2001 characters; at most 2000 allowed",
    ]


def test_a_limit_is_written_as_the_doc_writes_it_not_in_exponent_form() -> None:
    assert "| 1 to 1,000,000 |" in PROSE
    data = {**MY_ROUTINE, "revision": 1_000_001, "exercises": [PLAIN_HOLD]}
    assert (
        f"{SHOWN_PATH}: revision: expected a whole number at least 1 and at most 1000000, "
        "got 1000001"
    ) in problem_lines(data)


def test_a_tempo_must_write_its_hold_as_the_doc_says_and_only_the_pause_may_be_left_out() -> None:
    assert "only `pause_s` may be left out" in PROSE
    reps = {"id": "r", "name": "R", "kind": "reps", "reps": 5}
    no_hold = {**MY_ROUTINE, "exercises": [{**reps, "tempo": {"lift_s": 2, "lower_s": 2}}]}
    assert problem_lines(no_hold) == [
        f"{SHOWN_PATH}: exercises[0].tempo.hold_s: required number is missing"
    ]
    no_pause = {
        **MY_ROUTINE,
        "exercises": [{**reps, "tempo": {"lift_s": 2, "hold_s": 0, "lower_s": 2}}],
    }
    assert parse_routine_text(json.dumps(no_pause), "r.json").exercises[0].tempo is not None


def test_a_zero_pause_is_skipped_and_its_setup_is_said_in_the_first_set_as_the_doc_says() -> None:
    from hiptimer.core.voice.cue_script import cue_script

    assert "A 0 skips that pause" in PROSE and "at the start of the first set instead" in PROSE
    assert "so that they are heard whole before the set begins" in PROSE
    data = {
        **MY_ROUTINE,
        "rests": {"get_ready_s": 0},
        "exercises": [{**PLAIN_HOLD, "hold_s": 20, "setup": ["Lie down."]}],
    }
    zero = parse_routine_text(json.dumps(data), "zero.json")
    script = cue_script(zero)  # pauses as written: a voice turned on after the start
    assert script[0] == (0.0, "H. Hold for twenty seconds.")  # no get-ready
    assert [text for _, text in script].index("Lie down.") == 1
    voiced = [text for _, text in cue_script(zero, stretched=True)]  # on from the start
    assert voiced[:2] == ["Get ready: H.", "Lie down."]


def test_a_rep_hold_beside_a_tempo_is_not_used_nor_written_in_the_dose() -> None:
    from hiptimer.core.routines.model import dose_text
    from hiptimer.core.session.steps import effective_tempo

    assert "when there is a `tempo`, its own `hold_s` is the hold" in PROSE
    paced = {"id": "r", "name": "R", "kind": "reps", "reps": 5, "rep_hold_s": 5}
    paced["tempo"] = {"lift_s": 2, "hold_s": 1, "lower_s": 2}
    ex = parse_routine_text(json.dumps({**MY_ROUTINE, "exercises": [paced]}), "r.json").exercises[0]
    tempo = effective_tempo(ex)
    assert tempo is not None and tempo.hold_s == 1
    assert dose_text(ex) == "1 x 5 reps, tempo 2-1-2"  # no "5 s hold" that never comes


def test_one_rep_is_one_rep_in_the_library_as_on_the_summary() -> None:
    """The audit: a 20 x 1 exercise read "20 x 1 reps" in the library and `hiptimer show`,
    "20 x 1 rep" on the summary's suggestion card."""
    from hiptimer.core.dosing.dose_steps import Dose
    from hiptimer.core.routines.ladder import ceiling_text
    from hiptimer.core.routines.model import dose_text

    one = {"id": "r", "name": "R", "kind": "reps", "reps": 1, "sets": 20}
    ex = parse_routine_text(json.dumps({**MY_ROUTINE, "exercises": [one]}), "r.json").exercises[0]
    assert dose_text(ex) == "20 x 1 rep" == ceiling_text(ex) == Dose(20, reps=1).amount
    ranged = {**one, "reps_range": [1, 3]}
    r = parse_routine_text(json.dumps({**MY_ROUTINE, "exercises": [ranged]}), "r.json")
    assert dose_text(r.exercises[0]) == "20 x 1 (1-3) reps"


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [
        (7, 7, "daily"),
        (14, 14, "twice a day"),
        (7, 14, "once or twice a day"),  # the desk micro-break
        (1, 1, "once a week"),
        (10, 10, "10 times a week"),  # not "daily": some days twice
        (3, 4, "3-4 times a week"),
        (5, 7, "5-7 times a week"),
    ],
)
def test_a_schedule_reads_as_the_doc_says(low: int, high: int, label: str) -> None:
    routine = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "s",
        "title": "S",
        "schedule": {"min_per_week": low, "max_per_week": high},
        "exercises": [{"id": "a", "name": "A", "kind": "hold", "hold_s": 5}],
    }
    text = json.dumps(routine)
    schedule = parse_routine_text(text).schedule
    assert schedule is not None and schedule.label == label


def test_the_complete_example_copied_as_is_brings_each_exercises_figure() -> None:
    example = parse_routine_text(documented_block("## A complete small example", "json"))
    figures = paths.resources_dir() / "figures"
    assert [(figures / f"{ex.id}.json").is_file() for ex in example.exercises] == [True, True]


def test_the_doc_counts_the_builtin_routines_the_app_ships() -> None:
    """It said seven after the monthly check made them eight."""
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    said = re.search(r"HipTimer ships (\w+) built-in routines", PROSE)
    assert said, "the doc no longer counts the built-in routines"
    shipped = list(paths.builtin_routines_dir().glob("*.json"))
    assert words.index(said.group(1)) + 1 == len(shipped)


# ---------------------------------------------------------------- every doc's examples and quotes

# A message the doc quotes with its value, `exercises[0].hold_s: expected ..., got 0.0001`: the
# value is put where its path says, in a file otherwise valid, and the line must read as quoted.
QUOTED_REFUSAL = re.compile(
    r"[*`]((?P<path>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): [^*`]*?, got (?P<value>[^*`\s]+))[*`]"
)


def _put_at(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    *parents, last = re.findall(r"[a-z_]+|\[\d+\]", path)
    target: Any = data
    for part in parents:
        if part.startswith("["):
            index = int(part[1:-1])
            while len(target) <= index:
                target.append({**PLAIN_HOLD, "id": f"h{len(target)}"})
            target = target[index]
        else:
            target = target.setdefault(part, [] if part == "exercises" else {})
    target[last] = value
    return data


def quoted_refusals() -> list[tuple[str, str, str]]:
    outside_code = re.sub(r"^```.*?^```", "", DOC, flags=re.M | re.S)
    prose = " ".join(outside_code.split())
    return [(m.group(1), m.group("path"), m.group("value")) for m in QUOTED_REFUSAL.finditer(prose)]


def test_the_doc_quotes_refusals_with_their_values() -> None:
    assert len(quoted_refusals()) >= 3  # hold_s 0.0001, between_sets_s 1e-320, 2.0005


@pytest.mark.parametrize(("quoted", "path", "value"), quoted_refusals(), ids=lambda v: v[:40])
def test_a_refusal_the_doc_quotes_is_the_line_the_loader_writes(
    quoted: str, path: str, value: str
) -> None:
    data = _put_at({**MY_ROUTINE, "exercises": [dict(PLAIN_HOLD)]}, path, json.loads(value))
    text = json.dumps(data).replace(json.dumps(json.loads(value)), value)  # 1e-320 as written
    with pytest.raises(RoutineError) as info:
        parse_routine_text(text, SHOWN_PATH)
    assert f"{SHOWN_PATH}: {quoted}" in info.value.lines()


def every_json_example() -> list[tuple[str, str]]:
    names = ["README.md", *sorted(p.name for p in DOCS.glob("*.md"))]
    return [(name, block) for name in names for block in code_blocks(doc(name), "json")]


ROUTINE_OR_FIGURE = [
    pytest.param(block, id=f"{name}:{json.loads(block)['id']}")
    for name, block in every_json_example()
    if json.loads(block).get("format") in ("hiptimer-routine", "hiptimer-figure")
]


def test_every_json_example_of_every_doc_is_valid_json_and_the_files_are_found() -> None:
    kinds = {json.loads(block).get("format", "settings") for _, block in every_json_example()}
    assert {"hiptimer-routine", "hiptimer-figure", "settings"} <= kinds
    assert len(ROUTINE_OR_FIGURE) == 4  # three routines, one figure


@pytest.mark.parametrize("block", ROUTINE_OR_FIGURE)
def test_hiptimer_validate_passes_each_routine_or_figure_example_copied_to_a_file(
    block: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hiptimer.cli.main import main

    copied = tmp_path / f"{json.loads(block)['id']}.json"
    copied.write_text(block, encoding="utf-8")
    assert main(["validate", str(copied)]) == 0
    said = capsys.readouterr()
    assert said.out.startswith(f"ok: {copied}") and said.err == ""

"""Tests for safe_read's JSON: a depth limit of its own, whoever calls it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiptimer.core.safe_read import (
    MAX_DEPTH,
    BadJson,
    UnreadableFile,
    parse_strict_json,
    read_small_bytes,
)


def _from_deep_in_the_stack(frames: int, call: Callable[[], Any]) -> Any:
    return call() if frames == 0 else _from_deep_in_the_stack(frames - 1, call)


@pytest.mark.parametrize("frames", [0, 700])
def test_nesting_has_a_limit_that_does_not_depend_on_the_caller(frames: int) -> None:
    # The limit was Python's stack: 900 levels parsed at the top, fewer inside a deep call.
    at_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert _from_deep_in_the_stack(frames, lambda: parse_strict_json(at_limit))
    for depth in (MAX_DEPTH + 1, 900, 100_000):
        text = '{"a": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
        with pytest.raises(BadJson, match=f"nested too deeply \\(more than {MAX_DEPTH} levels"):
            _from_deep_in_the_stack(frames, functools.partial(parse_strict_json, text))


def test_wide_json_is_not_deep() -> None:
    wide = {"exercises": [{"tempo": {"lift_s": 1}, "setup": ["a"]}] * 5000}
    assert parse_strict_json(str(wide).replace("'", '"')) == wide


@pytest.mark.usefixtures("spanish")
def test_why_a_file_cannot_be_read_is_said_in_the_language_in_use(tmp_path: Path) -> None:
    # The reason shows on screen (a figure's picture note, a broken routine in the library).
    with pytest.raises(UnreadableFile, match=r"^archivo no encontrado$") as missing:
        read_small_bytes(tmp_path / "missing.png", 1024)
    assert missing.value.missing
    with pytest.raises(UnreadableFile, match=r"^es una carpeta, no un archivo$"):
        read_small_bytes(tmp_path, 1024)
    big = tmp_path / "big.png"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(
        UnreadableFile,
        match=r"^el archivo es demasiado grande: 2048 bytes; se leen como máximo 1 KiB$",
    ):
        read_small_bytes(big, 1024)


PIECES = [
    *("{", "}", "[", "]", ":", ",", '"a"', '"b"', '"a\\"b"', '"{"', "NaN", "-Infinity", "1"),
    *("1e309", '"1e309"'),
]


@given(st.lists(st.sampled_from([*PIECES, " ", "\n"]), max_size=40).map("".join))
def test_a_refused_key_or_number_is_placed_where_it_is(text: str) -> None:
    """A key twice, a NaN or a number too large is placed by line and column, at that key or
    number."""
    try:
        parse_strict_json(text)
    except BadJson as exc:
        place = re.search(r", at line (\d+) column (\d+)$", str(exc))
        if place:
            line, column = int(place.group(1)), int(place.group(2))
            at = sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1
            assert text[at] in '"N-1', (text, str(exc))


@pytest.mark.parametrize("number", ["1e309", "-1e309", "1.5E+400"])
def test_a_number_too_large_to_hold_is_refused_as_written_where_it_is(number: str) -> None:
    """user20: a hold of 1e309 seconds was read as infinity and refused as "got inf", a word
    the file never had; it is refused as the NaN and Infinity it amounts to, placed and quoted."""
    text = '{"a": "1e309 in a string",\n "hold_s": ' + number + "}"
    with pytest.raises(BadJson) as refused:
        parse_strict_json(text)
    assert (
        str(refused.value) == f"not valid JSON: {number} is too large a number, at line 2 column 12"
    )
    assert parse_strict_json('{"a": 1e308}') == {"a": 1e308}  # large, but a number


@pytest.mark.parametrize(
    ("later", "said"),
    [
        ('"hold_s": 1e309', "1e309 is too large a number, at line 3 column 12"),
        ('"hold_s": NaN', "NaN is not a number JSON allows, at line 3 column 12"),
        ('"hold_s": 1,}', "Expecting property name enclosed in double quotes at line 3 column 14"),
        ('"in": {"a": 1, "a": 2}', 'the key "a" appears twice in one object, at line 3 column 17'),
    ],
)
def test_a_key_twice_then_another_mistake_names_both_the_first_first(later: str, said: str) -> None:
    """record26: a key twice and a 1e309 after it named only the 1e309, the later mistake (the
    parser refuses a repeat when its object closes, a number as it reads it);
    docs/routine-format.md: the first mistake is named, then the one the parser stopped at."""
    text = '{"name": "a",\n "name": "b",\n ' + later + "}"
    with pytest.raises(BadJson) as refused:
        parse_strict_json(text)
    first = 'the key "name" appears twice in one object, at line 2 column 2'
    assert str(refused.value) == f"not valid JSON: {first}; also: {said}"

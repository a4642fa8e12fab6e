"""A user's copy of a built-in keeps following the built-in's translation where it keeps its words.

A kept dose, an accepted suggestion or an edit saves the user's own copy of a built-in routine
(`based_on` names the built-in). Its file holds the built-in's English texts wherever the user
left a text as the built-in has it, in any shipped language; reading it back puts those texts
in the language in use, as the built-in's own. A text the user wrote stays as written.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from typing import Any, TypeVar

from hiptimer import i18n, paths
from hiptimer.core.routines.ladder import rungs
from hiptimer.core.routines.model import Exercise, Routine, Rung
from hiptimer.core.routines.translation import translated
from hiptimer.core.routines.validation import ID_PATTERN, MAX_FILE_BYTES, check_routine
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text

ROUTINE_TEXTS = ("title", "description", "source")
TEXTS = ("name", "caution")
LINES = ("setup", "cues")
T = TypeVar("T", Exercise, Rung)  # what has a name, setup, cues and a caution
# (where: "" for the routine, else an exercise's or variant's id; field; text) -> text
Words = dict[tuple[str, str, str], str]


def follow_builtin(routine: Routine, language: str | None = None) -> Routine:
    """The copy with each text it shares with its built-in in `language` (the one in use by
    default); as it is when it is no copy of a built-in this app ships."""
    language = language or i18n.language()
    original = _builtin(routine.based_on) if not routine.builtin else None
    if original is None:
        return routine
    words = _words(original, language)
    exercises = tuple(_exercise(ex, words) for ex in routine.exercises)
    texts: dict[str, Any] = {
        name: _text(words, "", name, getattr(routine, name)) for name in ROUTINE_TEXTS
    }
    cautions = tuple(_text(words, "", "cautions", line) for line in routine.cautions)
    return dataclasses.replace(routine, **texts, cautions=cautions, exercises=exercises)


def _builtin(routine_id: str) -> Routine | None:
    """The built-in with this id in English, or None (no such file, or an unusable one)."""
    if not ID_PATTERN.fullmatch(routine_id):  # never a path out of the folder
        return None
    path = paths.builtin_routines_dir() / f"{routine_id}.json"
    try:
        text = read_small_text(path, MAX_FILE_BYTES)
    except UnreadableFile:
        return None
    routine = _parsed(text)
    if routine is None or routine.id != routine_id:
        return None
    return dataclasses.replace(routine, path=str(path), builtin=True)


@functools.lru_cache(maxsize=16)  # the library reads every copy again and again
def _parsed(text: str) -> Routine | None:
    try:
        routine, problems = check_routine(parse_strict_json(text))
    except BadJson:
        return None
    return None if problems else routine


def _words(english: Routine, language: str) -> Words:
    """Each text of the built-in in every shipped language, paired with the same text in
    `language`: English first, so it wins where two languages happen to share a text."""
    target = translated(english, language)
    words: Words = {}
    for code in i18n.LANGUAGES:
        version = translated(english, code)
        for key, text in zip(_places(version), _places(target), strict=True):
            if key[:2] == text[:2]:
                words.setdefault(key, text[2])
    return words


def _places(routine: Routine) -> Iterator[tuple[str, str, str]]:
    """(where, field, text) for every text of a routine, in a fixed order.

    A list's lines are paired by place; an overlay always has as many lines as the routine.
    """
    for name in ROUTINE_TEXTS:
        yield "", name, getattr(routine, name)
    for line in routine.cautions:
        yield "", "cautions", line
    for ex in routine.exercises:
        for variant in rungs(ex) or (ex,):
            for name in TEXTS:
                yield variant.id, name, getattr(variant, name)
            for name in LINES:
                for line in getattr(variant, name):
                    yield variant.id, name, line


def _exercise(ex: Exercise, words: Words) -> Exercise:
    ladder = tuple(_variant(rung, rung.id, words) for rung in ex.ladder)
    now = ex.ladder[ex.rung].id if ex.ladder else ex.id
    return dataclasses.replace(_variant(ex, now, words), ladder=ladder)


def _variant(variant: T, where: str, words: Words) -> T:
    texts: dict[str, Any] = {
        name: _text(words, where, name, getattr(variant, name)) for name in TEXTS
    }
    for name in LINES:
        texts[name] = tuple(_text(words, where, name, line) for line in getattr(variant, name))
    return dataclasses.replace(variant, **texts)


def _text(words: Words, where: str, field: str, text: str) -> str:
    return words.get((where, field, text), text)

"""A user's copy of a built-in keeps following the built-in's translation where it keeps its words.

A kept dose, an accepted suggestion or an edit saves the user's own copy of a built-in routine
(`based_on` names the built-in). Its file holds the built-in's English texts wherever the user
left a text as the built-in has it, in any shipped language; reading it back puts those texts
in the language in use, as the built-in's own. A text the user wrote stays as written.

A release that rewords a built-in's English records the former words in
`routines/former/<id>.json` ({"format": FORMER_FORMAT, "texts": [{"where", "field", "was",
"now"}]}): a copy saved with them follows the new words (docs/translating.md), where matched
by text alone it kept the old English in every language.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from hiptimer import i18n, paths
from hiptimer.core.routines.ladder import rungs
from hiptimer.core.routines.model import Exercise, Routine, Rung
from hiptimer.core.routines.translation import translated
from hiptimer.core.routines.validation import ID_PATTERN, MAX_FILE_BYTES, check_routine
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text

log = logging.getLogger(__name__)

ROUTINE_TEXTS = ("title", "description", "source")
FORMER_FORMAT = "hiptimer-former-texts"
FORMER_KEYS = ("where", "field", "was", "now")
TEXTS = ("name", "caution")
LINES = ("setup", "cues")
T = TypeVar("T", Exercise, Rung)  # what has a name, setup, cues and a caution
# (where: "" for the routine, else an exercise's or variant's id; field; text) -> text
Words = dict[tuple[str, str, str], str]


def follow_builtin(
    routine: Routine, language: str | None = None, builtin_dir: Path | None = None
) -> Routine:
    """The copy with each text it shares with its built-in in `language` (the one in use by
    default); as it is when it is no copy of a built-in this app ships.

    `builtin_dir`: paths.builtin_routines_dir(), found once by a caller that reads many
    copies (load_catalog) rather than for each (a resolve and a stat; docs/performance.md).
    """
    language = language or i18n.language()
    if routine.builtin or not ID_PATTERN.fullmatch(routine.based_on):  # never a path elsewhere
        return routine
    folder = builtin_dir or paths.builtin_routines_dir()
    path = folder / f"{routine.based_on}.json"
    words = _words(path, language, _stamps(path))
    if words is None:
        return routine
    exercises = tuple(_exercise(ex, words) for ex in routine.exercises)
    texts: dict[str, Any] = {
        name: _text(words, "", name, getattr(routine, name)) for name in ROUTINE_TEXTS
    }
    cautions = tuple(_text(words, "", "cautions", line) for line in routine.cautions)
    return dataclasses.replace(routine, **texts, cautions=cautions, exercises=exercises)


def _stamps(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """The size and time of the built-in's file and its overlays (None where missing): the
    words are made again only when one of them changed."""
    files = [path, former_path(path), *(path.parent / code / path.name for code in i18n.LANGUAGES)]
    stamps: list[tuple[int, int] | None] = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            stamps.append(None)
        else:
            stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


# The library reads every copy again and again (each decision, each reminder): a copy of each
# built-in made its words from three files each time, 2.5 ms a copy.
@functools.lru_cache(maxsize=32)
def _words(path: Path, language: str, stamps: tuple[object, ...]) -> Words | None:
    """Each text of the built-in at `path` in every shipped language, paired with the same text
    in `language` (English first, so it wins where two languages share a text); None when the
    built-in cannot be read. `stamps` (_stamps) is only part of the cache's key."""
    english = english_builtin(path)
    if english is None:
        return None
    target = translated(english, language)
    words: Words = {}
    for code in i18n.LANGUAGES:
        version = translated(english, code)
        for key, text in zip(text_places(version), text_places(target), strict=True):
            if key[:2] == text[:2]:
                words.setdefault(key, text[2])
    for where, field, was, now in former_texts(former_path(path)):
        shown = words.get((where, field, now))
        if shown is not None:  # the words now in `language`, for a copy saved with the old
            words.setdefault((where, field, was), shown)
    return words


def former_path(path: Path) -> Path:
    """Where the former English words of the built-in at `path` are recorded."""
    return path.parent / "former" / path.name


def former_texts(path: Path) -> list[tuple[str, str, str, str]]:
    """(where, field, former English, English now) for each text a release reworded; none
    when the file is missing, and the usable entries of one that is not all it should be."""
    try:
        data = parse_strict_json(read_small_text(path, MAX_FILE_BYTES))
    except UnreadableFile as exc:
        if not exc.missing:
            log.warning("former texts %s cannot be read: %s", path, exc)
        return []
    except BadJson as exc:
        log.warning("former texts %s are not valid JSON: %s", path, exc)
        return []
    entries = data.get("texts") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMER_FORMAT
        or not isinstance(entries, list)
    ):
        log.warning("former texts %s: expected %s with a list of texts", path, FORMER_FORMAT)
        return []
    found = []
    for entry in entries:
        fields = [entry.get(k) if isinstance(entry, dict) else None for k in FORMER_KEYS]
        texts = [f for f in fields if isinstance(f, str)]
        if len(texts) == len(FORMER_KEYS):
            found.append((texts[0], texts[1], texts[2], texts[3]))
        else:
            log.warning("former texts %s: %r needs where, field, was and now as text", path, entry)
    return found


def english_builtin(path: Path) -> Routine | None:
    """The built-in in this file in English, or None (no such file, or an unusable one)."""
    try:
        data = parse_strict_json(read_small_text(path, MAX_FILE_BYTES))
    except (UnreadableFile, BadJson):
        return None
    routine, problems = check_routine(data)
    if problems or routine is None or routine.id != path.stem:
        return None
    return dataclasses.replace(routine, path=str(path), builtin=True)


def text_places(routine: Routine) -> Iterator[tuple[str, str, str]]:
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


def words_aside(ex: Exercise) -> Exercise:
    """The exercise without its words (name, setup, cues, caution; its variants' too): what
    it asks for, whatever the language it was read in. A session recorded in English and
    resumed in Spanish is at the same doses though every text differs."""
    ladder = tuple(_unworded(rung) for rung in ex.ladder)
    return dataclasses.replace(_unworded(ex), ladder=ladder)


def _unworded(variant: T) -> T:
    return dataclasses.replace(variant, name="", setup=(), cues=(), caution="")

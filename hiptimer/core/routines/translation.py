"""Built-in routines in the language in use: text overlays keyed by exercise id, never doses.

An overlay is `<routines folder>/<lang>/<routine id>.json` (docs/translating.md). It is read
with a routine file's limits; whatever in it cannot be used is logged and stays in English,
so a bad overlay never keeps a routine from opening.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from hiptimer import i18n
from hiptimer.core.routines.json_fields import FieldReader
from hiptimer.core.routines.ladder import RUNG_FIELDS, rungs
from hiptimer.core.routines.model import Exercise, Routine, Rung
from hiptimer.core.routines.validation import MAX_FILE_BYTES, MAX_NAME, MAX_TEXT
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text

log = logging.getLogger(__name__)
T = TypeVar("T", Exercise, Rung)  # what has a name, setup, cues and a caution

FORMAT = "hiptimer-routine-translation"
VERSION = 1
ROUTINE_TEXTS = {"title": MAX_NAME, "description": MAX_TEXT, "source": MAX_TEXT}
EXERCISE_TEXTS = {"name": MAX_NAME, "caution": MAX_TEXT}
LINES = ("setup", "cues")
# What an overlay may hold; any other key is named (a misspelt "nmae" stayed English unsaid).
OVERLAY_FIELDS = {"format", "version", "id", "language", "cautions", "exercises", *ROUTINE_TEXTS}
EXERCISE_FIELDS = {*EXERCISE_TEXTS, *LINES}


def overlay_path(routine: Routine, language: str) -> Path | None:
    """Where a built-in routine's overlay for `language` lives; None for a routine with no file."""
    if not routine.path:
        return None
    return Path(routine.path).parent / language / f"{routine.id}.json"


def translated(routine: Routine, language: str | None = None) -> Routine:
    """The routine with its texts in `language` (the one in use by default) where an overlay
    has them; as it is in English, or with no overlay."""
    language = language or i18n.language()
    path = overlay_path(routine, language)
    if language == i18n.DEFAULT_LANGUAGE or path is None:
        return routine
    try:
        data = parse_strict_json(read_small_text(path, MAX_FILE_BYTES))
    except UnreadableFile as exc:
        if not exc.missing:
            log.warning("routine translation %s cannot be read: %s", path, exc)
        return routine
    except BadJson as exc:
        log.warning("routine translation %s is not valid JSON: %s", path, exc)
        return routine
    result, problems = apply_overlay(routine, data, language)
    for problem in problems:
        log.warning("routine translation %s: %s; kept in English", path, problem)
    return result


def apply_overlay(
    routine: Routine, data: Any, language: str | None = None
) -> tuple[Routine, list[str]]:
    """The routine with the overlay's texts, and a line for each part that cannot be used;
    `language`: the one its folder is for, which its "language" must be where it says one."""
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return routine, [f'not a routine translation (expected "format": "{FORMAT}")']
    if data.get("version") != VERSION or data.get("id") != routine.id:
        return routine, [f'expected "version": {VERSION} and "id": "{routine.id}"']
    said = data.get("language", language)
    if language is not None and said != language:
        # A Spanish overlay copied into a new language's folder would speak Spanish there.
        return routine, [
            f'expected "language": "{language}" (the folder\'s), got {json.dumps(said)}'
        ]
    _unknown(data, OVERLAY_FIELDS, "", problems)
    texts = _texts(data, ROUTINE_TEXTS, routine, "", problems)
    cautions = _lines(data, "cautions", routine.cautions, "", problems)
    exercises = data.get("exercises", {})
    if not isinstance(exercises, dict):
        problems.append("exercises: expected an object keyed by exercise id")
        exercises = {}
    # A progression ladder's harder variants are keyed by their own ids, as exercises are.
    known = {r.id for ex in routine.exercises for r in (rungs(ex) or (ex,))}
    problems += [f"exercises.{key}: no such exercise" for key in exercises if key not in known]
    changed = tuple(_with_ladder(ex, exercises, problems) for ex in routine.exercises)
    return replace(routine, **texts, cautions=cautions, exercises=changed), problems


def _with_ladder(ex: Exercise, overlay: dict[str, Any], problems: list[str]) -> Exercise:
    """An exercise translated, each rung of its ladder by its own id.

    A text a harder variant shares with the first one (it left it out of the file) follows
    the first one's translation, so an overlay need not say it twice.
    """
    ladder = rungs(ex)
    if not ladder:
        return _exercise(ex, overlay.get(ex.id), problems)
    first = _exercise(ladder[0], overlay.get(ladder[0].id), problems)
    done = [first]
    for rung in ladder[1:]:
        mine = _exercise(rung, overlay.get(rung.id), problems)
        shared = {
            name: getattr(first, name)
            for name in (*LINES, "caution")
            if getattr(rung, name) == getattr(ladder[0], name) == getattr(mine, name)
        }
        done.append(replace(mine, **shared))
    now = done[ex.rung]
    return replace(ex, ladder=tuple(done), **{name: getattr(now, name) for name in RUNG_FIELDS})


def _exercise(ex: T, data: Any, problems: list[str]) -> T:
    if data is None:
        return ex
    where = f"exercises.{ex.id}."
    if not isinstance(data, dict):
        problems.append(f"{where[:-1]}: expected an object")
        return ex
    _unknown(data, EXERCISE_FIELDS, where[:-1], problems)
    texts = _texts(data, EXERCISE_TEXTS, ex, where, problems)
    lines: dict[str, Any] = {
        name: _lines(data, name, getattr(ex, name), where, problems) for name in LINES
    }
    return replace(ex, **texts, **lines)


def _unknown(data: dict[str, Any], allowed: set[str], where: str, problems: list[str]) -> None:
    reader = FieldReader()
    reader.obj(data, where, allowed)
    problems += [str(problem) for problem in reader.problems]


def _texts(
    data: dict[str, Any], limits: dict[str, int], original: object, where: str, problems: list[str]
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, limit in limits.items():
        if name not in data:
            continue
        # Checked as a routine file's text is (no control character, its direction marks
        # closed), so a Spanish title cannot show what an English one may not.
        reader = FieldReader()
        value = data[name].strip() if isinstance(data[name], str) else data[name]
        text = reader.text({name: value}, name, where[:-1], required=True, limit=limit, shown=True)
        if reader.problems:
            problems += [str(problem) for problem in reader.problems]
        elif not getattr(original, name):
            problems.append(f"{where}{name}: the routine has none to translate")
        else:
            found[name] = text
    return found


def _lines(
    data: dict[str, Any], name: str, original: tuple[str, ...], where: str, problems: list[str]
) -> tuple[str, ...]:
    if name not in data:
        return original
    value = data[name]
    if not isinstance(value, list) or len(value) != len(original):
        # As many lines as the routine has: the screen highlights the line being read.
        problems.append(f"{where}{name}: expected {len(original)} lines of text")
        return original
    reader = FieldReader()
    stripped = [line.strip() if isinstance(line, str) else line for line in value]
    lines = reader.texts({name: stripped}, name, where[:-1])
    problems += [str(problem) for problem in reader.problems]
    return original if reader.problems else lines

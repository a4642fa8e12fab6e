"""The details pane's words as plain strings, before any markup: what the library's kept list
stores, checked as it is read back (a hand-edited cache is data, never markup)."""

from __future__ import annotations

from typing import NamedTuple


class ExerciseLines(NamedTuple):
    """One exercise of the details, as shown: each string plain text."""

    id: str  # which picture goes beside it; never shown
    name: str
    dose: str
    caution: str  # with its warning sign; '' for none
    ladder: str  # its variants, or what its re-test records; '' for none
    dim: bool  # left out of sessions


class DetailsParts(NamedTuple):
    """A routine's details, or why a file is not one (`heading` and `problems`): plain text,
    escaped only where it becomes HTML (details.render_details)."""

    title: str
    heading: str = ""  # not a routine: why (a broken file, a folder, a file not read in time)
    problems: tuple[str, ...] = ()
    meta: str = ""
    description: str = ""
    note: str = ""  # the doses a user's version gives are not the description's
    cautions: tuple[str, ...] = ()
    nothing: str = ""  # every exercise left out: what to do
    exercises: tuple[ExerciseLines, ...] = ()
    source: str = ""


def parts_to_json(parts: DetailsParts) -> dict[str, object]:
    """The parts as JSON values (lists for tuples), as the kept list stores them."""
    data: dict[str, object] = parts._asdict()
    data["problems"] = list(parts.problems)
    data["cautions"] = list(parts.cautions)
    data["exercises"] = [list(ex) for ex in parts.exercises]
    return data


def parts_from_json(data: object) -> DetailsParts | None:
    """The parts that parts_to_json wrote, or None for anything else (a field missing, added
    or of another type): such a listing is not used."""
    if not isinstance(data, dict) or set(data) != set(DetailsParts._fields):
        return None
    texts = ("title", "heading", "meta", "description", "note", "nothing", "source")
    if not all(isinstance(data[name], str) for name in texts):
        return None
    lists = (data["problems"], data["cautions"])
    if not all(isinstance(x, list) and all(isinstance(s, str) for s in x) for x in lists):
        return None
    exercises = data["exercises"]
    if not isinstance(exercises, list) or not all(_is_exercise(ex) for ex in exercises):
        return None
    return DetailsParts(
        **{name: data[name] for name in texts},
        problems=tuple(data["problems"]),
        cautions=tuple(data["cautions"]),
        exercises=tuple(ExerciseLines(*ex) for ex in exercises),
    )


def _is_exercise(ex: object) -> bool:
    return (
        isinstance(ex, list)
        and len(ex) == len(ExerciseLines._fields)
        and all(isinstance(s, str) for s in ex[:-1])
        and isinstance(ex[-1], bool)
    )

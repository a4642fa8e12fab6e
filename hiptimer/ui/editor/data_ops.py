"""Pure edits of routine data (the JSON-ready dict) for the editor; no Qt, every edit a new dict."""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import FORMAT_MARKER, FORMAT_VERSION, dose_text
from hiptimer.core.routines.validation import RoutineError
from hiptimer.i18n import _

Data = dict[str, Any]


class _Missing:
    """The value of a key that is absent (a blank optional field)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

# Defaults for a new exercise (New, and a new routine's first) and for the fields a kind
# switch brings in. Three sets of 30 s: the shape of most holds in the built-in routines.
NEW_EXERCISE_ID = "new-exercise"
NEW_SETS = 3
NEW_HOLD_S = 30
NEW_REPS = 10
HOLD_ONLY = ("hold_s",)
REPS_ONLY = ("reps", "reps_range", "rep_hold_s", "tempo")
_EXERCISE_PATH = re.compile(r"exercises\[(\d+)\](.*)")


def get_path(d: Any, key: str) -> Any:
    """The value at a dotted key ("rests.get_ready_s"), or MISSING."""
    for part in key.split("."):
        if not isinstance(d, dict) or part not in d:
            return MISSING
        d = d[part]
    return d


def with_path(d: Data, key: str, value: Any) -> Data:
    """A copy of d with the dotted key set; MISSING removes it (and an object left empty)."""
    result = copy.deepcopy(d)
    parts = key.split(".")
    parents = [result]
    for part in parts[:-1]:
        child = parents[-1].get(part)
        if not isinstance(child, dict):
            child = {}
            parents[-1][part] = child
        parents.append(child)
    if value is MISSING:
        parents[-1].pop(parts[-1], None)
        for parent, part in zip(reversed(parents[:-1]), reversed(parts[:-1]), strict=True):
            if parent.get(part) == {}:
                del parent[part]
    else:
        parents[-1][parts[-1]] = copy.deepcopy(value)
    return result


def exercises(data: Data) -> list[Data]:
    """The exercise dicts (an empty list when the data has none)."""
    items = data.get("exercises")
    return [e for e in items if isinstance(e, dict)] if isinstance(items, list) else []


def with_exercises(data: Data, items: list[Data]) -> Data:
    result = copy.deepcopy(data)
    result["exercises"] = copy.deepcopy(items)
    return result


def set_exercise_field(data: Data, index: int, key: str, value: Any) -> Data:
    items = exercises(data)
    if key == "kind":
        items[index] = switch_kind(items[index], value)
    else:
        items[index] = with_path(items[index], key, value)
    return with_exercises(data, items)


def all_ids(items: list[Data]) -> set[str]:
    """Every exercise and ladder-variant id: they share one namespace in a routine."""
    return {str(v.get("id")) for ex in items for v in [ex, *_ladder(ex)]}


def _ladder(ex: Data) -> list[Data]:
    items = ex.get("ladder")
    return [e for e in items if isinstance(e, dict)] if isinstance(items, list) else []


def switch_kind(ex: Data, kind: str) -> Data:
    """Change an exercise's kind, dropping the fields the new kind cannot have."""
    drop = REPS_ONLY if kind == "hold" else HOLD_ONLY
    result = {k: v for k, v in ex.items() if k not in drop}
    ceiling = result.get("ceiling")
    if isinstance(ceiling, dict):  # a ceiling's reps or hold goes with the kind
        kept = {k: v for k, v in ceiling.items() if k != ("reps" if kind == "hold" else "hold_s")}
        result["ceiling"] = kept
        if not kept:
            del result["ceiling"]
    result["kind"] = kind
    if kind == "hold":
        result.setdefault("hold_s", NEW_HOLD_S)
        if result.get("sides") == "alternating":
            result["sides"] = "each"
    else:
        result.setdefault("reps", NEW_REPS)
    return result


def move(data: Data, index: int, delta: int) -> tuple[Data, int]:
    """Move one exercise up (-1) or down (+1); returns the data and its new index."""
    items = exercises(data)
    target = index + delta
    if not (0 <= index < len(items) and 0 <= target < len(items)):
        return data, index
    items.insert(target, items.pop(index))
    return with_exercises(data, items), target


def reorder(data: Data, order: list[int]) -> Data:
    """The exercises in a new order, given as their old indices."""
    items = exercises(data)
    return with_exercises(data, [items[i] for i in order])


def insert(data: Data, index: int, ex: Data) -> tuple[Data, int]:
    """Insert an exercise at index, renaming its id if the routine already uses it."""
    items = exercises(data)
    ex = copy.deepcopy(ex)
    used = all_ids(items)
    ex["id"] = unique_id(str(ex.get("id") or "exercise"), used)
    used.add(ex["id"])
    for entry in _ladder(ex):  # a copied ladder's ids clash with the original's
        entry["id"] = unique_id(str(entry.get("id") or "variant"), used)
        used.add(entry["id"])
    index = max(0, min(index, len(items)))
    items.insert(index, ex)
    return with_exercises(data, items), index


def duplicate(data: Data, index: int) -> tuple[Data, int]:
    items = exercises(data)
    copy_ = copy.deepcopy(items[index])
    if isinstance(copy_.get("name"), str):
        copy_["name"] = _("{name} (copy)").format(name=copy_["name"])[:120]
    return insert(data, index + 1, copy_)


def delete(data: Data, index: int) -> tuple[Data, int]:
    """Remove one exercise; returns the data and the index to select next (-1 when none)."""
    items = exercises(data)
    del items[index]
    return with_exercises(data, items), min(index, len(items) - 1)


def set_enabled(data: Data, index: int, enabled: bool) -> Data:
    return set_exercise_field(data, index, "enabled", MISSING if enabled else False)


def unique_id(base: str, used: set[str]) -> str:
    """base, or base-2, base-3, ... : the first not in used (ids are at most 64 characters)."""
    if base not in used:
        return base
    for n in itertools.count(2):
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)] + suffix
        if candidate not in used:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def blank_exercise(used: set[str]) -> Data:
    return {
        "id": unique_id(NEW_EXERCISE_ID, used),
        "name": _("New exercise"),
        "kind": "hold",
        "sets": NEW_SETS,
        "hold_s": NEW_HOLD_S,
    }


def split_exercise_path(where: str) -> tuple[int, str] | None:
    """'exercises[2].hold_s' -> (2, 'hold_s'); 'exercises[2]' -> (2, ''); other paths -> None."""
    match = _EXERCISE_PATH.fullmatch(where)
    if match is None:
        return None
    return int(match.group(1)), match.group(2).removeprefix(".")


def summary(ex: Data) -> str:
    """'3 x 60 s each side' for a valid exercise; '' when its fields are not valid yet.

    An exercise on a harder variant names it: 'now Single-leg bridge: 2 x 8 reps each side'.
    """
    probe = {
        "format": FORMAT_MARKER,
        "version": FORMAT_VERSION,
        "id": "probe",
        "title": "probe",
        "exercises": [ex],
    }
    try:
        now = routine_from_data(probe).exercises[0]
    except RoutineError:
        return ""
    return f"now {now.name}: {dose_text(now)}" if now.rung > 0 else dose_text(now)


def name_of(ex: Data, index: int) -> str:
    name = ex.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    return _("Exercise {n}").format(n=index + 1)

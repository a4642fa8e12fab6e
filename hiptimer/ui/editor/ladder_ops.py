"""Pure edits of an exercise's progression ladder in routine data; no Qt, every edit a new dict.

Variant 0 is the exercise as written; variant k (k >= 1) is the ladder's entry k - 1.
"""

from __future__ import annotations

import copy
from typing import Any

from hiptimer.i18n import _
from hiptimer.ui.editor.data_ops import (
    MISSING,
    NEW_HOLD_S,
    NEW_REPS,
    Data,
    switch_kind,
    unique_id,
    with_path,
)

# What a ladder entry cannot have: the exercise's own fields.
EXERCISE_ONLY = (
    "kind",
    "rest_between_sets_s",
    "rest_between_sides_s",
    "rest_after_s",
    "enabled",
    "ladder",
    "rung",
)


def entries(ex: Data) -> list[Data]:
    """The ladder's entries (variants 1, 2, ...), an empty list when there are none."""
    items = ex.get("ladder")
    return [e for e in items if isinstance(e, dict)] if isinstance(items, list) else []


def count(ex: Data) -> int:
    """How many variants: the exercise itself and its ladder's entries."""
    return 1 + len(entries(ex))


def current(ex: Data) -> int:
    """The variant the user is on (the file's "rung"), 0 when unset or not a whole number."""
    rung = ex.get("rung", 0)
    return rung if type(rung) is int and 0 <= rung < count(ex) else 0


def names(ex: Data) -> list[str]:
    """Each variant's name, blank names shown as 'Variant N'."""
    found = []
    for n, variant in enumerate([ex, *entries(ex)]):
        name = variant.get("name")
        text = name.strip() if isinstance(name, str) else ""
        found.append(text or _("Variant {n}").format(n=n + 1))
    return found


def variant(ex: Data, n: int) -> Data:
    """What the form shows for variant n: the exercise, or a ladder entry with the kind."""
    if n == 0:
        return ex
    shown = copy.deepcopy(entries(ex)[n - 1])
    shown["kind"] = ex.get("kind")
    return shown


def set_field(ex: Data, n: int, key: str, value: Any) -> Data:
    """Set one field of variant n; a kind switch applies to every variant."""
    if key == "kind":
        return _with_entries(switch_kind(ex, value), [_entry_kind(e, value) for e in entries(ex)])
    if n == 0:
        return with_path(ex, key, value)
    items = entries(ex)
    items[n - 1] = with_path(items[n - 1], key, value)
    return _with_entries(ex, items)


def add(ex: Data, after: int, used: set[str]) -> tuple[Data, int]:
    """A harder variant right after variant `after`, starting from its dose; its number."""
    base = variant(ex, after)
    stem = str(ex.get("id") or "exercise")
    new: Data = {
        "id": unique_id(f"{stem}-harder", used | _ids(ex)),
        "name": _("{name} (harder)").format(name=names(ex)[after])[:120],
        "sets": base.get("sets", 1),
    }
    if ex.get("kind") == "hold":
        new["hold_s"] = base.get("hold_s", NEW_HOLD_S)
    else:
        new["reps"] = base.get("reps", NEW_REPS)
        if "reps_range" in base:
            new["reps_range"] = copy.deepcopy(base["reps_range"])
    items = entries(ex)
    items.insert(after, new)
    result = _with_entries(ex, items)
    if current(ex) > after:  # the user stays on the same variant
        result = set_current(result, current(ex) + 1)
    return result, after + 1


def remove(ex: Data, n: int) -> Data:
    """Take variant n (n >= 1) off the ladder; the user on it moves down one."""
    items = entries(ex)
    del items[n - 1]
    on = current(ex)
    result = _with_entries(ex, items)
    return set_current(result, on - 1 if on >= n else on)


def can_move(ex: Data, n: int, delta: int) -> bool:
    """Whether variant n can move `delta` places: harder variants move among themselves;
    the exercise as written (variant 0) stays the easiest."""
    return n >= 1 and 1 <= n + delta < count(ex)


def move(ex: Data, n: int, delta: int) -> tuple[Data, int]:
    """Variant n moved `delta` places along the ladder (see can_move); its new number. The
    user stays on the variant they were on, wherever it now is."""
    to = n + delta
    items = entries(ex)
    items.insert(to - 1, items.pop(n - 1))
    on = current(ex)
    order = list(range(count(ex)))
    order.insert(to, order.pop(n))  # order[k]: the variant that is now number k
    return set_current(_with_entries(ex, items), order.index(on)), to


def set_current(ex: Data, n: int) -> Data:
    """Make variant n the one the user is on."""
    return with_path(ex, "rung", n if n > 0 else MISSING)


def _with_entries(ex: Data, items: list[Data]) -> Data:
    result = copy.deepcopy(ex)
    if items:
        result["ladder"] = copy.deepcopy(items)
    else:
        result.pop("ladder", None)
        result.pop("rung", None)
    return result


def _entry_kind(entry: Data, kind: str) -> Data:
    """A ladder entry fit for the exercise's new kind (it has no kind of its own)."""
    changed = switch_kind(entry, kind)
    del changed["kind"]
    return changed


def _ids(ex: Data) -> set[str]:
    return {str(e.get("id")) for e in [ex, *entries(ex)]}

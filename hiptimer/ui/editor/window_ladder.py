"""The editor's ladder commands: pick, add, remove and use a variant, and their problems."""

from __future__ import annotations

import re
from typing import Any, Protocol

from hiptimer.i18n import _
from hiptimer.ui.editor import data_ops as ops
from hiptimer.ui.editor import ladder_ops
from hiptimer.ui.editor.ladder_bar import LadderBar
from hiptimer.ui.editor.problems import field_words

_IN_LADDER = re.compile(r"ladder\[(\d+)\](.*)")


class LadderEditor(Protocol):
    """What the ladder commands use of the editor window (hiptimer.ui.editor.window)."""

    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def current(self) -> int: ...
    @property
    def variant(self) -> int: ...
    def edit(
        self,
        data: dict[str, Any],
        text: str,
        merge_key: object = None,
        *,
        current: int | None = None,
        variant: int | None = None,
    ) -> None: ...


def connect_bar(window: LadderEditor, bar: LadderBar) -> None:
    """The ladder bar's buttons run these commands on the window."""
    bar.add_requested.connect(lambda after: add_variant(window, after))
    bar.remove_requested.connect(lambda n: remove_variant(window, n))
    bar.use_requested.connect(lambda n: use_variant(window, n))
    bar.move_requested.connect(lambda n, delta: move_variant(window, n, delta))


def _exercise(window: LadderEditor) -> dict[str, Any]:
    return ops.exercises(window.data)[window.current]


def _replace(window: LadderEditor, ex: dict[str, Any]) -> dict[str, Any]:
    items = ops.exercises(window.data)
    items[window.current] = ex
    return ops.with_exercises(window.data, items)


def used_ids(data: dict[str, Any]) -> set[str]:
    """Every exercise and variant id of the routine: a new variant's id must differ."""
    return ops.all_ids(ops.exercises(data))


def add_variant(window: LadderEditor, after: int) -> None:
    if window.current < 0:
        return
    ex, n = ladder_ops.add(_exercise(window), after, used_ids(window.data))
    window.edit(_replace(window, ex), _("Add a harder variant"), current=None, variant=n)


def remove_variant(window: LadderEditor, n: int) -> None:
    if window.current < 0 or n <= 0:
        return
    ex = ladder_ops.remove(_exercise(window), n)
    window.edit(_replace(window, ex), _("Remove a variant"), current=None, variant=n - 1)


def use_variant(window: LadderEditor, n: int) -> None:
    if window.current < 0:
        return
    ex = ladder_ops.set_current(_exercise(window), n)
    window.edit(_replace(window, ex), _("Do this variant now"), current=None, variant=n)


def move_variant(window: LadderEditor, n: int, delta: int) -> None:
    if window.current < 0 or not ladder_ops.can_move(_exercise(window), n, delta):
        return
    ex, to = ladder_ops.move(_exercise(window), n, delta)
    text = _("Move a variant down the ladder") if delta < 0 else _("Move a variant up the ladder")
    window.edit(_replace(window, ex), text, current=None, variant=to)


def set_field(data: dict[str, Any], index: int, variant: int, key: str, value: Any) -> Any:
    """The data with one field of the exercise's variant set."""
    items = ops.exercises(data)
    items[index] = ladder_ops.set_field(items[index], variant, key, value)
    return ops.with_exercises(data, items)


def variant_of(key: str) -> tuple[int, str]:
    """'ladder[1].reps' -> (2, 'reps'): which variant a path below an exercise is about."""
    match = _IN_LADDER.fullmatch(key)
    if match is None:
        return 0, key
    return int(match.group(1)) + 1, match.group(2).removeprefix(".")


def route(
    problems: list[tuple[str, str]], variant: int, names: list[str]
) -> tuple[list[tuple[str, str]], str]:
    """Split an exercise's problems: (those for the variant shown, a line for the others)."""
    shown: list[tuple[str, str]] = []
    elsewhere: list[str] = []
    for key, message in problems:
        n, rest = variant_of(key)
        if key in ("ladder", "rung"):
            elsewhere.append(
                _("{field}: {problem}").format(field=field_words(key), problem=message)
            )
        elif n == variant:
            shown.append((rest, message))
        else:
            name = names[n] if n < len(names) else _("Variant {n}").format(n=n + 1)
            field = field_words(rest) if rest else _("variant")
            line = _("Variant {n} ({name}): {field}: {problem}")
            elsewhere.append(line.format(n=n + 1, name=name, field=field, problem=message))
    return shown, "\n".join(elsewhere)

"""A title another routine of the library has already: the lists could not tell them apart."""

from __future__ import annotations

from typing import Any

from hiptimer.core.routines.catalog import Catalog
from hiptimer.core.routines.json_fields import Problem, composed
from hiptimer.i18n import N_

# Short: the problem list under the form shows it on one line.
CLASH = N_("another routine is called “{title}”: the lists could not tell them apart")


def title_clash(catalog: Catalog, data: Any) -> list[Problem]:
    """The problem with `data`'s title when another routine of `catalog` has it (letter case
    and spaces aside); none for the routine itself or the built-in it edits (same id)."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        return []
    wanted = _key(data["title"])
    for entry in catalog:
        if (
            wanted
            and not entry.broken
            and entry.id != data.get("id")
            and _key(entry.title) == wanted
        ):
            values = (("title", entry.title),)
            return [Problem("title", CLASH.format(title=entry.title), CLASH, values)]
    return []


def _key(title: str) -> str:
    return " ".join(composed(title).casefold().split())

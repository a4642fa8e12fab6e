"""The routine library's entries (no Qt): one per routine file, read after the first paint."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the routine model loads with the first routines, after the first paint
    from hiptimer.core.routines.catalog import Catalog
    from hiptimer.core.routines.model import Routine

Estimate = Callable[["Routine"], float]  # a routine's length as the next session would run it


def written_length(routine: Routine) -> float:
    """A routine's length as its file writes it: the estimate until the voice is known."""
    from hiptimer.core.routines.model import estimated_seconds

    return estimated_seconds(routine)


# A NamedTuple, not a frozen dataclass, as RoutineEntry: made before the first paint (session 24).
class LibraryItem(NamedTuple):
    """One routine file: a routine, or the problem that keeps it from being one."""

    id: str
    title: str
    routine: Routine | None
    problem: str = ""  # every problem, one per line, for a broken file
    builtin: bool = False
    # The built-in a user's version or copy is based on: its doses are the routine's own, the
    # ones its description gives (a kept dose leaves that text as it was).
    original: Routine | None = None
    folder: bool = False  # a routines folder that could not be read, not a file
    late: bool = False  # a file on a folder that did not answer in time: not read, not broken

    @property
    def broken(self) -> bool:
        return self.routine is None


def same_routine(a: Routine, b: Routine) -> bool:
    """Whether two routines were read from the same file (by id when one has no file). Ids
    first: a file read twice holds one id (unless rewritten between), and resolving every
    listed file's path to find one routine among 2,000 took 0.25-0.5 s of the GUI thread."""
    if a is b or a.id != b.id:
        return a is b
    from hiptimer.core.routines.user_routines import same_file  # loaded with the routines

    return same_file(a.path, b.path) if a.path and b.path else True


def with_opened(items: list[LibraryItem], opened: list[Routine]) -> list[LibraryItem]:
    """The library's items with, on top, the routines opened from files it does not list
    (`hiptimer my-routine.json`): they stay for as long as HipTimer runs, a session of one
    (which reads the library again) included; they never join the library itself."""
    extra = [
        LibraryItem(r.id, r.title, r)
        for r in reversed(opened)  # the last opened on top, as show_routine puts it
        if not any(i.routine is not None and same_routine(i.routine, r) for i in items)
    ]
    listed = Library([*extra, *items])
    listed.catalog = getattr(items, "catalog", None)
    return listed


def named_in(items: list[LibraryItem], spec: str, report: Callable[[str], None]) -> Routine | None:
    """The routine of `items` that `spec` names, by the catalog's lookup (Catalog.entry_named:
    its id, a usable one first, else its file's name, "x.json" or "x"); else None with
    `report` told why in one short line (the file's first problem, or that there is none; not
    Catalog.find's list of every id, 2,000 of them in a large folder)."""
    from hiptimer.core.routines.catalog import file_named
    from hiptimer.i18n import _

    catalog = getattr(items, "catalog", None)
    if catalog is not None:
        entry = catalog.entry_named(spec)
        routine = entry.routine if entry is not None else None
        why = entry.error.shown_lines()[0] if entry is not None and entry.error else None
    else:  # listed without a catalog (the tests' loads): the same lookup over the items
        by_id = sorted((i for i in items if i.id == spec), key=lambda i: i.broken)
        at = file_named(spec, [_file_name(i) for i in items]) if not by_id else None
        item = by_id[0] if by_id else items[at] if at is not None else None
        routine = item.routine if item is not None else None
        why = item.problem.partition("\n")[0] if item is not None else None
    if routine is not None:
        return routine
    why = why or _("it is not in your routine library.")
    report(_("Cannot open routine {routine}: {why}").format(routine=spec, why=why))
    return None


def _file_name(item: LibraryItem) -> str:
    if item.routine is not None:
        return os.path.basename(item.routine.path)
    return item.title  # a broken file's title is its file's name


class Library(list[LibraryItem]):
    """The library's items, with the catalog they were listed from (None: not from one)."""

    catalog: Catalog | None = None


def load_library() -> list[LibraryItem]:
    """The routines from hiptimer.core.routines.catalog, or straight from the routine folders."""
    from hiptimer.core.routines.catalog import load_catalog

    catalog = load_catalog()
    items = Library()
    items.catalog = catalog
    for e in catalog.entries():
        original = catalog.original_of(e.routine) if e.routine is not None else None
        problem = "\n".join(e.error.shown_lines()) if e.error else ""
        title = e.routine.title if e.routine else e.title
        items.append(
            LibraryItem(
                e.id,
                title,
                e.routine,
                problem,
                e.builtin,
                original,
                e.unread_folder,
                e.unread_in_time,
            )
        )
    return items


def many_routines() -> bool:
    """Whether the user's routine folder is large enough to be read on a thread of its own
    (hiptimer.core.routines.read_apart; loaded with the routines, after the first paint)."""
    from hiptimer.core.routines.read_apart import many_user_routines

    return many_user_routines()

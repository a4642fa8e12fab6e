"""The library's rows as words, and the list kept to paint them at the next start before any
routine file is read (hiptimer.core.routines.listing_cache; docs/performance.md, session 26)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import hiptimer
from hiptimer import paths
from hiptimer.core.routines.listing_cache import Listing, Stamp, read, settled, stamp, write
from hiptimer.i18n import _, language, locale_dir
from hiptimer.ui.library.details_parts import parts_from_json, parts_to_json
from hiptimer.ui.library.items import LibraryItem, written_length
from hiptimer.ui.library.row_fitting import LENGTH_GAP
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from hiptimer.core.routines.model import Routine

# Past this many rows the list shows its search field from the start: not painted ahead.
LISTED_AHEAD_BELOW = 13  # (hiptimer.ui.library.search.SHOWN_FROM; a test holds them equal)


def row_label(item: LibraryItem, length: float | None) -> str:
    """A row's words: the title, and the routine's length once known."""
    label = _("{title}   (broken)").format(title=item.title) if item.broken else item.title
    if item.routine is not None and not item.routine.active_exercises:
        label += f"{LENGTH_GAP}\u00b7 " + _("nothing to start")  # every exercise left out
    elif length is not None:
        from hiptimer.core.routines.model import format_duration

        label += f"{LENGTH_GAP}\u00b7 {format_duration(length)}"
    return label


def blank_pictures(routine: Routine) -> dict[str, str]:
    """A blank picture for each exercise, as large as its figure: the text stays where it is
    when they are drawn."""
    from hiptimer.ui.library.details import BLANK_PICTURE

    return dict.fromkeys((ex.id for ex in routine.exercises), BLANK_PICTURE)


def first_listing(items: list[LibraryItem]) -> Listing:
    """What set_items(pictures_later=True) paints first: the lengths as the files write
    them, the first routine's details (drawn with their figures blank: listing_html)."""
    from hiptimer.ui.library.details import details_parts

    rows = []
    for item in items:
        r = item.routine
        length = written_length(r) if r is not None and r.active_exercises else None
        rows.append((row_label(item, length), item.broken))
    return Listing(rows, parts_to_json(details_parts(items[0], written_length)))


def listing_html(listing: Listing) -> str:
    """The first routine's details as kept, drawn as the live list draws them with their
    figures blank (every word escaped here: the cache holds no markup)."""
    from hiptimer.ui.library.details import BLANK_PICTURE, render_details

    parts = parts_from_json(listing.details)
    if parts is None:  # (listed_ahead lets none through)
        return ""
    pictures = (
        {} if parts.heading else dict.fromkeys((ex.id for ex in parts.exercises), BLANK_PICTURE)
    )
    return render_details(parts, pictures)


def _key() -> str:
    """What the words and the details' colours depend on besides the files."""
    return f"{language()}|{current()!r}"


def _path() -> Path:
    return paths.cache_dir() / "library.json"


def listing_stamp() -> Stamp | None:
    """The files the list is made from, as they are now: the routine folders, the built-ins'
    words in the language in use and their former versions, the catalog of our words, and
    the code that lists them (a changed checkout of the same version lists anew)."""
    shipped = paths.builtin_routines_dir()
    code = Path(hiptimer.__file__).parent
    folders = (
        shipped, shipped / language(), shipped / "former", paths.user_routines_dir(),
        code / "core" / "routines", code / "ui" / "library",
    )  # fmt: skip
    words = locale_dir() / language() / "LC_MESSAGES" / "hiptimer.mo"
    from hiptimer.core.routines.folder_in_time import NotInTime, in_time

    try:  # the user's folder listed in time: a stalled share held the first paint
        return in_time(paths.user_routines_dir(), lambda: stamp(folders, [words]))
    except NotInTime:
        return None


def listed_ahead(stamped: Stamp | None) -> Listing | None:
    """The list kept at the last start, if the files are as they were then."""
    listing = read(_path(), _key(), stamped)
    if listing is None or len(listing.rows) >= LISTED_AHEAD_BELOW:
        return None
    if parts_from_json(listing.details) is None:  # not what first_listing wrote
        return None
    return listing


def keep_listing(stamped: Stamp | None, items: list[LibraryItem], painted: Listing | None) -> None:
    """Keep the list read from the files as `stamped` (before they were read) for the next
    start, unless it is what was painted ahead already, or too long to be painted ahead, or a
    file changed just before it was read."""
    if stamped is None or not items or len(items) >= LISTED_AHEAD_BELOW:
        return
    listing = first_listing(items)
    if listing != painted and settled(stamped):
        write(_path(), _key(), stamped, listing)

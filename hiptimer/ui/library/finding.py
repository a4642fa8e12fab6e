"""Finding routines in the library by typing (no Qt): each word typed in a title, an exercise's
name or the file's name, whatever its case or accents ("rotacion" finds "Rotación")."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence

from hiptimer.ui.library.items import LibraryItem


def folded(text: str) -> str:
    """`text` as typing finds it: without accents, in lower case ("Rotación" -> "rotacion")."""
    parts = unicodedata.normalize("NFKD", text)
    return "".join(c for c in parts if not unicodedata.combining(c)).casefold()


def searched_text(item: LibraryItem) -> str:
    """What typing looks in for one routine: its title, its exercises' names, its file's name
    (a broken file's title is its file's name) and its id, folded, one a line."""
    words = [item.title, item.id]
    if item.routine is not None:
        words += [ex.name for ex in item.routine.exercises]
        if item.routine.path:
            words.append(os.path.basename(item.routine.path))
    return folded("\n".join(words))


class Finder:
    """Which of a list's routines match what is typed. Each routine's words are folded once,
    at the first search, from the routines already read (no file read again): 2,000 of them
    then take a few milliseconds a keystroke (bench/large_library.py)."""

    def __init__(self, items: Sequence[LibraryItem]) -> None:
        self._items = items
        self._texts: list[str] | None = None  # at the first search: nothing at start-up

    def matching(self, typed: str) -> list[bool]:
        """For each routine, whether every word of `typed` is in its words (all, for none)."""
        words = folded(typed).split()
        if not words:
            return [True] * len(self._items)
        if self._texts is None:
            self._texts = [searched_text(item) for item in self._items]
        return [all(w in text for w in words) for text in self._texts]

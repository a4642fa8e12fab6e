"""A setup step too long for the panel even alone, cut into parts that each fit, at a sentence's end where one falls late enough."""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.ui.widgets.plain import letters
from hiptimer.ui.widgets.wrapped_cells import widest_level

MORE = " \u2026"  # ends a part the next one goes on from
_ENDS = (".", "!", "?", ";", ":", "\u2026", "\u3002")  # a sentence's or a clause's last mark


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """`text` in parts, in order, each of which `fits` (all but the last with MORE after it,
    which `fits` is asked about too), with every word of `text` in one of them.

    A part ends after the last sentence (or clause) that ends in its second half, else after
    the last word that fits: a step read in parts, from the mat, reads best whole sentences at
    a time. A word wider than the room alone is broken between its letters."""
    words = text.split()
    if not words or fits(text):
        return [text]
    found: list[str] = []
    while words:
        rest_fits = fits(" ".join(words))
        count = len(words) if rest_fits else _most(words, lambda part: fits(part + MORE))
        if count == 0:  # one word wider than the room: as many of its letters as fit
            chars = letters(words[0])
            taken = max(1, _most(chars, lambda part: fits(part + MORE), joiner=""))
            found.append("".join(chars[:taken]) + MORE)
            words = ["".join(chars[taken:]), *words[1:]] if taken < len(chars) else words[1:]
            continue
        if count < len(words):
            ends = [i for i in range(count // 2, count) if words[i].endswith(_ENDS)]
            count = ends[-1] + 1 if ends else count
        part = " ".join(words[:count])
        words = words[count:]
        found.append(part + MORE if words else part)
    return found


def _most(items: list[str], fits: Callable[[str], bool], joiner: str = " ") -> int:
    """How many of `items`, from the first, fit joined (0 when not even the first does)."""
    return widest_level(lambda count: fits(joiner.join(items[:count])), len(items))

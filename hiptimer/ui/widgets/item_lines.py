"""Items joined by "·" that wrap between items only, each with the separator before it."""

from __future__ import annotations

import re

SEPARATOR = "\u00b7"
NO_BREAK = "\u00a0"
_PARTS = re.compile(r"( *\u00b7 *)")  # items, and between them a separator with its spaces


def unbroken_items(text: str, *, whole: bool = True) -> str:
    """`text` ("Press 0-9  ·  K to skip") as it should wrap: never after a separator, which
    goes to the next line with its item ("Retroceso borra  ·" / "Intro guarda" left it
    hanging), and, `whole`, never inside an item ("K to" / "skip" read as two). An item too
    long to stay whole in its label (a sentence, a routine's title) keeps its spaces: `whole`
    False only ties each separator to the item after it. The spacing shown stays as written."""
    parts = _PARTS.split(text)
    for i, part in enumerate(parts):
        if i % 2:
            before, after = part.split(SEPARATOR)
            parts[i] = before + SEPARATOR + after.replace(" ", NO_BREAK)
        elif whole:
            parts[i] = part.replace(" ", NO_BREAK)
    return "".join(parts)


def plain_spaces(text: str) -> str:
    """unbroken_items' text with ordinary spaces again: what a screen reader is given."""
    return text.replace(NO_BREAK, " ")

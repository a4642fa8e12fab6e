"""Direction overrides, embeddings and isolates a routine's text leaves open, closed at its end."""

from __future__ import annotations

import functools
import re

# Unicode's explicit direction formatting (https://www.unicode.org/reports/tr9/#Explicit_Directional_Embeddings):
# what opens an embedding or an override (LRE, RLE, LRO, RLO), what opens an isolate (LRI,
# RLI, FSI), and what closes each (PDF, PDI).
_EMBEDDINGS, _ISOLATES = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068"
FSI = "\u2068"  # the first-strong isolate (one of _ISOLATES)
PDF, PDI = "\u202c", "\u2069"
_OPENERS = frozenset(_EMBEDDINGS + _ISOLATES)


def isolated(text: str) -> str:
    """`text` as one unit in a line of its own direction: in a list of right-to-left titles
    the ", " between two of them stays in the line's direction, not reversed with theirs."""
    return f"{FSI}{text}{PDI}"


def closed(text: str) -> str:
    """`text` with each embedding, override or isolate it opens and leaves open closed where
    its paragraph ends. Why: an RLO left open in a title ran on into our words after it, and
    the library listed "<title>   · nim 2" (docs/routine-format.md, Text fields). The text
    itself is drawn as before: Unicode ends them at the paragraph's end anyway."""
    if text.isascii() or _OPENERS.isdisjoint(text):  # nearly every text: nothing to close
        return text
    return "".join(_closed_paragraph(part) for part in _paragraphs().split(text))


def counted_length(text: str) -> int:
    """`text`'s length as a limit counts it: without its closing marks (PDF, PDI), which the
    loader may have added itself."""
    return len(text) - text.count(PDF) - text.count(PDI)


# Compiled for the first text that needs it, not when the routines' validation is imported:
# `re` builds a 64 K table for a class with a character past Latin-1, ~2.5 M instructions
# before the library's list could be painted (docs/performance.md, session 21).
@functools.cache
def _paragraphs() -> re.Pattern[str]:
    """A paragraph's end (bidi class B), where Unicode closes whatever is open anyway."""
    return re.compile("([\n\r\x1c-\x1e\x85\u2029])")


def _closed_paragraph(text: str) -> str:
    open_marks: list[str] = []  # the mark that closes each one open, innermost last
    for char in text:
        if char in _EMBEDDINGS:
            open_marks.append(PDF)
        elif char in _ISOLATES:
            open_marks.append(PDI)
        elif char == PDF and open_marks and open_marks[-1] == PDF:
            open_marks.pop()  # a PDF closes no isolate, nor anything outside one (rule X7)
        elif char == PDI and PDI in open_marks:
            while open_marks.pop() != PDI:  # a PDI closes its isolate and all inside it (X6a)
                pass
    return text + "".join(reversed(open_marks))

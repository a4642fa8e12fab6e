"""Names from outside (a file's, a terminal's line) with their controls and direction marks
written as visible escapes, so that they show what they are, not what they do."""

from __future__ import annotations

import re

# Control characters, and the marks that turn the direction of all the text after them up to
# their end mark (a title cut to its column before that end turned the rest of the row around).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What a routine file's text may not hold (docs/routine-format.md, Text fields): NUL, C0 but the
# tab, line break and carriage return, DEL and C1. Its direction marks are closed instead.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Control characters (an ESC from a hostile file, say) as visible \\xNN escapes, and the
    direction embeddings, overrides and isolates as \\uNNNN."""
    return _CONTROL.sub(lambda m: _escape(ord(m.group())), text)


def escape_unshowable(text: str) -> str:
    """The control characters a routine's text may not hold as visible \\xNN escapes; a line
    break and the direction marks, which it may hold, as they are."""
    return _UNSHOWABLE.sub(lambda m: _escape(ord(m.group())), text)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

"""What a routine's or an exercise's id may be: small enough to import where only ids are read."""

from __future__ import annotations

import re
from typing import TypeGuard

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # used with fullmatch
ID_RULE = "an id of lowercase letters, digits, '-' or '_', starting with a letter or digit"


def is_id(value: object) -> TypeGuard[str]:
    """Whether `value` is an id a routine file allows (docs/routine-format.md)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None

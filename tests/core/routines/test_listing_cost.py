"""What reading the library loads and compiles before its list can be shown (docs/performance.md,
session 21): no module or pattern that only a rare routine, an edit or the history needs."""

from __future__ import annotations

from pathlib import Path

from tests.ui.app_script import run_until

# The library read as the first screen reads it (load_library in hiptimer.ui.library.items),
# in a process of its own (no Qt): which modules it loaded, and each pattern compiled meanwhile
# that holds a character past Latin-1 (Python's own `re` builds a 64 K table for one: about
# 2.5 M instructions each, before the list could be painted).
READ_THE_LIBRARY = r"""
import re, sys
wide = []
real_compile = re.compile


def compile(pattern, flags=0):
    if isinstance(pattern, str) and any(ord(c) > 0xFF for c in pattern):
        wide.append(ascii(pattern))
    return real_compile(pattern, flags)


re.compile = compile
from hiptimer.core.routines.catalog import load_catalog

catalog = load_catalog()
assert catalog.ids(), "no routine was read"
print("MODULES", " ".join(sorted(sys.modules)))
print("WIDE", " ".join(wide) or "-")
"""


def test_the_library_is_read_without_decimal_or_wide_patterns(tmp_path: Path) -> None:
    lines = run_until(READ_THE_LIBRARY, tmp_path)
    modules = set(lines["MODULES"].split())
    assert "hiptimer.core.routines.model" in modules
    assert "decimal" not in modules  # seconds' decimals are read from their repr
    assert lines["WIDE"] == "-"  # direction marks are looked for without a pattern

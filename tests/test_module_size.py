"""One module per concern: no module of the app grows past the house limit (STYLE.md)."""

from __future__ import annotations

from pathlib import Path

import hiptimer

MAX_LINES = 400  # past this a module holds more than one concern: split it by what it does


def test_no_module_of_the_app_is_over_the_limit() -> None:
    root = Path(hiptimer.__file__).parent
    sizes = {
        p.relative_to(root): len(p.read_text("utf-8").splitlines()) for p in root.rglob("*.py")
    }
    assert len(sizes) > 100  # the whole package was read
    assert {str(path): n for path, n in sizes.items() if n > MAX_LINES} == {}

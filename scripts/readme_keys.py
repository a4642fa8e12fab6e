"""Write the README's key table from the key map (hiptimer/ui/keys.py); --check only compares.

uv run python scripts/readme_keys.py          # rewrite the table in README.md
uv run python scripts/readme_keys.py --check  # exit 1 if README.md and the map differ
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- keys: written by scripts/readme_keys.py from hiptimer/ui/keys.py -->\n"
END = "<!-- /keys -->\n"


def with_table(text: str, table: str) -> str:
    """`text` with the part between the markers replaced by `table`."""
    head, found, rest = text.partition(START)
    if not found or END not in rest:
        raise SystemExit(f"{README.name} has no {START.strip()} ... {END.strip()} section")
    return head + START + table + END + rest.split(END, 1)[1]


def main(argv: list[str]) -> int:
    from hiptimer.ui.key_help import markdown_table

    text = README.read_text(encoding="utf-8")
    wanted = with_table(text, markdown_table())
    if "--check" in argv:
        if wanted != text:
            print(f"{README.name}: the key table differs from the key map; run {__file__}")
            return 1
        return 0
    if wanted != text:
        README.write_text(wanted, encoding="utf-8")
        print(f"{README.name}: key table written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

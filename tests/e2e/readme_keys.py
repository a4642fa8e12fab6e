"""The README's key table as rows to press: (its heading, its keys cell), read from README.md."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- keys: written by scripts/readme_keys.py from hiptimer/ui/keys.py -->\n"
END = "<!-- /keys -->\n"
HEADING = re.compile(r"^\| \*\*(.+)\*\* \| \|$")
ROW = re.compile(r"^\| (.+?) \| (.+) \|$")

Row = tuple[str, str]  # (the heading it is under, its keys as the README writes them)


def readme_rows(text: str | None = None) -> list[Row]:
    """Every row of the README's key table, in order, a row that appears twice once."""
    text = README.read_text(encoding="utf-8") if text is None else text
    table = text.split(START, 1)[1].split(END, 1)[0]
    rows: list[Row] = []
    heading = ""
    for line in table.splitlines()[2:]:  # past the header and its rule
        if found := HEADING.match(line):
            heading = found.group(1)
        elif (found := ROW.match(line)) and (heading, found.group(1)) not in rows:
            rows.append((heading, found.group(1)))
    return rows

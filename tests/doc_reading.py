"""The docs read as data for the tests that hold them to the app: tables, code blocks, options."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

Row = dict[str, str]  # a table row: its header's words to the cell's text


def doc(name: str) -> str:
    """A doc's text: "README.md" at the top of the clone, else one under docs/."""
    path = ROOT / name if name == "README.md" else DOCS / name
    return path.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a heading line (`## The routine`), up to the next heading of its level or
    above."""
    level = len(heading) - len(heading.lstrip("#"))
    found = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^#{{1,{level}}} |\Z)", text, re.M | re.S)
    assert found, f"no heading {heading!r}"
    return found.group(1)


def _cells(line: str) -> list[str]:
    # A cell may hold `a | b` in code spans only as `\|`, which none of our tables does.
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def tables(text: str) -> list[list[Row]]:
    """Every markdown table in `text`, each as its rows (a header, a rule, then the rows)."""
    found: list[list[Row]] = []
    lines = text.splitlines()
    for at, line in enumerate(lines[:-1]):
        is_rule = re.fullmatch(r"\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?", lines[at + 1].strip())
        if not (line.startswith("|") and is_rule) or (at and lines[at - 1].startswith("|")):
            continue
        header = _cells(line)
        rows = []
        for body in lines[at + 2 :]:
            if not body.startswith("|"):
                break
            rows.append(dict(zip(header, _cells(body), strict=True)))
        found.append(rows)
    return found


def table(text: str, heading: str, index: int = 0) -> list[Row]:
    """The `index`th table under a heading."""
    under = tables(section(text, heading))
    assert len(under) > index, f"no table {index} under {heading!r}"
    return under[index]


def code_blocks(text: str, lang: str) -> list[str]:
    """The bodies of the fenced blocks marked with `lang` (```json ...```)."""
    return re.findall(rf"^```{re.escape(lang)}\n(.*?)^```", text, re.M | re.S)


def code_spans(cell: str) -> list[str]:
    """The `code` spans of a cell, in order."""
    return re.findall(r"`([^`]*)`", cell)


def field_name(cell: str) -> str:
    """A table's first cell, `rest_after_s`, as the field's name."""
    spans = code_spans(cell)
    assert spans, f"no field name in {cell!r}"
    return spans[0]


def options_named(text: str) -> set[str]:
    """Every long option a doc names (`--data-dir`, `--csv FILE`: --data-dir, --csv)."""
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))

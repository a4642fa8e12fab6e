"""`hiptimer validate` on a figure file: checked as a figure, not refused as a routine."""

from __future__ import annotations

from pathlib import Path

from hiptimer.core.figures.files import MAX_FIGURE_BYTES, FigureError, load_figure
from hiptimer.core.figures.model import FORMAT_MARKER
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text


def figure_lines(name: str) -> list[str] | None:
    """What `validate` says of a file that says it is a figure (docs/figures.md): "ok: ..."
    or one line per problem; None for any other file, which stays a routine's problem."""
    try:
        data = parse_strict_json(read_small_text(Path(name), MAX_FIGURE_BYTES))
    except (UnreadableFile, BadJson):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT_MARKER:
        return None
    try:
        figure = load_figure(Path(name))
    except FigureError as exc:
        return exc.lines()
    return [f"ok: {name} (the figure of {figure.id})"]

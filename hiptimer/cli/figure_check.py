"""`hiptimer validate`'s look at pictures: a figure file checked as a figure, not refused as a
routine, and a routine's own pictures (`image`) checked as the window would show them."""

from __future__ import annotations

from pathlib import Path

from hiptimer.core.figures.files import MAX_FIGURE_BYTES, FigureError, load_figure
from hiptimer.core.figures.images import ImageProblem, read_image
from hiptimer.core.figures.model import FORMAT_MARKER
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.pictures import image_path, pictures_of
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


def picture_lines(name: str, routine: Routine) -> list[str]:
    """A line for each picture of the routine file `name` that the window would not show
    (docs/routine-format.md, Pictures). Such a picture never stops a session, so the file
    is still valid; whether a PNG or JPEG decodes is left to the window."""
    lines = []
    for image in pictures_of(routine):
        try:
            read_image(image_path(name, image))
        except ImageProblem as exc:
            lines.append(f"  picture not shown: {image} ({exc})")
    return lines

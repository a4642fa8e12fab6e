"""Finding the figure for an exercise: your figures folder first, then the built-in ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hiptimer import paths
from hiptimer.core.figures.files import FigureError, load_figure
from hiptimer.core.figures.model import Figure
from hiptimer.core.routines.validation import ID_PATTERN


def builtin_figures_dir() -> Path:
    return paths.resources_dir() / "figures"


def user_figures_dir() -> Path:
    return paths.data_dir() / "figures"


@dataclass(frozen=True)
class Found:
    """A figure, or the problem with the file that should have been one (or neither)."""

    figure: Figure | None
    problem: str = ""


class FigureLibrary:
    """Figures by exercise id, each file read once. The first folder that has one wins."""

    def __init__(self, folders: list[Path] | None = None) -> None:
        self.folders = (
            folders if folders is not None else [user_figures_dir(), builtin_figures_dir()]
        )
        self._found: dict[str, Found] = {}

    def find(self, exercise_id: str) -> Found:
        if exercise_id not in self._found:
            self._found[exercise_id] = self._look(exercise_id)
        return self._found[exercise_id]

    def _look(self, exercise_id: str) -> Found:
        if not ID_PATTERN.fullmatch(exercise_id):  # never a path of its own
            return Found(None)
        for folder in self.folders:
            path = folder / f"{exercise_id}.json"
            try:
                if not path.exists():
                    continue
            except (OSError, ValueError):
                continue
            try:
                return Found(load_figure(path))
            except FigureError as exc:
                return Found(None, exc.lines()[0])
        return Found(None)

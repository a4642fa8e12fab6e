"""The routine menu's host without a main window: the routine chosen, and what it was told."""

from __future__ import annotations

from dataclasses import dataclass, field

from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.model import Routine


@dataclass
class Host:
    """The menu's host without a main window: the routine chosen, and where to say things."""

    chosen: Routine | None = None
    problems: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def selected_routine(self) -> Routine | None:
        return self.chosen

    def selected_broken(self) -> str:
        return ""

    def show_problem(self, text: str) -> None:
        self.problems.append(text)

    def show_message(self, text: str, ms: int) -> None:
        self.messages.append(text)

    def catalog(self) -> Catalog:
        return load_catalog()

"""What the main window lends the coordinators of its pages, instead of itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from hiptimer.core.settings import SettingsStore
from hiptimer.ui.navigator import Navigator
from hiptimer.ui.services.ports import Services

if TYPE_CHECKING:
    from hiptimer.core.routines.catalog import Catalog
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.session.active import ActiveSession


# A NamedTuple, not a frozen dataclass: it is made before the library's first paint, where a
# dataclass's generated methods cost ~6.5 M instructions for these 11 fields, ~2 M as a
# NamedTuple (docs/performance.md, session 24). Nothing compares, counts or unpacks it.
class Shell(NamedTuple):
    """What the window lends its coordinators (guidance, resume offer, settings, routines).

    Each of them types the part it uses as a Protocol of its own; none holds the window.
    They put pages up through the navigator and emit signals for what the window must do.
    """

    nav: Navigator
    services: Services
    settings: SettingsStore
    wall: Callable[[], datetime]
    show_problem: Callable[[str], None]
    show_message: Callable[[str, int], None]  # in the status bar, for that many ms
    routines: Callable[[], list[Routine]]  # the library's
    selected_routine: Callable[[], Routine | None]
    selected_broken: Callable[[], str]  # the file name of a broken entry chosen, else ""
    session: Callable[[], ActiveSession | None]  # the session on screen
    catalog: Callable[[], Catalog]  # the library's routine files (LibraryShelf.catalog)

"""A large routines folder's read on its thread, held until the test lets it end, and the
window shown on it as hiptimer.ui.app shows it."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import replace

from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Services
from tests.harness import hold, quick_routine, short_routine
from tests.ui.sessions import fake_services

ROUTINES = tuple(
    replace(r, id=f"r{n}", title=f"Routine {n}")
    for n, r in enumerate((short_routine(), quick_routine(hold()), quick_routine(hold("bridge"))))
)


class Gated:
    """A library read that waits until the test lets it end, as 2,000 files take seconds."""

    def __init__(self, *lists: list[LibraryItem]) -> None:
        self.lists = list(lists)  # one per read, the last one again after
        self.release = threading.Event()
        self.threads: list[str] = []

    def __call__(self) -> list[LibraryItem]:
        self.threads.append(threading.current_thread().name)
        if len(self.threads) == 1:
            assert self.release.wait(10), "the test never let the read end"
        return self.lists[min(len(self.threads), len(self.lists)) - 1]


def read_ended() -> None:
    for thread in threading.enumerate():
        if thread.name == "routines-read":
            thread.join(10)


def shown(
    qtbot: QtBot,
    read: Callable[[], list[LibraryItem]],
    *,
    first_run_done: bool = True,
    services: Services | None = None,
) -> MainWindow:
    """The window as hiptimer.ui.app shows it, with a folder to read apart."""
    SettingsStore().update(first_run_done=first_run_done)
    window = MainWindow(
        SettingsStore(), services or fake_services(), library=read, read_apart=lambda: True,
        show_first=True,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def copies(count: int) -> None:
    """`count` valid routine files of the user's, and two broken ones."""
    shipped = paths.builtin_routines_dir() / "hip-strengthening.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    for n in range(count):
        own = {**data, "id": f"copy-{n:03d}", "title": f"Copy {n}"}
        (folder / f"copy-{n:03d}.json").write_text(json.dumps(own), encoding="utf-8")
    for n in range(2):
        (folder / f"broken-{n}.json").write_text('{"id": ', encoding="utf-8")

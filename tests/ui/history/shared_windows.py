"""History windows shared between tests that only look at them, and the guard that they do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui import theme
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui import looks
from tests.ui.shared_pool import Lent, SharedPool, lend, share

Data = Callable[[HistoryStore, Weeks], int]  # records a history: the session to look at
Key = tuple[str, str, str, float, date]  # data, language, look, text size, today


def three_weeks(store: HistoryStore, weeks: Weeks) -> int:
    """The shared test history (tests/history_data.py's fill): its newest session."""
    return fill(store, weeks).id("hips", weeks.week2 + timedelta(days=4))


def state(w: HistoryWindow) -> dict[str, object]:
    """What the tests of a shared window depend on, beyond the size and look each one sets."""
    pane = w.sessions_pane

    def view(v: QAbstractItemView) -> tuple[object, ...]:
        rows = sorted(i.row() for i in v.selectionModel().selectedRows())
        return rows, v.horizontalScrollBar().value(), v.verticalScrollBar().value()

    chosen = pane.current()
    return {
        "tab": w.tabs.currentIndex(),
        "filters": w.filters,
        "routine": w.routine.currentIndex(),
        "chosen": None if chosen is None else chosen.id,
        "sessions": (pane.sessions.rowCount(), view(pane.list_view)),
        "sets": (pane.sets.rowCount(), view(pane.sets_view)),
        "note": pane.note.toPlainText(),
        "status": w.status.text(),
        "minimum": w.minimumSize().toTuple(),
        "visible": w.isVisible(),
    }


Opened = tuple[HistoryWindow, int]  # a window, and the session its data recorded


class Shown(Lent[Key, Opened]):
    """A shared window as a test gets it: at its size, and the session its data recorded."""

    @property
    def window(self) -> HistoryWindow:
        return self.kept[0]

    @property
    def session(self) -> int:
        return self.kept[1]


class SharedWindows(SharedPool[Key, Opened]):
    """One History window per (data, language, look, text size, day), one at a time
    (tests/ui/shared_pool.py), on histories written in `folder`."""

    what = "History window"
    fixture = "shared_window"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.stores = ExitStack()

    @property
    def windows(self) -> dict[Key, Opened]:
        return self.items

    def window(self, item: Opened) -> QWidget:
        return item[0]

    def state(self, item: Opened) -> dict[str, object]:
        return state(item[0])

    def show(self, data: Data, size: tuple[int, int]) -> Shown:
        """The window for `data` in the language and look in use, shown at `size`, laid out and
        its tables fitted (as a new one: tests/ui/history/long_sessions.py's window_sized).
        The test sets its look first (app_look): the look is not put back before it.
        Left shown after: a window hidden, resized and shown again laid its note out 5 px tall
        (Spanish, 1200 x 756 then 1024 x 768), which no user's window goes through."""
        assert looks.set_by_this_test(), "set the look (app_look) before showing a shared window"
        key = (
            data.__name__,
            i18n.language(),
            theme.current().name,
            theme.text_scale(),
            date.today(),
        )
        opened = self.take(key, lambda: self.build(data, key[-1]))
        w = opened[0]
        w.resize(*size)
        w.show()
        for _ in range(3):  # the window's layout, then the tables' own
            QApplication.processEvents()
        return Shown(opened, key, state(w))

    def build(self, data: Data, today: date) -> Opened:
        path = self.folder / f"history-{self.built}.sqlite3"
        store = self.stores.enter_context(open_history(path))
        session = data(store, Weeks(today))
        return share(HistoryWindow(store, [HIPS, STRETCH])), session

    def close(self) -> None:
        super().close()
        self.stores.close()


@pytest.fixture(scope="module")
def shared_windows(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedWindows]:
    windows = SharedWindows(tmp_path_factory.mktemp("shared-history"))
    yield windows
    windows.close()


ShowShared = Callable[[Data, tuple[int, int]], "Shown"]


@pytest.fixture
def shared_window(shared_windows: SharedWindows) -> Iterator[ShowShared]:
    """show(data, size): a shared window, checked after the test and kept for the next."""
    yield from lend(shared_windows, shared_windows.show)

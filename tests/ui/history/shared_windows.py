"""History windows shared between tests that only look at them, and the guard that they do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui import theme
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui import looks

# Kept by tests/conftest.py's delete_closed_widgets, which deletes every other new window.
SHARED = "hiptimer_test_shared"

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


@dataclass
class Shown:
    """A shared window as a test gets it: at its size, and the session its data recorded."""

    window: HistoryWindow
    session: int
    key: Key
    before: dict[str, object]


class SharedWindows:
    """One History window per (data, language, look, text size, day), built on first use and
    kept (shown) for the module's next tests that ask for the same."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stores = ExitStack()
        self.windows: dict[Key, tuple[HistoryWindow, int]] = {}
        self.built = 0
        _open.append(self)

    def show(self, data: Data, size: tuple[int, int]) -> Shown:
        """The window for `data` in the language and look in use, shown at `size`, laid out and
        its tables fitted (as a new one: tests/ui/history/long_sessions.py's window_sized).
        The test sets its look first (app_look): the look is not put back before it."""
        assert looks.set_by_this_test(), "set the look (app_look) before showing a shared window"
        look = theme.current()
        key = (data.__name__, i18n.language(), look.name, theme.text_scale(), date.today())
        if key not in self.windows:
            self.close_windows()  # one at a time: each look change re-polishes every window
            self.built += 1
            path = self.folder / f"history-{self.built}.sqlite3"
            store = self.stores.enter_context(open_history(path))
            session = data(store, Weeks(key[-1]))
            w = HistoryWindow(store, [HIPS, STRETCH])
            w.setProperty(SHARED, True)
            w.setMinimumSize(1, 1)
            self.windows[key] = (w, session)
        w, session = self.windows[key]
        w.resize(*size)
        w.show()
        for _ in range(3):  # the window's layout, then the tables' own
            QApplication.processEvents()
        return Shown(w, session, key, state(w))

    def put_back(self, shown: Shown) -> None:
        """Keep the window for the next test; fail the test that changed it (and rebuild it).
        Left shown: a window hidden, resized and shown again laid its note out 5 px tall
        (Spanish, 1200 x 756 then 1024 x 768), which no user's window goes through."""
        after = state(shown.window)
        changed = sorted(k for k in after if after[k] != shown.before[k])
        if changed:
            self.drop(shown.key)
            pytest.fail(f"the test left the shared History window changed: {changed}")

    def drop(self, key: Key) -> None:
        window, _ = self.windows.pop(key)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close_windows(self) -> None:
        for key in list(self.windows):
            self.drop(key)

    def close(self) -> None:
        self.close_windows()
        self.stores.close()
        _open.remove(self)


@pytest.fixture(scope="module")
def shared_windows(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedWindows]:
    windows = SharedWindows(tmp_path_factory.mktemp("shared-history"))
    yield windows
    windows.close()


_open: list[SharedWindows] = []


@pytest.fixture(autouse=True)
def no_idle_shared_window(request: pytest.FixtureRequest) -> None:
    """Close the shared windows before a test that does not use them: left open, each
    took every look change that test made (~0.2 s of CPU a change)."""
    if "shared_window" not in request.fixturenames:
        for windows in _open:
            windows.close_windows()


ShowShared = Callable[[Data, tuple[int, int]], "Shown"]


@pytest.fixture
def shared_window(shared_windows: SharedWindows) -> Iterator[ShowShared]:
    """show(data, size): a shared window, checked after the test and kept for the next."""
    shown: list[Shown] = []

    def show(data: Data, size: tuple[int, int]) -> Shown:
        shown.append(shared_windows.show(data, size))
        return shown[-1]

    yield show
    for one in shown:
        shared_windows.put_back(one)

"""Where the user dragged History's list / chosen session splitter, kept in the settings for
the next start (settings.json's `history_split`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from hiptimer.core.settings import SPLIT_LEAST
from hiptimer.ui.history.chosen_split import ListAndChosen

SAVE_AFTER_MS = 1000  # a drag moves the handle many times a second: saved once it rests


@dataclass(frozen=True)
class ShareKept:
    """The chosen session's share of the splitter as the settings keep it (0: none), and
    how to keep a new one (SettingsStore.update)."""

    read: Callable[[], float]
    keep: Callable[[float], object]


class SplitKept(QObject):
    """Puts the splitter where the settings say it was dragged to, and keeps where it is
    dragged to next: once the handle rests, and as the window closes. Signals: none."""

    def __init__(self, split: ListAndChosen, kept: ShareKept) -> None:
        super().__init__(split)
        self._split, self._kept = split, kept
        share = kept.read()
        self._saved = share
        if SPLIT_LEAST <= share <= 1 - SPLIT_LEAST:  # (the settings let no other through)
            split.share = share
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(SAVE_AFTER_MS)
        self._rest.timeout.connect(self.save)
        split.splitterMoved.connect(self._rest.start)

    def save(self) -> None:
        """Keep the share the user dragged it to, if it changed."""
        self._rest.stop()
        share = self._split.share
        if share is None or share == self._saved:
            return
        self._saved = share
        self._kept.keep(min(max(share, SPLIT_LEAST), 1 - SPLIT_LEAST))

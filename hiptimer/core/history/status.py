"""How the history is doing, as fields: saving, not saving for now (and why), or off."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hiptimer.core.safe_write import file_in_the_way, read_only_folder

# The sentence for logs and the command line; the window builds its own from the fields.
DEGRADED = (
    "Saving history failed: {reason}; your ratings are kept in memory and saving will be retried"
)


@dataclass(frozen=True)
class ReadOnlyCopy:
    """The history read from a read-only folder into memory, nothing written (read_only_copy).

    `update`: the file's format version and this HipTimer's, when the file needs an update the
    folder cannot take; None: the format is this HipTimer's, and SQLite could not read the
    file in place (it writes its -shm beside it).
    """

    update: tuple[int, int] | None = None


class HistoryState(str, Enum):
    OK = "ok"  # every write is saved as it is made
    NOT_SAVING = "not_saving"  # the disk refuses writes: they wait in memory and are retried
    OFF = "off"  # no history this run (a database made by a newer HipTimer): nothing is recorded


@dataclass(frozen=True)
class HistoryStatus:
    """The history's state, why it is not OK (the error as raised), and what waits.

    `notice`: set once when opening had to repair something (a damaged file moved aside).
    `read_only`: the history shown is a copy read without writing, until the file takes over.
    """

    state: HistoryState
    path: Path
    reason: str = ""
    pending: int = 0
    notice: str | None = None
    read_only: ReadOnlyCopy | None = None
    pending_sets: int = 0  # of the writes waiting, new sets and ratings: what a person counts
    pending_ratings: int = 0
    pending_no_ratings: int = 0  # K on a pain question: lost, the set reads as never asked
    # A set's rating or K followed by another answer of the same set while both wait: that set
    # is counted once, by its last answer, and this one is not a change of its own either.
    pending_answers_replaced: int = 0

    @classmethod
    def off(cls, path: Path, reason: str) -> HistoryStatus:
        """No history this run, and why (the database's own error)."""
        return cls(HistoryState.OFF, path, reason)

    @property
    def saving(self) -> bool:
        """True while writes reach the disk."""
        return self.state is HistoryState.OK

    @property
    def folder_read_only(self) -> bool:
        """Not saving because the history's folder cannot be written (a read-only mount):
        SQLite's own reason ('unable to open database file') does not say so."""
        return self.state is HistoryState.NOT_SAVING and read_only_folder(self.path.parent)

    @property
    def folder_in_the_way(self) -> Path | None:
        """Not saving because a file is where the data folder (or a folder above it) goes
        ($HIPTIMER_HOME or --data-dir naming a file): that file; the reason names it only as
        a path that cannot be opened."""
        if self.state is not HistoryState.NOT_SAVING:
            return None
        return file_in_the_way(self.path.parent)

    @property
    def message(self) -> str | None:
        """One sentence for a log or the command line; None while all is well."""
        if self.state is HistoryState.NOT_SAVING:
            return DEGRADED.format(reason=self.reason)
        return self.reason if self.state is HistoryState.OFF else None

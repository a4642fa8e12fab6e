"""What opening the history mended or moved aside, kept beside the file until the window's user
has seen it.

`hiptimer history` says it on stderr, which a user who never reads the terminal misses: the
window opened later shows it, in the same strip as the notice of a file it moved aside itself,
and forgets it once the user dismisses it there (the strip's OK). The window keeps its own
notice here too, from the moment it opens the file: held only in memory, it was lost to a
window killed (or closed) before anyone pressed OK, while the renamed file stayed unexplained.
"""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.safe_read import read_small_text
from hiptimer.core.safe_write import write_atomic
from hiptimer.i18n import _

NAME = "history-notice.txt"
LIMIT = 64 << 10  # a few notices; a larger file there is not ours
BY_WINDOW = "[window] "  # a line's mark: the window's own notice, not the command line's


def notice_file(db: Path) -> Path:
    """Where the notice for the history at `db` waits: beside it, in the data folder."""
    return db.with_name(NAME)


def leave(db: Path, text: str) -> None:
    """Keep `text` for the window, after any notice left earlier and not shown yet. Best
    effort: the terminal has said it already, and a folder that cannot be written keeps none."""
    earlier = _read(notice_file(db))
    with contextlib.suppress(OSError):
        write_atomic(notice_file(db), "\n".join(filter(None, [earlier, text])) + "\n")


def words(text: str) -> str:
    """The notices left in the file, as one line for the window's strip: each run of lines
    introduced by who said it (unmarked lines are the command line's)."""
    said = []
    runs = itertools.groupby(text.split("\n"), key=lambda line: line.startswith(BY_WINDOW))
    for by_window, lines in runs:
        if by_window:
            notice = " ".join(line.removeprefix(BY_WINDOW) for line in lines)
            said.append(_("Earlier, HipTimer said: {notice}").format(notice=notice))
        else:
            notice = " ".join(lines)
            said.append(_("Earlier, hiptimer history said: {notice}").format(notice=notice))
    return " ".join(said)


def forget(db: Path, shown: str) -> None:
    """The notices `shown` were seen: remove them, keeping any the command line left since.
    Best effort: a file that cannot be removed says them again next time."""
    path = notice_file(db)
    now = _read(path)
    if not now.startswith(shown):
        return
    rest = now[len(shown) :].strip()
    with contextlib.suppress(OSError):
        if rest:
            write_atomic(path, rest + "\n")
        else:
            path.unlink(missing_ok=True)


def open_for_window(db: Path) -> HistoryStore:
    """open_history, with the notices left earlier said as well, and what this opening mended
    kept with them; the file goes once the user has seen them (HistoryStore.notice_seen)."""
    store = open_history(db)
    left = _read(notice_file(db))
    kept = left
    if store.mended:  # said in the strip as it is; kept for a next window until then
        leave(db, BY_WINDOW + store.mended)
        kept = _read(notice_file(db))
    if left or kept:
        store.also_say(words(left) if left else "", seen=lambda: forget(db, kept))
    return store


def _read(path: Path) -> str:
    try:
        return read_small_text(path, LIMIT).strip()
    except (OSError, ValueError):
        return ""

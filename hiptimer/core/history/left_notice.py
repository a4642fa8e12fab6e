"""What `hiptimer history` mended or moved aside, left beside the file for the window to say.

The command line says it on stderr, which a user who never reads the terminal misses: the
window opened later shows it once, in the same strip as the notice of a file it moved aside
itself, and forgets it (the file is removed as it is read).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.safe_read import read_small_text
from hiptimer.core.safe_write import write_atomic
from hiptimer.i18n import _

NAME = "history-notice.txt"
LIMIT = 64 << 10  # a few notices; a larger file there is not ours


def notice_file(db: Path) -> Path:
    """Where the notice for the history at `db` waits: beside it, in the data folder."""
    return db.with_name(NAME)


def leave(db: Path, text: str) -> None:
    """Keep `text` for the window, after any notice left earlier and not shown yet. Best
    effort: the terminal has said it already, and a folder that cannot be written keeps none."""
    earlier = _read(notice_file(db))
    with contextlib.suppress(OSError):
        write_atomic(notice_file(db), "\n".join(filter(None, [earlier, text])) + "\n")


def take(db: Path) -> str | None:
    """The notices left for the window, as one line to show; the file is removed."""
    path = notice_file(db)
    text = _read(path)
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    if not text:
        return None
    return _("Earlier, hiptimer history said: {notice}").format(notice=" ".join(text.split("\n")))


def open_for_window(db: Path) -> HistoryStore:
    """open_history, with the notice `hiptimer history` left for the window said as well."""
    store = open_history(db)
    left = take(db)
    if left:
        store.also_say(left)
    return store


def _read(path: Path) -> str:
    try:
        return read_small_text(path, LIMIT).strip()
    except (OSError, ValueError):
        return ""

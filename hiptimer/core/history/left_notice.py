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
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.safe_read import UnreadableFile, read_small_text
from hiptimer.core.safe_write import move_aside, write_atomic
from hiptimer.i18n import _

NAME = "history-notice.txt"
LIMIT = 64 << 10  # a few notices; a larger file there is not ours
BY_WINDOW = "[window] "  # a line's mark: the window's own notice, not the command line's


def notice_file(db: Path) -> Path:
    """Where the notice for the history at `db` waits: beside it, in the data folder."""
    return db.with_name(NAME)


def leave(db: Path, text: str) -> None:
    """Keep `text` for the window, after any notice left earlier and not shown yet. Best
    effort: the terminal has said it already, and a folder that cannot be written keeps none.
    A file there that cannot be read is not written over (it may hold a notice); a damaged
    one is moved aside first, and the window is told where it went."""
    kept = _kept(notice_file(db))
    if kept.keep_off:
        return
    with contextlib.suppress(OSError):
        lines = filter(None, [kept.text, kept.moved, text])
        write_atomic(notice_file(db), "\n".join(lines) + "\n")


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
    try:
        found = _kept(notice_file(db))
        left = found.text
        if found.moved and not found.keep_off:  # said now, and kept for a window killed first
            leave(db, BY_WINDOW + found.moved)
        if store.mended and not found.keep_off:  # said in the strip as it is; kept until then
            leave(db, BY_WINDOW + store.mended)
    except BaseException:  # an opening abandoned as the app quits (write_abandon.Abandoned)
        store.close()
        raise
    kept = _read(notice_file(db))
    if left or kept or found.moved:
        said = " ".join(filter(None, [words(left) if left else "", found.moved]))
        store.also_say(said, seen=lambda: forget(db, kept))
    return store


class _Kept(NamedTuple):
    """What the notice file holds; `moved`: what happened to a damaged one (moved aside);
    `keep_off`: one still there that cannot be read or moved: never written over."""

    text: str
    moved: str = ""
    keep_off: bool = False


def _kept(path: Path) -> _Kept:
    try:
        return _Kept(read_small_text(path, LIMIT).strip())
    except UnreadableFile as exc:
        if exc.missing:
            return _Kept("")
        if not exc.damaged:  # no permission, say: it may hold a notice, so leave it be
            return _Kept("", keep_off=True)
        why = str(exc)
    try:
        aside = move_aside(path, datetime.now())
    except OSError:
        return _Kept("", keep_off=True)
    return _Kept(
        "",
        _(
            "The file {path}, where notices wait for the window, could not be read "
            "({why}); it was moved to {aside}."
        ).format(path=path, why=why, aside=aside),
    )


def _read(path: Path) -> str:
    try:
        return read_small_text(path, LIMIT).strip()
    except (OSError, ValueError):
        return ""

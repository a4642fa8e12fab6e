"""The notice `hiptimer history` leaves for the window: kept until the window's user has seen it."""

from __future__ import annotations

from pathlib import Path

from hiptimer.core.history import left_notice


def test_forgetting_what_was_shown_keeps_a_notice_left_since(tmp_path: Path) -> None:
    # The command line may run while the window shows the first notice: its new notice is
    # kept for the next window, not removed with the one the user dismissed.
    db = tmp_path / "history.sqlite3"
    left_notice.leave(db, "The history database was damaged.")
    store = left_notice.open_for_window(db)
    assert store.status.notice == (
        "Earlier, hiptimer history said: The history database was damaged."
    )
    left_notice.leave(db, "1 set had a value HipTimer could not use.")
    store.notice_seen()
    assert left_notice.notice_file(db).read_text() == "1 set had a value HipTimer could not use.\n"
    store.notice_seen()  # once: a second OK forgets nothing more
    assert left_notice.notice_file(db).exists()
    store.close()
    store = left_notice.open_for_window(db)
    store.notice_seen()
    assert not left_notice.notice_file(db).exists()
    store.close()


def test_the_notices_left_say_who_said_them() -> None:
    # The window keeps its own notice in the same file, marked as its own.
    text = "Moved aside.\n[window] The history was damaged.\nParts added."
    assert left_notice.words(text) == (
        "Earlier, hiptimer history said: Moved aside. "
        "Earlier, HipTimer said: The history was damaged. "
        "Earlier, hiptimer history said: Parts added."
    )

"""The start notice of kept drafts: every draft in the folder can be opened from it, in turn."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.drafts import keep_draft
from hiptimer.ui.app import _tell_kept_drafts
from tests.ui.editor.editing import Prompts
from tests.ui.main_app import make_app

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
DAY = datetime(2026, 3, 1)


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    """No test can hang on a modal dialog."""
    fake = Prompts()
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    return fake


def test_the_notice_opens_every_kept_draft_in_turn_the_newest_first(qtbot: QtBot) -> None:
    # Two new routines, never saved (no editor but the notice's reaches the second: Ctrl+N
    # makes "my-routine" again), and an older copy of the first.
    oldest = keep_draft({"title": "Morning"}, "my-routine", DAY.replace(hour=8))
    second = keep_draft({"title": "Evening"}, "my-routine-2", DAY.replace(hour=9))
    newest = keep_draft({"title": "Morning, longer"}, "my-routine", DAY.replace(hour=10))
    app = make_app(qtbot)
    window = app.window
    _tell_kept_drafts(window)
    notice = window.notice
    assert notice.isVisible()
    heading = notice.shown[-1]  # its heading and detail, whole (a short window shows a gist)
    assert "3 kept copies of unsaved routine changes" in heading
    for title in ("Morning, longer", "Evening", "Morning"):
        assert f"\u201c{title}\u201d" in heading

    offered = []
    for remaining in (2, 1, 0):
        assert notice.action.isVisible() and notice.action.text() == "Open in the editor"
        notice.action.click()
        editor = window.routine_actions.editors[-1]
        draft = editor.draft_offer.offered
        assert draft is not None
        offered.append(draft.path)
        # The notice comes back naming the drafts not opened yet, until none is left.
        assert notice.isVisible() == bool(remaining)
    assert offered == [newest, second, oldest]
    assert "Evening" not in notice.shown[-1]  # the last notice named only the oldest
    # The editor names the other copy of its routine, newer or older than the one offered.
    assert editor.draft_offer.text.text().endswith("Another copy is kept too.")
    app.history.close()


def test_the_notice_names_several_drafts_in_our_direction(qtbot: QtBot) -> None:
    """With two drafts the notice listed each title as typed: an RLO left open in one turned
    the words after it around, the other draft's name and the time included."""
    keep_draft({"title": "\u202eMine\x07"}, "my-routine", DAY.replace(hour=8))
    keep_draft({"title": "Evening"}, "my-routine-2", DAY.replace(hour=9))
    app = make_app(qtbot)
    _tell_kept_drafts(app.window)
    heading = app.window.notice.shown[-1]
    assert "\u201c\u202eMine\u202c\u201d from " in heading
    app.history.close()

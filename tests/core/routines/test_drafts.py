"""Drafts: unsaved routine edits kept when the system closes HipTimer."""

from __future__ import annotations

import json
from datetime import datetime

from hiptimer import paths
from hiptimer.core.routines.drafts import keep_draft, kept_drafts

WHEN = datetime(2026, 3, 1, 8, 15, 0)


def test_a_draft_is_the_data_as_it_was_and_never_replaces_an_earlier_one() -> None:
    assert kept_drafts() == []  # no folder yet
    first = keep_draft({"title": "Mine", "exercises": []}, "my-routine", WHEN)
    second = keep_draft({"title": "Mine, later"}, "my-routine", WHEN)  # the same second
    assert first == paths.drafts_dir() / "my-routine-20260301-081500.json"
    assert second.name == "my-routine-20260301-081500-2.json"
    assert json.loads(first.read_text(encoding="utf-8")) == {"title": "Mine", "exercises": []}
    assert set(kept_drafts()) == {first, second}
    assert not paths.user_routines_dir().exists()  # a draft is not a routine of the library


def test_a_draft_s_name_stays_inside_the_drafts_folder() -> None:
    path = keep_draft({}, "../../etc/passwd", WHEN)
    assert path.parent == paths.drafts_dir() and path.name == "etc-passwd-20260301-081500.json"
    assert keep_draft({}, "..", WHEN).name == "routine-20260301-081500.json"

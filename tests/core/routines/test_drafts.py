"""Drafts: unsaved routine edits kept when the system closes HipTimer."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from hiptimer import paths
from hiptimer.core.routines.drafts import keep_draft, look_at_drafts, set_aside
from hiptimer.paths import kept_drafts

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


def test_drafts_are_read_whole_newest_first_and_by_routine() -> None:
    older = keep_draft({"title": "Mine"}, "my-routine", WHEN)
    newer = keep_draft({"title": "  "}, "my-routine", WHEN.replace(hour=9))
    other = keep_draft({"title": "Hips"}, "hips", WHEN)
    by_hand = paths.drafts_dir() / "copied.json"
    by_hand.write_text('{"id": "hips", "title": "By hand"}', encoding="utf-8")

    mine = look_at_drafts("my-routine")
    assert [d.path for d in mine.drafts] == [newer, older] and mine.damaged == []
    assert [d.title for d in mine.drafts] == ["my-routine", "Mine"]  # a blank title: the id
    assert mine.drafts[1].kept_at == WHEN and mine.drafts[1].routine_id == "my-routine"
    hips = look_at_drafts("hips")
    assert {d.path for d in hips.drafts} == {other, by_hand}  # a hand-made one by its id
    assert len(look_at_drafts().drafts) == 4


def test_a_draft_that_cannot_be_read_whole_is_moved_to_damaged_and_not_offered() -> None:
    keep_draft({"title": "Fine"}, "hips", WHEN)
    bad = paths.drafts_dir() / "hips-20260301-090000.json"
    bad.write_bytes(b'{"title": "Half')
    kept = look_at_drafts("hips")
    assert [d.title for d in kept.drafts] == ["Fine"]
    [damaged] = kept.damaged
    assert damaged.path == bad and damaged.why.startswith("not valid JSON")
    assert damaged.moved_to == paths.drafts_dir() / "damaged" / bad.name
    assert damaged.moved_to.read_bytes() == b'{"title": "Half'
    assert look_at_drafts().damaged == []  # moved once, named once


def test_setting_aside_never_writes_over_an_earlier_one() -> None:
    first = keep_draft({"n": 1}, "hips", WHEN)
    moved = set_aside(first)
    again = keep_draft({"n": 2}, "hips", WHEN)  # the same name as the first
    moved_again = set_aside(again)
    assert moved.name == first.name and moved_again.name == "hips-20260301-081500-2.json"
    assert json.loads(moved.read_text(encoding="utf-8")) == {"n": 1}
    assert kept_drafts() == []


def test_a_draft_too_large_to_read_back_is_not_written() -> None:
    # It would only be moved to damaged/ at the next start: the editor logs the edits instead.
    with pytest.raises(OSError, match="larger than 1 MiB"):
        keep_draft({"notes": "x" * (1 << 20)}, "hips", WHEN)
    assert kept_drafts() == []


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\u202eEvil", "\u202eEvil\u202c"),  # its override closed
        ("Bell\x07 and\nsecond line", "Bell and second line"),
        ("x" * 5000, "x" * 119 + "\u2026"),
        ("Plain <b>title</b>", "Plain <b>title</b>"),
    ],
)
def test_a_draft_s_title_is_named_as_one_line_in_our_direction(typed: str, shown: str) -> None:
    """The start notice says "Unsaved changes to “<title>” from <time> were kept.": an RLO
    left open in the title turned the time and our words around, a bell drew a box, a line
    break split the notice, and a title of a 1 MiB draft was not cut."""
    path = keep_draft({"title": typed}, "my-routine", WHEN)
    (draft,) = look_at_drafts().drafts
    assert draft.path == path and draft.title == typed  # the editor still gets it as typed
    assert draft.shown_title == shown

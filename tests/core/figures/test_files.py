"""Reading figure files: what docs/figures.md allows loads, anything else names its problem."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.figures.files import FigureError, figure_from_data, load_figure
from hiptimer.core.figures.library import FigureLibrary
from hiptimer.core.figures.model import Anchor, Arm, Body, Camera, Leg, PropKind


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "format": "hiptimer-figure",
        "version": 1,
        "id": "raise",
        "start": {},
        "end": {"right_leg": {"hip": 40}},
        **extra,
    }


def problems(data: Any) -> list[str]:
    with pytest.raises(FigureError) as caught:
        figure_from_data(data, "raise.json")
    return caught.value.problems


def test_a_minimal_figure_stands_side_on_and_rests_on_the_floor() -> None:
    fig = figure_from_data(minimal())
    assert fig.start.right_leg == Leg()
    assert fig.end.right_leg == Leg(hip=40.0)
    assert fig.camera == Camera() and fig.anchor == Anchor() and fig.loop_s is None


def test_like_copies_a_pose_and_a_part_given_replaces_that_part_whole() -> None:
    data = minimal(
        start={
            "body": {"pitch": -90},
            "right_leg": {"hip": 60, "knee": 110},
            "right_arm": {"shoulder": 20},
        },
        end={"like": "start", "right_leg": {"hip": 90}, "highlight": ["right_hip"]},
    )
    fig = figure_from_data(data)
    assert fig.end.body == Body(pitch=-90.0)
    assert fig.end.right_arm == Arm(shoulder=20.0)
    assert fig.end.right_leg == Leg(hip=90.0)  # the knee is 0 again: the part was given whole
    assert fig.end.highlight == ("right_hip",)


def test_views_anchor_props_and_via() -> None:
    data = minimal(
        view={"yaw": 30, "elevation": 20},
        anchor={"point": "right_heel", "x": 10, "y": 12},
        loop_s=2.5,
        props=[
            {"type": "step", "x": 0},
            {"type": "chair", "x": -20, "facing": "left"},
            {"type": "band", "from": "right_ankle", "to": "left_ankle"},
        ],
        via=[{"like": "end", "right_leg": {"hip": 20}}],
    )
    fig = figure_from_data(data)
    assert fig.camera == Camera(30.0, 20.0)
    assert fig.anchor == Anchor("right_heel", 10.0, 12.0)
    assert [p.kind for p in fig.props] == [PropKind.STEP, PropKind.CHAIR, PropKind.BAND]
    assert fig.props[1].facing == -1
    assert fig.via[0].right_leg.hip == 20.0
    assert fig.loop_s == 2.5
    assert figure_from_data(minimal(view="front")).camera == Camera(yaw=90.0)
    pinned = figure_from_data(minimal(anchor={"point": "left_toe", "z": -15}))
    assert pinned.anchor == Anchor("left_toe", 0.0, None, -15.0)


def test_every_problem_is_named_by_its_field() -> None:
    found = problems(
        minimal(
            format="routine",
            end={"right_leg": {"hip": "ninety", "knee": 400, "hipp": 3}, "highlight": ["nose2"]},
            view="behind",
            anchor={"point": "tail"},
            props=[{"type": "sofa"}, {"type": "band", "from": "right_ankle", "to": "x"}],
            loop_s=0,
        )
    )
    text = "\n".join(found)
    for expected in (
        'format: expected "hiptimer-figure"',
        "end.right_leg.hip: expected a number from -360 to 360",
        "end.right_leg.knee: expected a number from -360 to 360",
        "end.right_leg.hipp: unknown field",
        "end.highlight[0]: expected a point name",
        "view: ",
        "anchor.point: expected a point name",
        'props[0].type: expected "chair", "step", "box", "wall", "band"',
        "props[1].to: expected a point name",
        "loop_s: expected a number from 0.5 to 60",
    ):
        assert expected in text, (expected, text)


def test_a_pose_can_only_be_like_an_earlier_one() -> None:
    found = problems(minimal(start={"like": "end"}))
    assert found == ['start.like: expected an earlier pose, got "end"']
    assert problems(minimal(end=None)) == ["end: missing; expected a pose"]


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bridge.json"
    path.write_text(json.dumps(minimal()), encoding="utf-8")
    with pytest.raises(FigureError) as caught:
        load_figure(path)
    assert caught.value.lines() == [
        f'{path}: id: "raise" does not match the file name (bridge.json)'
    ]


def test_unreadable_files_are_named_not_raised(tmp_path: Path) -> None:
    with pytest.raises(FigureError, match="file not found"):
        load_figure(tmp_path / "gone.json")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(FigureError, match="not a regular file"):
        load_figure(fifo)
    (tmp_path / "big.json").write_text(" " * 70_000, encoding="utf-8")
    with pytest.raises(FigureError, match="64 KiB"):
        load_figure(tmp_path / "big.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(FigureError, match="not valid JSON"):
        load_figure(tmp_path / "bad.json")


def test_your_figures_come_before_the_built_in_ones(tmp_path: Path) -> None:
    mine, builtin = tmp_path / "mine", tmp_path / "builtin"
    mine.mkdir()
    builtin.mkdir()
    for folder, hip in ((mine, 10), (builtin, 80)):
        data = minimal(id="raise", end={"right_leg": {"hip": hip}})
        (folder / "raise.json").write_text(json.dumps(data), encoding="utf-8")
    (mine / "broken.json").write_text("[]", encoding="utf-8")
    library = FigureLibrary([mine, builtin])
    found = library.find("raise").figure
    assert found is not None and found.end.right_leg.hip == 10.0
    broken = library.find("broken")
    assert broken.figure is None and broken.problem.startswith(str(mine / "broken.json"))
    assert library.find("nothing-here").figure is None
    assert library.find("nothing-here").problem == ""
    assert library.find("../mine/raise").figure is None  # an id is never a path


def test_a_wrong_value_is_quoted_as_routine_files_quote_it() -> None:
    """As a routine file's problem says 'got "..."' (json_fields.describe), so does a figure's:
    the audit's file had "down" for a pitch and was told only the range."""
    found = problems(
        minimal(
            format="routine",
            version=2,
            start={"body": {"pitch": "down"}, "like": "end2", "highlight": ["nose2"]},
            end={"right_leg": {"knee": 400}, "highlight": "knee"},
            view="behind",
            anchor={"point": "tail"},
            props=[{"type": "sofa"}, {"type": "band", "from": "right_ankle", "to": None},
                   {"type": "step", "size": [1, 2], "facing": "up"}],
            loop_s=True,
        )
    )  # fmt: skip
    for expected in (
        'format: expected "hiptimer-figure", got "routine"',
        "version: expected 1, got 2",
        'start.body.pitch: expected a number from -360 to 360, got "down"',
        'start.like: expected an earlier pose, got "end2"',
        'start.highlight[0]: expected a point name (see docs/figures.md), got "nose2"',
        "end.right_leg.knee: expected a number from -360 to 360, got 400",
        'end.highlight: expected a list of point names, got "knee"',
        'view: expected "side", "front", "above" or {"yaw": degrees, "elevation": degrees},'
        ' got "behind"',
        'anchor.point: expected a point name (see docs/figures.md), got "tail"',
        'props[0].type: expected "chair", "step", "box", "wall", "band", got "sofa"',
        "props[1].to: expected a point name (see docs/figures.md), got null",
        "props[2].size: expected [width, height, depth], each above 0 and up to 500, got a list",
        'props[2].facing: expected "right" or "left", got "up"',
        "loop_s: expected a number from 0.5 to 60, got true",
    ):
        assert expected in found, (expected, found)
    assert problems(minimal(end=None)) == ["end: missing; expected a pose"]  # nothing to quote

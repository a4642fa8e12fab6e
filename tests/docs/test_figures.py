"""docs/figures.md's tables held to the figure loader: the file's fields, which are required and
what the others default to, the ranges it gives (via, props, loop_s), a pose's parts and each
prop's default size, each edge tried on the doc's own example."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from hiptimer.core.figures.files import POSE_KEYS, TOP_KEYS, FigureError, figure_from_data
from hiptimer.core.figures.model import Camera, Figure
from tests.doc_reading import code_spans, doc, field_name, section, table

DOC = doc("figures.md")
FIELDS = {field_name(row["field"]): row for row in table(DOC, "## The file")}
EXAMPLE: dict[str, Any] = json.loads(
    section(DOC, "## A complete example").split("```json", 1)[1].split("```", 1)[0]
)


def loads(changes: dict[str, Any], *, drop: str = "") -> Figure | list[str]:
    """The doc's example with `changes` (and `drop` left out): the figure, or its problems."""
    data = copy.deepcopy(EXAMPLE) | changes
    data.pop(drop, None)
    try:
        return figure_from_data(data)
    except FigureError as exc:
        return exc.problems


def test_the_file_table_names_every_field_the_loader_reads_and_no_other() -> None:
    assert set(FIELDS) == TOP_KEYS


def test_the_pose_table_names_every_part_of_a_pose_and_no_other() -> None:
    rows = table(DOC, "## A pose")
    assert {name for row in rows for name in code_spans(row["field"])} == POSE_KEYS


@pytest.mark.parametrize("name", sorted(TOP_KEYS))
def test_a_field_is_required_where_the_doc_says_and_else_takes_its_default(name: str) -> None:
    got = loads({}, drop=name)
    if FIELDS[name]["required / default"] == "required":
        assert isinstance(got, list) and any(p.startswith(name) for p in got), got
        return
    assert isinstance(got, Figure), got
    defaults = {"via": got.via == (), "props": got.props == (), "loop_s": got.loop_s is None,
                "view": got.camera == Camera(), "anchor": got == loads({})}  # fmt: skip
    assert defaults[name], name


def _most(name: str) -> int:
    """The "up to N" a row's allowed values give."""
    found = re.search(r"up to (\d+)", FIELDS[name]["allowed values"])
    assert found is not None, name
    return int(found.group(1))


def test_via_and_props_take_as_many_as_the_doc_says_and_no_more() -> None:
    pose = {"like": "start"}
    box = {"type": "box", "x": 200}
    for name, one in (("via", pose), ("props", box)):
        most = _most(name)
        assert isinstance(loads({name: [one] * most}), Figure), name
        assert not isinstance(loads({name: [one] * (most + 1)}), Figure), name


def test_loop_s_takes_the_range_the_doc_gives() -> None:
    low, high = (float(n) for n in FIELDS["loop_s"]["allowed values"].split("-"))
    for value, ok in ((low, True), (high, True), (low - 0.01, False), (high + 0.01, False)):
        assert isinstance(loads({"loop_s": value}), Figure) is ok, value


def test_each_prop_s_default_size_is_the_doc_s() -> None:
    for row in table(DOC, "## Props"):
        kind = json.loads(code_spans(row["prop"])[0])["type"]
        written = re.search(r"default `(\[[^\]]*\])`", row["fields"])
        if written is None:
            assert kind == "band"  # two points, no size
            continue
        ends = {"from": "right_knee", "to": "left_knee"} if kind == "band" else {}
        got = loads({"props": [{"type": kind, "x": 200, **ends}]})
        assert isinstance(got, Figure), got
        assert list(got.props[0].size) == json.loads(written.group(1)), kind

"""A routine's own picture: found beside the routine, size-limited, never a pipe or a link out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hiptimer.core.figures.images import ImageKind, ImageProblem, image_kind, read_image
from hiptimer.core.routines.pictures import MAX_IMAGE_BYTES

PNG_HEAD = b"\x89PNG\r\n\x1a\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def test_the_kind_is_told_from_the_content_not_the_name() -> None:
    assert image_kind(PNG_HEAD + b"rest") is ImageKind.PNG
    assert image_kind(b"\xff\xd8\xff\xe0rest") is ImageKind.JPEG
    assert image_kind(SVG) is ImageKind.SVG
    assert image_kind(b'<?xml version="1.0"?>\n' + SVG) is ImageKind.SVG
    assert image_kind(b"GIF89a") is None
    assert image_kind(b"<html><body>hi</body></html>") is None


def test_a_picture_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(PNG_HEAD + b"data")
    file = read_image(tmp_path / "a.png")
    assert file.kind is ImageKind.PNG and file.data == PNG_HEAD + b"data"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.write_bytes(b"GIF89a...."), "not a PNG, JPEG or SVG picture"),
        (lambda p: p.write_bytes(b""), "not a PNG, JPEG or SVG picture"),
    ],
)
def test_what_cannot_be_shown_says_why(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "pic.png"
    make(path)  # type: ignore[operator]
    with pytest.raises(ImageProblem, match=message):
        read_image(path)


def test_a_picture_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as f:
        f.write(PNG_HEAD)
        f.truncate(MAX_IMAGE_BYTES + 1)  # sparse: no 5 MiB written
    with pytest.raises(ImageProblem, match="larger than 5 MiB"):
        read_image(path)


@pytest.mark.parametrize(
    "inside",
    [
        '<image href="/etc/passwd.png" width="5" height="5"/>',
        '<image xlink:href="photo.jpg"/>',
        "<image href = 'https://example.org/x.png'/>",
        '<rect style="fill: url(file:///tmp/x.svg#p)"/>',
        "<style>@import url(x.css);</style>",
    ],
)
def test_an_svg_that_points_outside_itself_is_refused(tmp_path: Path, inside: str) -> None:
    path = tmp_path / "pic.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{inside}</svg>', encoding="utf-8")
    with pytest.raises(ImageProblem, match="refers to another file"):
        read_image(path)


def test_an_svg_with_an_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pic.svg"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        encoding="utf-8",
    )
    with pytest.raises(ImageProblem, match="refers to another file"):
        read_image(path)


def test_an_svg_may_point_inside_itself(tmp_path: Path) -> None:
    path = tmp_path / "pic.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4" height="4"/>'
        '<use xlink:href="#g"/><image href="data:image/png;base64,AAAA"/></svg>',
        encoding="utf-8",
    )
    assert read_image(path).kind is ImageKind.SVG

"""A routine's own picture of an exercise: found beside the routine, size-limited, checked.

Only the bytes are read here (no Qt): the type is told from the content, not the name, and
an SVG that points outside itself (a linked file, a web address, an entity) is refused, so
drawing a routine's picture can never read another file or reach the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hiptimer.core.routines.pictures import MAX_IMAGE_BYTES
from hiptimer.core.safe_read import UnreadableFile, read_small_bytes, size_text
from hiptimer.i18n import _


class ImageKind(str, Enum):
    PNG = "png"
    JPEG = "jpeg"
    SVG = "svg"


@dataclass(frozen=True)
class ImageFile:
    """A picture's bytes and what kind of picture they are."""

    path: Path
    kind: ImageKind
    data: bytes


class ImageProblem(ValueError):
    """A picture that cannot be shown; the message says why, without the file name."""


# An href that stays inside the file (#id) or carries its data along (data:) is harmless.
_HREF = re.compile(r"""href\s*=\s*["']\s*(?!#|data:)""", re.IGNORECASE)
_URL = re.compile(r"url\(\s*[\"']?\s*(?!#|data:)", re.IGNORECASE)
_EXTERNAL = re.compile(r"<!ENTITY|@import", re.IGNORECASE)


def read_image(path: Path) -> ImageFile:
    """The picture at path, or ImageProblem saying what is wrong with it."""
    try:
        data = read_small_bytes(path, MAX_IMAGE_BYTES)
    except UnreadableFile as exc:
        message = str(exc)
        if "at most" in message or "larger than" in message:
            message = _("the picture is larger than {size}").format(size=size_text(MAX_IMAGE_BYTES))
        raise ImageProblem(message) from None
    kind = image_kind(data)
    if kind is None:
        raise ImageProblem(_("not a PNG, JPEG or SVG picture"))
    if kind is ImageKind.SVG:
        check_svg(data)
    return ImageFile(path, kind, data)


def image_kind(data: bytes) -> ImageKind | None:
    """PNG, JPEG or SVG, told from the first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ImageKind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return ImageKind.JPEG
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg"))
        and b"<svg" in data[:65536].lower()
    ):
        return ImageKind.SVG
    return None


def check_svg(data: bytes) -> None:
    """Refuse an SVG that is not UTF-8 or that refers to anything outside itself."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImageProblem(_("the SVG is not UTF-8 text")) from None
    if _HREF.search(text) or _URL.search(text) or _EXTERNAL.search(text):
        raise ImageProblem(
            _(
                "the SVG refers to another file or a web address; HipTimer draws only what is inside it"
            )
        )

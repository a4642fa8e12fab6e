"""Render the HipTimer icon SVGs to every PNG size, plus the .ico and .icns that installers need.

Run from anywhere: `uv run python packaging/render_icons.py`. It uses Qt's own SVG renderer
(QtSvg, which the app ships anyway), so no extra tool is needed, and writes:

* resources/icons/hicolor/<n>x<n>/apps/<APP_ID>.png, and the scalable SVG beside them
  (the freedesktop icon theme layout, for the .desktop file and Flatpak);
* resources/icons/hiptimer-256.png (window and tray icon);
* packaging/pyinstaller/hiptimer.ico and hiptimer.icns (Windows and macOS bundles; kept out
  of resources/ so the wheel does not carry them).

Sizes up to SMALL_MAX px come from hiptimer-small.svg, a simplified drawing on a 16-pixel grid
that stays legible where the full drawing turns to mush.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.hiptimer.HipTimer"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_MAX = 24
ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PYINSTALLER = ROOT / "packaging" / "pyinstaller"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk types that hold PNG data, and the pixel size of each.
# https://en.wikipedia.org/wiki/Apple_Icon_Image_format#Icon_types
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


class Renderer:
    """PNG bytes of the icon at any size, from the drawing meant for that size."""

    def __init__(self) -> None:
        self._svgs = {
            name: QSvgRenderer(str(ICONS / name)) for name in ("hiptimer.svg", "hiptimer-small.svg")
        }
        for name, svg in self._svgs.items():
            if not svg.isValid():
                raise SystemExit(f"render_icons: cannot read {ICONS / name}")
        self._cache: dict[int, bytes] = {}

    def image(self, size: int) -> QImage:
        """One square, antialiased, transparent rendering."""
        svg = self._svgs["hiptimer-small.svg" if size <= SMALL_MAX else "hiptimer.svg"]
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        svg.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return image

    def png(self, size: int) -> bytes:
        if size not in self._cache:
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not self.image(size).save(buffer, "PNG"):
                raise SystemExit(f"render_icons: cannot encode a {size} px PNG")
            buffer.close()
            self._cache[size] = bytes(data.data())
        return self._cache[size]


def ico(renderer: Renderer) -> bytes:
    """A Windows .ico whose entries are PNGs (valid since Windows Vista)."""
    pngs = [renderer.png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for size, png in zip(ICO_SIZES, pngs, strict=True):
        side = size if size < 256 else 0  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def icns(renderer: Renderer) -> bytes:
    """A macOS .icns whose chunks are PNGs (valid since OS X 10.7)."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(png)) + png
        for kind, size in ICNS_TYPES
        for png in [renderer.png(size)]
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"{len(data):>8} bytes  {path.relative_to(ROOT)}")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = Renderer()
    hicolor = ICONS / "hicolor"
    for size in SIZES:
        write(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png", renderer.png(size))
    write(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", (ICONS / "hiptimer.svg").read_bytes())
    write(ICONS / "hiptimer-256.png", renderer.png(256))
    write(PYINSTALLER / "hiptimer.ico", ico(renderer))
    write(PYINSTALLER / "hiptimer.icns", icns(renderer))
    return 0


if __name__ == "__main__":
    sys.exit(main())

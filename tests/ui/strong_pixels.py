"""How much of a picture stands out from the colour it is laid on."""

from __future__ import annotations

from PySide6.QtGui import QImage


def strong_pixels(image: QImage, back: str, step: int = 1) -> int:
    """How many of the picture's pixels (every `step`th across and down), laid on `back`,
    stand out from it at 4.5:1."""
    from array import array
    from collections import Counter

    from PySide6.QtGui import QColor

    from tests.ui.contrast import contrast

    plain = image.convertToFormat(QImage.Format.Format_ARGB32)  # each pixel 0xAARRGGBB
    width = plain.bytesPerLine() // 4
    pixels = array("I", bytes(plain.constBits()))
    seen: Counter[int] = Counter()  # a figure has few colours: each judged once
    for y in range(0, plain.height(), step):
        seen.update(pixels[y * width : y * width + plain.width() : step])
    ground = QColor(back)
    under = (ground.redF(), ground.greenF(), ground.blueF())
    count = 0
    for argb, times in seen.items():
        c = QColor.fromRgba(argb)
        a = c.alphaF()
        if a == 0:  # nothing drawn there: the ground itself
            continue
        drawn = (c.redF(), c.greenF(), c.blueF())
        mixed = QColor.fromRgbF(*(a * f + (1 - a) * g for f, g in zip(drawn, under, strict=True)))
        count += times * (contrast(mixed.name(), back) >= 4.5)
    return count

"""How large a pain chart's marks are for the number of points: on screen and on paper."""

from __future__ import annotations

# A screen's mark is read from a floor mat, paper at arm's length: 16 px on screen is 2.4 mm
# printed (the report's dots were 0.7-0.9 mm, unreadable with one or two sessions).
PAPER_MM_PER_PX = 0.15


def mark_px(count: int) -> float:
    """How wide (px) the pain chart's marks are with `count` points: readable from a floor mat
    with one or two sessions (7 px dots sat beside the dose chart's 20 px one), and still
    apart, not blobs, with many."""
    if count <= 10:
        return 16
    if count <= 40:
        return 11
    return 8 if count <= 60 else 5


def mark_mm(count: int) -> float:
    """How wide (mm) the report's chart marks are with `count` points: mark_px's rule, on paper."""
    return mark_px(count) * PAPER_MM_PER_PX

"""CPU time of the library's search field over 2,000 routines, a keystroke at a time.

The routines are read once (copies of hip-strengthening.json, each its own title and file
name); the page lists them offscreen; then a search is typed a character at a time, erased
with Backspace, and cleared, and the CPU (`time.process_time`) of each keystroke is printed:
the first (which folds every routine's words), the others, Backspace, and Esc's clearing. No
file is read while typing. CPU, not wall: the host is shared.

    uv run python bench/library_search.py [--files 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hiptimer.core.routines.loader import load_routine
from hiptimer.ui.keys import Action
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage

SOURCE = (
    Path(__file__).resolve().parent.parent / "resources" / "routines" / "hip-strengthening.json"
)
TYPED = "rotacion 1999"  # an accent not typed; the last word narrows 2,000 to one


def items(count: int) -> list[LibraryItem]:
    base = load_routine(SOURCE)
    return [
        LibraryItem(f"r{n}", f"Rotación de cadera {n}", r)
        for n in range(count)
        for r in [replace(base, id=f"r{n}", title=f"Rotación de cadera {n}",
                          path=f"/home/me/routines/phase-{n}.json")]
    ]  # fmt: skip


def cpu(action: object) -> float:
    start = time.process_time()
    action()  # type: ignore[operator]
    QApplication.processEvents()
    return time.process_time() - start


def one_round(app: QApplication, listed: list[LibraryItem]) -> dict[str, list[float]]:
    page = LibraryPage(listed)
    page.resize(1280, 700)
    page.show()
    app.processEvents()
    page.perform(Action.FIND)
    assert page.search.box is not None
    field = page.search.box.field
    times: dict[str, list[float]] = {"first": [], "next": [], "backspace": [], "esc": []}
    for n in range(1, len(TYPED) + 1):
        times["first" if n == 1 else "next"].append(cpu(lambda n=n: field.setText(TYPED[:n])))
    assert page.search.shown is not None and len(page.search.shown) == 1, page.search.shown
    for n in range(len(TYPED) - 1, 0, -1):
        times["backspace"].append(cpu(lambda n=n: field.setText(TYPED[:n])))
    times["esc"].append(cpu(lambda: page.perform(Action.CLEAR_SEARCH)))
    page.close()
    page.deleteLater()
    app.processEvents()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    listed = items(args.files)
    rounds = [one_round(app, listed) for _ in range(args.rounds)]
    print(f"{args.files} routines, {args.rounds} rounds, CPU ms a keystroke (median / max):")
    summary = []
    for kind in ("first", "next", "backspace", "esc"):
        values = [v * 1000 for r in rounds for v in r[kind]]
        med, most = statistics.median(values), max(values)
        print(f"  {kind:<10} {med:7.1f} / {most:7.1f}")
        summary.append(f"{kind} {med:.1f}/{most:.1f} ms")
    print("SUMMARY library_search: " + "; ".join(summary))


if __name__ == "__main__":
    main()

"""Every English text the built-in routines have shipped with (shipped_texts.json), so that a
rewording is caught: a user's copy saved with the former words follows the new ones only
where routines/former/<id>.json records them (hiptimer.core.routines.copy_texts).

After adding or rewording a built-in's texts (and recording any former words):
    uv run python -m tests.core.routines.shipped_texts
adds the texts shipped now to the record; it never drops one.
"""

from __future__ import annotations

import json
from pathlib import Path

from hiptimer import paths
from hiptimer.core.routines.copy_texts import english_builtin, text_places
from hiptimer.core.routines.loader import iter_routine_files

RECORD = Path(__file__).with_name("shipped_texts.json")
Texts = dict[str, list[list[str]]]  # routine id -> [where, field, text], sorted


def shipped_now(folder: Path | None = None) -> Texts:
    """Each built-in's English texts as (where, field, text)."""
    found: Texts = {}
    for path in iter_routine_files(folder or paths.builtin_routines_dir()):
        routine = english_builtin(path)
        if routine is not None:
            found[routine.id] = [list(p) for p in sorted({p for p in text_places(routine) if p[2]})]
    return found


def recorded() -> Texts:
    data: Texts = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def main() -> None:
    merged = recorded() if RECORD.exists() else {}
    for routine_id, texts in shipped_now().items():
        known = {tuple(t) for t in merged.get(routine_id, [])}
        merged[routine_id] = sorted([list(t) for t in known | {tuple(t) for t in texts}])
    blocks = []  # one text a line: a rewording shows as one line in a diff
    for routine_id, texts in sorted(merged.items()):
        lines = ",\n".join(f"  {json.dumps(t, ensure_ascii=False)}" for t in texts)
        blocks.append(f" {json.dumps(routine_id)}: [\n{lines}\n ]")
    RECORD.write_text("{\n" + ",\n".join(blocks) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Write tests/core/routines/seed_runs.txt: the hashes of every run of six words in the seed
documents, which test_fidelity.py checks the built-in routines' texts against.

uv run python scripts/seed_runs.py SEEDS_DIR   # the folder of the seed documents (*.txt)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "# Hashes of each run of six words in the seed documents (written by scripts/seed_runs.py;\n"
    "# see tests/core/routines/seed_words.py). No text of the documents is kept here.\n"
)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from tests.core.routines.seed_words import HASHES, hash_lines

    seeds = sorted(Path(argv[1]).glob("*.txt"))
    if not seeds:
        print(f"{argv[1]}: no seed documents (*.txt)", file=sys.stderr)
        return 2
    lines = hash_lines(path.read_text(encoding="utf-8") for path in seeds)
    HASHES.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{HASHES.relative_to(ROOT)}: {len(lines)} runs from {len(seeds)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Runs of six words, hashed: how the routines are checked for sentences copied from the
seed documents without keeping the documents' text in the repository."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN = 6  # words: a run this long shared with a seed is a copied phrase ("the front of the hip",
# five, is a common one)
HASHES = Path(__file__).with_name("seed_runs.txt")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped ("don’t" is "dont"), punctuation ignored."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", text.lower()))


def runs(text: str) -> Iterator[str]:
    """Each run of RUN words in `text`, joined by single spaces."""
    w = words(text)
    for i in range(len(w) - RUN + 1):
        yield " ".join(w[i : i + RUN])


def digest(run: str) -> str:
    """The run's hash as stored: 40 bits of SHA-1, enough that no text of ours meets a seed's
    run by chance (some 10 000 runs against some 7 000)."""
    return hashlib.sha1(run.encode("utf-8")).hexdigest()[:10]


def seed_hashes() -> set[str]:
    lines = HASHES.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def hash_lines(texts: Iterable[str]) -> list[str]:
    """The sorted hashes of every run in `texts`: the body of seed_runs.txt."""
    return sorted({digest(run) for text in texts for run in runs(text)})

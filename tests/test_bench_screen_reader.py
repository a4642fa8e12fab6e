"""bench/screen_reader.py reads every line Orca spoke from its debug log, a line of two
lines (a list row with its dose under the name) too."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

LOG = """\
13:59:50.910678 - SPEECH OUTPUT: 'Exercises.'{'established': False}
13:59:50.910747 - SPEECH OUTPUT: 'List with 1 item.'{'established': False}
13:59:50.910775 - SPEECH OUTPUT: '1. New exercise
                       3 x 30 s checked.'{'established': False}
13:59:50.911243 - ORCA: Region of interest: [list item | 1. New exercise
                       3 x 30 s] (0, 0)
14:00:03.968049 - SPEECH OUTPUT: 'tab ' {'established': False}
"""


@pytest.fixture
def screen_reader(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # as when run as a script: `startup` beside it
    return importlib.import_module("screen_reader")


def test_an_utterance_of_two_lines_is_heard_whole(screen_reader: ModuleType) -> None:
    # Matched a line at a time, the exercise list's row (name, then its dose) was left out:
    # the editor's list read as "Exercises. List with 1 item." and nothing more.
    assert [words for _, words in screen_reader.utterances(LOG)] == [
        "Exercises.",
        "List with 1 item.",
        "1. New exercise 3 x 30 s checked.",
        "tab ",
    ]
    assert screen_reader.utterances(LOG)[2][0] == ("13", "59", "50.910775")

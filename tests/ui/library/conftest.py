"""The library's fixtures: a large folder's read held until the test lets it end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.library.gated_read import ROUTINES, Gated, read_ended
from tests.ui.sessions import library_of


@pytest.fixture
def gated() -> Iterator[Gated]:
    read = Gated(library_of(*ROUTINES)())
    yield read
    read.release.set()  # a failed test must not leave the thread waiting
    read_ended()

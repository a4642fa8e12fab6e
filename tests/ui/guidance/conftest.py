"""The guidance tests' days of sessions: the app opened on a fresh history, closed after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.guided import Days


@pytest.fixture
def days(qtbot: QtBot) -> Iterator[Days]:
    made = Days(qtbot)
    made.open()
    yield made
    made.done()

"""Fixtures of the session page tests: the app, whose look a test may change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.looks import keep_look


@pytest.fixture
def app_look(qapp: QApplication) -> QApplication:
    """The app, whose look (theme.apply) a test may change: it comes back as the next test
    starts (tests/ui/looks.py)."""
    keep_look(qapp)
    return qapp

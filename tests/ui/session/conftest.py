"""Fixtures of the session page tests: the app, whose look a test may change; shared pages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.looks import keep_look
from tests.ui.session.shared_pages import shared_page, shared_pages
from tests.ui.shared_pool import no_idle_shared

__all__ = ["app_look", "no_idle_shared", "shared_page", "shared_pages"]


@pytest.fixture
def app_look(qapp: QApplication) -> QApplication:
    """The app, whose look (theme.apply) a test may change: it comes back as the next test
    starts (tests/ui/looks.py)."""
    keep_look(qapp)
    return qapp

"""Fixtures of the end-to-end tests: a private X server for the real app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.real_app import xvfb_display


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server, started here and stopped after the test."""
    yield from xvfb_display()

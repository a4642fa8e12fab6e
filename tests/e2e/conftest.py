"""Fixtures of the end-to-end tests: a private X server for the real app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.real_app import xvfb_display


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """One private Xvfb server for all the end-to-end tests (each finds its own app's window
    by its process id), stopped after the last of them."""
    yield from xvfb_display()

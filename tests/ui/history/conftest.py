"""Fixtures of the history window's tests: windows shared between tests that only look."""

from tests.ui.history.shared_windows import shared_window, shared_windows
from tests.ui.shared_pool import no_idle_shared

__all__ = ["no_idle_shared", "shared_window", "shared_windows"]

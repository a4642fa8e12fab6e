"""Fixtures of the history window's tests: windows shared between tests that only look."""

from tests.ui.history.shared_windows import no_idle_shared_window, shared_window, shared_windows

__all__ = ["no_idle_shared_window", "shared_window", "shared_windows"]

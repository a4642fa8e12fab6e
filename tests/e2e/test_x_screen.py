"""The tests' private X server: what the end-to-end tests rely on it to do and not to do."""

from __future__ import annotations

import pytest

from tests.e2e.x_screen import screen

pytestmark = pytest.mark.e2e


def test_a_key_held_down_is_not_repeated(display: str) -> None:
    # xdotool presses and releases a key by two requests; on a loaded host the release came
    # after the server's repeat delay, and the repeated Escape asked "End the session?" again
    # just after the first Escape closed it (the README-keys walk failed so).
    assert not screen(display).repeats_keys()

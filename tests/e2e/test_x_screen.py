"""The tests' private X server: what the end-to-end tests rely on it to do and not to do."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.e2e.real_app import WAIT_S
from tests.e2e.x_screen import screen

pytestmark = pytest.mark.e2e


def test_a_key_held_down_is_not_repeated(display: str) -> None:
    # xdotool presses and releases a key by two requests; on a loaded host the release came
    # after the server's repeat delay, and the repeated Escape asked "End the session?" again
    # just after the first Escape closed it (the README-keys walk failed so).
    assert not screen(display).repeats_keys()


def test_a_key_left_held_down_is_released(display: str) -> None:
    # xdotool's `key --window` pressed Enter on a dialog by XTEST and, the dialog closed by
    # then, sent its release to the gone window: the server held Return down and, repeating
    # no key, dropped the next Enter (the resume offer's, in the next test). The tests'
    # xdotool releases what a key leaves held.
    shown = screen(display)
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "keydown", "Return"], env=env, check=True, timeout=WAIT_S)
    held = shown.keys_down()  # a press with no release, as that xdotool left it
    assert len(held) == 1
    assert shown.release_keys() == held
    assert shown.keys_down() == []

"""The README's menu shortcuts typed as a person types them, on an X server with no window manager."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.real_app import WAIT_S, RealApp, wait_until

pytestmark = pytest.mark.e2e


def typed(app: RealApp, keys: str) -> None:
    """Keys as the keyboard sends them (XTEST, to whichever window has the keyboard), with no
    `windowfocus` first: nothing but the app itself gives its window the keyboard here."""
    subprocess.run(["xdotool", "key", keys], env=app.env, check=True, timeout=WAIT_S)
    time.sleep(0.15)


def wait_gone(app: RealApp, name: str) -> None:
    wait_until(
        lambda: not app.windows(name),
        lambda: (
            f"{name!r} is still on screen, {app.screen.focused_name()!r} has the keyboard;"
            f" the app said:\n{app.output()}"
        ),
    )


@contextmanager
def muted_app(display: str, tmp_path: Path) -> Iterator[RealApp]:
    """The app, muted, on its safety notice with the keyboard; stopped after the block."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"muted": True}), encoding="utf-8")
    app = RealApp(display, data, None)
    try:
        app.wait_title(r"^HipTimer$")  # the safety notice
        app.wait_keyboard("HipTimer")  # mapped is not yet focused: the app takes it itself
        yield app
    finally:
        app.stop()


def size(app: RealApp) -> tuple[int, int]:
    return app.screen.size(app.window)


def wait_size(app: RealApp, wanted: tuple[int, int]) -> None:
    wait_until(lambda: size(app) == wanted, lambda: f"the window is {size(app)}, not {wanted}")


def closed_by(app: RealApp, name: str, keys: str) -> None:
    """`keys` typed into the window `name` once it has the keyboard; until it is gone."""
    app.wait_keyboard(name)
    typed(app, keys)
    wait_gone(app, name)


def test_each_menu_key_reaches_its_window_and_the_keyboard_comes_back_as_it_closes(
    display: str, tmp_path: Path
) -> None:
    # One app start for what were four (each ~0.7 s of CPU and 1-2 s of wall to its window):
    # each step below starts where a person would be after the one before, with no window
    # manager to hand the keyboard back, so each also shows the keyboard came back.
    with muted_app(display, tmp_path) as app:
        # F1 and Ctrl+H work from the start, and again after a window closes.
        typed(app, "F1")  # the README: "F1 / Ctrl+? | the keyboard shortcuts window"
        app.dialog("Keyboard shortcuts")
        closed_by(app, "Keyboard shortcuts", "Escape")
        typed(app, "ctrl+h")  # the main window has the keyboard again
        app.dialog("History")
        closed_by(app, "History", "Escape")

        # F11 fills the screen and gives the window back its size. Qt leaves full screen to
        # a window manager: with none, F11 did nothing at all.
        whole = app.screen.screen_size()
        normal = size(app)
        assert normal != whole
        typed(app, "F11")  # the main window has the keyboard after the history closed
        wait_size(app, whole)
        typed(app, "F11")
        wait_size(app, normal)

        # The editor takes the keyboard and Ctrl+W closes it.
        typed(app, "Return")  # past the safety notice, to the library
        typed(app, "ctrl+n")  # "write a new routine"
        app.dialog("Edit routine")
        # "Close the editor (asks if changes are not saved)": none made.
        closed_by(app, "Edit routine", "ctrl+w")
        typed(app, "F1")  # and the main window has the keyboard again
        app.dialog("Keyboard shortcuts")
        closed_by(app, "Keyboard shortcuts", "Escape")

        # The editor keeps the keyboard after its question is cancelled: it went to the
        # library behind the editor, Ctrl+W did nothing, and Enter started a session that
        # the editor hid.
        typed(app, "ctrl+n")
        app.dialog("Edit routine")
        app.wait_keyboard("Edit routine")
        typed(app, "space")  # the exercise list has the focus: its tick box, a change
        typed(app, "ctrl+w")  # "asks if changes are not saved"
        app.dialog("Unsaved changes")
        closed_by(app, "Unsaved changes", "Escape")  # cancel: keep editing
        app.wait_keyboard("Edit routine")

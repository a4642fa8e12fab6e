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


def test_f1_and_ctrl_h_work_from_the_start_and_again_after_a_window_closes(
    display: str, tmp_path: Path
) -> None:
    with muted_app(display, tmp_path) as app:
        typed(app, "F1")  # the README: "F1 / Ctrl+? | the keyboard shortcuts window"
        app.dialog("Keyboard shortcuts")
        app.wait_keyboard("Keyboard shortcuts")
        typed(app, "Escape")
        wait_gone(app, "Keyboard shortcuts")
        typed(app, "ctrl+h")  # the main window has the keyboard again
        app.dialog("History")


def test_the_editor_takes_the_keyboard_and_ctrl_w_closes_it(display: str, tmp_path: Path) -> None:
    with muted_app(display, tmp_path) as app:
        typed(app, "Return")  # past the safety notice, to the library
        typed(app, "ctrl+n")  # "write a new routine"
        app.dialog("Edit routine")
        app.wait_keyboard("Edit routine")
        typed(app, "ctrl+w")  # "close the editor (asks if changes are not saved)": none made
        wait_gone(app, "Edit routine")
        typed(app, "F1")  # and the main window has the keyboard again
        app.dialog("Keyboard shortcuts")


def test_the_editor_keeps_the_keyboard_after_its_question_is_cancelled(
    display: str, tmp_path: Path
) -> None:
    # The keyboard went to the library behind the editor: Ctrl+W did nothing, and Enter
    # started a session that the editor hid.
    with muted_app(display, tmp_path) as app:
        typed(app, "Return")  # past the safety notice, to the library
        typed(app, "ctrl+n")
        app.dialog("Edit routine")
        app.wait_keyboard("Edit routine")
        typed(app, "space")  # the exercise list has the focus: its tick box, a change
        typed(app, "ctrl+w")  # "asks if changes are not saved"
        app.dialog("Unsaved changes")
        app.wait_keyboard("Unsaved changes")
        typed(app, "Escape")  # cancel: keep editing
        wait_gone(app, "Unsaved changes")
        app.wait_keyboard("Edit routine")


def size(app: RealApp) -> tuple[int, int]:
    return app.screen.size(app.window)


def wait_size(app: RealApp, wanted: tuple[int, int]) -> None:
    wait_until(lambda: size(app) == wanted, lambda: f"the window is {size(app)}, not {wanted}")


def test_f11_fills_the_screen_and_gives_the_window_back_its_size(
    display: str, tmp_path: Path
) -> None:
    # Qt leaves full screen to a window manager: with none, F11 did nothing at all.
    with muted_app(display, tmp_path) as app:
        whole = app.screen.screen_size()
        normal = size(app)
        assert normal != whole
        typed(app, "F11")
        wait_size(app, whole)
        typed(app, "F11")
        wait_size(app, normal)

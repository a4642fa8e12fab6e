"""The real app as a subprocess in a private Xvfb: looked at over one X connection, typed into
with xdotool."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.x_screen import close_screen, screen

WAIT_S = 30.0
POLL_S = 0.05


def muted_folder_with(tmp_path: Path, routine: dict[str, Any], file_name: str) -> tuple[Path, Path]:
    """A muted data folder past the first-run notice, and `routine` written beside it as
    `file_name`: (the data folder, the routine file)."""
    data = tmp_path / "data"
    data.mkdir()
    settings = {"muted": True, "first_run_done": True}
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    path = tmp_path / file_name
    path.write_text(json.dumps(routine), encoding="utf-8")
    return data, path


def leave_out(log: str, since: int, prefix: str) -> str:
    """`log` without its lines from offset `since` on that start with `prefix`, the last of
    them kept and the others counted: a wait's Shift presses filled the 4,000 characters a
    failure shows, which then could not say where the keys before it went."""
    later = log[since:].splitlines(keepends=True)
    dropped = [line for line in later if line.startswith(prefix)]
    if len(dropped) < 2:
        return log
    kept = [line for line in later if not line.startswith(prefix)]
    note = f"({len(dropped) - 1} more lines {prefix!r}... of the wait left out; the last:)\n"
    return log[:since] + "".join(kept) + note + dropped[-1]


def wait_until(
    done: Callable[[], object],
    what: Callable[[], str] | str,
    timeout: float = WAIT_S,
    pause: Callable[[float], object] = time.sleep,
) -> None:
    """Poll done() until it is true; fail after `timeout` s with `what` (a callable is asked
    only then, for the state at the moment of failing). The one wait of the e2e tests: each
    polls what it waits for, with a generous timeout, instead of sleeping a fixed time.
    `pause` between two looks: a Screen's pause looks again as soon as the title changes."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(what() if callable(what) else what)
        pause(POLL_S)


# No key repeat (-r): see xvfb_display.
XVFB_OPTIONS = ("-screen", "0", "1280x800x24", "-nolisten", "tcp", "-r")


def xvfb_display() -> Iterator[str]:
    """A private Xvfb server, started here and stopped after the test (a fixture body).

    Xvfb picks a free display number itself and writes it to a pipe (-displayfd) once it
    takes connections: test workers started at the same moment never race for one number.
    Its keys do not repeat (-r): a key xdotool typed is pressed and released by two requests,
    and on a loaded host the release came more than the server's 660 ms repeat delay after the
    press, so the key was pressed again. Escape closed "End the session?" and its repeat asked
    it again (the README-keys walk failed so, "Escape left 'End the session?' open").
    """
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (apt install xvfb xdotool)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), *XVFB_OPTIONS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    number = ""
    try:
        with os.fdopen(read_end) as reply:
            ready, _, _ = select.select([reply], [], [], 10)
            number = reply.readline().strip() if ready else ""
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start (exit code {server.poll()})")
        yield f":{number}"
    finally:
        close_screen(f":{number}")
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class RealApp:
    """The app as a subprocess, its windows found and read on the worker's X connection
    (x_screen), and xdotool to type into them.

    `log_name` keeps each run's output apart when one test starts the app twice; `log_dir`
    puts it elsewhere than the data folder (one that cannot be written, say). Each finds its
    own process's window, so another copy's window on the same screen is never taken.
    """

    def __init__(
        self,
        display: str,
        data_dir: Path,
        routine: Path | None,
        *,
        start: bool = True,
        log_name: str = "app.log",
        log_dir: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.display = display
        self.screen = screen(display)
        # HIPTIMER_KEY_TRACE: each key press on the app's output, for a failure's message to
        # say where a lost key went (hiptimer/ui/key_trace.py).
        self.env = {
            **os.environ, **(env or {}), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
            "HIPTIMER_KEY_TRACE": "1",
        }  # fmt: skip
        self.env.pop("HIPTIMER_HOME", None)
        self.log = (log_dir or data_dir) / log_name
        self._log_file = self.log.open("w")
        command = [sys.executable, "-m", "hiptimer", "--data-dir", str(data_dir)]
        if routine is not None:  # else the library opens
            command += ["--routine", str(routine)] + (["--start"] if start else [])
        self.process = subprocess.Popen(
            command, env=self.env, stdout=self._log_file, stderr=subprocess.STDOUT
        )
        self.window = self._find_window()

    def xdotool(self, *args: str, timeout: float = 10) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if args[0] == "key":  # none left held down for the next key (Screen.release_keys)
            self.screen.release_keys()
        return result.stdout.strip()

    def _find_window(self) -> str:
        """The app's main window: of its visible windows named HipTimer, the largest, as a
        dialog (or a window Qt briefly maps while it starts) may match too."""
        found: list[str] = []

        def shown() -> bool:
            found[:] = self.windows("HipTimer")
            return bool(found)

        wait_until(shown, lambda: f"no HipTimer window appeared; the app said:\n{self.output()}")
        window = max(found, key=self._area)
        self.screen.watch(window)  # wait_title looks again as the title changes
        return window

    def _area(self, window: str) -> int:
        width, height = self.screen.size(window)
        return width * height

    def title(self) -> str:
        title = self.screen.name(self.window)
        if not title and self.process.poll() is None:
            # The window we knew is gone while the app runs: Qt made a new native window
            # for it (it does so when a window's surface changes). Find it again.
            self.window = self._find_window()
            title = self.screen.name(self.window)
        return title

    def wait_title(self, pattern: str, timeout: float = WAIT_S) -> str:
        title = ""

        def matched() -> bool:
            nonlocal title
            title = self.title()
            if self.process.poll() is not None and not re.search(pattern, title):
                pytest.fail(f"the app ended, title {title!r}; it said:\n{self.output()}")
            return re.search(pattern, title) is not None

        wait_until(
            matched,
            lambda: (
                f"title never matched {pattern!r} (last: {title!r}); app said:\n" + self.output()
            ),
            timeout,
            self.screen.pause,
        )
        return title

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--window", self.window, key)
            time.sleep(0.15)

    def shortcut(self, keys: str) -> None:
        """A menu shortcut such as ctrl+q: typed as real key presses (XTEST) into the focused
        window, as Qt's shortcuts want an active window, which `key --window` does not give."""
        self.xdotool("windowfocus", "--sync", self.window)
        self.xdotool("key", "--clearmodifiers", keys)
        time.sleep(0.15)

    def windows(self, name: str) -> list[str]:
        """The visible windows (a dialog, say) of this app whose title contains `name`."""
        return self.screen.windows(self.process.pid, name)

    def wait_keyboard(self, name: str) -> str:
        """Until this app's window whose title contains `name` has the keyboard, in the app
        as well as in the X server; the window's id.

        The server gives a window the keyboard when the app asks, and the app takes that in
        later, most of all on a busy machine: an Escape typed on the editor's "Unsaved
        changes" as soon as the server gave it the keyboard was lost once in about six e2e
        runs here (the question left open, the app silent). So a Shift, which no window acts
        on, is typed until Qt stamps this window with it: Qt sets a window's
        _NET_WM_USER_TIME to the time of each key press it hands that window."""
        window = ""

        def focused() -> bool:
            nonlocal window
            window = self.screen.focused()
            return bool(window) and name in self.screen.name(window)

        wait_until(
            focused, lambda: f"{name!r} never had the keyboard ({self.screen.focused_name()!r} has)"
        )
        self.screen.watch(window)  # a stamp ends the pause between two looks
        stamp, typed = self.screen.user_time(window), 0.0

        def reached() -> bool:
            nonlocal typed
            if self.screen.user_time(window) != stamp:
                return True
            if time.monotonic() - typed > 1.0:  # again, a second apart: it went elsewhere
                self.xdotool("key", "shift")
                typed = time.monotonic()
            return False

        wait_until(
            reached,
            lambda: (
                f"keys never reached {name!r}, which the X server gives the keyboard"
                f" ({self.screen.focused_name()!r} has it now); the app said:\n{self.output()}"
            ),
            pause=self.screen.pause,
        )
        return window

    def dialog(self, name: str) -> str:
        """The id of a window (a dialog) of this app whose title contains `name`."""
        found: list[str] = []

        def shown() -> bool:
            found[:] = self.windows(name)
            return bool(found)

        wait_until(shown, lambda: f"no window named {name!r}; the app said:\n{self.output()}")
        return found[0]

    def quit(self) -> None:
        """Ctrl+Q, then Q in the question it asks (Quit), as a person would."""
        self.shortcut("ctrl+q")
        self.dialog("Quit?")
        self.xdotool("key", "--window", self.wait_keyboard("Quit?"), "q")

    def screenshot(self, path: Path) -> None:
        """The whole screen (the window fills it) as a PNG, by ImageMagick's import, once it
        stops changing: the title changes before the new page is drawn (resume.png once showed
        the empty library)."""
        if shutil.which("import") is None:
            pytest.skip("needs ImageMagick's import for screenshots")
        last = b""
        for _ in range(20):
            subprocess.run(
                ["import", "-display", self.display, "-window", "root", str(path)],
                check=True,
                timeout=WAIT_S,
            )
            shot = path.read_bytes()
            if shot == last:
                return
            last = shot

    def output(self, *, since: int = 0, leaving_out: str = "") -> str:
        """The end of what the app said, for a failure's message; with `leaving_out`, the
        lines that start so from offset `since` on (a wait's own key presses) left out."""
        said = self.said()
        return (leave_out(said, since, leaving_out) if leaving_out else said)[-4000:]

    def said(self) -> str:
        """All the app said so far, for a test to look in: a line early in a long log (Qt's
        own, say) is not cut off as in output()."""
        if not self._log_file.closed:
            self._log_file.flush()
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no handler, no clean-up, no last write; like a crash or a power cut."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=WAIT_S)
        self._log_file.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self._log_file.closed:
            self._log_file.close()

"""What the end-to-end tests look at on their X server (windows, titles, sizes, the keyboard),
read over one long-lived connection instead of an xdotool process per look."""

from __future__ import annotations

import select

from Xlib import X, Xatom
from Xlib.display import Display
from Xlib.error import XError
from Xlib.ext import xtest
from Xlib.xobject.drawable import Window

# A look is a few requests on a connection each worker opens once (python-xlib, pure Python):
# ~0.2 ms of the test process's CPU, where each xdotool process cost ~5 ms; the tests look 20
# times a second while they wait, and the suite spent 4-5 s of CPU in those processes
# (docs/performance.md, session 17). Keys are still typed by xdotool: they are few.


class Screen:
    """The X server at `display`, as the tests see it. Window ids are xdotool's (decimal
    text), so that a window found here can be handed to xdotool to type into.

    A window that closes between two requests is taken as gone: no name, no size, not found.
    """

    def __init__(self, display: str) -> None:
        self._x = Display(display)
        self._root = self._x.screen().root
        self._pid = self._x.intern_atom("_NET_WM_PID")
        self._net_name = self._x.intern_atom("_NET_WM_NAME")
        self._utf8 = self._x.intern_atom("UTF8_STRING")
        self._user_time = self._x.intern_atom("_NET_WM_USER_TIME")

    def close(self) -> None:
        self._x.close()

    def watch(self, window: str) -> None:
        """Have pause() end as soon as a property (the title) of `window` changes."""
        try:
            self._window(window).change_attributes(event_mask=X.PropertyChangeMask)
            self._x.sync()
        except XError:
            pass  # closed meanwhile

    def pause(self, seconds: float) -> None:
        """Sleep `seconds`, or less: until a window watched changes. A wait on the title then
        looks again as it changes, not up to a poll's interval later."""
        if not self._events():
            select.select([self._x.fileno()], [], [], seconds)
            self._events()

    def _events(self) -> bool:
        """Take the events come (so far), if any."""
        came = False
        while self._x.pending_events():
            self._x.next_event()
            came = True
        return came

    def windows(self, pid: int, name: str) -> list[str]:
        """The visible top-level windows of process `pid` whose title contains `name`, bottom
        to top. (With no window manager an app's windows are the root window's children.)"""
        found = []
        for window in self._root.query_tree().children:
            try:
                owner = window.get_full_property(self._pid, Xatom.CARDINAL)
                if owner is None or owner.value[0] != pid:
                    continue
                if window.get_attributes().map_state != X.IsViewable:
                    continue
            except XError:
                continue  # closed meanwhile
            if name in self._name(window):
                found.append(str(window.id))
        return found

    def name(self, window: str) -> str:
        """The window's title; empty once it is gone."""
        return self._name(self._window(window))

    def size(self, window: str) -> tuple[int, int]:
        """The window's width and height; (0, 0) once it is gone."""
        try:
            geometry = self._window(window).get_geometry()
        except XError:
            return 0, 0
        return geometry.width, geometry.height

    def screen_size(self) -> tuple[int, int]:
        screen = self._x.screen()
        return screen.width_in_pixels, screen.height_in_pixels

    def focused_name(self) -> str:
        """The title of the window that has the keyboard ("" if none has)."""
        return self.name(self.focused()) if self.focused() else ""

    def focused(self) -> str:
        """The window that has the keyboard ("" if none has). The focus may sit on a child of
        a top-level window: its nearest titled ancestor."""
        window = self._x.get_input_focus().focus
        while isinstance(window, Window) and window.id != self._root.id:
            if self._name(window):
                return str(window.id)
            try:
                window = window.query_tree().parent
            except XError:
                return ""
        return ""

    def repeats_keys(self) -> bool:
        """Whether the server repeats a key held down (the e2e tests' server must not)."""
        return bool(self._x.get_keyboard_control().global_auto_repeat)

    def keys_down(self) -> list[int]:
        """The keycodes the server holds down now."""
        held = self._x.query_keymap()
        return [i * 8 + bit for i, byte in enumerate(held) for bit in range(8) if byte >> bit & 1]

    def release_keys(self) -> list[int]:
        """Release, as a keyboard would (XTEST), every key the server holds down; the keycodes.

        xdotool's `key --window W` asks for each press and each release whether W has the
        keyboard: if so it types by XTEST, else it sends the event to W (XSendEvent), which
        the server's keyboard never sees. A key that closes W on its press (Enter on "Keep
        these doses?") was pressed by XTEST and released by XSendEvent to the gone window: the
        server held it down, and, as it repeats no key (-r), dropped its next press. The
        next test's first Enter on "Resume your session?" was lost so (keycode 36 held down
        as it was typed), and a second one, whose release came by XTEST, worked."""
        held = self.keys_down()
        for code in held:
            xtest.fake_input(self._x, X.KeyRelease, code)
        self._x.sync()
        return held

    def user_time(self, window: str) -> int:
        """The window's _NET_WM_USER_TIME (0 if none): Qt stamps it with the X time of each
        key press it hands to that window, and of each time it activates it."""
        try:
            stamp = self._window(window).get_full_property(self._user_time, Xatom.CARDINAL)
        except XError:
            return 0
        return int(stamp.value[0]) if stamp is not None else 0

    def _window(self, window: str) -> Window:
        return self._x.create_resource_object("window", int(window))

    def _name(self, window: Window) -> str:
        try:
            title = window.get_full_property(self._net_name, self._utf8)
            if title is not None:
                return bytes(title.value).decode("utf-8", errors="replace")
            legacy = window.get_wm_name()
        except XError:
            return ""
        return legacy if isinstance(legacy, str) else ""


_OPEN: dict[str, Screen] = {}


def screen(display: str) -> Screen:
    """The worker's one connection to `display`, opened on first use."""
    if display not in _OPEN:
        _OPEN[display] = Screen(display)
    return _OPEN[display]


def close_screen(display: str) -> None:
    """Close the connection to `display`, if one was opened (before its server stops)."""
    opened = _OPEN.pop(display, None)
    if opened is not None:
        opened.close()

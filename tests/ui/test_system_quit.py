"""SystemQuit: a termination signal or the desktop's logout becomes one request, at once."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.ui.system_quit import SystemQuit


@pytest.fixture
def quitter(qapp: QApplication) -> Iterator[SystemQuit]:
    before = signal.getsignal(signal.SIGTERM)
    made = SystemQuit(qapp, [signal.SIGTERM])
    yield made
    made.uninstall()
    assert signal.getsignal(signal.SIGTERM) is before  # the old handler is back


def test_sigterm_is_delivered_through_the_event_loop(qtbot: QtBot, quitter: SystemQuit) -> None:
    with qtbot.waitSignal(quitter.requested, timeout=5000) as got:
        os.kill(os.getpid(), signal.SIGTERM)
    assert got.args == ["SIGTERM"]


def test_the_desktops_logout_is_a_request_too(qtbot: QtBot, quitter: SystemQuit) -> None:
    # QSessionManager cannot be made outside a real session manager (emitting
    # commitDataRequest with None crashes), so the slot it is connected to is called.
    with qtbot.waitSignal(quitter.requested, timeout=1000) as got:
        quitter.logout(None)
    assert got.args == ["logout"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGHUP])
def test_ctrl_c_and_a_hang_up_are_requests_too(
    qtbot: QtBot, qapp: QApplication, signum: signal.Signals
) -> None:
    quitter = SystemQuit(qapp)  # the signals the app handles
    try:
        with qtbot.waitSignal(quitter.requested, timeout=5000) as got:
            os.kill(os.getpid(), signum)
    finally:
        quitter.uninstall()
    assert got.args == [signum.name]


def test_uninstalled_twice_it_closes_no_other_file(qapp: QApplication) -> None:
    # Its wakeup ends are a pipe's plain numbers (no socket before the first paint): a second
    # close must not close files opened since under the numbers they were given back.
    before = signal.getsignal(signal.SIGTERM)
    quitter = SystemQuit(qapp, [signal.SIGTERM])
    quitter.uninstall()
    reader, writer = os.pipe()  # most likely the numbers just freed
    try:
        quitter.uninstall()
        os.write(writer, b"x")
        assert os.read(reader, 1) == b"x"
    finally:
        os.close(reader)
        os.close(writer)
    assert signal.getsignal(signal.SIGTERM) is before

"""A wait's own key presses are left out of the app's log a failure shows (its last 4,000
characters), so that it still says where the keys before the wait went."""

from __future__ import annotations

from tests.e2e.real_app import leave_out


def test_a_waits_shift_presses_leave_the_keys_before_it_in_the_message() -> None:
    before = "key V to MainWindow, focus LibraryPage\n"
    log = before + "".join(f"key Shift to MainWindow, focus SummaryPage {n}\n" for n in range(300))
    shown = leave_out(log, len(before), "key Shift")[-4000:]
    assert shown.startswith(before)  # where V went
    assert shown.endswith("key Shift to MainWindow, focus SummaryPage 299\n")  # the last Shift
    assert "299 more lines" in shown


def test_lines_before_the_wait_and_other_lines_stay() -> None:
    log = "key Shift early\nqt: a warning\n"
    later = "key Shift 1\nstep shown\nkey Shift 2\n"
    assert leave_out(log + later, len(log), "key Shift") == (
        log
        + "step shown\n(1 more lines 'key Shift'... of the wait left out; the last:)\nkey Shift 2\n"
    )
    assert leave_out(log, len(log), "key Shift") == log  # nothing to leave out

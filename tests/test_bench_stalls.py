"""The benches' tick meters on a host so loaded that their timer never ticked: the wait
counts up to the end, and the table says "no tick recorded" instead of a traceback from
`max()` of an empty list (bench/history_scale.py stopped so in 3 of 7 runs, session 17)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QApplication

from tests.bench_scripts import bench


def test_the_longest_gap_counts_the_wait_up_to_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    lib = bench("benchlib", monkeypatch)
    assert lib.longest_gap(10.0, [], 15.2) == pytest.approx(5.2)  # never ticked: all of it
    assert lib.longest_gap(0.0, [0.005, 0.01], 0.5) == pytest.approx(0.49)  # stalled at the end
    assert lib.longest_gap(0.0, [0.3, 0.305], 0.31) == pytest.approx(0.3)
    assert lib.no_tick_text(0, 5.24) == " (no tick recorded in 5.2 s)"
    assert lib.no_tick_text(1, 5.24) == ""


def test_history_scale_notes_a_step_with_no_sample_as_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    scale = bench("history_scale", monkeypatch)
    rows: list[tuple[str, float, float, str]] = []
    scale.note(rows, "choose an exercise", [], "<= 200")  # was max() of an empty list
    ((step, median, p95, target),) = rows
    assert (step, target) == ("choose an exercise", "<= 200")
    assert math.isnan(median) and math.isnan(p95)


def test_a_stall_meter_that_never_ticked_gives_the_whole_wait(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    speech = bench("speech_responsiveness", monkeypatch)
    meter = speech.StallMeter()
    meter.start()  # no event processed before stop(): the GUI thread was busy all along
    gaps = meter.stop()
    assert len(gaps) == 1 and gaps[0] >= 0
    session = {"idle_gaps": gaps, "gaps": gaps, "routine": "r", "idle_causes": {},
               "stall_causes": {}, "busy_gaps": [], "gc_ms": [], "cpu": "", "stall_samples": [],
               "steps": [], "queue_ms": [], "phrases": 0, "seconds": 1.0, "says": 0,
               "handed": 0, "dropped": 0, "unavailable": ""}  # fmt: skip
    burst = {"phrases": 0, "gaps": [], "handed": 0, "seconds": 1.0, "ms_per_phrase": 0.0}
    speech.print_results(session, burst, "paced")  # max() of the burst's empty gaps raised
    out = capsys.readouterr().out
    assert "no tick recorded in" in out and "SUMMARY speech: GUI stall max" in out

"""A routine's length as `hiptimer list`, `hiptimer show` and the library give it: one figure
while the voice speaks and while sound is off, and `show` names both where they differ."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.cli.main import main
from hiptimer.core.routines.model import Rests, SideMode, estimated_seconds, format_duration
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.session.lead_ins import estimate_for
from tests.harness import hold, reps, routine
from tests.ui.sessions import FakeSpeech, fake_services

# A lead-in of 1 s before an exercise with three setup steps to read: 3 min with the voice,
# 2 min without it.
WORDY = routine(
    hold("bridge", hold_s=30, sets=2),
    reps(
        "clam",
        n=10,
        sides=SideMode.EACH,
        setup=("Lie on your side with your knees bent and together.",) * 3,
    ),
    rests=Rests(get_ready_s=1, between_sets_s=20, between_sides_s=5, after_exercise_s=1),
    id="wordy",
    title="Wordy",
)


def printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def listed_time(capsys: pytest.CaptureFixture[str]) -> str:
    header, *rows = printed(capsys, "list").splitlines()
    (row,) = [line for line in rows if line.startswith("wordy")]
    return row[header.index("TIME") : header.index("EXERCISES")].strip()


def shown_total(capsys: pytest.CaptureFixture[str]) -> str:
    lines = printed(capsys, "show", "wordy").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Estimated total: "))
    return " ".join(line.strip() for line in lines[start:])


def library_time(voice_works: bool) -> str:
    services = fake_services()
    assert isinstance(services.speech, FakeSpeech)
    services.speech.works = voice_works
    return format_duration(estimate_for(SettingsStore().settings, services)(WORDY))


@pytest.fixture
def wordy(data_home: Path) -> Path:
    save_routine(WORDY, paths.user_routines_dir() / "wordy.json")
    return data_home


def test_list_show_and_a_library_with_a_voice_give_one_length(
    capsys: pytest.CaptureFixture[str], wordy: Path, qapp: object
) -> None:
    assert format_duration(estimated_seconds(WORDY)) == "2 min"  # every pause as written
    assert listed_time(capsys) == library_time(voice_works=True) == "3 min"
    assert shown_total(capsys) == (
        "Estimated total: 3 min with the voice reading each lead-in, 2 min muted or without a"
        " voice (get-ready and rests included)"
    )
    # Without a voice the library gives what `show` gives as "without a voice"; `list` cannot
    # know whether the window's voice will play (its --help says what it counts).
    assert library_time(voice_works=False) == "2 min"


def test_with_sound_off_all_give_every_pause_as_written(
    capsys: pytest.CaptureFixture[str], wordy: Path, qapp: object
) -> None:
    (wordy / "settings.json").write_text(json.dumps({"muted": True}))
    assert listed_time(capsys) == library_time(voice_works=True) == "2 min"
    assert shown_total(capsys) == (
        "Estimated total: 2 min with sound off, as set; 3 min with the voice reading each"
        " lead-in (get-ready and rests included)"
    )


def test_list_and_show_say_in_their_help_what_a_length_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("list", "show"):
        said = " ".join(printed(capsys, command, "--help").split())
        assert "as long as the voice needs to read them" in said
        assert "with sound off in the settings, every pause lasts as written" in said

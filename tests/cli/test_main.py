"""Tests for the `hiptimer` command line, run in-process (and once as a real process)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.cli.main import command_named, main
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.read_apart import MANY_FILES


def routine_data(rid: str, title: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": rid,
        "title": title,
        "exercises": [
            {"id": "bridge", "name": "Bridge", "kind": "hold", "hold_s": 30, "sets": 2},
            {
                "id": "clam",
                "name": "Clamshell",
                "kind": "reps",
                "reps": 10,
                "sides": "each",
                "setup": ["Lie on your side."],
            },
        ],
    }
    data.update(extra)
    return data


def all_left_out(rid: str, title: str) -> dict[str, Any]:
    """A routine whose every exercise says "enabled": false: valid, with nothing to start."""
    data = routine_data(rid, title)
    for exercise in data["exercises"]:
        exercise["enabled"] = False
    return data


def write(folder: Path, name: str, content: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def builtin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stand-in built-ins, so the tests do not depend on the shipped routines."""
    folder = tmp_path / "builtin"
    write(
        folder,
        "hip-basics.json",
        routine_data(
            "hip-basics",
            "Hip basics",
            description="Two gentle moves.",
            cautions=["Stop if it hurts."],
            schedule={"min_per_week": 3, "max_per_week": 4},
        ),
    )
    write(
        folder, "daily.json", routine_data("daily", "Daily stretch", schedule={"min_per_week": 7})
    )
    monkeypatch.setattr(paths, "builtin_routines_dir", lambda: folder)
    return folder


@pytest.fixture
def user_dir(data_home: Path) -> Path:
    return data_home / "routines"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------- basics


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, "hiptimer 0.1.0\n", "")


def test_help_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("list", "show", "validate", "--data-dir", "--routine", "--start"):
        assert word in out


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["--no-such-option"],
        ["show"],
        ["--start"],
        ["--routine", "daily", "list"],
        ["list", "extra"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert "usage: hiptimer" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["show", "week", "extra"], "usage: hiptimer show "),
        (["list", "extra"], "usage: hiptimer list "),
        (["history", "list", "more"], "usage: hiptimer history list "),
        (["--no-such-option"], "usage: hiptimer [-h]"),  # no command: the top level's
    ],
)
def test_an_argument_a_command_does_not_take_is_said_with_its_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and err.startswith(usage)
    assert err.rstrip().endswith("error: unrecognized arguments: " + argv[-1])


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--routine", "list"], None),  # a routine named "list", not the command
        (["--data-dir", "show", "list"], "list"),
        (["--start", "--routine", "x"], None),
        (["history", "list"], "history"),
        (["--", "show"], "show"),
    ],
)
def test_the_command_named_is_found_past_options_and_their_values(
    argv: list[str], command: str | None
) -> None:
    assert command_named(argv) == command


def test_opening_the_window_builds_no_command_and_imports_no_history() -> None:
    # The window's start-up pays only for what it uses: no subcommand, no history store, no
    # cue wording or session engine (the `list` and `cues` commands' voice rule).
    code = (
        "import sys\n"
        "from hiptimer.cli.main import parser_for\n"
        "parser = parser_for([])\n"
        "print(sorted(m for m in sys.modules if m.startswith('hiptimer.cli.history')"
        " or m.startswith(('hiptimer.core.history', 'hiptimer.core.voice', 'hiptimer.core.session'))"
        " or m == 'hiptimer.cli.voice_rule'))\n"
        "print(parser_for(['list']).parse_args(['list']).command)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n")[:2] == ["[]", "list"]


# ---------------------------------------------------------------- opening the window


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Routine | None, bool]]:
    calls: list[tuple[Routine | None, bool]] = []
    module = types.ModuleType("hiptimer.ui.app")

    def run_app(routine: Routine | None = None, start: bool = False, in_tray: bool = False) -> int:
        calls.append((routine, start) if not in_tray else (routine, start, "in tray"))  # type: ignore[arg-type]
        return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hiptimer.ui.app", module)
    return calls


def test_no_command_opens_the_window(
    capsys: pytest.CaptureFixture[str], fake_app: list[tuple[Routine | None, bool]]
) -> None:
    assert run(capsys) == (0, "", "")
    assert fake_app == [(None, False)]


def test_in_tray_reaches_the_window(
    capsys: pytest.CaptureFixture[str], fake_app: list[tuple[Routine | None, bool]]
) -> None:
    assert run(capsys, "--in-tray") == (0, "", "")
    assert fake_app == [(None, False, "in tray")]  # type: ignore[comparison-overlap]


def test_routine_and_start_reach_the_window(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    assert run(capsys, "--routine", "daily", "--start")[0] == 0
    ((routine, start),) = fake_app
    assert routine is not None and routine.id == "daily" and start is True


def test_an_unknown_routine_never_reaches_the_window(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    code, out, err = run(capsys, "--routine", "nope")
    assert code == 2 and out == "" and fake_app == []
    assert err == (
        'hiptimer: routine "nope" not found (no routine with that id); '
        "available ids: daily, hip-basics\n"
    )


def test_a_routine_named_in_a_large_folder_is_left_for_the_window_to_find(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    user_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    # Read here, a folder of 2,000 files held the window back 4-6 s: the window reads it on a
    # thread of its own and chooses the routine then (or says why not, as it says of others).
    user_dir.mkdir(parents=True, exist_ok=True)
    for n in range(MANY_FILES + 1):  # never read: each would be broken
        (user_dir / f"r{n}.json").write_text("{", encoding="utf-8")
    assert run(capsys, "--routine", "daily", "--start") == (0, "", "")
    assert run(capsys, "--routine", "nope") == (0, "", "")
    assert fake_app == [("daily", True), ("nope", False)]  # type: ignore[comparison-overlap]
    (user_dir / "r0.json").write_text(json.dumps(routine_data("mine", "Mine")), encoding="utf-8")
    assert run(capsys, "--routine", str(user_dir / "r0.json"))[0] == 0  # a file: read alone
    assert isinstance(fake_app[-1][0], Routine) and fake_app[-1][0].id == "mine"


def test_a_broken_routine_file_never_reaches_the_window(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    bad = routine_data("bad", "Bad")
    bad["exercises"][0]["hold_s"] = 0
    bad["exercises"][1]["reps"] = 0
    path = write(tmp_path, "bad.json", bad)
    code, _, err = run(capsys, "--routine", str(path))
    assert code == 2 and fake_app == []
    assert err.count("\n") == 1  # one line
    assert err.startswith(f"hiptimer: routine is broken: {path}: exercises[0].hold_s: ")
    assert "(and 1 more; see `hiptimer validate" in err


def test_a_routine_file_given_alone_opens_the_window_on_it(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    # `hiptimer my-routine.json`, as "Open with" or a new user types it.
    path = write(tmp_path, "mine.json", routine_data("mine", "Mine"))
    assert run(capsys, str(path), "--start")[0] == 0
    assert run(capsys, "--data-dir", str(tmp_path / "data"), str(path))[0] == 0
    assert [(r.id if r else None, start) for r, start in fake_app] == [
        ("mine", True),
        ("mine", False),
    ]


def test_a_routine_file_given_alone_that_is_missing_or_broken_never_reaches_the_window(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    code, _, err = run(capsys, str(tmp_path / "gone.json"))
    assert code == 2 and err.startswith('hiptimer: routine "') and "not found" in err
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, str(path))
    assert code == 2 and err.startswith(f"hiptimer: routine is broken: {path}: not valid JSON")
    code, _, err = run(capsys, "lisst")  # a mistyped command is still one
    assert code == 2 and "invalid choice: 'lisst'" in err
    assert fake_app == []


def test_a_window_that_cannot_load_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "hiptimer.ui.app", None)  # makes the import fail
    code, out, err = run(capsys)
    assert code == 1 and out == ""
    assert "the window cannot open" in err and "install the libraries" in err


# ---------------------------------------------------------------- list


def test_list_shows_builtins_and_yours(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    write(user_dir, "mine.json", routine_data("mine", "My routine"))
    code, out, err = run(capsys, "list")
    assert code == 0 and err == ""
    header, daily, basics, mine = out.splitlines()
    assert header.split() == ["ID", "TITLE", "TIME", "EXERCISES", "SCHEDULE", "STATUS"]
    assert daily.split() == ["daily", "Daily", "stretch", "3", "min", "2", "daily", "built-in"]
    assert basics.split()[:2] == ["hip-basics", "Hip"]
    assert "3-4 times a week" in basics and basics.endswith("built-in")
    assert mine.startswith("mine ") and "My routine" in mine and mine.endswith("yours")
    assert daily.index("3 min") == header.index("TIME")  # columns line up


def test_list_shows_a_broken_user_file(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    bad = routine_data("bad", "Bad")
    bad["exercises"][0]["hold_s"] = 4000
    write(user_dir, "bad.json", bad)
    write(user_dir, "garbage.json", b"\x00\xff")
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 5
    (bad_line,) = [line for line in lines if line.startswith("bad ")]
    assert "bad.json" in bad_line
    assert bad_line.endswith(
        "BROKEN: exercises[0].hold_s: expected a number of seconds from 0.1 to 3600, got 4000"
    )
    (garbage,) = [line for line in lines if line.startswith("garbage ")]
    assert "BROKEN: not valid UTF-8" in garbage


def test_list_says_nothing_to_start_for_a_routine_with_every_exercise_left_out(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    # docs/routine-format.md: such a routine "is still valid and listed (as "nothing to
    # start" ...)", as the library lists it; `list` said "0 s" and "0" exercises.
    write(user_dir, "off.json", all_left_out("off", "All off"))
    code, out, _ = run(capsys, "list")
    header, *rows = out.splitlines()
    (line,) = [row for row in rows if row.startswith("off ")]
    assert code == 0
    assert line[header.index("TIME") :].startswith("nothing to start")
    assert line[header.index("EXERCISES") :].split()[:3] == ["0", "of", "2"]
    assert line.endswith("yours")


def test_list_marks_an_edited_builtin(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    write(user_dir, "daily.json", routine_data("daily", "My daily", based_on="daily"))
    out = run(capsys, "list")[1]
    assert "Daily stretch" not in out
    (line,) = [line for line in out.splitlines() if line.startswith("daily ")]
    assert "My daily" in line and line.endswith("yours (edited built-in)")


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, tmp_path: Path, where: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "routines", "there.json", routine_data("there", "Over there"))
    argv = ["--data-dir", str(elsewhere), "list"]
    if where == "after":
        argv = ["list", "--data-dir", str(elsewhere)]
    out = run(capsys, *argv)[1]
    assert "Over there" in out
    assert paths.data_dir() == elsewhere.resolve()


def test_list_escapes_control_characters_and_odd_file_names(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    write(user_dir, "ansi.json", routine_data("ansi", "Red \x1b[31m alert"))  # refused at load
    user_dir.mkdir(parents=True, exist_ok=True)
    odd = os.fsencode(user_dir) + b"/caf\xe9.json"  # not UTF-8: a surrogate in the str path
    with open(odd, "wb") as fh:
        fh.write(b"{")
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "\x1b" not in out
    assert "title: text contains a control character (U+001B), which cannot be shown" in out
    assert "caf\\udce9.json" in out


def test_list_keeps_its_columns_under_a_file_name_written_as_its_codes(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    """A broken file named `bell<BEL>x.json` is listed as `bell\\x07x`; its ID cell was padded
    for the 6 characters of the name, not the 9 printed, so its row's columns stood 3 to the
    right of the others'."""
    write(user_dir, "bell\x07x.json", b"{")
    code, out, _ = run(capsys, "list")
    assert code == 0
    header, *rows = out.splitlines()
    title_column = header.index("TITLE")
    broken = next(row for row in rows if row.startswith("bell\\x07x "))
    assert broken[title_column:].startswith("bell\\x07x.json")
    assert all(row[title_column - 2 : title_column] == "  " for row in rows)


def test_list_and_show_escape_a_title_that_turns_the_line_around(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    # A right-to-left override in a title, cut to the list's column before the mark that ends
    # it, turned the rest of the row around in a terminal that lays out both directions; the
    # error lines already wrote it as its escape (docs/routine-format.md).
    title = "Evil \u202eeerts\u202c \u2067isolate\u2069 " + "x" * 40 + " \u0645\u0634\u064a"
    write(user_dir, "bidi.json", routine_data("bidi", title))
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert not set(out) & {"\u202e", "\u202c", "\u2067", "\u2069"}
    assert "Evil \\u202eeerts\\u202c \\u2067isolate" in out
    code, out, _ = run(capsys, "show", "bidi")
    assert code == 0 and "\u202e" not in out and "\u0645\u0634\u064a" in out  # Arabic as is


def test_list_with_no_routines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paths, "builtin_routines_dir", lambda: tmp_path / "none")
        code, out, _ = run(capsys, "list")
    assert code == 0 and out.startswith("No routines found in ")


def test_list_into_a_closed_pipe(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["list"]) == 1  # no traceback


# ---------------------------------------------------------------- show


def test_show_prints_the_plan(capsys: pytest.CaptureFixture[str], builtin_dir: Path) -> None:
    code, out, err = run(capsys, "show", "hip-basics")
    assert code == 0 and err == ""
    expected = [
        "Hip basics  [hip-basics, built-in]",
        "Two gentle moves.",
        "Schedule: 3-4 times a week",
        "Cautions:",
        "  - Stop if it hurts.",
        "Get ready: 10 s",
        "1. Bridge: 2 x 30 s",
        "   Rest: 20 s between sets, 30 s after",
        "2. Clamshell: 1 x 10 reps each side",
        "   Setup:",
        "     - Lie on your side.",
        "   Rest: 5 s between sides",
        "Estimated total: 3 min (get-ready and rests included)",  # 185 s
    ]
    lines = out.splitlines()
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)


def test_show_by_path_and_file_name(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "x", "custom.json", routine_data("custom", "Custom"))
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0 and out.startswith(f"Custom  [custom, {path}]")
    assert run(capsys, "show", "daily.json")[1].startswith("Daily stretch")


def test_show_keeps_a_name_with_a_line_break_on_its_exercise_line(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, tmp_path: Path
) -> None:
    # The title was put on one line, an exercise's name not: "1. Side" and "plank: 1 x 30 s".
    data = routine_data("custom", "Custom")
    data["exercises"][0]["name"] = "Side\nplank"
    path = write(tmp_path / "x", "custom.json", data)
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "1. Side plank: 2 x 30 s" in out.splitlines()


def test_show_of_a_routine_with_every_exercise_off_says_there_is_nothing_to_start(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "x", "off.json", all_left_out("off", "All off"))
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert out.splitlines()[-1].startswith("Nothing to start: every exercise is turned off")
    assert "Estimated total" not in out


def test_show_marks_a_kept_dose_as_the_library_does(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    # `show` printed the description's doses and the user's with nothing saying which was
    # whose, while the library marked them (one wording: core.routines.your_doses).
    from hiptimer.core.routines.catalog import load_catalog
    from hiptimer.core.routines.saved_now import keep_session_doses

    builtin = load_catalog().original("hip-basics")
    bridge = builtin.exercise("bridge")
    keep_session_doses(builtin, builtin.replace_exercise(bridge.with_dose(hold_s=45)))
    code, out, _ = run(capsys, "show", "hip-basics")
    lines = out.splitlines()
    assert code == 0
    note = "The doses this description gives are the routine's own; yours are marked"
    assert lines.index("Two gentle moves.") < lines.index(note) < lines.index("Get ready: 10 s")
    assert lines[lines.index(note) + 1] == "below."  # wrapped at 78, as the description
    assert "1. Bridge: 2 x 45 s (your dose; the routine's: 2 x 30 s)" in lines
    assert "2. Clamshell: 1 x 10 reps each side" in lines  # the routine's own dose: unmarked
    assert out.count("your dose") == 1
    assert "your dose" not in run(capsys, "show", "daily")[1]


def test_show_an_unknown_routine(capsys: pytest.CaptureFixture[str], builtin_dir: Path) -> None:
    code, out, err = run(capsys, "show", "nope")
    assert code == 2 and out == ""
    assert err.startswith('hiptimer: routine "nope" not found') and "daily, hip-basics" in err


def test_show_a_broken_routine_lists_every_problem(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, user_dir: Path
) -> None:
    bad = routine_data("bad", "Bad", rests={"get_ready_s": -1})
    bad["exercises"][1]["reps"] = 501
    path = write(user_dir, "bad.json", bad)
    code, out, err = run(capsys, "show", "bad")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"hiptimer: {path}: rests.get_ready_s: expected 0, or a number of seconds from 0.1 to 3600, got -1",
        f"hiptimer: {path}: exercises[1].reps: expected a whole number at least 1 and at most 500, got 501",
    ]


# ---------------------------------------------------------------- validate


def test_validate_good_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", routine_data("a", "Routine A"))
    one = routine_data("b", "Routine B")
    del one["exercises"][1]
    b = write(tmp_path, "b.json", one)
    assert run(capsys, "validate", str(a), str(b)) == (
        0,
        f"ok: {a} (Routine A, 2 exercises)\nok: {b} (Routine B, 1 exercise)\n",
        "",
    )


def test_validate_reports_each_problem_on_its_own_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = write(tmp_path, "good.json", routine_data("good", "Good"))
    data = routine_data("bad", "Bad")
    data["exercises"][0]["hold_s"] = "long"
    data["exercises"][1]["rep"] = 3
    bad = write(tmp_path, "bad.json", data)
    code, out, err = run(capsys, "validate", str(bad), str(good))
    assert code == 2 and err == ""
    assert out.splitlines() == [
        f'{bad}: exercises[0].hold_s: expected a number of seconds from 0.1 to 3600, got "long"',
        f'{bad}: exercises[1].rep: unknown field (did you mean "reps"?)',
        f"ok: {good} (Good, 2 exercises)",
    ]


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 2 and out == ""
    assert "usage: hiptimer validate" in err and "FILE" in err


def hostile_files(folder: Path) -> list[str]:
    """Files a validator meets in the wild, each named for what it is."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "binary.json": bytes(range(256)),
        "huge.json": b" " * (1024 * 1024 + 1),
        "deep.json": b"[" * 100_000,
        "bad-utf8.json": b'{"title": "caf\xe9"}',
        "digits.json": b"9" * 5000,
        "nan.json": b'{"hold_s": NaN}',
        "utf16.json": '{"id": "x"}'.encode("utf-16"),
    }
    names = []
    for name, content in made.items():
        (folder / name).write_bytes(content)
        names.append(str(folder / name))
    os.mkfifo(folder / "fifo.json")
    (folder / "loop.json").symlink_to(folder / "loop.json")
    (folder / "folder.json").mkdir()
    names += [str(folder / n) for n in ("fifo.json", "loop.json", "folder.json", "missing.json")]
    if Path("/dev/zero").exists():
        names.append("/dev/zero")
    return names


def test_validate_hostile_files_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = hostile_files(tmp_path / "hostile")
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(routine_data("bom", "With BOM")).encode())
    code, out, err = run(capsys, "validate", *names, str(bom))
    assert code == 2 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(names) + 1
    for name, line in zip(names, lines, strict=False):
        assert line.startswith(f"{name}: ")
    assert lines[-1] == f"ok: {bom} (With BOM, 2 exercises)"


def test_validate_in_a_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    names = hostile_files(tmp_path / "hostile")
    env = dict(os.environ, HIPTIMER_HOME=str(tmp_path / "home"), PYTHONIOENCODING="ascii")
    result = subprocess.run(
        [sys.executable, "-m", "hiptimer", "validate", *names],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="strict",  # the output must fit the terminal's encoding
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == len(names)
    assert "Traceback" not in result.stdout


def test_show_and_list_count_the_lead_ins_the_voice_needs_unless_muted(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, data_home: Path
) -> None:
    data = routine_data("wordy", "Wordy", rests={"get_ready_s": 1, "after_exercise_s": 1})
    data["exercises"][1]["setup"] = ["Lie on your side with your knees bent and together."] * 3
    write(paths.user_routines_dir(), "wordy.json", data)
    voiced = run(capsys, "show", "wordy")[1].splitlines()
    assert "Get ready: 1 s (lasts 6 s for the voice to read it)" in voiced
    assert "   Rest: 20 s between sets, 1 s (lasts 19 s for the voice to read it) after" in voiced
    assert voiced[-2:] == [  # 169.2 s, and 147 s as written: both named (tests/cli/test_lengths.py)
        "Estimated total: 3 min with the voice reading each lead-in, 2 min muted or",
        "  without a voice (get-ready and rests included)",
    ]
    listed = [line for line in run(capsys, "list")[1].splitlines() if line.startswith("wordy")]
    assert "3 min" in listed[0]
    write(data_home, "settings.json", {"muted": True})  # muted: every pause as written
    muted = run(capsys, "show", "wordy")[1].splitlines()
    assert "Get ready: 1 s" in muted
    assert "   Rest: 20 s between sets, 1 s after" in muted
    assert (
        muted[-2] == "Estimated total: 2 min with sound off, as set; 3 min with the voice reading"
    )


def test_show_counts_a_0_s_lead_in_the_voice_needs_for_a_caution(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, data_home: Path
) -> None:
    """A 0 s pause before a caution to say lasts as long as the voice needs, as the session
    runs it (tests/core/voice/test_cue_script.py); muted, there is none."""
    data = routine_data("curt", "Curt", rests={"get_ready_s": 0, "after_exercise_s": 0})
    data["exercises"][0]["caution"] = "Stop if the front of the hip pinches."
    write(paths.user_routines_dir(), "curt.json", data)
    voiced = run(capsys, "show", "curt")[1].splitlines()
    assert "Get ready: 0 s (lasts 9 s for the voice to read it)" in voiced
    assert "   Rest: 20 s between sets, 0 s (lasts 9 s for the voice to read it) after" in voiced
    write(data_home, "settings.json", {"muted": True})
    muted = run(capsys, "show", "curt")[1].splitlines()
    assert "Get ready: 0 s" in muted
    assert "   Rest: 20 s between sets, 0 s after" in muted


@pytest.mark.parametrize("command", ["list", "history", "show", "validate", "cues"])
@pytest.mark.parametrize("under", [False, True], ids=["the-folder", "a-parent"])
@pytest.mark.parametrize("given_by", ["--data-dir", "HIPTIMER_HOME"])
def test_a_data_folder_that_is_a_file_is_said_and_exits_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    under: bool,
    given_by: str,
) -> None:
    """`list` listed the built-ins without a word and `history` said "no history yet";
    with $HIPTIMER_HOME, still after --data-dir was checked."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    given = blocker / "data" if under else blocker
    args = [command] if command in ("list", "history") else [command, "hip-strengthening"]
    if given_by == "--data-dir":
        args += ["--data-dir", str(given)]
    else:
        monkeypatch.setenv(paths.ENV_HOME, str(given))
    code, out, err = run(capsys, *args)
    why = f"cannot be made: {blocker} is" if under else "is"
    assert (code, out) == (2, "")
    assert err == f"hiptimer: the data folder {given} {why} a file, not a folder\n"
    assert blocker.read_text() == ""


def test_a_data_dir_not_made_yet_is_fine(
    capsys: pytest.CaptureFixture[str], builtin_dir: Path, tmp_path: Path
) -> None:
    assert run(capsys, "list", "--data-dir", str(tmp_path / "new" / "data"))[0] == 0


def test_a_built_in_id_in_another_case_is_named_as_it_is_spelled(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    """Ids are lowercase, so "DAILY" can only mean "daily": said, not just "no such id"."""
    for argv in (["--routine", "DAILY"], ["show", "Daily"], ["cues", "DAILY"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and fake_app == []
        assert err == (
            f'hiptimer: routine "{argv[1]}" not found (ids are lowercase: did you mean '
            '"daily"?); available ids: daily, hip-basics\n'
        )


def test_a_folder_given_as_a_routine_is_called_a_folder(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_app: list[tuple[Routine | None, bool]],
) -> None:
    (tmp_path / "my-routines").mkdir()
    monkeypatch.chdir(tmp_path)
    for argv in (["--routine", "my-routines"], ["show", "my-routines"]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and fake_app == []
        assert err.startswith(
            'hiptimer: routine "my-routines" not found (my-routines is a folder, not a routine '
            "file); available ids: "
        )
        assert err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "", "list"],  # used the default data folder without a word
        ["list", "--data-dir", ""],
        ["cues", "daily", "--wav", ""],  # printed the script instead of writing a file
        ["history", "export", "--csv", ""],
        ["history", "export", "--pdf", ""],
        ["--routine", ""],
    ],
)
def test_an_empty_file_or_folder_name_is_refused(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
    argv: list[str],
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and fake_app == []
    option = argv[argv.index("") - 1]
    assert err.splitlines()[-1].endswith(f"error: argument {option}: is empty; give a name")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["validate", ""], "FILE"),  # said ".: is a folder, not a routine file"
        (["validate", "a.json", ""], "FILE"),
        (["show", ""], "ROUTINE"),  # said 'routine "" not found (no routine with that id)'
        (["cues", ""], "ROUTINE"),
    ],
)
def test_an_empty_file_or_routine_argument_is_refused_as_empty(
    capsys: pytest.CaptureFixture[str],
    builtin_dir: Path,
    fake_app: list[tuple[Routine | None, bool]],
    argv: list[str],
    name: str,
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and fake_app == []
    assert err.splitlines()[-1].endswith(f"error: argument {name}: is empty; give a name")

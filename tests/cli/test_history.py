"""Tests of `hiptimer history list` and `hiptimer history export`."""

from __future__ import annotations

import csv
import logging
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.cli.history import LIST_LIMIT
from hiptimer.cli.main import main
from hiptimer.core.history import read_only_copy
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.schema import SCHEMA_VERSION
from hiptimer.core.history.store import open_history
from tests.core.history.old_files import as_version_6, read_only_mount
from tests.history_data import Recorded, Weeks, at, fill
from tests.read_only import fake_read_only


@pytest.fixture
def recorded(weeks: Weeks) -> Recorded:
    with open_history(paths.history_db_path()) as store:
        return fill(store, weeks)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def session_ids(path: Path) -> list[int]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [int(row["session_id"]) for row in csv.DictReader(f)]


def test_export_csv(recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.csv"
    code, stdout, err = run(capsys, "history", "export", "--csv", str(out))
    assert (code, err) == (0, "")
    assert stdout == f"Wrote 21 sets to {out}.\n"
    assert len(session_ids(out)) == 21
    assert out.read_text(encoding="utf-8-sig").startswith("session_id,session_started,")


def test_export_since_until_and_routine(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str], weeks: Weeks
) -> None:
    out = tmp_path / "part.csv"
    code, _, _ = run(capsys, "history", "export", "--csv", str(out), "--since", str(weeks.week2))
    assert code == 0
    assert set(session_ids(out)) == {
        recorded.id(routine, day) for routine, day in recorded.ids if day >= weeks.week2
    }
    until = weeks.week1 + timedelta(days=1)
    argv = ["--csv", str(out), "--until", str(until), "--routine", "hips"]
    assert run(capsys, "history", "export", *argv)[0] == 0
    assert set(session_ids(out)) == {recorded.id("hips", weeks.week1)}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--since", "2025-02-30"],
            "hiptimer: --since: '2025-02-30' is not a date; use YYYY-MM-DD",
        ),
        (["--until", "yesterday"], "hiptimer: --until: 'yesterday' is not a date; use YYYY-MM-DD"),
        (
            ["--since", "2025-03-02", "--until", "2025-03-01"],
            "hiptimer: --since 2025-03-02 is after --until 2025-03-01",
        ),
    ],
)
def test_a_bad_date_is_one_line_and_exit_2(
    recorded: Recorded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.csv"
    code, stdout, err = run(capsys, "history", "export", "--csv", str(out), *argv)
    assert (code, stdout, err) == (2, "", message + "\n")
    assert not out.exists()


def test_a_since_after_today_without_until_is_refused_as_a_period_that_ends_first(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # docs/history.md: the period ends on the day asked for, else today. The PDF said
    # "Period: 1 Jan 2027 – 6 Dec 2026", and wrote a report of it.
    today = date.today()
    later = today + timedelta(days=30)
    pdf = tmp_path / "report.pdf"
    for argv in (["list"], ["export", "--pdf", str(pdf)]):
        code, stdout, err = run(capsys, "history", *argv, "--since", str(later))
        assert (code, stdout) == (2, "")
        assert err == f"hiptimer: --since {later} is after today ({today}); the period ends today\n"
    assert not pdf.exists()
    argv = ["list", "--since", str(later), "--until", str(later + timedelta(days=1))]
    assert run(capsys, "history", *argv)[0] == 0  # a period of its own: empty, not backwards


def test_an_unwritable_path_is_one_line_and_exit_1(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "x.csv"
    code, _, err = run(capsys, "history", "export", "--csv", str(target))
    folder = target.parent
    assert (code, err) == (
        1,
        f"hiptimer: cannot write {target}: the folder {folder} does not exist\n",
    )
    code, _, err = run(capsys, "history", "export", "--csv", str(tmp_path))
    assert (code, err) == (1, f"hiptimer: cannot write {tmp_path}: it is a folder\n")


def test_export_needs_a_history_and_an_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "history", "export", "--csv", str(tmp_path / "x.csv"))
    assert code == 1 and err.startswith("hiptimer: no history yet: ")  # could not be done
    assert not paths.history_db_path().exists()  # looking does not create one
    code, _, err = run(capsys, "history", "export")
    assert (code, err) == (
        2,
        "hiptimer: say what to write: --csv FILE, --pdf FILE or both\n",
    )  # usage


def test_a_limit_larger_than_sqlite_takes_lists_them_all(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    # user25: --limit 99999999999999999999 ended in a traceback (OverflowError: Python int too
    # large to convert to SQLite INTEGER); more sessions than any history holds is all of them.
    expected = run(capsys, "history", "list", "--limit", "0")
    assert expected[0] == 0
    assert run(capsys, "history", "list", "--limit", "9" * 20) == expected
    assert run(capsys, "history", "--limit", str(2**63)) == expected


def test_list_prints_recent_sessions_newest_first(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(capsys, "history", "list", "--limit", "3")
    lines = stdout.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[0].split() == ["DATE", "ROUTINE", "TIME", "DONE", "MAX", "AVG", "NOTE"]
    assert "Hips" in lines[1] and "4 of 4 sets done; completed" in lines[1]
    assert lines[1].split()[-2:] == ["2", "1.3"]  # ratings 2, 2, 1, 0: 1.25, halves up
    assert lines[2].rstrip().endswith("Much better")
    code, stdout, _ = run(capsys, "history", "list", "--routine", "stretch")
    assert code == 0 and len(stdout.splitlines()) == 2 and "Stretches" in stdout


def test_an_empty_list_says_in_that_range_only_when_a_range_was_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    open_history(paths.history_db_path()).close()  # a history with no session yet
    assert run(capsys, "history", "list")[:2] == (0, "No sessions recorded yet.\n")
    code, stdout, _ = run(capsys, "history", "list", "--since", "2026-01-01")
    assert (code, stdout) == (0, "No sessions recorded in that range.\n")


def test_history_alone_lists_as_history_list_does(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README says `hiptimer history` names set-aside rows "on every run": the bare group
    # lists, as `history list` with its defaults, rather than stopping at a usage error.
    expected = run(capsys, "history", "list")
    assert expected[0] == 0 and "DATE" in expected[1]
    assert run(capsys, "history") == expected
    assert run(capsys, "--data-dir", str(paths.data_dir()), "history") == expected


def test_history_alone_takes_the_options_of_history_list(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    # `hiptimer history` is `history list`, so it takes list's options where every other
    # command takes them, after its name; it said "invalid choice: '2'" for --limit 2.
    data = str(paths.data_dir())
    expected = run(capsys, "history", "list", "--limit", "2")
    assert expected[0] == 0 and len(expected[1].splitlines()) == 3
    assert run(capsys, "history", "--limit", "2") == expected
    assert run(capsys, "history", "--data-dir", data, "--limit", "2") == expected
    # Given before `list`, an option still counts rather than being reset by list's default.
    assert run(capsys, "history", "--limit", "2", "list") == expected
    one = run(capsys, "history", "list", "--routine", "stretch")
    assert one[0] == 0 and "Stretches" in one[1] and "Hips" not in one[1]
    assert run(capsys, "history", "--routine", "stretch") == one


def test_list_shows_a_re_tests_results_under_its_session(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], weeks: Weeks
) -> None:
    when = datetime.combine(weeks.today, time(7)).astimezone()
    with open_history(paths.history_db_path()) as store:
        sid = store.begin_session("check", "Check", 1, {}, when, sets_planned=3)
        for ex, name, side, held, value, unit in [
            ("chair", "Chair stand", None, 30, 12, "stands"),
            ("knee", "Knee to wall", "right", 1.4, 12.7, "cm"),
            ("knee", "Knee to wall", "left", 2.0, None, "cm"),  # K: no result typed
        ]:
            store.add_set(sid, StoredSet(ex, name, 1, when, when, side=side, planned_hold_s=30,
                                         actual_hold_s=held, result=value, result_unit=unit))  # fmt: skip
        store.mark_representative(sid, False, at=when)  # the list shows it all the same
    code, stdout, _ = run(capsys, "history", "list", "--limit", "2")
    lines = stdout.splitlines()
    assert code == 0 and len(lines) == 6  # and, under a blank line, what its '*' means
    assert lines[-1].startswith("* Marked not representative")
    assert "Check" in lines[1] and "3 of 3 sets done" in lines[1]
    assert lines[2] == " " * lines[0].index("ROUTINE") + (
        "Chair stand: 12 stands; Knee to wall (right): 12.7 cm"
    )
    assert "Hips" in lines[3]  # an ordinary session has no such line


def test_list_keeps_each_session_on_its_line_whatever_its_names_hold(
    capsys: pytest.CaptureFixture[str], weeks: Weeks
) -> None:
    # A routine file may give its title a line break ("validate" accepts it): the title and
    # a re-test's name were printed as they are and started a row of their own.
    when = datetime.combine(weeks.today, time(7)).astimezone()
    with open_history(paths.history_db_path()) as store:
        sid = store.begin_session("check", "Morning\nhips", 1, {}, when, sets_planned=1)
        store.add_set(sid, StoredSet("reach", "Reach\r\ntest", 1, when, when, planned_hold_s=30,
                                     actual_hold_s=1.0, result=12, result_unit="c\nm"))  # fmt: skip
    code, stdout, _ = run(capsys, "history", "list")
    lines = stdout.splitlines()
    assert code == 0 and len(lines) == 3, lines
    assert "Morning hips" in lines[1] and "1 of 1 set done" in lines[1]
    assert lines[2].strip() == "Reach test: 12 c m"


def test_pdf_from_the_command_line_needs_no_display(recorded: Recorded, tmp_path: Path) -> None:
    """The command line makes its own offscreen QGuiApplication."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    out = tmp_path / "report.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "hiptimer", "history", "export", "--pdf", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"Wrote a 1-page report to {out}.\n"
    assert out.read_bytes().startswith(b"%PDF")


def test_export_to_stdout_says_so_on_stderr(
    recorded: Recorded, capfd: pytest.CaptureFixture[str]
) -> None:
    # Into a pipe or a file the shell redirected: the CSV alone on stdout; the export is
    # written in place, not renamed over /dev/stdout.
    assert main(["history", "export", "--csv", "/dev/stdout"]) == 0
    captured = capfd.readouterr()
    assert captured.out.lstrip("\ufeff").startswith("session_id,session_started,")
    assert "Wrote" not in captured.out
    assert captured.err == "Wrote 21 sets to /dev/stdout.\n"
    assert os.path.islink("/dev/stdout")


def damage(sql: str) -> None:
    conn = sqlite3.connect(paths.history_db_path())
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")  # as a database tool can
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def recorded_sets(session_id: int) -> list[tuple[int]]:
    conn = sqlite3.connect(paths.history_db_path())
    try:
        return conn.execute("SELECT id FROM set_aside WHERE row_json LIKE ?",
                            (f'%"session_id": {session_id},%',)).fetchall()  # fmt: skip
    finally:
        conn.close()


def test_bad_rows_are_left_out_and_named_on_every_run(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str], weeks: Weeks
) -> None:
    # Issue 13, fault 6: one bad value in one row (doses_json, started_at) made `history
    # list` and `history export` end with a traceback.
    bad_doses = recorded.id("hips", weeks.week1)
    bad_start = recorded.id("stretch", weeks.week2 + timedelta(days=1))
    damage(f"UPDATE sessions SET doses_json = '{{bad' WHERE id = {bad_doses}")
    damage(f"UPDATE sessions SET started_at = '2025-02-30T08:00:00+00:00' WHERE id = {bad_start}")
    conn = sqlite3.connect(paths.history_db_path())
    (bad_pain,) = conn.execute(
        f"SELECT max(id) FROM sets WHERE session_id NOT IN ({bad_doses}, {bad_start})"
    ).fetchone()
    conn.close()
    damage(f"UPDATE sets SET pain = 'x' WHERE id = {bad_pain}")
    code, stdout, err = run(capsys, "history", "list", "--limit", "0")
    assert code == 0
    listed = len(recorded.ids) - 2
    assert len(stdout.splitlines()) == 1 + listed
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("hiptimer: ")
    left_out = lines[0]
    with open_history(paths.history_db_path()) as store:
        n_sets = sum(1 for row in store.set_aside_rows() if row.table == "sets" and not row.kept)
    sets_of = {sid: sum(1 for _ in recorded_sets(sid)) for sid in (bad_doses, bad_start)}
    assert n_sets == sum(sets_of.values())  # theirs; the set with a bad pain is kept
    assert left_out == (
        f"hiptimer: {n_sets + 2} damaged rows are left out (kept as they were in the"
        f" history's set_aside table): sessions row {bad_doses} (doses_json is not a JSON"
        f" object) with its {sets_of[bad_doses]} sets; sessions row {bad_start} (started_at is"
        f" not a time) with its {sets_of[bad_start]} set{'s' * (sets_of[bad_start] != 1)}."
        " 1 set is counted with a value HipTimer cannot read left empty (the rows as they were"
        f" are in the history's set_aside table): sets row {bad_pain} (pain is not a whole"
        " number from 0 to 10: kept as a set)."
    )
    out = tmp_path / "all.csv"
    code, stdout, err = run(capsys, "history", "export", "--csv", str(out))
    assert code == 0 and err == left_out + "\n"  # said again: this export lacks them too
    assert set(session_ids(out)) == set(recorded.ids.values()) - {bad_doses, bad_start}
    assert stdout == f"Wrote {21 - n_sets} sets to {out}.\n"


def test_a_history_missing_a_table_says_so_once_and_works(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    damage("DROP TABLE dose_changes")
    code, stdout, err = run(capsys, "history", "list")
    assert code == 0 and "Hips" in stdout
    db = paths.history_db_path()  # named: a user with two data folders can tell which
    assert err == f"hiptimer: The history {db} lacked dose_changes; HipTimer added it.\n"
    assert run(capsys, "history", "list")[2] == ""


def test_a_dropped_table_under_an_older_version_number_lists_every_session(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    # It said "cannot read the history: ... no such table: corrections", after a backup.
    damage("DROP TABLE corrections")
    damage("PRAGMA user_version = 3")
    code, stdout, err = run(capsys, "history", "list", "--limit", "0")
    assert code == 0 and stdout.count(" done") == len(recorded.ids)
    db = paths.history_db_path()
    assert err == f"hiptimer: The history {db} lacked corrections; HipTimer added it.\n"


def test_a_side_table_with_other_columns_is_set_aside_not_the_history(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    damage("DROP TABLE corrections")
    damage("CREATE TABLE corrections (x)")
    damage("INSERT INTO corrections VALUES (7)")
    code, stdout, err = run(capsys, "history", "list", "--limit", "0")
    assert code == 0 and stdout.count(" done") == len(recorded.ids)
    db = paths.history_db_path()
    assert f"The history {db} lacked corrections; HipTimer added it." in err
    assert "The row that was under corrections is kept in that file's set_aside table." in err
    assert "corrections row 1 (its table had other columns)" in err
    assert not list(paths.history_db_path().parent.glob("history.sqlite3.corrupt-*"))


def test_a_dash_exports_the_csv_to_standard_output_not_to_a_file_named_dash(
    recorded: Recorded,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["history", "export", "--csv", "-"]) == 0
    captured = capfd.readouterr()
    assert captured.out.startswith("\ufeffsession_id,session_started,")
    assert len(list(csv.DictReader(captured.out.lstrip("\ufeff").splitlines()))) == 21
    assert captured.err == "Wrote 21 sets to standard output.\n"
    assert list(here.iterdir()) == []


def test_a_pdf_to_a_dash_is_refused_before_anything_is_written(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "all.csv"
    code, _, err = run(capsys, "history", "export", "--csv", str(out), "--pdf", "-")
    assert code == 2
    assert "a PDF report needs a file name" in err
    assert not out.exists()


def test_one_set_written_is_one_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import hiptimer.cli.history as history_cli

    class OneSet:
        def export_csv(self, *_args: object) -> int:
            return 1

    class Opened:
        def __enter__(self) -> OneSet:
            return OneSet()

        def __exit__(self, *_exc: object) -> None:
            return None

    monkeypatch.setattr(history_cli, "open_store", Opened)
    out = tmp_path / "one.csv"
    assert run(capsys, "history", "export", "--csv", str(out)) == (
        0,
        f"Wrote 1 set to {out}.\n",
        "",
    )


def test_a_damaged_history_is_reported_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").write_bytes(b"not a database at all" * 500)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "hiptimer", "--data-dir", str(data), "history", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines  # was two: a log warning, then the same news in words
    assert lines[0].startswith(
        f"hiptimer: The history database {data / 'history.sqlite3'} was damaged"
    )
    assert len(list(data.glob("history.sqlite3.corrupt-*"))) == 1


def test_a_folder_where_the_history_goes_is_named_and_moved_aside(
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = paths.history_db_path()
    db.mkdir(parents=True)  # was: "no history yet: ... does not exist", and nothing done
    code, stdout, stderr = run(capsys, "history", "list")
    assert (code, stdout) == (0, "No sessions recorded yet.\n")  # no range was asked for
    (moved,) = db.parent.glob("history.sqlite3.corrupt-*")
    assert moved.is_dir() and db.is_file()
    assert stderr == (
        f"hiptimer: The history database {db} was damaged (a folder is in its place). It was"
        f" moved to {moved} and a new, empty history was started.\n"
    )


def test_a_link_to_nothing_where_the_history_goes_is_not_called_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Was "no history yet: ... does not exist", beside the link (contract16).
    db = paths.history_db_path()
    db.parent.mkdir(parents=True)
    db.symlink_to(tmp_path / "unplugged" / "history.sqlite3")
    code, _, err = run(capsys, "history", "list")
    assert code == 1 and err.startswith(f"hiptimer: cannot read the history: cannot open {db}")
    assert db.is_symlink()  # kept: the drive it points to may come back


def test_a_routine_id_no_session_has_is_refused_before_anything_is_written(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "hipz.csv"
    code, _, stderr = run(capsys, "history", "export", "--csv", str(out), "--routine", "hipz")
    assert code == 2 and not out.exists()
    assert "no session in the history is of a routine with the id 'hipz'" in stderr
    assert "Routines with sessions: hips, stretch" in stderr
    code, stdout, stderr = run(capsys, "history", "list", "--routine", "hipz")
    assert code == 2 and stdout == "" and "'hipz'" in stderr


def test_a_routine_id_in_another_case_gets_the_windows_case_hint(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `hiptimer --routine HIPS` says it (catalog.case_hint): ids are lowercase."""
    for argv in (["history", "list"], ["history", "export", "--csv", "-"]):
        code, stdout, stderr = run(capsys, *argv, "--routine", "HIPS")
        assert code == 2 and stdout == ""
        assert stderr.splitlines() == [
            "hiptimer: --routine: no session in the history is of a routine with the id 'HIPS'"
            ' (ids are lowercase: did you mean "hips"?)',
            "hiptimer: Routines with sessions: hips, stretch",
        ]


def test_a_history_in_a_folder_that_cannot_be_written_says_why_it_cannot_be_read(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only folder (a mount, a backup disk): SQLite cannot make the WAL's -shm file
    # beside the history, so it cannot open it. Root ignores chmod: the refusal is played,
    # and the folder is read-only by the one test the window asks too (read_only_folder).
    from hiptimer.core.history import schema as history_schema

    def refused(path: Path) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    db = paths.history_db_path()
    monkeypatch.setattr(history_schema, "open_database", refused)
    # Nor can it be read into memory (read_only_copy), as a copy with a -wal file cannot.
    monkeypatch.setattr(read_only_copy, "_back_up", refused_copy)
    fake_read_only(monkeypatch, db.parent)
    code, out, err = run(capsys, "history", "list")
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == (
        f"hiptimer: cannot read the history: cannot open {db}: unable to open database file;"
        f" {db.parent} cannot be written, and SQLite writes beside the file to read it: copy"
        " the folder somewhere you can write and give that with --data-dir"
    )
    assert "kept in memory" not in err  # no rating waits for a command that only reads


def files(folder: Path) -> dict[str, bytes]:
    """The folder's files as they are, but for the -shm and -wal that SQLite's mode=ro makes
    where it may (here root may: on a read-only mount none is made)."""
    kept = (p for p in folder.iterdir() if p.is_file() and not p.name.endswith(("-shm", "-wal")))
    return {p.name: p.read_bytes() for p in kept}


def refused_copy(uri: str, memory: sqlite3.Connection) -> None:
    raise sqlite3.OperationalError("unable to open database file")


def test_an_old_history_in_a_read_only_folder_is_listed_as_the_window_shows_it(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app was upgraded and the data folder is read-only: the window showed the history
    # (read_only_copy) while `history list` stopped with "cannot read the history".
    db = paths.history_db_path()
    with open_history(db) as store:
        listed = [s.routine_title for s in store.list_sessions(limit=LIST_LIMIT)]
    as_version_6(db)
    read_only_mount(monkeypatch, db.parent)
    before = files(db.parent)
    code, out, err = run(capsys, "history", "list")
    assert code == 0
    # The columns are padded to their widest cell (a date of a one-digit day is one letter
    # shorter): split at each run of two or more spaces, not at exactly two.
    assert [re.split(r" {2,}", line.strip())[1] for line in out.splitlines()[1:]] == listed
    assert err.splitlines() == [
        f"hiptimer: read the history in {db.parent} read-only, writing nothing: this HipTimer"
        f" must update its format (version 6 to {SCHEMA_VERSION}) before it can use the file"
        " there, and the folder cannot be written"
    ]
    assert files(db.parent) == before


def test_a_history_sqlite_cannot_read_in_place_is_exported_read_only(
    recorded: Recorded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """This HipTimer's format, but no -shm can be made beside it (a read-only mount)."""
    db = paths.history_db_path()
    expected = tmp_path / "expected.csv"
    assert run(capsys, "history", "export", "--csv", str(expected))[0] == 0
    read_only_mount(monkeypatch, db.parent)
    before = files(db.parent)
    out = tmp_path / "read-only.csv"
    code, _, err = run(capsys, "history", "export", "--csv", str(out))
    assert code == 0 and out.read_bytes() == expected.read_bytes()
    assert err.splitlines()[0] == (
        f"hiptimer: read the history in {db.parent} read-only, writing nothing: the folder"
        " cannot be written, and SQLite writes beside the file to read it"
    )
    assert len(err.splitlines()) == 1
    assert files(db.parent) == before


def test_a_history_that_cannot_be_opened_is_said_once_not_logged_as_using_memory(
    recorded: Recorded,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen on a read-only mount: "History database unavailable, using memory: ..." (the
    # store's warning, printed raw as nothing configures logging) above hiptimer's own line,
    # which says the command stops; nothing runs in memory for a command that only reads.
    from hiptimer.core.history import schema as history_schema

    def refused(path: Path) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(history_schema, "open_database", refused)
    code, _, err = run(capsys, "history", "list")
    assert code == 1 and len(err.splitlines()) == 1
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


@pytest.mark.usefixtures("qapp")  # in this process: the report would make a QGuiApplication
def test_the_pdf_states_the_pain_limit_of_the_settings_as_the_window_does(
    recorded: Recorded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.history.pdf_text import pdf_text

    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text('{"pain_limit": 3}', encoding="utf-8")
    out = tmp_path / "report.pdf"
    code, _, _ = run(capsys, "history", "export", "--pdf", str(out))
    assert code == 0
    assert "Pain limit set by the user: 3/10" in " ".join(pdf_text(out).split())


def test_list_marks_the_pain_of_a_session_marked_not_representative_and_says_why(
    recorded: Recorded, weeks: Weeks, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's report: `history list` gave a marked session's pain with no mark, while
    the window and the report said it was marked."""
    with open_history(paths.history_db_path()) as store:
        sid = recorded.id("hips", weeks.week2 + timedelta(days=4))
        store.mark_representative(sid, False, at=at(weeks.today))
    code, stdout, _ = run(capsys, "history", "list", "--limit", "2")
    lines = stdout.splitlines()
    assert code == 0
    assert lines[1].split()[-2:] == ["2", "1.3*"]  # the newest session, marked
    assert not lines[2].split()[-3].endswith("*")  # the one before it (with a note)
    assert lines[-1] == (
        "* Marked not representative: left out of the pain charts, the report's pain figures"
        " and the dose suggestions."
    )
    code, stdout, _ = run(capsys, "history", "list", "--routine", "stretch")
    assert "*" not in stdout  # no marked session shown: no key


def test_with_both_files_the_csv_comes_first_and_a_failure_stops_there(
    recorded: Recorded, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # docs/history.md: the CSV is written first; one that cannot be written stops the
    # command (no report after it), and a report that cannot be written leaves the CSV.
    report = tmp_path / "report.pdf"
    code, _, err = run(capsys, "history", "export", "--csv", str(tmp_path), "--pdf", str(report))
    assert code == 1
    assert str(tmp_path) in err
    assert not report.exists()
    sets = tmp_path / "sets.csv"
    nowhere = tmp_path / "not-there" / "report.pdf"
    code, out, err = run(capsys, "history", "export", "--csv", str(sets), "--pdf", str(nowhere))
    assert code == 1
    assert f"Wrote 21 sets to {sets}." in out
    assert str(nowhere.parent) in err
    assert len(list(csv.DictReader(sets.read_text(encoding="utf-8-sig").splitlines()))) == 21

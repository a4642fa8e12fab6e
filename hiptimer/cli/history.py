"""`hiptimer history list` and `hiptimer history export`: the history without the window."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from hiptimer import paths
from hiptimer.cli.common import (
    EXIT_FAILED,
    CommandError,
    SubParsers,
    add_command,
    cell,
    common_options,
    err,
    escape_controls,
    given,
    out,
    said_beside,
)
from hiptimer.core.history import left_notice
from hiptimer.core.history.names import doses_of, exercise_name, routine_name
from hiptimer.core.history.schema import HistoryError
from hiptimer.core.history.set_aside_words import describe_left_out
from hiptimer.core.history.status import ReadOnlyCopy
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.safe_write import read_only_folder

if TYPE_CHECKING:
    from hiptimer.core.history.records import RetestResult
    from hiptimer.core.routines.model import Routine


LIST_LIMIT = 20  # sessions `history list` prints unless told


def add_history(subparsers: SubParsers) -> None:
    """The `history` group and its two commands."""
    # `hiptimer history` alone lists, as the README's reliability notes use it: a look at the
    # history should not need the word "list" (nor fail with a usage error without it). So the
    # group takes list's options too (`hiptimer history --limit 5` said "invalid choice: '5'").
    group = subparsers.add_parser(
        "history",
        help="list your past sessions, or export them as CSV or a PDF report",
        description="List your past sessions (alone, as `history list`, with its options), or "
        "export them as CSV or a PDF report.",
        parents=[common_options()],
    )
    _add_list_options(group)
    group.set_defaults(run=cmd_list, limit=LIST_LIMIT, since=None, until=None, routine=None)
    commands = group.add_subparsers(dest="history_command", metavar="COMMAND")
    listing = add_command(commands, "list", "print your recent sessions, newest first", cmd_list)
    _add_list_options(listing)
    export = add_command(
        commands, "export", "write your history as CSV and/or a PDF report", cmd_export
    )
    export.add_argument(
        "--csv",
        metavar="FILE",
        type=given,
        help="one row per set (see docs/history.md); - for standard output",
    )
    export.add_argument(
        "--pdf",
        metavar="FILE",
        type=given,
        help="a report for a clinician (a first page to read in a minute, then the detail)",
    )
    _add_filters(export)


def _add_list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit",
        type=int,
        default=argparse.SUPPRESS,
        metavar="N",
        help=f"at most N sessions (0: all; {LIST_LIMIT} unless told)",
    )
    _add_filters(parser)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS, with the group's defaults: an option given before `list` or `export` is not
    # reset by the subcommand's own default (see common_options).
    for option, help in (
        ("--since", "from this day on (YYYY-MM-DD)"),
        ("--until", "up to and including this day"),
    ):
        parser.add_argument(option, metavar="DATE", default=argparse.SUPPRESS, help=help)
    parser.add_argument(
        "--routine", metavar="ID", default=argparse.SUPPRESS, help="only this routine's sessions"
    )


def parse_day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option}: {text!r} is not a date; use YYYY-MM-DD") from None


def _range(args: argparse.Namespace) -> tuple[date | None, date | None]:
    since, until = parse_day("--since", args.since), parse_day("--until", args.until)
    if since and until and since > until:
        raise CommandError(f"--since {since} is after --until {until}")
    today = date.today()
    if since and until is None and since > today:
        # The period ends today without --until: a report "from 1 Jan 2027 to 6 Dec 2026".
        raise CommandError(f"--since {since} is after today ({today}); the period ends today")
    return since, until


def open_store() -> HistoryStore:
    """The user's history, or a CommandError when there is none or it cannot be read."""
    path = paths.history_db_path()
    # A folder, a pipe or a link that loops there is moved aside by open_history; a link to
    # nothing is named by SQLite's reason, not called a history that does not exist.
    if not path.exists() and not path.is_symlink():
        raise CommandError(f"no history yet: {path} does not exist", code=EXIT_FAILED)
    try:
        # The store logs why it runs in memory, for the window's log; nothing configures
        # logging here, so that printed raw ("... using memory: ...") before the reason
        # and what to do, said once below. The store's notices are said below too.
        logging.disable(logging.WARNING)
        store = open_history(path)
    except HistoryError as exc:
        raise CommandError(str(exc), code=EXIT_FAILED) from None
    finally:
        logging.disable(logging.NOTSET)
    status = store.status
    if status.read_only is not None:
        # A read-only folder's history, read into memory as the window shows it: listed and
        # exported as it is, the file untouched. Said once, as the window's strip says it.
        err(f"hiptimer: {_read_only_words(path.parent, status.read_only)}")
    elif not status.saving:
        store.close()
        # The reason, not the window's sentence: no rating waits in memory for a command.
        why = f"cannot read the history: {status.reason}"
        if read_only_folder(path.parent):
            why += (
                f"; {path.parent} cannot be written, and SQLite writes beside the file to read"
                " it: copy the folder somewhere you can write and give that with --data-dir"
            )
        raise CommandError(why, code=EXIT_FAILED)
    # What opening mended, once; then, on every run, the rows this output leaves out.
    for line in (store.mended, describe_left_out(store.set_aside_rows())):
        if line:
            err(f"hiptimer: {line}")
    if store.mended:  # and in the window, for whoever never reads this terminal
        left_notice.leave(path, store.mended)
    return store


def _read_only_words(folder: Path, copy: ReadOnlyCopy) -> str:
    said = f"read the history in {folder} read-only, writing nothing: "
    if copy.update is not None:
        old, new = copy.update
        return said + (
            f"this HipTimer must update its format (version {old} to {new}) before it can use"
            " the file there, and the folder cannot be written"
        )
    return said + "the folder cannot be written, and SQLite writes beside the file to read it"


def cmd_list(args: argparse.Namespace) -> int:
    from hiptimer.core.history.wording import (  # not needed to open the window
        NOT_REPRESENTATIVE_KEY,
        average_pain,
        completion_text,
        duration_text,
        pain_number,
        when_text,
    )
    from hiptimer.i18n import translate

    since, until = _range(args)
    if args.limit < 0:
        raise CommandError("--limit must be 0 (all) or more")
    with open_store() as store:
        _known_routine(store, args.routine)
        sessions = store.list_sessions(args.routine, since, until, limit=args.limit or None)
        # Each session as recorded: a session marked not representative keeps its results.
        found = store.test_results(args.routine, since, until, representative_only=False)
        # Named as the window and the report name them: the library's names now, in the
        # language in use (a built-in done in English reads in Spanish once it is chosen).
        routines = _library() if sessions else {}
        listed = {s.id for s in sessions}
        doses = {
            r.session_id: doses_of(store, r.session_id) for r in found if r.session_id in listed
        }
    if not sessions:
        # "in that range" only where a range was given (a new or moved-aside history has none).
        out(
            "No sessions recorded in that range." if since or until else "No sessions recorded yet."
        )
        return 0
    by_id = {s.id: s.routine_id for s in sessions}
    results = _results_by_session(found, routines, by_id, doses)
    rows = [("DATE", "ROUTINE", "TIME", "DONE", "MAX", "AVG", "NOTE")]
    for s in sessions:
        rows.append(
            (
                when_text(s.started_at),
                cell(routine_name(routines, s.routine_id, s.routine_title)),
                duration_text(s),
                completion_text(s),
                pain_number(s.max_pain, 0),
                average_pain(s),  # '2.7*' when marked not representative
                cell(s.note, 40),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row, session in zip(rows, [None, *sessions], strict=True):
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        out("  ".join([*cells, row[-1]]).rstrip())
        # A re-test's results are what it is for: on a line of their own, under the routine.
        if session is not None and session.id in results:
            out(" " * (widths[0] + 2) + results[session.id])
    if any(s.not_representative for s in sessions):
        out("")
        out(translate(NOT_REPRESENTATIVE_KEY))
    return 0


def _library() -> dict[str, Routine]:
    """The library's routines by id, in the language in use; a broken file is left out."""
    from hiptimer.core.history.review import routines_by_id
    from hiptimer.core.routines.catalog import load_catalog

    return routines_by_id(load_catalog())


def _results_by_session(
    found: list[RetestResult],
    routines: Mapping[str, Routine],
    routine_of: Mapping[int, str],
    doses: Mapping[int, Mapping[str, Any]],
) -> dict[int, str]:
    """'Chair stand: 12 stands; Single-leg stance (right): 17.3 s' for each session id of
    `routine_of`, each test named as the window's sets table names it (names.py)."""
    from hiptimer.core.history.result_text import result_text
    from hiptimer.core.history.wording import with_side

    lines: dict[int, list[str]] = {}
    for r in found:
        if r.session_id not in routine_of:
            continue  # a session past --limit: not listed
        rid = routine_of[r.session_id]
        name = exercise_name(routines, rid, r.exercise_id, r.exercise_name, doses[r.session_id])
        label = cell(with_side(name, r.side))
        unit = cell(r.unit)  # a unit of the user's own comes from a routine file
        lines.setdefault(r.session_id, []).append(f"{label}: {result_text(r.result, unit)}")
    return {sid: "; ".join(parts) for sid, parts in lines.items()}


def cmd_export(args: argparse.Namespace) -> int:
    if not args.csv and not args.pdf:
        raise CommandError("say what to write: --csv FILE, --pdf FILE or both")
    if args.pdf == STDOUT:
        raise CommandError(
            "--pdf: a PDF report needs a file name; - (standard output) is for --csv"
        )
    since, until = _range(args)
    with open_store() as store:
        _known_routine(store, args.routine)  # a mistyped id must not write an empty file
        if args.csv == STDOUT:
            rows = _to_stdout(lambda f: store.export_csv(f, since, until, args.routine))
            err(f"Wrote {_sets(rows)} to standard output.")
        elif args.csv:
            rows = _writing(
                args.csv, lambda: store.export_csv(args.csv, since, until, args.routine)
            )
            said_beside(args.csv)(f"Wrote {_sets(rows)} to {args.csv}.")
        if args.pdf:
            from hiptimer.cli.voice_rule import read_settings
            from hiptimer.core.routines.catalog import load_catalog
            from hiptimer.ui.history.report_pdf import write_report

            catalog = load_catalog()
            limit = read_settings().pain_limit  # the window's Export PDF states it too

            def write() -> int:
                return write_report(
                    store, args.pdf, since, until, args.routine, catalog, pain_limit=limit
                )

            pages = _writing(args.pdf, write)
            said_beside(args.pdf)(f"Wrote a {pages}-page report to {args.pdf}.")
    return 0


def _known_routine(store: HistoryStore, routine_id: str | None) -> None:
    """Refuse a --routine that no session in the history has (a typo, most often)."""
    if routine_id is None or store.last_session_for(routine_id) is not None:
        return
    from hiptimer.core.routines.catalog import case_hint

    known = sorted({s.routine_id for s in store.list_sessions()})
    hint = case_hint(routine_id, known)  # as the window's `--routine DAILY` says
    raise CommandError(
        f"--routine: no session in the history is of a routine with the id {routine_id!r}"
        + (f" ({escape_controls(hint)})" if hint else ""),
        "Routines with sessions: " + (escape_controls(", ".join(known)) if known else "none yet"),
    )


def _sets(n: int) -> str:
    return "1 set" if n == 1 else f"{n} sets"


STDOUT = "-"  # as for most command-line tools: standard output, not a file named "-"


def _to_stdout(write: Callable[[TextIO], int]) -> int:
    """Run `write` on standard output as the file export writes (UTF-8 with a byte-order
    mark, CSV's own line ends)."""
    if sys.stdout is None:  # started with it closed (`>&-`)
        raise CommandError("cannot write to standard output: it is closed", code=EXIT_FAILED)
    sys.stdout.flush()
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8-sig", newline="")
    try:
        return write(stream)
    except OSError as exc:  # a closed pipe, a full disk behind a redirection
        why = exc.strerror or exc
        raise CommandError(f"cannot write to standard output: {why}", code=EXIT_FAILED) from None
    finally:
        with contextlib.suppress(OSError):  # already said, by the error above
            stream.flush()
        stream.detach()  # sys.stdout keeps its buffer


def _writing(path: str, write: Callable[[], int]) -> int:
    """Run `write`, turning a failure to write `path` into one line."""
    if Path(path).is_dir():
        raise CommandError(f"cannot write {path}: it is a folder", code=EXIT_FAILED)
    try:
        return write()
    except OSError as exc:
        raise CommandError(
            f"cannot write {path}: {exc.strerror or exc}", code=EXIT_FAILED
        ) from None

"""What every `hiptimer` subcommand shares: its errors, its common options and safe output."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO, TypeAlias

from hiptimer.core.escapes import escape_controls
from hiptimer.core.safe_write import file_in_the_way

# Exit statuses: 2, the command or a routine file is wrong ("you asked for something that
# cannot be done", as argparse says it); 1, it was right but could not be carried out here (a
# file that cannot be written, no history yet, no voice to render with).
EXIT_USAGE = 2
EXIT_FAILED = 1

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Run = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A user-facing failure: the lines go to stderr and the command exits with `code`."""

    def __init__(self, *lines: str, code: int = EXIT_USAGE) -> None:
        super().__init__(lines[0] if lines else "")
        self.lines = lines
        self.code = code


def data_folder_problem(folder: Path) -> str | None:
    """What is wrong with a data folder (--data-dir, $HIPTIMER_HOME) that is a file, or lies
    under one; None when it can be a folder (a missing one is made when something is saved).
    `list` listed the built-ins without a word, and `history` said "no history yet", for a
    file given as the folder."""
    blocker = file_in_the_way(folder)
    if blocker is None:
        return None
    if blocker == folder:
        return f"the data folder {folder} is a file, not a folder"
    return f"the data folder {folder} cannot be made: {blocker} is a file, not a folder"


def given(text: str) -> str:
    """An option's value or a file/routine argument that may not be empty: `--data-dir "$UNSET"`
    used the default data folder without a word, `--wav ""` printed the script instead of
    writing one, `validate ""` checked the current folder (".: is a folder")."""
    if not text:
        raise argparse.ArgumentTypeError("is empty; give a name")
    return text


def common_options() -> argparse.ArgumentParser:
    """Options valid both before and after the subcommand.

    SUPPRESS as the default keeps a subcommand's parser from overwriting a value
    given before the subcommand with its own default.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=given,
        default=argparse.SUPPRESS,
        help="keep all your data (routines, history, settings) in DIR",
    )
    return common


def add_command(
    subparsers: SubParsers, name: str, help: str, run: Run, *, description: str | None = None
) -> argparse.ArgumentParser:
    """Add one subcommand that accepts the common options and runs `run(args)`; its --help
    says `description`, else `help`."""
    parser = subparsers.add_parser(
        name, help=help, description=description or help, parents=[common_options()]
    )
    parser.set_defaults(run=run, command_parser=parser)  # for parse_all's usage line
    return parser


def parse_all(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """`parser.parse_args(argv)`, but arguments a command does not take are refused with that
    command's usage, as its --help gives (`show week extra` printed the top level's)."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        where = getattr(args, "command_parser", None) or parser
        where.error("unrecognized arguments: " + " ".join(extra))
    return args


# ---------------------------------------------------------------- output


def printable(text: str, stream: TextIO) -> str:
    """Text that cannot garble a terminal or fail to encode: control characters escaped."""
    text = escape_controls(text)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        return text.encode("ascii", "backslashreplace").decode("ascii")


def cell(text: str, limit: int | None = None) -> str:
    """`text` on one line, for a table: a line break in a routine's title or a note (a routine
    file may hold one) would start a new row. Cut to `limit` characters with '...'."""
    text = escape_controls(" ".join(text.split()))
    return text if limit is None or len(text) <= limit else text[: limit - 3] + "..."


class StdoutRefused(Exception):
    """Standard output refused what a command printed (a full disk, a closed descriptor): the
    command says so in one line (main), where a traceback showed."""


@contextmanager
def _refused_said() -> Iterator[None]:
    """A write to standard output that fails, as StdoutRefused (a closed pipe stays
    BrokenPipeError: the reader left, and main stops quietly)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutRefused(exc.strerror or str(exc)) from None


def out(text: str = "") -> None:
    if sys.stdout is None:  # started with it closed (`>&-`)
        raise StdoutRefused("it is closed")
    with _refused_said():
        print(printable(text, sys.stdout))


def drop_stdout() -> None:
    """Standard output sent to the null device: nothing more is written where it failed, not
    even at the interpreter's exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # none (tests capture it, or `>&-`)
        pass


def flush_stdout() -> None:
    """What is printed, written out before the command returns (a full disk shows here)."""
    if sys.stdout is None:
        return
    with _refused_said():
        sys.stdout.flush()


def err(text: str) -> None:
    print(printable(text, sys.stderr), file=sys.stderr)


def said_beside(path: str) -> Callable[[str], None]:
    """Where to say what was written: stderr when the file is our own stdout (--csv
    /dev/stdout, --wav /dev/stdout, even redirected to a file), so the line does not land
    in what was written."""
    try:
        written, stdout = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no real stdout (captured)
        return out
    same = (written.st_dev, written.st_ino) == (stdout.st_dev, stdout.st_ino)
    return err if same else out

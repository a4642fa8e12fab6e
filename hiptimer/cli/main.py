"""The `hiptimer` command: open the window, or list, show and validate routines without it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hiptimer import __version__, i18n, paths
from hiptimer.cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    CommandError,
    Run,
    StdoutRefused,
    SubParsers,
    add_command,
    common_options,
    data_folder_problem,
    drop_stdout,
    err,
    flush_stdout,
    given,
    out,
    parse_all,
    said_beside,
)

if TYPE_CHECKING:
    from hiptimer.core.routines.catalog import Catalog
    from hiptimer.core.routines.model import Routine

# The routine catalog, loader and validation load in the commands that read routines: the
# window reads its library just after it shows (hiptimer.ui.app), not before.

# ---------------------------------------------------------------- the parser

# What `list` and `show` count, as their --help says: a command cannot know whether the
# window's voice will play, so it counts the voice as the library does while it speaks.
LENGTH_COUNTS = (
    "A routine's time counts the get-ready and the rests before exercises as long as the voice "
    "needs to read them, as the library gives it while the voice speaks; with sound off in "
    "the settings, every pause lasts as written."
)


def _add_list(subparsers: SubParsers) -> None:
    from hiptimer.cli.routine_list import cmd_list  # only when `list` is asked for

    add_command(
        subparsers, "list", "list the built-in routines and yours", cmd_list,
        description=f"List the built-in routines and yours. {LENGTH_COUNTS}",
    )  # fmt: skip


def _add_show(subparsers: SubParsers) -> None:
    parser = add_command(
        subparsers, "show", "print a routine's plan", cmd_show,
        description=f"Print a routine's plan. {LENGTH_COUNTS} The total gives the length "
        "without the voice too, where it differs.",
    )  # fmt: skip
    parser.add_argument(
        "routine", type=given, metavar="ROUTINE", help="a routine id, file name or path"
    )


def _add_validate(subparsers: SubParsers) -> None:
    parser = add_command(
        subparsers,
        "validate",
        "check routine (or figure) files; prints one line per problem and exits 2 if any",
        cmd_validate,
    )
    parser.add_argument(
        "files", type=given, metavar="FILE", nargs="+", help="routine or figure files to check"
    )


def _add_cues(subparsers: SubParsers) -> None:
    parser = add_command(
        subparsers, "cues", "print what the voice says through a whole session, and when", cmd_cues
    )
    parser.add_argument(
        "routine", type=given, metavar="ROUTINE", help="a routine id, file name or path"
    )
    parser.add_argument(
        "--wav",
        metavar="FILE",
        type=given,
        help="instead, speak the session into FILE with the real voice (- for standard output)",
    )


def _add_history(subparsers: SubParsers) -> None:
    # Imported here: hiptimer.cli.history builds on this module.
    from hiptimer.cli.history import add_history

    add_history(subparsers)


# Each adder registers one subcommand (or a group, such as "history export", whose
# adder makes its own subparsers and calls add_command for each).
# A command resolves a ROUTINE argument with resolve_routine() and reports a
# user-facing failure by raising CommandError.
COMMANDS: dict[str, Callable[[SubParsers], None]] = {
    "list": _add_list,
    "show": _add_show,
    "validate": _add_validate,
    "cues": _add_cues,
    "history": _add_history,
}
VALUE_OPTIONS = ("--data-dir", "--routine")  # the top-level options that take a value


def command_named(argv: Sequence[str]) -> str | None:
    """The subcommand argv asks for: its first word that is neither an option nor the value
    of one; None when there is none (the window opens)."""
    words = iter(argv)
    for arg in words:
        if arg == "--":
            return next(words, None)
        if arg in VALUE_OPTIONS:
            next(words, None)
        elif not arg.startswith("-"):
            return arg
    return None


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """A parser with only the subcommand argv names, or none when it names none (opening the
    window builds no subcommand); --help and an unknown word get them all, to list them."""
    name = command_named(argv)
    if name in COMMANDS:
        return build_parser(only=[name])
    if name is None and not any(arg in ("-h", "--help") for arg in argv):
        return build_parser(only=[])
    return build_parser()


def build_parser(only: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, just those subcommands."""
    parser = argparse.ArgumentParser(
        prog="hiptimer",
        description="A guided, voice-coached timer for home hip exercise programs.",
        epilog="hiptimer FILE.json opens the window on that routine file, as --routine FILE.json.",
        parents=[common_options()],
    )
    parser.add_argument("--version", action="version", version=f"hiptimer {__version__}")
    parser.add_argument(
        "--routine",
        dest="open_routine",  # not "routine": subcommands take a ROUTINE argument of their own
        metavar="ROUTINE",
        type=given,
        help="open the window on this routine (id, file name or path)",
    )
    parser.add_argument("--start", action="store_true", help="start the routine at once")
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="start in the tray without a window (the start at login does this)",
    )
    parser.set_defaults(run=cmd_open_window)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in COMMANDS.items():
        if only is None or name in only:
            add(subparsers)
    return parser


# ---------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    try:
        code = _run(argv)
        flush_stdout()  # a closed pipe or a full disk shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        # `hiptimer list | head -1`: the reader left; stop quietly.
        # https://docs.python.org/3/library/signal.html#note-on-sigpipe
        drop_stdout()
        return 1
    except StdoutRefused as exc:
        err(f"hiptimer: cannot write to standard output: {exc}")
        drop_stdout()
        return 1
    except KeyboardInterrupt:
        return 130


def routine_file_first(argv: list[str]) -> list[str]:
    """`hiptimer my-routine.json` as `hiptimer --routine my-routine.json`: a file given to the
    app opens on it, as a desktop app's does ("Open with", a double-click, a drop on its icon).
    Only a word that is no command and names a .json file or an existing file."""
    word = command_named(argv)
    if word is None or word in COMMANDS or "--routine" in argv:
        return argv
    if not (word.lower().endswith(".json") or Path(word).is_file()):
        return argv
    at = argv.index(word)
    return [*argv[:at], "--routine", word, *argv[at + 1 :]]


def _run(argv: Sequence[str] | None) -> int:
    argv = routine_file_first(list(sys.argv[1:] if argv is None else argv))
    parser = parser_for(argv)
    try:
        args = parse_all(parser, argv)
        if args.command and (args.open_routine or args.start):
            parser.error("--routine and --start open the window; use them without a command")
        if args.start and not args.open_routine:
            parser.error("--start needs --routine")
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "data_dir", None):
        paths.set_data_dir(args.data_dir)
    # A folder --data-dir or $HIPTIMER_HOME names (or the default) that is a file: the commands
    # stop here; the window opens and says so in its strip (README). $HIPTIMER_HOME went
    # unchecked: `list` listed the built-ins without a word, `history` said "no history yet".
    problem = data_folder_problem(paths.data_dir()) if args.command else None
    if problem:
        err(f"hiptimer: {problem}")
        return EXIT_USAGE
    # Before any routine is read (--routine too): built-ins load in the language in use. The
    # window chooses again with the desktop's languages, for systems with no locale variable.
    from hiptimer.cli.voice_rule import read_settings  # no cue wording until a command asks

    i18n.use(i18n.choose_language(read_settings().language))
    run: Run = args.run
    try:
        return run(args)
    except CommandError as exc:
        for line in exc.lines:
            err(f"hiptimer: {line}")
        return exc.code


# ---------------------------------------------------------------- commands


def resolve_routine(
    spec: str, catalog: Catalog | None = None, *, every_problem: bool = False
) -> Routine:
    """The routine an argument names, or a CommandError saying why not.

    The error is one line unless every_problem asks for each problem of a broken file.
    """
    from hiptimer.core.routines.catalog import find_routine
    from hiptimer.core.routines.validation import RoutineError

    # Not `or`: an empty Catalog is falsy. None: a file from elsewhere is read alone.
    find = find_routine if catalog is None else catalog.find
    try:
        return find(spec)
    except LookupError as exc:
        raise CommandError(str(exc.args[0] if exc.args else exc)) from None
    except RoutineError as exc:
        lines = exc.lines()
        if every_problem:
            raise CommandError(*lines) from None
        more = len(lines) - 1
        tail = f" (and {more} more; see `hiptimer validate {exc.source}`)" if more else ""
        raise CommandError(f"routine is broken: {lines[0]}{tail}") from None


def cmd_open_window(args: argparse.Namespace) -> int:
    spec, routine = args.open_routine, None
    if spec:  # a large folder of the user's: the window opens first and finds an id or a file
        from hiptimer.core.routines.read_apart import many_user_routines  # name as it reads

        # (read here, the whole folder held the window back: 2,000 files, 4-6 s)
        later = not os.path.lexists(spec) and many_user_routines()
        routine = spec if later else resolve_routine(spec)
    try:
        from hiptimer.ui.app import run_app
    except ImportError as exc:  # Qt cannot load: usually a system library is missing
        err(f"hiptimer: the window cannot open: {exc}")
        err("hiptimer: install the libraries the README lists; `hiptimer list` works without them")
        return 1
    return int(run_app(routine=routine, start=bool(args.start), in_tray=bool(args.in_tray)))


def cmd_show(args: argparse.Namespace) -> int:
    from hiptimer.core.routines.catalog import load_catalog

    catalog = load_catalog()
    routine = resolve_routine(args.routine, catalog, every_problem=True)
    from hiptimer.cli.plan_text import plan_lines  # `show` only: not for the window

    # A user's version of a built-in marks its own doses, as the library does.
    for line in plan_lines(routine, catalog.original_of(routine)):
        out(line)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from hiptimer.cli.figure_check import figure_lines, picture_lines
    from hiptimer.core.routines.loader import load_routine
    from hiptimer.core.routines.validation import RoutineError

    ok = True
    for name in args.files:
        try:
            routine = load_routine(name)
        except RoutineError as exc:
            figure = figure_lines(name)  # a figure file (docs/figures.md) is checked as one
            lines = exc.lines() if figure is None else figure
            ok = ok and bool(lines) and lines[0].startswith("ok: ")
            for line in lines:
                out(line)
            continue
        except Exception as exc:  # the loader promises only RoutineError; keep the others' results
            ok = False
            out(f"{name}: could not be checked ({type(exc).__name__}: {exc})")
            continue
        count = len(routine.exercises)
        out(f"ok: {name} ({routine.title}, {count} exercise{'s' if count != 1 else ''})")
        for line in picture_lines(name, routine):  # not shown, but the session runs
            out(line)
    return 0 if ok else EXIT_USAGE


def cmd_cues(args: argparse.Namespace) -> int:
    # Loaded here, not at the top: opening the window does not need the engine's cue script.
    from hiptimer.cli import voice_rule
    from hiptimer.cli.plan_text import NOTHING_TO_START
    from hiptimer.core.voice.cue_script import format_script, iter_cue_script

    routine = resolve_routine(args.routine)
    if not routine.active_exercises:  # as Start and `show` say: no session, so no script
        raise CommandError(NOTHING_TO_START, code=EXIT_FAILED)
    # The voice of the user's next session: lead-ins as long as it needs to read them.
    script = iter_cue_script(routine, writer=voice_rule.next_session_writer(), stretched=True)
    if args.wav:
        return _write_voice_track(_track_script(script), args.wav)
    # Line by line as the simulation goes: the script of a valid routine can run to
    # millions of lines (500 counted reps a set), so it is never held whole.
    for offset, text in script:
        out(format_script([(offset, text)]))
    return 0


# A WAV file holds at most 4 GiB: about 27 hours of espeak-ng's 22.05 kHz 16-bit voice.
MAX_TRACK_S = 24 * 3600


def _track_script(script: Iterable[tuple[float, str]]) -> list[tuple[float, str]]:
    """The script for a voice track, or a CommandError for a session too long for a WAV file
    (read no further than that, and before any phrase is rendered)."""
    phrases = []
    for offset, text in script:
        if offset > MAX_TRACK_S:
            raise CommandError(
                "a voice track is made for sessions of up to 24 hours (a WAV file holds about "
                "27); this one runs longer. Without --wav the script is printed.",
                code=EXIT_FAILED,
            )
        phrases.append((offset, text))
    return phrases


def _write_voice_track(script: list[tuple[float, str]], path: str) -> int:
    from hiptimer.audio import tts, voice_track
    from hiptimer.core.safe_write import replacing_bytes

    to_stdout = path == "-"  # as for most command-line tools: not a file named "-"
    try:
        if to_stdout:
            sys.stdout.flush()
            placements = voice_track.render_to_wav(script, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            # Rendered beside the path and put in its place at the end: a failed render keeps
            # an older file whole, and a link or a pipe given as FILE stays what it is.
            with replacing_bytes(path) as target:
                placements = voice_track.render_to_wav(script, target)
    except tts.SpeechUnavailable as exc:
        raise CommandError(f"no voice to render with: {exc}", code=EXIT_FAILED) from None
    except OSError as exc:
        if to_stdout and any(isinstance(e, BrokenPipeError) for e in (exc, exc.__context__)):
            # The player stopped reading; wave's close() then fails to seek back on the pipe
            # (ESPIPE) and hides it. Quiet, as `list | head` (main() handles the closed pipe).
            raise BrokenPipeError from exc
        where = "standard output" if to_stdout else path
        raise CommandError(
            f"cannot write {where}: {exc.strerror or exc}", code=EXIT_FAILED
        ) from None
    from hiptimer.core.routines.model import format_duration

    end = max((p.start_s + p.duration_s for p in placements), default=0.0)
    said = err if to_stdout else said_beside(path)
    said(
        f"Wrote {'standard output' if to_stdout else path}: {len(placements)} phrases, "
        f"{format_duration(end)}."
    )
    return 0

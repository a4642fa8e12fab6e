"""README.md's command line held to the real parser: each line of its `sh` block parses (and the
commands that need no window, voice or history run), each option the docs name exists, and each
command and option `--help` lists is named in the docs; and the settings' stated defaults. (The key
table: tests/ui/test_key_help.py holds it to the key map, tests/ui/test_keys_everywhere.py to the
windows' shortcuts, tests/docs/test_readme_keys.py types its session rows into the window.)"""

from __future__ import annotations

import argparse
import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hiptimer.cli.main import build_parser, main, parser_for, routine_file_first
from tests.doc_reading import DOCS, code_blocks, doc, options_named

README = doc("README.md")
EVERY_DOC = README + "".join(doc(p.name) for p in sorted(DOCS.glob("*.md")))


def command_lines() -> list[list[str]]:
    """The words after `uv run hiptimer` on each line of the README's command-line block."""
    block = next(b for b in code_blocks(README, "sh") if "uv run hiptimer list" in b)
    lines = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    return [shlex.split(line)[3:] for line in lines if line.startswith("uv run hiptimer")]


def parsers(parser: argparse.ArgumentParser, words: str = "") -> Iterator[tuple[str, Any]]:
    """Each command of the parser (its words: "", "history", "history export") and parser."""
    yield words, parser
    for action in parser._actions:  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{words} {name}".strip())


def every_option() -> set[str]:
    return {
        option
        for _, parser in parsers(build_parser())
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def test_the_block_has_every_command() -> None:
    said = {line[0] for line in command_lines() if line and not line[0].startswith("-")}
    assert said >= {"list", "show", "validate", "cues", "history"}


@pytest.mark.parametrize("argv", command_lines(), ids=" ".join)
def test_each_line_of_the_readme_s_command_block_parses(argv: list[str]) -> None:
    argv = routine_file_first(argv)  # `hiptimer FILE.json`, as main() reads it
    try:
        parser_for(argv).parse_args(argv)
    except SystemExit as exit:  # --version prints and leaves, as it should
        assert argv == ["--version"] and exit.code == 0


RUNS_HERE = ["list", "show", "validate", "cues"]  # no window, voice or history needed


@pytest.mark.parametrize(
    "argv",
    [a for a in command_lines() if a[:1] and a[0] in RUNS_HERE and "--wav" not in a],
    ids=" ".join,
)
def test_the_lines_that_need_no_window_voice_or_history_run_and_exit_0(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # my-routine.json: the format doc's complete example
    example = code_blocks(doc("routine-format.md"), "json")[0]
    Path("my-routine.json").write_text(example, encoding="utf-8")
    assert json.loads(example)["id"] == "morning-hips"
    assert main(argv) == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("option", sorted(every_option()))
def test_each_option_help_lists_is_named_in_the_docs(option: str) -> None:
    assert option in options_named(EVERY_DOC), f"{option} is in --help but in no doc"


@pytest.mark.parametrize(
    "words", [w for w, _ in parsers(build_parser()) if w], ids=lambda w: w or "hiptimer"
)
def test_each_command_help_lists_is_named_in_the_docs(words: str) -> None:
    assert re.search(rf"hiptimer {words}\b", EVERY_DOC), f"hiptimer {words}"


def hiptimer_spans() -> list[str]:
    """Every `hiptimer ...` command written in backticks or in the command block."""
    spans = re.findall(r"`(hiptimer [^`]*)`", EVERY_DOC)
    return spans + [" ".join(["hiptimer", *argv]) for argv in command_lines()]


def test_each_option_a_documented_command_uses_exists() -> None:
    named = {option for span in hiptimer_spans() for option in options_named(span)}
    assert named >= {"--csv", "--pdf", "--routine", "--data-dir", "--in-tray", "--wav"}
    assert named - every_option() == set()


def said(pattern: str) -> re.Match[str]:
    found = re.search(pattern, " ".join(README.split()))
    assert found, f"README no longer says {pattern!r}"
    return found


def test_the_settings_defaults_and_ranges_the_readme_states_are_the_code_s() -> None:
    from hiptimer.core.plan.model import DEFAULT_TIME
    from hiptimer.core.settings import SETUP_MODES, TEXT_SIZES, Settings, valid_value
    from hiptimer.i18n import LANGUAGES
    from hiptimer.ui.settings.dialog import PAIN_RANGE

    default = Settings()
    pain = said(r"the pain limit \((\d+)-(\d+), default (\d+); a limit of (\d+)-(\d+) set in")
    low, high, usual, least, most = (int(n) for n in pain.groups())
    assert (PAIN_RANGE, default.pain_limit) == ((low, high), usual)  # the dialog's range
    assert valid_value("pain_limit", least) and valid_value("pain_limit", most)  # the file's
    assert not valid_value("pain_limit", least - 1) and not valid_value("pain_limit", most + 1)
    assert said(r"read always / the first time / never") and SETUP_MODES == (
        "always", "first", "never",
    )  # fmt: skip
    assert said(r"language \(English or Spanish; the system's by default\)")
    assert (set(LANGUAGES), default.language) == ({"en", "es"}, "")  # "": the system's
    assert said(r"or \*as the system\* \(the default\)") and default.theme == "system"
    sizes = said(r"text size \(normal, (\d+) %, (\d+) %\)")
    assert (100, *(int(n) for n in sizes.groups())) == TEXT_SIZES and default.text_size == 100
    planned = said(r"new ones get the days of their schedule and (\d\d:\d\d)")
    assert planned.group(1) == DEFAULT_TIME

"""The catalogs: every marked string of the code is translated in each shipped language,
placeholders are kept, and the compiled .mo is the .po as it stands."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from hiptimer import i18n

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {**DEFAULT_KEYWORDS, "n_": (1, 2), "p_": ((1, "c"), 2)}
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]
FIELD = re.compile(r"(?<!\{)\{([a-z_]*)[^{}]*\}")

Key = tuple[str | None, str]


@functools.cache
def _marked() -> dict[Key, str]:
    """(context, msgid) of every marked string in the package, with where it is.

    Read when a test first asks, not at import: every xdist worker collects this module, and
    the extraction (about a second of CPU) is needed only by the one that runs these tests.
    """
    found: dict[Key, str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT / "hiptimer"), keywords=KEYWORDS, comment_tags=()
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault((context, msgid), f"hiptimer/{filename}:{lineno}")
    return found


def _catalog(code: str) -> Catalog:
    po = i18n.locale_dir() / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with po.open("rb") as f:
        return read_po(f, locale=code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_marked_string_is_translated(code: str) -> None:
    catalog = _catalog(code)
    missing = []
    for (context, msgid), where in _marked().items():
        entry = catalog.get(msgid, context=context)
        forms = [] if entry is None else _forms(entry.string)
        if entry is None or entry.fuzzy or not forms or not all(forms):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, f"not translated in {code} (docs/translating.md):\n" + "\n".join(missing)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalog_holds_nothing_the_code_no_longer_says(code: str) -> None:
    marked = _marked()
    stale = [m.id for m in _catalog(code) if m.id and (m.context, _singular(m.id)) not in marked]
    assert not stale, "run pybabel update (docs/translating.md); stale: " + repr(stale[:10])


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders(code: str) -> None:
    wrong = []
    for m in _catalog(code):
        if not m.id:
            continue
        ids = _forms(m.id)
        strings = _forms(m.string)
        wanted = set(FIELD.findall(ids[-1])) | set(FIELD.findall(ids[0]))
        for s in strings:
            # a singular form may say "one" instead of its {n}; no form may invent a field
            if not set(FIELD.findall(s)) <= wanted or (
                len(ids) == 1 and set(FIELD.findall(s)) != wanted
            ):
                wrong.append(f"{ids[0]!r} -> {s!r}")
    assert not wrong, "\n".join(wrong)


# A count before a plural noun ("{n} older notes"), in a message that is not a plural one.
COUNTED_NOUN = re.compile(r"\{n\}(?: (?:more|older|earlier|other))* [a-z]+s\b")
NEVER_ONE = {
    "{n} times a week": "1 is 'once a week' (Schedule.label)",
    "Show the sessions of the last {n} days": "28 or 91 days",
    "{n} words/min": "a speech rate, 80 and up",
}


def test_a_count_before_a_plural_noun_is_a_plural_message() -> None:
    # The PDF said "... and 1 older notes." ("... y 1 notas anteriores."): a count that can be
    # 1 takes n_(), whose forms each language words (Spanish has three). A count over a
    # {limit} is never 1.
    singular = [
        f"hiptimer/{filename}:{lineno}: {message!r}"
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "hiptimer"), keywords=KEYWORDS, comment_tags=()
        )
        if isinstance(message, str)
        and COUNTED_NOUN.search(message)
        and message not in NEVER_ONE
        and "{limit}" not in message
    ]
    assert not singular, "use n_() (docs/translating.md):\n" + "\n".join(singular)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalog_is_the_current_po(code: str) -> None:
    mo = i18n.locale_dir() / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(code))
    assert mo.read_bytes() == compiled.getvalue(), "run pybabel compile (docs/translating.md)"


def _singular(msgid: object) -> str:
    return _forms(msgid)[0]


def _forms(text: object) -> list[str]:
    """A message's id or string as a list: one item, or one per plural form."""
    if isinstance(text, str):
        return [text]
    return [str(t) for t in text] if isinstance(text, (list, tuple)) else []


def test_the_extractor_sees_every_marked_string() -> None:
    """_('HipTimer routines') inside an f-string was never extracted (babel reads no call in
    an f-string), so the file dialogs' filter stayed English in Spanish (seen in the real
    window); Python's own parse finds every call that the catalog must hold."""
    import ast

    extracted = {msgid for _context, msgid in _marked()}
    unseen = []
    for path in sorted((ROOT / "hiptimer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            first = {"_": 0, "N_": 0, "n_": 0, "p_": 1}.get(node.func.id)
            if first is None or len(node.args) <= first:
                continue
            arg = node.args[first]
            if isinstance(arg, ast.Constant) and arg.value not in extracted:
                unseen.append(f"{path.relative_to(ROOT)}:{node.lineno}: {arg.value!r}")
    assert not unseen, "marked but not extracted (an f-string?):\n" + "\n".join(unseen)


# Keeping a session's doses is one verb in Spanish: the summary asked "¿Mantener estas dosis para
# la próxima vez?" just under "mantener 30 s → 27 s" (mantener is the hold), the library "¿las
# mantienes...?", while the question it opens said "¿Guardar estas dosis?".
KEEP_DOSES = (
    "Keep these doses?",
    "Keep for next time",
    "Keep these doses for next time?",
    "Make the doses changed in this session the routine's doses from now on",
    "Doses kept for next time",
    "Doses not kept",
    "New doses kept for {title}.",
    "Not taken: you kept this session's dose instead, so next time {dose}.",
    "You kept this session's dose, so next time {dose}.",
    "Doses changed in your last session: keep them for next time?",
    "keep the doses changed this session for next time (asks first)",
    "review the chosen routine's dose suggestions not answered yet, and the doses its last"
    " session changed, not kept or declined yet",
)


def test_keeping_doses_is_said_with_one_verb_in_spanish_not_the_hold_s() -> None:
    catalog = _catalog("es")
    hold = catalog.get("hold")
    assert hold is not None and hold.string == "mantener"
    for msgid in KEEP_DOSES:
        entry = catalog.get(msgid)
        assert entry is not None, msgid
        said = str(entry.string).lower()
        assert "guard" in said and not re.search(r"mant[eé]n|mantien", said), (msgid, said)


def _spanish(msgid: str) -> str:
    entry = _catalog("es").get(msgid)
    assert entry is not None, msgid
    return str(entry.string)


def test_spanish_tells_a_workout_from_an_exercise() -> None:
    # "Workout" read "Ejercicio", the word the sets tables' first column uses for "Exercise":
    # the workout screen (its name for a screen reader, the large-print setting) and an
    # exercise in a table could not be told apart.
    exercise = _spanish("Exercise").lower()
    workout = [str(m.string) for m in _catalog("es") if isinstance(m.id, str) and "orkout" in m.id]
    assert workout and not [w for w in workout if exercise in w.lower()]


def test_spanish_choices_read_as_one_set_of_past_tense_verbs() -> None:
    # The Decision column's "seguido" ("in a row", "often") read oddly beside "dejado por hoy"
    # and "menos carga": each choice is now what the user did after the rating.
    words = [_spanish(w) for w in ("stopped for today", "lower dose", "continued")]
    assert words == ["lo dejó por hoy", "bajó la carga", "siguió"]

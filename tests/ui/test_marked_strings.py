"""Every string the window shows is marked for translation: an AST scan of hiptimer/ui."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "hiptimer" / "ui"
# Methods and constructors whose string arguments end up on screen (or in a screen reader).
SHOWN_BY = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setTabText", "addTab", "setInformativeText",
    "setDetailedText", "showMessage", "setSpecialValueText", "setSuffix", "setPrefix",
    "addAction", "addMenu", "addItem", "addItems", "insertItem", "setItemText", "addButton",
    "setButtonText", "setWindowIconText", "setFormat", "setHtml", "setPlainText", "setCaption",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMenu", "QMessageBox", "QListWidgetItem", "QTableWidgetItem", "QStandardItem",
    "information", "warning", "critical", "question", "about", "getText", "getItem",
    "getInt", "getOpenFileName", "getSaveFileName", "getExistingDirectory", "addRow",
    "setName", "_line", "_scatter",  # a chart series' name is its legend entry
}  # fmt: skip
MARKERS = {"_", "n_", "p_", "N_"}
WORDS = re.compile(r"[A-Za-z]{2,}")
# Not words a translator can change: the app's name, file filters' patterns, format codes.
UNTRANSLATED = {
    "HipTimer", "HipTimer — {routine}", "PDF (*.pdf)", "CSV (*.csv)",
    "d MMM yy",  # a QDateTime format: QLocale names the month in the language
    "rectangle", "triangle",  # a chart marker's shape (charts._scatter)
}  # fmt: skip
# Keyword arguments that carry shown text into our own helpers and widgets.
TEXT_KEYWORDS = {"text", "title", "tooltip", "tip", "label", "caption", "message", "placeholder"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _literals(node: ast.expr) -> Iterator[ast.expr]:
    """The bare string literals an argument is built from (a call to _ hides its own)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if WORDS.search(node.value) and node.value not in UNTRANSLATED:
            yield node
    elif isinstance(node, ast.JoinedStr):
        text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        if WORDS.search(re.sub(r"<[^>]*>", "", str(text))):  # markup alone has no words
            yield node
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            yield from _literals(item)


def _problems(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(UI.parent.parent)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in MARKERS:
            texts = node.args[:2] if name in ("n_", "p_") else node.args[:1]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                yield f"{where}:{node.lineno}: {name}() needs a literal string, not an expression"
            continue
        logged = isinstance(node.func, ast.Attribute) and _name(node.func.value) in (
            "log",
            "logging",
        )
        args = list(node.args) if name in SHOWN_BY and not logged else []
        args += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for arg in args:
            for literal in _literals(arg):
                yield f"{where}:{literal.lineno}: {ast.unparse(literal)[:60]} is not marked"


# Rooms whose strings are not marked yet: none since every room of hiptimer/ui was marked.
# A room (a folder or file under hiptimer/ui) may wait here while it is being marked; the
# second test fails once it is marked but still listed.
PENDING: set[str] = set()


def _pending(path: Path) -> bool:
    where = path.relative_to(UI).as_posix()
    return any(where == p or where.startswith(f"{p}/") for p in PENDING)


def test_every_shown_string_in_the_ui_is_marked() -> None:
    paths = [p for p in sorted(UI.rglob("*.py")) if not _pending(p)]
    problems = [problem for path in paths for problem in _problems(path)]
    assert not problems, "wrap with _() from hiptimer.i18n:\n" + "\n".join(problems)


def test_the_pending_rooms_still_need_marking() -> None:
    # a generator is always true: count what each file yields
    done = [p for p in PENDING if not any(list(_problems(f)) for f in _files(UI / p))]
    assert not done, f"marked now: take {done} out of PENDING"


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def test_the_scan_finds_an_unmarked_label(tmp_path: Path) -> None:
    sample = UI / "__scan_sample__.py"
    try:
        sample.write_text(
            'label = QLabel("Start")\nok = QLabel(_("Start"))\nb.setText(f"Set {n}")\n'
        )
        found = list(_problems(sample))
    finally:
        sample.unlink()
    assert [p.split(": ", 1)[1] for p in found] == [
        "'Start' is not marked",
        "f'Set {n}' is not marked",
    ]

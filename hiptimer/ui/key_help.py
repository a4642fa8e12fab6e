"""The keyboard-shortcuts window (F1, Ctrl+?) and the README's key table, both read from the key map."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hiptimer import APP_TITLE, i18n
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.key_words import shortcut_text
from hiptimer.ui.keys import GROUPS, SHORTCUTS, keys_text
from hiptimer.ui.quit_key import share_quit
from hiptimer.ui.widgets.plain import escape
from hiptimer.ui.widgets.readable import readable_by_keys
from hiptimer.ui.widgets.screen_fit import fit_window
from hiptimer.ui.widgets.whole_lines import WholeLinesBrowser

INTRO = N_(
    "The keys work on the screen named above them, whatever has the focus. A key keeps one "
    "meaning wherever it works, and no key quits or ends a session without asking."
)
Rows = list[tuple[str, list[tuple[str, str]]]]


def key_rows() -> Rows:
    """(heading, [(keys, what they do)]): each screen's keys, then the menus' shortcuts,
    in the language in use."""
    rows: Rows = [
        (translate(g.title), [(keys_text(b), translate(b.does)) for b in g.bindings])
        for g in GROUPS
    ]
    menus: dict[str, list[tuple[str, str]]] = {}
    for shortcut in SHORTCUTS.values():
        keys = " / ".join(shortcut_text(s) for s in shortcut.sequences)
        menus.setdefault(translate(shortcut.where), []).append((keys, translate(shortcut.does)))
    return rows + list(menus.items())


def markdown_table() -> str:
    """The key map as the README shows it, in English whatever the language in use
    (scripts/readme_keys.py writes it there)."""
    before = i18n.language()
    i18n.use(i18n.DEFAULT_LANGUAGE)
    try:
        lines = ["| Key | What it does |", "|---|---|"]
        for heading, rows in key_rows():
            lines.append(f"| **{heading}** | |")
            lines += [f"| {keys} | {does} |" for keys, does in rows]
    finally:
        i18n.use(before)
    return "\n".join(lines) + "\n"


class KeysWindow(QDialog):
    """Every key of the map, screen by screen: a heading for each screen and a table of its
    keys, which a screen reader reads as headings and table rows.

    Not modal: it can stay open beside the window while the keys are tried.
    Signals: only QDialog's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts \u2014 {app}").format(app=APP_TITLE))
        self.setObjectName("keys")
        self.view = WholeLinesBrowser(self)  # no line cut at its bottom edge
        self.view.setAccessibleName(_("Keyboard shortcuts"))
        self.view.setOpenLinks(False)
        readable_by_keys(self.view, name_says_how=False)  # a reader reads it line by line
        # Orca 43 says a dialog's description as it opens: "Keyboard shortcuts — HipTimer
        # dialog. The arrow keys read it line by line.", then "Keyboard shortcuts label."
        self.setAccessibleDescription(self.view.accessibleDescription())
        self.view.setHtml(keys_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_window(self, QSize(820, 720), QSize(420, 300))
        self.view.setFocus()


def keys_html() -> str:
    """The window's text: every string escaped (translations are text, not markup)."""
    e = escape
    parts = [f"<p>{e(translate(INTRO))}</p>"]
    for heading, rows in key_rows():
        cells = "".join(
            f"<tr><td style='padding: 2px 18px 2px 0'><b>{e(keys)}</b></td>"
            f"<td style='padding: 2px 0'>{e(does)}</td></tr>"
            for keys, does in rows
        )
        parts.append(f"<h3>{e(heading)}</h3><table>{cells}</table>")
    return "".join(parts)


def show_keys(parent: QWidget) -> KeysWindow:
    """Open the keyboard-shortcuts window of `parent`, or bring it forward if it is open."""
    window = parent.findChild(KeysWindow)
    if window is None:
        window = KeysWindow(parent)
        share_quit(window)  # Ctrl+Q typed in it quits HipTimer
    window.show()
    window.raise_()
    window.activateWindow()
    return window

"""Keys as a person names them, in the language in use: "Esc", "Right arrow", "Ctrl+Up"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hiptimer.i18n import _, p_

K = Qt.Key


def _key_words() -> dict[Qt.Key, str]:
    """The keys a person names by a word, in the language in use ("" for a twin of another:
    the keypad's Enter, "=" for "+")."""
    # Translators: the names printed on a keyboard's keys in your language.
    return {
        K.Key_Return: p_("key", "Enter"),
        K.Key_Enter: "",
        K.Key_Space: p_("key", "Space"),
        K.Key_Escape: p_("key", "Esc"),
        K.Key_Backspace: p_("key", "Backspace"),
        K.Key_Delete: p_("key", "Delete"),
        K.Key_Right: p_("key", "Right arrow"),
        K.Key_Left: p_("key", "Left arrow"),
        K.Key_Up: p_("key", "Up arrow"),
        K.Key_Down: p_("key", "Down arrow"),
        K.Key_PageDown: p_("key", "Page Down"),
        K.Key_Plus: "+",
        K.Key_Equal: "",
        K.Key_Minus: "-",
        K.Key_Underscore: "",
        K.Key_F11: "F11",
    }


def key_word(key: Qt.Key) -> str:
    """A key as a person names it ("Esc", "Right arrow", "S"); "" for a twin of another."""
    words = _key_words()
    if key in words:
        return words[key]
    name = key.name.removeprefix("Key_")
    return name if len(name) == 1 else name.replace("_", " ")


def shortcut_words() -> dict[str, str]:
    """The keys of a menu shortcut, by the name Qt writes them with ("Ctrl", "Shift", "Esc",
    "Up"), in the language in use ("Ctrl", "Mayús", "Esc", "Arriba"). The key help words
    shortcuts with them, and language.py gives them to Qt for the menus."""
    # Translators: the modifier and arrow keys of a menu shortcut, as your keyboards print them.
    return {
        "Ctrl": p_("key", "Ctrl"),
        "Shift": p_("key", "Shift"),
        "Esc": key_word(K.Key_Escape),
        "Up": p_("key", "Up"),
        "Down": p_("key", "Down"),
    }


def shortcut_text(sequence: str) -> str:
    """A menu shortcut as keys.SHORTCUTS writes it ("Ctrl+Shift+S", "Ctrl+Up") in the
    language in use ("Ctrl+Mayús+S", "Ctrl+Arriba"): the shortcuts window and the editor's
    buttons must not name keys in English beside a session's "Flecha arriba" and "Intro"."""
    words = shortcut_words()
    return "+".join(words.get(part, part) for part in sequence.split("+"))


def key_hint(keys: str) -> str:
    """A button's accessible description of the `keys` that press it: "Key: Enter". Pass the
    words the button shows in brackets, where it shows them, so that eye and ear agree."""
    return _("Key: {keys}").format(keys=keys)

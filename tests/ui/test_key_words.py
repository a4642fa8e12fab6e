"""Tests for keys in words: the "Key: ..." every button's description ends with."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hiptimer.ui.key_words import key_hint, key_word

K = Qt.Key


def test_a_buttons_key_is_described_in_the_same_words_everywhere() -> None:
    assert key_hint("Enter") == "Key: Enter"
    assert key_hint("Space or P") == "Key: Space or P"


def test_the_key_hint_is_spanish_in_spanish(spanish: None) -> None:
    assert key_hint(key_word(K.Key_Return)) == "Tecla: Intro"

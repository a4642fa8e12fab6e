"""A step cut into parts that fit: whole sentences where they can be, every word once."""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.ui.session.step_parts import MORE, split_to_fit


def within(n: int) -> Callable[[str], bool]:
    return lambda text: len(text) <= n


def test_a_part_ends_at_the_last_sentence_in_its_second_half() -> None:
    text = "Lie down on the mat. Bend both knees and keep your feet flat on the floor now."
    parts = split_to_fit(text, within(40))
    assert parts[0] == "Lie down on the mat." + MORE  # not "... mat. Bend both knees" + MORE
    assert all(len(part) <= 40 for part in parts) and len(parts) == 3
    assert " ".join(part.removesuffix(MORE) for part in parts) == text


def test_a_text_that_fits_is_one_part_as_written() -> None:
    assert split_to_fit("Lift  your hips.", within(40)) == ["Lift  your hips."]


def test_a_word_wider_than_the_room_is_broken_between_its_letters() -> None:
    parts = split_to_fit("go " + "a" * 25 + " now", within(10))
    assert all(len(part) <= 10 for part in parts)
    assert "".join(part.removesuffix(MORE).replace(" ", "") for part in parts) == f"go{'a' * 25}now"

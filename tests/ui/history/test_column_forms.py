"""Tests for the measured column widths RowsTable chooses among (column_forms.py): a value
handed to each try, never changed by one."""

from __future__ import annotations

from hiptimer.ui.history.column_forms import Forms


def forms(shared_wrapped: bool = False) -> Forms:
    wrapped = [50, 60, 30, 40]
    return Forms(
        natural=[100, 200, 30, 40],
        folded=[90, 180, 30, 40],
        short=[80, 180, 30, 40],
        wrapped=wrapped,
        wrapped_long=wrapped if shared_wrapped else [55, 60, 30, 40],
        wrapped_last=[40, 60, 30, 40],
        detailed=[45, 60, 0, 40],
        detailed_narrow=[35, 60, 0, 40],
    )


def test_a_column_dropped_is_0_wide_in_every_form_and_the_forms_measured_stay() -> None:
    # The squeeze with the note dropped swapped eight lists into the table and back: an
    # error between left the table on the zeroed ones.
    measured = forms()
    dropped = measured.without((3,))
    assert dropped.natural == [100, 200, 30, 0] and dropped.detailed_narrow == [35, 60, 0, 0]
    assert measured.natural == [100, 200, 30, 40]  # untouched
    assert Forms.none().without((3,)) == Forms.none()


def test_forms_that_are_one_list_stay_one() -> None:
    # The squeeze tells a form by identity (`form is forms.wrapped`).
    dropped = forms(shared_wrapped=True).without((0,))
    assert dropped.wrapped is dropped.wrapped_long
    assert forms().without((0,)).wrapped is not forms().without((0,)).wrapped_long


def test_a_joined_column_takes_the_others_words_and_its_title_in_each_form() -> None:
    joined = forms().joined(2, 3, one_line=120, folded=70)
    assert joined.natural == [100, 200, 120, 0]  # its title on one line
    assert joined.folded == [90, 180, 70, 0] and joined.wrapped == [50, 60, 70, 0]
    assert joined.detailed == [45, 60, 0, 0]  # (hidden there: stays hidden)

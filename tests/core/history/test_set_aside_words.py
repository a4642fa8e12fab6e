"""Tests of the rows set aside in the history, in words (the window's and the CLI's)."""

from __future__ import annotations

from hiptimer.core.history.repair import KEPT, SetAside, went_with
from hiptimer.core.history.set_aside_words import describe, describe_left_out


def rows() -> list[SetAside]:
    """A damaged session with its two sets, a damaged morning row, and two sets kept with a
    value emptied."""
    return [
        SetAside("sessions", 4, "doses_json is not a JSON object"),
        SetAside("sets", 10, went_with(4)),
        SetAside("sets", 11, went_with(4)),
        SetAside("mornings", 2, "pain is not a whole number"),
        SetAside("sets", 20, f"pain is not a whole number: {KEPT}"),
        SetAside("sets", 21, f"pain is not a whole number: {KEPT}"),
    ]


def test_the_rows_past_the_limit_are_counted_once_each_with_their_sets() -> None:
    # The session names its sets; a row past the limit is "N more", its sets counted in N.
    assert describe_left_out(rows(), limit=1) == (
        "4 damaged rows are left out (kept as they were in the history's set_aside table):"
        " sessions row 4 (doses_json is not a JSON object) with its 2 sets; and 1 more."
        f" 2 sets are counted with a value HipTimer cannot read left empty (the rows as they"
        f" were are in the history's set_aside table): sets row 20 (pain is not a whole"
        f" number: {KEPT}); and 1 more."
    )
    said = describe(rows(), limit=1)
    assert said is not None
    assert "(sessions row 4 (doses_json is not a JSON object) with its 2 sets; and 1 more)" in said
    assert f"(sets row 20 (pain is not a whole number: {KEPT}); and 1 more)" in said
    assert describe_left_out(rows()[:1]) == (
        "1 damaged row is left out (kept as it was in the history's set_aside table): sessions"
        " row 4 (doses_json is not a JSON object)."
    )

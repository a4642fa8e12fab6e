"""`hiptimer show`: a routine's plan as plain text lines."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from hiptimer.core.routines.ladder import ceiling_note, ladder_lines
from hiptimer.core.routines.model import (
    Exercise,
    Measure,
    Retest,
    Routine,
    dose_text,
    estimated_seconds,
    format_duration,
    reads_first,
    seconds_text,
)
from hiptimer.core.routines.your_doses import description_note, your_doses

# `show`'s last line, and `cues`' answer, for a routine with every exercise turned off.
NOTHING_TO_START = "Nothing to start: every exercise is turned off (include one in the editor)."


def plan_lines(routine: Routine, original: Routine | None = None) -> list[str]:
    """A routine's plan as plain text lines; for a user's version of a built-in (`original`),
    each dose that is not the built-in's is marked as the library marks it."""
    origin = "built-in" if routine.builtin else routine.path or "yours"
    lines = [f"{' '.join(routine.title.split())}  [{routine.id}, {origin}]", ""]
    for paragraph in routine.description.split("\n\n"):
        if paragraph.strip():
            lines += [*textwrap.wrap(" ".join(paragraph.split()), 78), ""]
    note = description_note(routine, original)
    if note:
        lines += [*textwrap.wrap(note, 78), ""]
    lines.append(f"Schedule: {routine.schedule.label if routine.schedule else 'not set'}")
    if routine.source:
        lines.append(_wrapped("Source: ", routine.source, "  "))
    if routine.cautions:
        lines.append("Cautions:")
        lines += [_bullet(c, "  ") for c in routine.cautions]
    active = routine.active_exercises
    from hiptimer.cli.voice_rule import next_session_lead_in  # the cue code: not for the window

    lead_in = next_session_lead_in()
    first = active[0] if active else None
    lines += ["", f"Get ready: {_lead_text(routine.rests.get_ready_s, first, lead_in)}", ""]
    yours = your_doses(routine, original)
    for number, ex in enumerate(routine.exercises, start=1):
        lines += _exercise_lines(number, ex, routine, lead_in, yours.get(ex.id, ""))
    if not routine.active_exercises:  # the window refuses to start it, and says why
        lines.append(NOTHING_TO_START)
        return lines
    lines += textwrap.wrap(_total_text(routine, lead_in), 78, subsequent_indent="  ")
    return lines


def _total_text(routine: Routine, lead_in: Callable[[Exercise], float] | None) -> str:
    """The session's length as `list` gives it (with the voice's lead-ins unless muted), and
    the other one where they differ: whether the window's voice will play is not known here."""
    from hiptimer.cli.voice_rule import voice_lead_in

    voiced = format_duration(estimated_seconds(routine, lead_in or voice_lead_in()))
    written = format_duration(estimated_seconds(routine))
    if voiced == written:
        return f"Estimated total: {written} (get-ready and rests included)"
    if lead_in is None:
        return (
            f"Estimated total: {written} with sound off, as set; {voiced} with the voice "
            "reading each lead-in (get-ready and rests included)"
        )
    return (
        f"Estimated total: {voiced} with the voice reading each lead-in, {written} muted or "
        "without a voice (get-ready and rests included)"
    )


def _exercise_lines(
    number: int,
    ex: Exercise,
    routine: Routine,
    lead_in: Callable[[Exercise], float] | None,
    yours: str = "",
) -> list[str]:
    """One exercise of the plan: its dose (`yours` when it is marked as the user's), re-test,
    ladder, steps, cues, caution and rest."""
    off = "" if ex.enabled else "  (turned off: not part of the session)"
    # One line each, as the title: a routine file may put a line break in a name.
    name = " ".join(ex.name.split())
    lines = [f"{number}. {name}: {yours or dose_text(ex)}{ceiling_note(ex)}{off}"]
    if ex.test is not None:
        lines.append(f"   Re-test: {_retest_text(ex.test)}")
    if ex.ladder:
        lines.append("   Ladder:")
        lines += [f"     {' '.join(line.split())}" for line in ladder_lines(ex)]
    if ex.setup:
        lines.append("   Setup:")
        lines += [_bullet(step, "     ") for step in ex.setup]
    if ex.cues:
        lines.append("   Cues:")
        lines += [_bullet(cue, "     ") for cue in ex.cues]
    if ex.caution:
        lines.append(_wrapped("   Caution: ", ex.caution, "     "))
    if ex.enabled:
        active = routine.active_exercises
        after = active.index(ex) + 1
        coming = active[after] if after < len(active) else None
        rests = _rests(routine, ex, coming, lead_in)
        if rests:
            lines.append(f"   Rest: {rests}")
    return [*lines, ""]


def _rests(
    routine: Routine,
    ex: Exercise,
    coming: Exercise | None,
    lead_in: Callable[[Exercise], float] | None,
) -> str:
    parts = []
    if ex.sets > 1:
        parts.append(f"{seconds_text(routine.rest_between_sets(ex))} between sets")
    if ex.has_sides:
        parts.append(f"{seconds_text(routine.rest_between_sides(ex))} between sides")
    if coming is not None:
        parts.append(f"{_lead_text(routine.rest_after(ex), coming, lead_in)} after")
    return ", ".join(parts)


def _lead_text(
    written: float, coming: Exercise | None, lead_in: Callable[[Exercise], float] | None
) -> str:
    """A lead-in as written, and how long it lasts when the voice needs longer to read it
    (a 0 s one only where the voice reads a setup or caution there: steps.expand)."""
    text = seconds_text(written)
    if coming is None or lead_in is None or lead_in(coming) <= written:
        return text
    if written <= 0 and not reads_first(lead_in, coming):
        return text
    return f"{text} (lasts {seconds_text(round(lead_in(coming)))} for the voice to read it)"


def _bullet(text: str, indent: str) -> str:
    return _wrapped(f"{indent}- ", text, f"{indent}  ")


def _wrapped(label: str, text: str, indent: str) -> str:
    """'Source: ...' as one paragraph of lines up to 78 characters."""
    return textwrap.fill(" ".join(text.split()), 78, initial_indent=label, subsequent_indent=indent)


def _retest_text(test: Retest) -> str:
    """What a re-test records: "stands counted during the set, higher is better"."""
    done = {
        Measure.COUNT: f"{test.unit} counted during the set",
        Measure.TIME: "seconds held, up to the set's time",
        Measure.VALUE: f"a measurement in {test.unit}, typed in after the set",
    }[test.measure]
    return f"{done}; {test.better} is better"

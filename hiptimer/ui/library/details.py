"""The library's details pane as HTML: a routine's length, cautions, exercises and source.

Every text from a routine is escaped: routine files are plain text on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from hiptimer.i18n import _, n_
from hiptimer.ui.library.details_parts import DetailsParts, ExerciseLines
from hiptimer.ui.library.items import Estimate, LibraryItem, written_length
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.plain import escape, on_our_side, units_kept

if TYPE_CHECKING:
    from hiptimer.core.routines.model import Exercise

SEPARATOR = " \u00b7 "
WARNING_SIGN = "\u26a0 "
PICTURE_SCHEME = "figure:"  # our own resource names; exercise ids are [a-z0-9_-]
THUMB_W, THUMB_H = 96, 64
# A figure not drawn yet: its cell is kept as large as the figure (the same padding and line
# height), so the text stays where it is when the figures are drawn. No image: an <img> of a
# `data:` URL made Qt load every image-format plugin to identify it (10.6 M instructions
# before the list's paint), and a QImage resource makes the QImage, QUrl and QTextDocument
# classes (16 M: docs/performance.md, sessions 21 and 27).
BLANK_PICTURE = "figure:"  # PICTURE_SCHEME with no exercise id: a name never drawn


def details_html(
    item: LibraryItem,
    estimate: Estimate = written_length,
    pictures: Mapping[str, str] | None = None,
) -> str:
    """The routine's description, duration, schedule, its cautions, its exercises (each with
    its caution) and its source, as HTML; every text from the routine is escaped.

    `pictures` maps an exercise id to the name of a small picture in the document's resources,
    or to a plain-text line saying why there is none; without it there is no picture column.
    """
    return render_details(details_parts(item, estimate), pictures)


def details_parts(item: LibraryItem, estimate: Estimate = written_length) -> DetailsParts:
    """What the details pane says of `item`, as plain strings (details_html draws them; the
    library's kept list stores them: ui/library/listing.py)."""
    from hiptimer.core.routines.model import dose_text, format_duration
    from hiptimer.core.routines.your_doses import description_note, your_doses

    if item.routine is None:
        if item.folder:  # not a file, and nothing to start
            heading = _("This routines folder cannot be read:")
        elif item.late:  # its folder stalled: nothing wrong is known of the file itself
            heading = _("This routine file could not be read in time and cannot be started yet:")
        else:
            heading = _("This routine file is broken and cannot be started:")
        return DetailsParts(item.title, heading, tuple(item.problem.splitlines()))
    r = item.routine
    count = len(r.active_exercises)
    # Every exercise left out ("enabled": false): a valid file with nothing to start. Its
    # exercises are listed, marked, rather than "About 0 s, 0 exercises" and an empty list.
    all_out = count == 0 and bool(r.exercises)
    meta = [] if all_out else [_("About {time}").format(time=format_duration(estimate(r)))]
    if r.schedule is not None:
        meta.append(r.schedule.label)
    if all_out:
        meta.append(_("every exercise left out"))
    else:
        meta.append(n_("{n} exercise", "{n} exercises", count).format(n=count))
        off = len(r.exercises) - count  # listed too, marked, as `hiptimer show` lists them
        if off:
            meta.append(n_("{n} left out", "{n} left out", off).format(n=off))
    yours = your_doses(r, item.original)  # worded once, for `hiptimer show` too
    # A left-out exercise is listed where the file has it, marked: a routine's description
    # may name it ("switched off: switch it on in the editor"), so it is looked for here.
    left_out = _("{name} (left out)")
    exercises = tuple(
        ExerciseLines(
            ex.id,
            ex.name if ex.enabled else left_out.format(name=ex.name),
            yours.get(ex.id, dose_text(ex)),
            on_our_side(WARNING_SIGN + units_kept(ex.caution.strip()))
            if ex.caution.strip()
            else "",
            ladder_line(ex) or retest_line(ex),
            not ex.enabled,
        )
        for ex in r.exercises
    )
    return DetailsParts(
        r.title,
        meta=SEPARATOR.join(meta),
        description=units_kept(r.description) if r.description else "",
        note=(description_note(r, item.original) or "") if r.description else "",
        cautions=tuple(on_our_side(units_kept(c)) for c in r.cautions),
        nothing=_("Nothing to start: include an exercise in the editor (Ctrl+E).")
        if all_out
        else "",
        exercises=exercises,
        source=r.source if r.source.strip() else "",
    )


def render_details(parts: DetailsParts, pictures: Mapping[str, str] | None = None) -> str:
    """The details as HTML, every one of their texts escaped here (`pictures`: details_html)."""
    e = escape
    if parts.heading:
        problems = "".join(f"<li>{e(line)}</li>" for line in parts.problems)
        return (
            f"<h2>{e(parts.title)}</h2><p style='color:{current().error}'><b>"
            + e(parts.heading)
            + f"</b></p><ul>{problems}</ul>"
        )
    # The routine's own words are laid out from our side, whichever direction they are
    # written in (on_our_side): a paragraph starting in Hebrew stood at the pane's far edge.
    out = [f"<h2>{e(on_our_side(parts.title))}</h2>", f"<p><b>{e(parts.meta)}</b></p>"]
    if parts.description:
        out.append(f"<p>{e(on_our_side(parts.description))}</p>")
        if parts.note:
            out.append(f"<p style='color:{current().muted}'>{e(parts.note)}</p>")
    # The routine's cautions before its exercises, as a handout puts them: under the list they
    # sat below the fold (13 exercises in FAI), unseen by anyone who pressed Enter.
    if parts.cautions:
        cautions = "".join(f"<li>{e(c)}</li>" for c in parts.cautions)
        heading = e(_("Cautions"))
        out.append(f"<p style='color:{current().warning}'><b>{heading}</b></p><ul>{cautions}</ul>")
    if parts.nothing:
        out.append(f"<p style='color:{current().warning}'><b>{e(parts.nothing)}</b></p>")
    rows = "".join(
        _exercise_rows(ex, pictures, divided=at > 0) for at, ex in enumerate(parts.exercises)
    )
    heading = e(_("Exercises"))
    out.append(f"<p><b>{heading}</b></p><table cellspacing='0'>{rows}</table>")
    if parts.source:
        source = e(_("Source:"))
        out.append(f"<p><b>{source}</b> {e(on_our_side(parts.source))}</p>")
    return "".join(out)


def retest_line(ex: Exercise) -> str:
    """For a re-test, where its result goes and which way is better; '' for other exercises
    (`hiptimer show` says the same; the unit, a routine's own word, is left to History)."""
    if ex.test is None:
        return ""
    if ex.test.better == "lower":
        return _("Re-test: its result is kept in History, under Re-tests; lower is better.")
    return _("Re-test: its result is kept in History, under Re-tests; higher is better.")


def ladder_line(ex: Exercise) -> str:
    """'Variants, easiest first: Bridge (now) · Single-leg bridge' for an exercise with a
    progression ladder; '' without one."""
    from hiptimer.core.routines.ladder import rungs

    names = [
        _("{name} (now)").format(name=rung.name) if at == ex.rung else rung.name
        for at, rung in enumerate(rungs(ex))
    ]
    return (
        _("Variants, easiest first: {names}").format(names=SEPARATOR.join(names)) if names else ""
    )


def _exercise_rows(
    ex: ExerciseLines, pictures: Mapping[str, str] | None, divided: bool = False
) -> str:
    """One exercise: its picture beside its name and dose, and under them its ladder's
    variants, why there is no picture (a missing file) and its caution. `divided`: a line
    and a gap above it, so that a figure is seen to belong to its own exercise (one beside
    an exercise without a figure looked as if it belonged to both)."""
    e = escape
    below: list[str] = []
    if ex.ladder:
        below.append(
            f"<td colspan='2' style='color:{current().muted}; padding-left: 18px'>{e(ex.ladder)}</td>"
        )
    note = (pictures or {}).get(ex.id, "")
    if note and not _is_picture(note):
        below.append(f"<td colspan='2' style='color:{current().warning}'>{e(note)}</td>")
    if ex.caution:
        below.append(
            f"<td colspan='2' style='color:{current().warning}; padding-left: 18px;"
            f" padding-bottom: 6px'>{e(ex.caution)}</td>"
        )
    top = f"border-top: 1px solid {current().muted}; padding-top: 8px; " if divided else ""
    if not below:  # the gap under it (a caution's row has its own)
        top += "padding-bottom: 6px; "
    picture = _picture_cell(pictures, ex.id, rows=1 + len(below), style=top)
    colour = f"color:{current().muted}; " if ex.dim else ""  # left out of sessions
    look = f" valign='middle' style='{top}{colour}'"  # the name beside its figure's middle
    # The name from our side: one starting in Hebrew stood at its cell's far edge.
    shown = e(on_our_side(ex.name))
    first = f"<tr>{picture}<td{look}>{shown}</td><td{look}>&nbsp;&nbsp;{e(ex.dose)}</td></tr>"
    return first + "".join(f"<tr>{cell}</tr>" for cell in below)


def _picture_cell(
    pictures: Mapping[str, str] | None, exercise_id: str, rows: int, style: str = ""
) -> str:
    """The picture column's cell, beside all of the exercise's rows (none without pictures)."""
    if pictures is None:
        return ""
    name = pictures.get(exercise_id, "")
    if name == BLANK_PICTURE:  # the figure's room: its width as padding, its height as a line
        blank = f"<p style='line-height: {THUMB_H}px; margin: 0'>&nbsp;</p>"
        return f"<td rowspan='{rows}' valign='middle' style='{style}padding-left: {THUMB_W}px'>{blank}</td>"
    image = (
        f"<img src='{escape(name)}' width={THUMB_W} height={THUMB_H}>&nbsp;"
        if _is_picture(name)
        else ""
    )
    return f"<td rowspan='{rows}' valign='middle' style='{style}'>{image}</td>"


def _is_picture(name: str) -> bool:
    """A picture's name (a figure's resource, or the blank one), not a line saying why not."""
    return name.startswith(PICTURE_SCHEME) or name == BLANK_PICTURE

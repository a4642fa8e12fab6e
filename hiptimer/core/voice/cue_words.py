"""The words of single cues: a set's heading, a rest, a dose, a countdown, a tempo word.

Pure functions of an exercise or an event, used by CueWriter (cues.py) and by the dose words."""

from __future__ import annotations

from hiptimer.core.routines.model import Exercise, Kind, Measure, SideMode, half_up
from hiptimer.core.session.events import (
    DoseChanged,
    RepPhase,
    SessionEnded,
)
from hiptimer.core.session.steps import Side, effective_tempo
from hiptimer.core.voice.numbers import capital, duration_words, number_words, say, weight_words
from hiptimer.core.voice.phrase import (
    STALE_COUNT_S,
    STALE_TEN_SECONDS_S,
    Phrase,
)
from hiptimer.i18n import _, n_, p_

# Tempo rule: a phase word ("Lift", "Hold", "Lower") is said only when the phase lasts at
# least this long. espeak needs about half a second for one word plus its start-up, and at a
# phase boundary the rep count may come first ("Four. Lift"), so a shorter phase would still
# be talking when the next word is due. Short phases leave the rhythm to the rep count (and,
# on alternating reps, to the side word "Right" / "Left", which is always said).
MIN_PHASE_WORD_S = 1.5


def announce(text: str, at: float) -> Phrase:
    """A new step's announcement: never stale, and it cuts off what is left of the last step."""
    return Phrase(text, "announce", at, interrupt=True)


# What ends a sentence already: a name ending so takes no full stop after it.
_ENDS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(_ENDS) else f"{text}."


def named(template: str, name: str, key: str = "name") -> str:
    """`template` with `name` in it at `{key}`, without the template's full stop straight
    after a name that ends its own sentence: "Toes forward!" was said and shown as
    "Toes forward!.", and a re-test's unit "jumps!" as "in jumps!."."""
    text = template.format(**{key: name})
    if name.rstrip().endswith(_ENDS):
        text = text.replace(f"{name}.", name)
    return text


def countdown(seconds_left: int, at: float) -> Phrase:
    if seconds_left > 3:
        text = f"{capital(duration_words(seconds_left))}."
        return Phrase(text, "count", at, STALE_TEN_SECONDS_S)
    return Phrase(capital(number_words(seconds_left)), "count", at, STALE_COUNT_S)


def rep_phase(e: RepPhase) -> list[Phrase]:
    alternating = e.side is not None and e.step.side is None
    if e.phase == "lift" and alternating and e.side is not None:
        # On alternating reps the side is the cue.
        word = p_("tempo", "Left") if e.side is Side.LEFT else p_("tempo", "Right")
    elif e.phase_s < MIN_PHASE_WORD_S:
        return []
    else:
        word = tempo_word(e.phase)
    # The set's first word starts it: it cuts off what is left of the pause before.
    first = e.phase == "lift" and e.rep == 1 and e.side in (None, Side.RIGHT, e.step.side)
    return [Phrase(word, "tempo", e.at, STALE_COUNT_S, interrupt=first)]


def paced(ex: Exercise) -> bool:
    return effective_tempo(ex) is not None


def says_first_lift(ex: Exercise) -> bool:
    """Whether a paced set's first rep starts with a word ("Lift", or the side)."""
    tempo = effective_tempo(ex)
    if tempo is None or tempo.lift_s <= 0:
        return False
    return ex.sides is SideMode.ALTERNATING or tempo.lift_s >= MIN_PHASE_WORD_S


def lead_in_intro(ex: Exercise) -> str:
    """The longest intro a lead-in says of an exercise: a paced one's dose and side (see
    CueWriter._intro), else the side an exercise done on each side starts on."""
    if not paced(ex):
        return first_side_sentence(Side.RIGHT) if ex.has_sides else ""
    return joined(dose_words(ex), side_sentence(Side.RIGHT) if ex.has_sides else "")


def caution_text(ex: Exercise) -> str:
    return _("Caution: {text}").format(text=sentence(ex.caution))


def tempo_word(phase: str) -> str:
    """A paced rep's phase as one spoken word (a command in the coaching voice)."""
    if phase == "lift":
        return p_("tempo", "Lift")
    if phase == "hold":
        return p_("tempo", "Hold")
    if phase == "lower":
        return p_("tempo", "Lower")
    if phase == "pause":  # at the bottom; "Pause" would sound like "Paused."
        return p_("tempo", "Hold low")
    return capital(phase)


def rest_text(seconds: float, next_name: str | None) -> str:
    rest = _("Rest {duration}.").format(duration=duration_words(seconds))
    if next_name is None:
        return rest
    return joined(rest, named(_("Next: {name}."), next_name))


def set_of(number: int, total: int) -> str:
    return say(_("Set {n} of {total}."), n=number, total=total)


def side_sentence(side: Side | None) -> str:
    if side is None:
        return ""
    return _("Left side.") if side is Side.LEFT else _("Right side.")


def first_side_sentence(side: Side | None) -> str:
    """The side a lead-in's listener sets up for; the set itself names it again."""
    if side is None:
        return ""
    return _("Left side first.") if side is Side.LEFT else _("Right side first.")


def head(name: str, set_number: int | None, total: int, side: Side | None) -> str:
    """An exercise's first announcement: its name, the set a resumed session starts on, and
    the side, each combination one whole sentence for translators."""
    if set_number is None:
        if side is None:
            return named("{name}.", name)
        if side is Side.LEFT:
            return _own_end(_("{name}, left side.").format(name=name), name)
        return _own_end(_("{name}, right side.").format(name=name), name)
    if side is None:
        template = _("{name}, set {n} of {total}.")
    elif side is Side.LEFT:
        template = _("{name}, set {n} of {total}, left side.")
    else:
        template = _("{name}, set {n} of {total}, right side.")
    return _own_end(say(template, name=name, n=set_number, total=total), name)


def _own_end(text: str, name: str) -> str:
    """`text` starting with a name that ends its own sentence, the rest a sentence of its
    own: "Knees together!, right side." was said and shown; now "Knees together! Right side."."""
    lead = f"{name}, "
    if not name.rstrip().endswith(_ENDS) or not text.startswith(lead):
        return text
    return f"{name} {capital(text[len(lead) :])}"


def joined(*texts: str) -> str:
    return " ".join(t for t in texts if t)


def dose_words(ex: Exercise) -> str:
    """The spoken dose of one set: "Hold for sixty seconds." or "Twelve reps, hold ... top.";
    a pause at the bottom and an added weight follow: "Hold one second low. Weight: one kilogram."."""
    load = ""
    if ex.load is not None:
        # Translators: an added weight, such as an ankle weight: "Weight: one kilogram."
        load = _("Weight: {weight}.").format(
            weight=weight_words(ex.load.amount, ex.load.unit.value)
        )
    if ex.kind is Kind.HOLD:
        duration = duration_words(ex.hold_s or 0)
        if ex.test is not None and ex.test.measure is Measure.COUNT:
            return _("As many as you can in {duration}; press enter at each one.").format(
                duration=duration
            )
        if ex.test is not None and ex.test.measure is Measure.TIME:
            return _("As long as you can, up to {duration}.").format(duration=duration)
        return joined(_("Hold for {duration}.").format(duration=duration), load)
    reps = ex.reps or 0
    tempo = effective_tempo(ex)
    hold = duration_words(tempo.hold_s) if tempo is not None and tempo.hold_s > 0 else None
    alternating = ex.sides is SideMode.ALTERNATING
    if alternating and hold:
        template = n_(
            "One rep each side, alternating, hold {hold} at the top.",
            "{n} reps each side, alternating, hold {hold} at the top.",
            reps,
        )
    elif alternating:
        template = n_("One rep each side, alternating.", "{n} reps each side, alternating.", reps)
    elif hold:
        template = n_("One rep, hold {hold} at the top.", "{n} reps, hold {hold} at the top.", reps)
    else:
        template = n_("One rep.", "{n} reps.", reps)
    low = None
    if tempo is not None and tempo.pause_s > 0:  # format 2: a pause at the bottom
        # Translators: after the reps, the pause at the bottom of each rep.
        low = _("Hold {duration} low.").format(duration=duration_words(tempo.pause_s))
    return joined(capital(say(template, n=reps, hold=hold)), low or "", load)


def dose_change_text(e: DoseChanged) -> str:
    if e.field == "hold_s":
        return _("Hold now {duration}.").format(duration=duration_words(e.new))
    reps = round(e.new)
    return say(n_("Now one rep.", "Now {n} reps.", reps), n=reps)


def session_seconds(e: SessionEnded, started_at: float | None) -> float:
    if started_at is not None:
        return e.at - started_at
    if not e.records:
        return 0.0
    return (e.records[-1].ended_at - e.records[0].started_at).total_seconds()


def rounded_duration_words(seconds: float) -> str:
    """A whole session's length as a person says it: "forty seconds", "twenty-two minutes";
    halves up, as History gives it (format_duration: a 2:30 session is "3 min" there)."""
    seconds = half_up(seconds)
    if seconds < 60:
        return duration_words(seconds)
    minutes = half_up(seconds / 60)
    if minutes == 1:  # not "sixty seconds"
        return say(n_("{n} minute", "{n} minutes", 1), n=1)
    return duration_words(minutes * 60)

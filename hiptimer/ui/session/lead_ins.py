"""How long the next session's lead-ins last: long enough for the voice to read them, or as written."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptimer.core.routines.model import Exercise, Routine, estimated_seconds
from hiptimer.core.settings import Settings
from hiptimer.ui.services.ports import Services

if TYPE_CHECKING:
    from hiptimer.core.voice.cues import CueWriter


def voice_on(settings: Settings, services: Services) -> bool:
    """Whether the next session's words will be said (else only shown)."""
    return not settings.muted and services.speech.available


def lead_in_rule(
    settings: Settings, services: Services, cues: CueWriter | None = None
) -> Callable[[Exercise], float] | None:
    """The lead-in rule a session started now runs by: the voice's (of `cues`, else one
    made from the settings) while it speaks; None, every pause as written, without it."""
    if not voice_on(settings, services):
        return None
    if cues is None:
        # Loaded here: the library is drawn before anything of the voice is needed.
        from hiptimer.ui.session.controller import make_cue_writer

        s = settings
        cues = make_cue_writer(s.setup_mode, s.setup_heard, s.pain_limit, s.speak_cautions)
    return cues.lead_in_seconds


def estimate_for(
    settings: Settings, services: Services, cues: CueWriter | None = None
) -> Callable[[Routine], float]:
    """A routine's length as a session started now would run it: the one figure of the
    library, the reminders and the summary's "planned" (docs/routine-format.md). Made again
    when the voice fails or the mute or settings change (MainWindow.lengths_changed)."""
    rule = lead_in_rule(settings, services, cues)
    return lambda routine: estimated_seconds(routine, rule)

"""How long the next session's lead-ins last: long enough for the voice to read them, or as written."""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.core.routines.model import Routine, estimated_seconds
from hiptimer.core.settings import Settings
from hiptimer.ui.services.ports import Services


def voice_on(settings: Settings, services: Services) -> bool:
    """Whether the next session's words will be said (else only shown)."""
    return not settings.muted and services.speech.available


def estimate_for(settings: Settings, services: Services) -> Callable[[Routine], float]:
    """A routine's length as the next session would run it: with the voice on, lead-ins as
    long as it needs to read them (docs/routine-format.md); muted, every pause as written."""
    if not voice_on(settings, services):
        return estimated_seconds
    # Loaded here: the library is drawn before anything of the voice is needed.
    from hiptimer.ui.session.controller import make_cue_writer

    s = settings
    rule = make_cue_writer(s.setup_mode, s.setup_heard, s.pain_limit, s.speak_cautions)
    return lambda routine: estimated_seconds(routine, rule.lead_in_seconds)

"""The voice of the user's next session, as its settings have it: what `cues` says, how long
the lead-ins of `list` and `show` last."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hiptimer import paths
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text
from hiptimer.core.settings import MAX_FILE_BYTES, Settings, settings_from_data

if TYPE_CHECKING:
    from hiptimer.core.routines.model import Exercise
if TYPE_CHECKING:  # the cue wording (and the session engine under it) loads when a writer is
    # made: reading the settings, as every command and the window do first, needs neither
    from hiptimer.core.voice.cues import CueWriter


def read_settings() -> Settings:
    """The user's settings, read only: a damaged or missing file gives the defaults (the app
    moves a damaged one aside when it starts; a command that only prints leaves it be)."""
    path = paths.settings_path()
    try:
        return _settings_in(str(path), read_small_text(path, MAX_FILE_BYTES))
    except (UnreadableFile, BadJson):
        return Settings()


@functools.lru_cache(maxsize=1)
def _settings_in(source: str, text: str) -> Settings:
    """A command reads the settings twice (the language, then the voice): the values it
    ignores are named once, not once a reading."""
    return settings_from_data(parse_strict_json(text), source)


def next_session_writer(settings: Settings | None = None) -> CueWriter:
    """A cue writer with the user's setup-reading choice, setup heard and caution setting."""
    from hiptimer.core.voice.cues import CueWriter

    s = settings or read_settings()
    mode: Any = s.setup_mode  # Settings only ever holds one of cues.SETUP_MODES
    return CueWriter(
        setup_mode=mode,
        setup_heard=s.setup_heard,
        pain_limit=s.pain_limit,
        speak_cautions=s.speak_cautions,
    )


def next_session_lead_in() -> Callable[[Exercise], float] | None:
    """How long a lead-in must last for the voice (None when muted: pauses as written).

    A command cannot know whether the window's voice will play (it learns that only once its
    speech engine has started): it counts the voice unless sound is off in the settings,
    as the library does while the voice speaks."""
    s = read_settings()
    return None if s.muted else voice_lead_in(s)


def voice_lead_in(settings: Settings | None = None) -> Callable[[Exercise], float]:
    """How long a lead-in must last for the voice of the user's next session, muted or not."""
    return next_session_writer(settings).lead_in_seconds

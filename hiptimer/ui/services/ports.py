"""What a session talks to (beeps, voice, history, screen saver) behind small interfaces."""

# Each service is optional: when its module is missing or fails to start, a silent stand-in
# takes its place and the session runs on with captions and the timer.

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from hiptimer.core.session.events import SetRecord

log = logging.getLogger(__name__)


class Beeper(Protocol):
    def tick(self) -> None: ...
    def end(self) -> None: ...
    def start(self) -> None: ...
    def set_muted(self, muted: bool) -> None: ...


class Speaker(Protocol):
    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None: ...
    def clear(self) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def shutdown(self) -> None: ...


class Inhibitor(Protocol):
    def inhibit(self, reason: str) -> Any: ...
    def release(self) -> Any: ...


class History(Protocol):
    """The part of hiptimer.core.history.store.HistoryStore a session writes to."""

    def begin_session(
        self,
        routine_id: str,
        routine_title: str,
        routine_revision: int,
        doses: dict[str, Any],
        started_at: datetime,
        *,
        sets_planned: int | None = None,
    ) -> int: ...
    def add_set(self, session_id: int, record: SetRecord) -> int: ...
    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None: ...
    def finish_session(self, session_id: int, end_reason: str, ended_at: datetime) -> None: ...
    def close(self) -> None: ...


class SilentBeeper:
    def tick(self) -> None:
        pass

    def end(self) -> None:
        pass

    def start(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass


class SilentSpeaker:
    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        pass

    def clear(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def shutdown(self) -> None:
        pass


class NoInhibitor:
    def inhibit(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


@dataclass
class Services:
    """The services of the app; tests pass fakes, `open_services` the real ones."""

    beeper: Beeper = field(default_factory=SilentBeeper)
    speech: Speaker = field(default_factory=SilentSpeaker)
    inhibitor: Inhibitor = field(default_factory=NoInhibitor)
    history: History | None = None
    problems: list[str] = field(default_factory=list)  # what could not start, for the user
    history_error: str | None = None  # why there is no history (a newer database), if so

    def shutdown(self) -> None:
        """Stop the voice, let the screen saver back and close the database; never raises."""
        for what, stop in (
            ("speech", self.speech.shutdown),
            ("sleep inhibitor", self.inhibitor.release),
            ("history", self.history.close if self.history is not None else _nothing),
        ):
            try:
                stop()
            except Exception:  # shutting down must go on whatever one service does
                log.exception("Could not shut down the %s", what)


def _nothing() -> None:
    pass


def open_services(*, muted: bool, voice: str, rate: int, volume: float) -> Services:
    """The real services, each replaced by its silent stand-in when it cannot start."""
    services = Services()
    try:
        from hiptimer.ui.services.speech import SpeechService

        speech = SpeechService()
        speech.set_muted(muted)
        if voice:
            speech.set_voice(voice)
        speech.set_rate(rate)
        speech.set_volume(volume)
        services.speech = speech
    except Exception as exc:  # no speech: captions carry on
        _missing(services, "voice", exc)
    try:
        from hiptimer.ui.services.sounds import Beeper as RealBeeper

        beeper = RealBeeper()
        beeper.set_muted(muted)
        services.beeper = beeper
    except Exception as exc:  # no audio: the countdown still shows
        _missing(services, "beeps", exc)
    try:
        from hiptimer.ui.services.inhibit import SleepInhibitor

        services.inhibitor = SleepInhibitor()
    except Exception as exc:
        _missing(services, "screen-saver control", exc)
    try:
        from hiptimer import paths
        from hiptimer.core.history.store import open_history

        history = open_history(paths.history_db_path())
        services.history = history  # its notice and degraded show in the window's status banner
    except Exception as exc:  # a database from a newer HipTimer: sessions run unrecorded
        _missing(services, "history", exc)
        if not isinstance(exc, ImportError):
            services.history_error = str(exc)
    return services


def _missing(services: Services, what: str, exc: Exception) -> None:
    if isinstance(exc, ImportError):
        log.info("No %s: %s", what, exc)
    else:
        log.warning("The %s could not start: %s", what, exc, exc_info=exc)
        services.problems.append(f"The {what} could not start: {exc}")

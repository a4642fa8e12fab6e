"""What a session talks to (beeps, voice, history, screen saver) behind small interfaces, their
silent stand-ins, and the Services that hold them, opened at once or after the first paint."""

# Each service is optional: when its module is missing or fails to start, a silent stand-in
# takes its place and the session runs on with captions and the timer.

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from hiptimer.core.session.session_log import SessionLog
from hiptimer.i18n import N_, translate
from hiptimer.ui.services.history_opening import HistoryOpening

if TYPE_CHECKING:  # both loaded with the history, after the list's paint (session 23)
    from hiptimer.core.history.records import SessionSummary
    from hiptimer.core.history.status import HistoryStatus

log = logging.getLogger(__name__)


class Beeper(Protocol):
    def preload(self) -> None: ...  # load the sounds now, so that the first tick is on time
    def tick(self) -> None: ...
    def end(self) -> None: ...
    def start(self) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def release(self) -> None: ...  # the session ended: close the stream once it is quiet
    def close(self) -> None: ...  # the app quits: close the stream now
    def connect_unavailable(self, slot: Callable[[str], None]) -> None: ...  # with why


class Speaker(Protocol):
    """The voice: cues to say, its settings, and whether it can speak at all (and why not)."""

    @property
    def available(self) -> bool: ...
    @property
    def unavailable_reason(self) -> str | None: ...  # what to install, once speech failed
    def voices(self) -> list[tuple[str, str]]: ...  # (id, name); empty until ready
    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None: ...
    def prepare(self, texts: Iterable[str]) -> None: ...  # render ahead what will be said
    def clear(self) -> None: ...
    def forget(self, kind: str) -> None: ...  # drop what waits of this kind
    def set_muted(self, muted: bool) -> None: ...
    def set_voice(self, voice_id: str) -> None: ...
    def set_rate(self, words_per_minute: int) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def test_voice(self) -> None: ...
    def connect_ready(self, slot: Callable[[], None]) -> None: ...  # the voices are listed
    def connect_unavailable(self, slot: Callable[[str], None]) -> None: ...  # with the reason
    def connect_started(self, slot: Callable[[str], None]) -> None: ...  # text, as said
    def shutdown(self) -> None: ...


class Inhibitor(Protocol):
    def inhibit(self, reason: str) -> Any: ...
    def release(self) -> Any: ...


class History(SessionLog, Protocol):
    """The part of hiptimer.core.history.store.HistoryStore the window uses while it runs."""

    on_status: Callable[[HistoryStatus], None] | None

    @property
    def status(self) -> HistoryStatus: ...
    def get_session(self, session_id: int) -> SessionSummary | None: ...
    def retry(self) -> bool: ...
    def notice_seen(self) -> None: ...  # the strip's OK: the status's notice was read
    def close(self) -> None: ...


class SilentBeeper:
    def preload(self) -> None:
        pass

    def tick(self) -> None:
        pass

    def end(self) -> None:
        pass

    def start(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def release(self) -> None:
        pass

    def close(self) -> None:
        pass

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        pass  # silent by choice: nothing to say


class SilentSpeaker:
    """No voice in this run: says nothing, lists no voices, and has no reason to show."""

    @property
    def available(self) -> bool:
        return False

    @property
    def unavailable_reason(self) -> str | None:
        return None

    def voices(self) -> list[tuple[str, str]]:
        return []

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        pass

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def clear(self) -> None:
        pass

    def forget(self, kind: str) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def set_voice(self, voice_id: str) -> None:
        pass

    def set_rate(self, words_per_minute: int) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass

    def test_voice(self) -> None:
        pass

    def connect_ready(self, slot: Callable[[], None]) -> None:
        pass  # never ready

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        pass  # unavailable from the start, with nothing to install

    def connect_started(self, slot: Callable[[str], None]) -> None:
        pass  # says nothing

    def shutdown(self) -> None:
        pass


class NoInhibitor:
    def inhibit(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


class Services:
    """The services of the app; tests pass fakes, `open_services` the real ones.

    `opener` opens the real services into these fields, once (see later_services); None:
    open already. `history_off`: why there is no history (a newer database, say).
    """

    def __init__(
        self,
        *,
        beeper: Beeper | None = None,
        speech: Speaker | None = None,
        inhibitor: Inhibitor | None = None,
        history: History | None = None,
        opener: Callable[[Services], None] | None = None,
    ) -> None:
        self.beeper: Beeper = beeper or SilentBeeper()
        self.speech: Speaker = speech or SilentSpeaker()
        self.inhibitor: Inhibitor = inhibitor or NoInhibitor()
        self._history = history
        self._opening: HistoryOpening[History] | None = None  # the history, opening on its thread
        self.problems: list[str] = []  # what could not start, for the user
        self.history_off: HistoryStatus | None = None
        self.opener = opener
        self.shut_down = False  # shutdown() ran: nothing opens again, the history is closed

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the voice and the beeps; one that fails is logged, not raised."""
        for service in (self.speech, self.beeper):
            try:
                service.set_muted(muted)
            except Exception:
                log.exception("Could not mute %s", type(service).__name__)

    def open_now(self) -> bool:
        """Open the services if they wait to be opened; True if this call opened them."""
        opener, self.opener = self.opener, None
        if opener is None:
            return False
        opener(self)
        return True

    @property
    def history(self) -> History | None:
        """The history; while it is still opening on its own thread, this waits for it.
        None once shut down: a queued callback that asks then finds no history, not the
        closed store (whose every read raises "Cannot operate on a closed database")."""
        if self.shut_down:
            return None
        opening, self._opening = self._opening, None
        if opening is not None:
            try:
                self._history = opening.result()
            except Exception as exc:  # a database from a newer HipTimer: sessions unrecorded
                _history_failed(self, opening.path, exc)
        return self._history

    @history.setter
    def history(self, store: History | None) -> None:
        self._opening = None
        self._history = store

    def open_history_later(self, opening: HistoryOpening[History]) -> None:
        """Take the history from `opening` when it is first asked for (or ready)."""
        self._opening = opening

    @property
    def history_ready(self) -> bool:
        """Whether asking for `history` answers at once (no opening, or it has finished)."""
        return self._opening is None or self._opening.done

    @property
    def history_status(self) -> HistoryStatus | None:
        """The history's status, or why it is off; None: no history and nothing to say."""
        history = self.history
        return history.status if history is not None else self.history_off

    def shutdown(self) -> None:
        """Stop the voice and the beeps, let the screen saver back and close the database;
        never raises, never waits for a history still opening (abandoned: its thread closes
        it). Once: services not opened yet never open (their opener is dropped)."""
        if self.shut_down:
            return
        # An opening never asked for is not waited for: nothing of this run waits to be
        # written before it has opened. Its thread closes the store (now, if it has opened).
        opening, self._opening = self._opening, None
        if opening is not None:
            opening.abandon()
        history = self._history
        self.shut_down, self.opener = True, None
        for what, stop in (
            ("speech", self.speech.shutdown),
            ("beeps", self.beeper.close),  # release() would wait for a timer that never fires
            ("sleep inhibitor", self.inhibitor.release),
            ("history", history.close if history is not None else _nothing),
        ):
            try:
                stop()
            except Exception:  # shutting down must go on whatever one service does
                log.exception("Could not shut down the %s", what)


def _nothing() -> None:
    pass


def open_services(
    *, muted: bool, voice: str, rate: int, volume: float, history: bool = True
) -> Services:
    """The real services, each replaced by its silent stand-in when it cannot start.

    `history=False`: leave the history file closed (another copy owns it).
    """
    services = Services()
    _open_into(services, muted=muted, voice=voice, rate=rate, volume=volume, history=history)
    return services


def later_services(
    *, muted: bool, voice: str, rate: int, volume: float, history: bool = True
) -> Services:
    """Silent stand-ins that open_now() replaces with the real services: the window shows
    first and opens them when the event loop is first idle (or when a session starts). The
    history opens on a thread of its own (see HistoryOpening).

    `history=False`: leave the history file closed (another copy owns it).
    """

    def opener(services: Services) -> None:
        if history:  # first: its checks run while the voice and the sounds start
            _open_history(services, later=True)
        _open_into(services, muted=muted, voice=voice, rate=rate, volume=volume, history=False)

    return Services(opener=opener)


def _open_into(
    services: Services, *, muted: bool, voice: str, rate: int, volume: float, history: bool
) -> None:
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
        _missing(services, N_("The voice could not start: {why}"), exc)
    try:
        from hiptimer.ui.services.sounds import Beeper as RealBeeper

        beeper = RealBeeper()
        beeper.set_muted(muted)
        services.beeper = beeper
    except Exception as exc:  # no audio: the countdown still shows
        _missing(services, N_("The beeps could not start: {why}"), exc)
    try:
        from hiptimer.ui.services.inhibit import SleepInhibitor

        services.inhibitor = SleepInhibitor()
    except Exception as exc:
        _missing(services, N_("The screen-saver control could not start: {why}"), exc)
    if history:
        _open_history(services, later=False)


def _open_history(services: Services, *, later: bool) -> None:
    path = Path("history.sqlite3")  # where it is, once the data folder is known
    try:
        from hiptimer import paths
        from hiptimer.core.history.left_notice import open_for_window

        path = paths.history_db_path()
        if later:
            services.open_history_later(HistoryOpening(path, open_for_window))
        else:
            services.history = open_for_window(path)  # its status shows in the window's banner
    except Exception as exc:  # a database from a newer HipTimer: sessions run unrecorded
        _history_failed(services, path, exc)


def _history_failed(services: Services, path: Path, exc: Exception) -> None:
    _missing(services, N_("The history could not start: {why}"), exc)
    if not isinstance(exc, ImportError):
        from hiptimer.core.history.status import HistoryStatus

        services.history_off = HistoryStatus.off(path, str(exc))


def _missing(services: Services, message: str, exc: Exception) -> None:
    """`message`: the sentence (marked with N_) that says which service, with {why}."""
    if isinstance(exc, ImportError):
        log.info("%s", message.format(why=exc))
    else:
        log.warning("%s", message.format(why=exc), exc_info=exc)
        services.problems.append(translate(message).format(why=exc))

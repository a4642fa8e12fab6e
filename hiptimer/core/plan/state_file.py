"""Today's reminder state in a small file beside the settings, so a restart reminds nobody twice."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hiptimer.core.log_marks import SAID_IN_THE_WINDOW
from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text
from hiptimer.core.safe_write import (
    file_in_the_way,
    make_folder,
    move_aside,
    read_only_folder,
    replacing_text,
)
from hiptimer.i18n import N_, translate

log = logging.getLogger(__name__)

FILE_NAME = "reminders-today.json"
MAX_BYTES = 64 * 1024  # a day's state is a few hundred bytes
MAX_IDS = 200
# Translated when said (StateRead.notice), in the language in use then.
MOVED = N_(
    "Today's reminders file {path} could not be used ({why}); it was moved to {aside}, and "
    "today's reminders start afresh (one already shown today may come again)."
)
STUCK = N_(
    "Today's reminders file {path} cannot be used ({why}) nor moved aside ({error}); it is "
    "not saved over, so what today's reminders do is kept only until you quit."
)
UNREADABLE = N_(
    "Today's reminders file {path}: {why}; it is not saved over, so what today's reminders "
    "do is kept only until you quit."
)


@dataclass(frozen=True)
class StateRead:
    """What the file gave: the state, and (worded when asked, in the language then in use)
    what happened to a file that could not be used. `keep_off`: a file that is still there
    and may hold today's state (no permission, or it could not be moved aside): never write
    over it; reminders go on from memory."""

    state: ReminderState
    notice: Callable[[], str] | None = None
    keep_off: bool = False


def load_state(path: Path) -> ReminderState:
    """The state in `path` (see read_state); a fresh one when it cannot be used."""
    return read_state(path, datetime.now()).state


def read_state(path: Path, now: datetime) -> StateRead:
    """The state in `path`. A missing file gives a fresh state. A damaged one (not JSON, odd
    values, too large, a pipe) is moved aside with a dated name, as the settings and the
    history are, never written over, and `notice` says where it went; at worst a reminder
    comes again. One that cannot be read is left as it is and never written over."""
    try:
        return StateRead(_state(parse_strict_json(read_small_text(path, MAX_BYTES))))
    except UnreadableFile as exc:
        if exc.missing:
            return StateRead(ReminderState())
        if not exc.damaged:  # permissions or the disk: it may be right, so leave it be
            why = str(exc)
            return _said(lambda: translate(UNREADABLE).format(path=path, why=why), keep_off=True)
        problem = str(exc)
    except (BadJson, ValueError, TypeError) as exc:
        problem = str(exc) or type(exc).__name__
    try:
        aside = move_aside(path, now)
    except OSError as exc:
        error = exc.strerror or str(exc)
        return _said(
            lambda: translate(STUCK).format(path=path, why=problem, error=error), keep_off=True
        )
    return _said(lambda: translate(MOVED).format(path=path, why=problem, aside=aside))


def _said(notice: Callable[[], str], *, keep_off: bool = False) -> StateRead:
    log.warning("%s", notice())
    return StateRead(ReminderState(), notice, keep_off)


def _state(data: Any) -> ReminderState:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    day = date.fromisoformat(data["day"]) if data.get("day") else None
    snoozed = data.get("snoozed", {})
    if not isinstance(snoozed, dict):
        raise ValueError("snoozed: expected an object")
    paused = data.get("paused_until")
    overnight = data.get("overnight", {})
    if not isinstance(overnight, dict):
        raise ValueError("overnight: expected an object")
    return ReminderState(
        day=day,
        fired=_ids(data.get("fired", [])),
        skipped=_ids(data.get("skipped", [])),
        snoozed={_id(k): _aware(v) for k, v in list(snoozed.items())[:MAX_IDS]},
        paused_until=_aware(paused) if paused is not None else None,
        overnight={_id(k): _snooze(v) for k, v in list(overnight.items())[:MAX_IDS]},
    )


def _snooze(value: Any) -> tuple[datetime, datetime]:
    """A snooze past midnight: its reminder's planned time and when it ends."""
    if not isinstance(value, dict):
        raise ValueError("overnight: expected {planned, at}")
    return _aware(value.get("planned")), _aware(value.get("at"))


def _ids(value: Any) -> set[str]:
    if not isinstance(value, list) or len(value) > MAX_IDS:
        raise ValueError(f"expected a list of at most {MAX_IDS} routine ids")
    return {_id(item) for item in value}


def _id(value: Any) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise ValueError("expected a routine id")
    return value


def _aware(value: Any) -> datetime:
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        raise ValueError("expected a time with its UTC offset")
    return when


def state_text(state: ReminderState) -> str:
    """The state as the file holds it (equal texts: nothing to write)."""
    snoozed, overnight = dict(state.snoozed), dict(state.overnight)
    # A snooze that ended shown nowhere is written as the snooze it was: a restart may yet
    # show it (the day's own under "snoozed", an earlier day's under "overnight").
    for rid, (planned, again) in state.unshown_snoozes.items():
        if planned.date() == state.day:
            snoozed.setdefault(rid, again)
        else:
            overnight.setdefault(rid, (planned, again))
    data = {
        "day": state.day.isoformat() if state.day else None,
        "fired": sorted(state.fired - state.unshown),  # a restart may yet show those
        "skipped": sorted(state.skipped),
        "snoozed": {rid: t.isoformat() for rid, t in sorted(snoozed.items())},
        "paused_until": state.paused_until.isoformat() if state.paused_until else None,
        "overnight": {
            rid: {"planned": planned.isoformat(), "at": at.isoformat()}
            for rid, (planned, at) in sorted(overnight.items())
        },
    }
    return json.dumps(data, indent=1) + "\n"


def kept_text(state: ReminderState) -> str | None:
    """The state as the file holds it; None when it holds nothing a restart needs (no
    reminder shown, snoozed or skipped, no pause): a missing file gives the same reminders."""
    text = state_text(state)
    # Its day alone is nothing: a fresh state starts on the day it is first looked at.
    return None if text == state_text(ReminderState(day=state.day)) else text


def save_state(path: Path, state: ReminderState) -> bool:
    """Write the state; False (logged) when the disk refuses: reminders go on in memory."""
    try:
        make_folder(path.parent)  # names a file in the way, not the system's "File exists"
        with replacing_text(path) as fh:
            fh.write(state_text(state))
    except OSError as exc:
        # A read-only folder, or a file where the data folder goes, is said in the window's
        # words (the history's strip names it, by the same tests): the terminal is spared this
        # line beside them; other failures are not.
        in_words = read_only_folder(path.parent) or file_in_the_way(path.parent) is not None
        said = SAID_IN_THE_WINDOW if in_words else None
        log.warning("Cannot save %s: %s", path, exc.strerror or exc, extra=said)
        return False
    return True

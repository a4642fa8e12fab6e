"""User settings in a small JSON file: pain limit, sound, voice, language, look, the weekly plan."""

from __future__ import annotations

import dataclasses
import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from hiptimer import paths
from hiptimer.core.plan.model import PlanError, WeeklyPlan, plan_from_data, without_bad_moments
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text
from hiptimer.core.safe_write import move_aside, write_atomic
from hiptimer.core.said import Said, shown
from hiptimer.i18n import LANGUAGES, N_, _, translate

log = logging.getLogger(__name__)

DEFAULT_PAIN_LIMIT = 5
SETUP_MODES = ("always", "first", "never")  # when the voice reads an exercise's setup steps
THEMES = ("system", "light", "dark", "high-contrast")  # "system" follows the desktop
TEXT_SIZES = (100, 125, 150)  # per cent of the usual text size (large print)
MAX_SETUP_HEARD = 1000
MAX_FILE_BYTES = 256 * 1024  # a real settings file is under 100 KiB (setup_heard at its longest)
SPLIT_LEAST = 0.05  # History's chosen session and list each keep this share at least
LOGGED_VALUE_CHARS = 80  # a huge value in the file is logged this long, not whole


@dataclass(frozen=True)
class Settings:
    """Everything the user can set. Unknown or invalid values in the file fall back to these."""

    pain_limit: int = DEFAULT_PAIN_LIMIT  # a rating above this asks what to do (0-10)
    muted: bool = False
    setup_mode: str = "first"  # read setup steps aloud: "always", "first" time, or "never"
    voice: str = ""  # a voice id of the speech engine; "" is the system default
    rate: int = 160  # words per minute
    volume: float = 1.0  # 0.0 - 1.0
    first_run_done: bool = False
    setup_heard: tuple[str, ...] = ()  # exercises whose setup the voice has read ("first" mode)
    speak_cautions: bool = True  # the voice says each exercise's caution once a session
    language: str = ""  # a language code of i18n.LANGUAGES; "" follows the system's locale
    plan: WeeklyPlan = field(default_factory=WeeklyPlan)  # routines, days, times, reminders
    keep_in_tray: bool = False  # closing the window leaves HipTimer running in the tray
    tray_explained: bool = False  # the first close to the tray has said what happened
    theme: str = "system"  # one of THEMES: the colours of every window
    text_size: int = 100  # one of TEXT_SIZES: large print for the workout screen and dialogs
    # The share of History's sessions tab the chosen session was dragged to, kept for the next
    # start; 0: HipTimer shares it out itself (chosen_split.py).
    history_split: float = 0.0

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def valid_value(name: str, value: Any) -> bool:
    """Whether a value read from the file is usable for the field `name`."""
    if name == "pain_limit":
        return type(value) is int and 0 <= value <= 10
    if name == "plan":
        return plan_problem(value) is None
    if name in ("muted", "first_run_done", "speak_cautions", "keep_in_tray", "tray_explained"):
        return type(value) is bool
    if name == "setup_mode":
        return value in SETUP_MODES
    if name == "setup_heard":
        return (
            isinstance(value, (list, tuple))
            and len(value) <= MAX_SETUP_HEARD
            and all(isinstance(item, str) and len(item) <= 64 for item in value)
        )
    if name == "language":
        return isinstance(value, str) and (value == "" or value in LANGUAGES)
    if name == "theme":
        return value in THEMES
    if name == "text_size":
        return type(value) is int and value in TEXT_SIZES
    if name == "voice":
        return isinstance(value, str) and len(value) <= 500
    if name == "rate":
        return type(value) is int and 50 <= value <= 400
    if name == "volume":
        return type(value) in (int, float) and math.isfinite(value) and 0 <= value <= 1
    if name == "history_split":
        return type(value) in (int, float) and (
            value == 0 or (math.isfinite(value) and SPLIT_LEAST <= value <= 1 - SPLIT_LEAST)
        )
    return False


# What each field takes, for the notice when the file holds something else (translated
# when the notice is read: the file is read before the language is known).
EXPECTED = {
    "pain_limit": N_("a whole number from 0 to 10"),
    "muted": N_("true or false"),
    "first_run_done": N_("true or false"),
    "speak_cautions": N_("true or false"),
    "keep_in_tray": N_("true or false"),
    "tray_explained": N_("true or false"),
    "plan": N_("a weekly plan as docs/reminders.md describes ({problem})"),
    "setup_mode": N_('"always", "first" or "never"'),
    "setup_heard": N_("a list of at most {n} exercise ids"),
    "language": N_('"" (the system\'s language) or one of {codes}'),
    "theme": N_('"system", "light", "dark" or "high-contrast"'),
    "text_size": N_("100, 125 or 150 (per cent)"),
    "voice": N_("a voice id of at most 500 characters"),
    "rate": N_("a whole number from 50 to 400 (words a minute)"),
    "volume": N_("a number from 0 to 1"),
    "history_split": N_("0, or a number from 0.05 to 0.95"),
    # A part of the plan dropped alone (plan.items[0].planned_at), by the part's name.
    "planned_at": N_(
        'a moment as YYYY-MM-DDTHH:MM with its UTC offset (2026-01-05T19:05+01:00), or ""'
    ),
}


def plan_problem(value: Any) -> str | None:
    """Why `value` is not a usable weekly plan (naming the field), or None when it is."""
    try:
        plan_from_data(value)
    except PlanError as exc:
        return str(exc)
    except RecursionError:
        return "nested too deeply"
    return None


class Ignored(NamedTuple):
    """A value of the file that cannot be used: the field, the value as read, the default."""

    name: str
    value: str
    now: str

    problem: str = ""  # what exactly is wrong, where a field has parts (the plan)
    part: str = ""  # a part of a field dropped alone ("planned_at"), the field kept

    def text(self) -> str:
        expected = translate(EXPECTED[self.part or self.name]).format(
            n=MAX_SETUP_HEARD, codes=", ".join(f'"{c}"' for c in LANGUAGES), problem=self.problem
        )
        if self.part == "planned_at":
            # Translators: after "now", for a plan item whose damaged moment was dropped.
            default = _('"", so every time of its first day counts')
        elif self.name == "plan":
            default = _("no plan, no reminders")
        else:
            default = self.now
        return _("{name} = {value} (expected {expected}; now {default})").format(
            name=self.name, value=self.value, expected=expected, default=default
        )


def settings_from_data(data: Any, source: str = "settings") -> Settings:
    """Build settings from decoded JSON, keeping the defaults for anything missing or invalid."""
    if not isinstance(data, dict):
        log.warning("%s: expected a JSON object; using the default settings", source)
        return Settings()
    return _read_fields(data, source)[0]


def _read_fields(data: dict[str, Any], source: str) -> tuple[Settings, list[Ignored]]:
    """The settings in `data`, and a line for each known field whose value cannot be used."""
    values: dict[str, Any] = {}
    ignored: list[Ignored] = []
    for f in dataclasses.fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        dropped: list[tuple[str, Any]] = []
        if f.name == "plan":  # a damaged moment alone drops only itself, not the plan
            usable, dropped = without_bad_moments(value)
        else:
            usable = value
        if valid_value(f.name, usable):
            values[f.name] = _normal(f.name, usable)
            for where, bad in dropped:
                log.warning("%s: ignoring %s = %s (not a valid value)", source, where, _short(bad))
                ignored.append(Ignored(where, _short(bad), '""', part="planned_at"))
        else:
            log.warning("%s: ignoring %s = %s (not a valid value)", source, f.name, _short(value))
            now = json.dumps(dataclasses.asdict(Settings())[f.name])
            problem = (plan_problem(usable) or "") if f.name == "plan" else ""
            ignored.append(Ignored(f.name, _short(value), now, problem))
    return Settings(**values), ignored


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, (list, dict)) else f"<{type(value).__name__}>"
    return text if len(text) <= LOGGED_VALUE_CHARS else text[:LOGGED_VALUE_CHARS] + "\u2026"


def _normal(name: str, value: Any) -> Any:
    if name in ("volume", "history_split"):
        return float(value)
    if name == "setup_heard":
        return tuple(value)
    if name == "plan":
        return plan_from_data(value)
    return value


def _said(exc: UnreadableFile) -> str:
    """Why a file cannot be read, as a Said: read before the language is known, it is said
    in the one in use when the notice shows (the log keeps the English)."""
    return Said(exc.template, **dict(exc.values)) if exc.template else str(exc)


class SettingsStore:
    """Loads settings once and saves every change at once, atomically.

    A damaged file (not JSON, not an object, too large, not UTF-8, a pipe or a device) is
    moved aside with a dated name before anything is saved over it, and `notice` says where
    it went; the defaults apply. One that cannot be read (permissions, a loop of links) may
    hold the right values: it is left as it is and never saved over, and `notice` says so.
    When the file cannot be written the settings still change for this run and `save_error`
    says why.
    """

    def __init__(
        self, path: Path | None = None, *, now: Callable[[], datetime] = datetime.now
    ) -> None:
        self.path = path or paths.settings_path()
        # Both are worded when read, in the language in use then (see EXPECTED).
        self._save_error: Callable[[], str] | None = None
        self._notice: Callable[[], str] | None = None  # a damaged file was moved aside: where to
        self._now = now
        # A file that cannot be used nor moved aside, or cannot be read: never save over it.
        # Why, as save_error says it.
        self._keep_away: Callable[[], str] | None = None
        self._settings = self._load()

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def notice(self) -> str | None:
        """What happened to a damaged settings file, once; None when it was fine."""
        return None if self._notice is None else self._notice()

    @property
    def save_error(self) -> str | None:
        """Why the last save failed; None when it worked."""
        return None if self._save_error is None else self._save_error()

    def _load(self) -> Settings:
        try:
            text = read_small_text(self.path, MAX_FILE_BYTES)
            data = parse_strict_json(text)
        except UnreadableFile as exc:
            if exc.damaged:
                return self._damaged(_said(exc))
            if not exc.missing:  # permissions or the disk: leave the file as it is
                return self._unreadable(_said(exc))
            return Settings()
        except BadJson as exc:
            return self._damaged(exc.said)
        if not isinstance(data, dict):
            return self._damaged(Said(N_("expected a JSON object")))
        settings, ignored = _read_fields(data, str(self.path))
        if ignored:
            return self._partly_damaged(settings, ignored)
        return settings

    def _damaged(self, why: str) -> Settings:
        """Move the file aside (never overwrite it) and start from the defaults."""
        aside = self._move_aside(why)
        if aside is None:
            return Settings()
        self._notice = lambda: _(
            "Your settings file could not be used ({why}); it was moved to {aside} and the "
            "default settings apply."
        ).format(why=shown(why), aside=aside)
        log.warning("%s", self.notice)
        return Settings()

    def _unreadable(self, why: str) -> Settings:
        """The defaults for this run, said in the window (a pain limit of 3 read as 5 must
        not pass unsaid), and the file kept for when it can be read again."""
        self._notice = lambda: _(
            "Your settings file {path}: {why}; the default settings apply, and it is not saved "
            "over, so changes last for this session only."
        ).format(path=self.path, why=shown(why))
        log.warning("%s", self.notice)
        self._keep_away = lambda: _(
            "cannot save settings: {path} cannot be read, and is not saved over"
        ).format(path=self.path)
        return Settings()

    def _partly_damaged(self, settings: Settings, ignored: list[Ignored]) -> Settings:
        """Some values cannot be used: keep the file as it was under a dated name, and save
        the rest at once, so that a pain limit of 3.0 never quietly becomes the default 5."""
        aside = self._move_aside(Said(N_("some of its values are not valid")))
        if aside is None:
            return settings
        self._settings = settings
        self.save()
        self._notice = lambda: _(
            "Some of your settings could not be used and are back to their defaults: "
            "{values}. Your file as it was is kept as {aside}."
        ).format(values="; ".join(i.text() for i in ignored), aside=aside)
        log.warning("%s", self.notice)
        return settings

    def _move_aside(self, why: str) -> Path | None:
        """Rename the file to a dated name beside it; on failure say so, never save over it."""
        try:
            aside = move_aside(self.path, self._now())
        except OSError as exc:
            error = exc.strerror or str(exc)
            self._notice = lambda: _(
                "Your settings file {path} cannot be used ({why}) nor moved aside ({error}); "
                "it is not saved over, so changes last for this session only."
            ).format(path=self.path, why=shown(why), error=error)
            log.warning("%s", self.notice)
            self._keep_away = lambda: _(
                "cannot save settings: {path} is damaged and in the way"
            ).format(path=self.path)
            return None
        return aside

    def update(self, **changes: Any) -> Settings:
        """Change some settings and save them; invalid values raise ValueError."""
        for name, value in changes.items():
            if not valid_value(name, value):
                raise ValueError(f"not a valid value for the setting {name}: {value!r}")
        normal = {name: _normal(name, value) for name, value in changes.items()}
        self._settings = self._settings.replace(**normal)
        self.save()
        return self._settings

    def save(self) -> bool:
        """Write the file; on failure keep the settings in memory and remember why."""
        if self._keep_away is not None:
            self._save_error = self._keep_away
            return False
        text = json.dumps(dataclasses.asdict(self._settings), indent=2, sort_keys=True) + "\n"
        try:
            write_atomic(self.path, text)
        except OSError as exc:
            error = exc.strerror or str(exc)
            said = self.save_error
            self._save_error = lambda: _("cannot save settings to {path}: {error}").format(
                path=self.path, error=error
            )
            if self.save_error != said:  # once, not at each retry (the strip's, every 30 s)
                log.warning("%s; they are kept for this session only", self.save_error)
            return False
        self._save_error = None
        return True

"""Translations (no Qt): which language the app speaks, and gettext lookups in it.

Every user-facing string goes through `_` (or `n_` for a count, `p_` for a word whose sense
needs a context, `N_` to mark a constant that is translated where it is shown). Lookups happen
when they are called, never at import, so a change of language reaches every later call.
docs/translating.md has the workflow; the catalogs are resources/locale/<lang>/LC_MESSAGES.
"""

from __future__ import annotations

import datetime as dt
import gettext
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from hiptimer import paths

log = logging.getLogger(__name__)

DOMAIN = "hiptimer"
DEFAULT_LANGUAGE = "en"
# The languages HipTimer ships, each with its own name for itself (as the settings list it).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DECIMAL_MARKS = {"en": ".", "es": ","}
# Read in this order, as GNU gettext does: the first one set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def locale_dir() -> Path:
    return paths.resources_dir() / "locale"


def language_of(tag: str) -> str | None:
    """The shipped language a locale name means: "es_ES.UTF-8", "es-419", "es" -> "es"."""
    code = tag.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(
    environ: Mapping[str, str] | None = None, ui_languages: Iterable[str] = ()
) -> str:
    """The language the system asks for: the locale variables (LANGUAGE may list several,
    "fr:es"), then the desktop's list (QLocale's uiLanguages on Windows and macOS, where no
    variable is set); English when none of them is a language HipTimer ships."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE" and env.get("LC_ALL", env.get("LANG", "")) in ("C", "POSIX"):
            continue  # as in gettext: the C locale turns LANGUAGE off
        for tag in value.split(":"):
            if tag in ("C", "POSIX") or tag.startswith(("C.", "POSIX.")):
                return DEFAULT_LANGUAGE
            found = language_of(tag)
            if found:
                return found
        if name != "LANGUAGE":
            return DEFAULT_LANGUAGE  # the locale is set, to a language we do not ship
    for tag in ui_languages:
        found = language_of(tag)
        if found:
            return found
    return DEFAULT_LANGUAGE


def choose_language(
    setting: str = "", environ: Mapping[str, str] | None = None, ui_languages: Iterable[str] = ()
) -> str:
    """The setting when it names a shipped language, else the system's."""
    if setting in LANGUAGES:
        return setting
    return system_language(environ, ui_languages)


def use(language: str) -> str:
    """Speak `language` from now on (English for one not shipped); returns the one in use.

    A missing catalog is logged and English is used, so a broken install still runs.
    """
    global _translations, _language
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        _translations, _language = gettext.NullTranslations(), DEFAULT_LANGUAGE
        return _language
    try:
        _translations = gettext.translation(DOMAIN, str(locale_dir()), languages=[language])
        _language = language
    except OSError as exc:
        log.warning("no %s translation (%s); HipTimer stays in English", language, exc)
        _translations, _language = gettext.NullTranslations(), DEFAULT_LANGUAGE
    return _language


def language() -> str:
    """The code of the language in use ("en", "es")."""
    return _language


def decimal(x: float, spec: str = "g") -> str:
    """A number as written in the language in use, by default without needless zeros:
    "2.5", "2,5"; `spec` is a format spec such as ".1f" or "+.1f"."""
    text = format(x, spec)
    return text.replace(".", DECIMAL_MARKS.get(_language, "."))


# Whether a sentence after a colon starts with a capital. English (as the app's messages
# write "Right side: Not every set was done") does; Spanish writes it lowercase unless it
# starts with a name (RAE, dos puntos: https://www.rae.es/dpd/dos%20puntos).
CAPITAL_AFTER_COLON = {"en": True, "es": False}


def after_colon(sentence: str) -> str:
    """`sentence` (one of ours, whole) as it reads after a colon in the language in use:
    "El 6 de diciembre ..." is "el 6 de diciembre ..." in Spanish. A first word with another
    capital in it ("HipTimer", "PDF") is a name and stays as written."""
    if CAPITAL_AFTER_COLON.get(_language, True):
        return sentence
    first = sentence.split(" ", 1)[0]
    if any(char.isupper() for char in first[1:]):
        return sentence
    return sentence[:1].lower() + sentence[1:]


def _(message: str) -> str:
    """`message` in the language in use."""
    return _translations.gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    """The form for count `n` (languages differ in how many forms they have and where)."""
    return _translations.ngettext(singular, plural, n)


def p_(context: str, message: str) -> str:
    """`message` in a context that tells translators which sense is meant ("tempo", "Lift")."""
    return _translations.pgettext(context, message)


def translate(message: str) -> str:
    """A string marked with N_ where it was defined, in the language in use."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks a constant for translation; translate it with `_` where it is shown."""
    return message


def joined(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the language in use."""
    names = list(items)
    if len(names) < 2:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


# ---------------------------------------------------------------- dates in words
# strftime's %a, %A, %b and %B follow the C locale (English whatever the language): names
# come from the catalog instead, and whole dates from a message a language can reorder.


def weekday_name(day: dt.date, short: bool = False) -> str:
    """'Monday' or 'Mon' in the language in use."""
    if short:
        names = (
            p_("weekday", "Mon"), p_("weekday", "Tue"), p_("weekday", "Wed"),
            p_("weekday", "Thu"), p_("weekday", "Fri"), p_("weekday", "Sat"),
            p_("weekday", "Sun"),
        )  # fmt: skip
    else:
        names = (
            p_("weekday", "Monday"), p_("weekday", "Tuesday"), p_("weekday", "Wednesday"),
            p_("weekday", "Thursday"), p_("weekday", "Friday"), p_("weekday", "Saturday"),
            p_("weekday", "Sunday"),
        )  # fmt: skip
    return names[day.weekday()]


def month_name(month: int, short: bool = False) -> str:
    """'March' or 'Mar' (month 1-12) in the language in use."""
    if short:
        names = (
            p_("short month", "Jan"), p_("short month", "Feb"), p_("short month", "Mar"),
            p_("short month", "Apr"), p_("short month", "May"), p_("short month", "Jun"),
            p_("short month", "Jul"), p_("short month", "Aug"), p_("short month", "Sep"),
            p_("short month", "Oct"), p_("short month", "Nov"), p_("short month", "Dec"),
        )  # fmt: skip
    else:
        names = (
            p_("month", "January"), p_("month", "February"), p_("month", "March"),
            p_("month", "April"), p_("month", "May"), p_("month", "June"),
            p_("month", "July"), p_("month", "August"), p_("month", "September"),
            p_("month", "October"), p_("month", "November"), p_("month", "December"),
        )  # fmt: skip
    return names[month - 1]


def day_month(day: dt.date, *, weekday: bool = False, year: bool = False) -> str:
    """'3 March', 'Monday 3 March', '3 March 2025' or 'Monday 3 March 2025'."""
    values = {
        "weekday": weekday_name(day),
        "day": day.day,
        "month": month_name(day.month),
        "year": day.year,
    }
    if weekday and year:
        text = p_("date", "{weekday} {day} {month} {year}")
    elif weekday:
        text = p_("date", "{weekday} {day} {month}")
    elif year:
        text = p_("date", "{day} {month} {year}")
    else:
        text = p_("date", "{day} {month}")
    return text.format(**values)


def short_date(day: dt.date, *, year: bool = True, weekday: bool = False) -> str:
    """'3 Mar 2025', '3 Mar' or 'Mon 3 Mar 2025' for tables and axes."""
    month = month_name(day.month, short=True)
    if weekday:
        return p_("short date", "{weekday} {day} {month} {year}").format(
            weekday=weekday_name(day, short=True), day=day.day, month=month, year=day.year
        )
    if year:
        return p_("short date", "{day} {month} {year}").format(
            day=day.day, month=month, year=day.year
        )
    return p_("short date", "{day} {month}").format(day=day.day, month=month)

"""Numbers and durations in words, as the voice should say them in the language in use.

A spoken phrase is a whole translated template whose numbers are formatted by `say`:
"{n}" is a number said on its own ("uno" in Spanish), "{n:m}" one before a masculine noun
("veintiún segundos"), "{n:f}" one before a feminine noun ("veintiuna repeticiones").
English ignores the spec. A language without a speller here gets digits, which espeak-ng
reads in its own voice.
"""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.i18n import _, decimal, language, n_

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
MAX_SPOKEN = 999_999


def english_words(n: int, form: str = "") -> str:
    """A whole number in English words: 21 -> "twenty-one" (English has no gender)."""
    _check(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {english_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{english_words(thousands)} thousand" + (f" {english_words(rest)}" if rest else "")


_ES_TO_29 = (
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
    "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
    "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve",
)  # fmt: skip
_ES_TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")  # fmt: skip
_ES_HUNDREDS = (
    "", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
    "setecientos", "ochocientos", "novecientos",
)  # fmt: skip


def spanish_words(n: int, form: str = "") -> str:
    """A whole number in Spanish words. `form` "" counts ("veintiuno"), "m" stands before a
    masculine noun ("veintiún segundos"), "f" before a feminine one ("doscientas una series")."""
    _check(n)
    if n < 1000:
        return _es_below_1000(n, form)
    thousands, rest = divmod(n, 1000)
    # Before "mil" a one is shortened: "veintiún mil"; feminine nouns keep their gender.
    head = "mil" if thousands == 1 else f"{_es_below_1000(thousands, form or 'm')} mil"
    return head + (f" {_es_below_1000(rest, form)}" if rest else "")


def _es_below_1000(n: int, form: str) -> str:
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        word = _ES_HUNDREDS[hundreds]
        words.append(word[:-2] + "as" if form == "f" and hundreds > 1 else word)
    if rest or not hundreds:
        words.append(_es_below_100(rest, form))
    return " ".join(words)


def _es_below_100(n: int, form: str) -> str:
    if n < 30:
        word = _ES_TO_29[n]
    else:
        tens, ones = divmod(n, 10)
        word = _ES_TENS[tens] + (f" y {_ES_TO_29[ones]}" if ones else "")
    if word.endswith("uno"):
        if form == "m":
            word = "veintiún" if word == "veintiuno" else word[:-1]
        elif form == "f":
            word = word[:-1] + "a"
    return word


SPELLERS: dict[str, Callable[[int, str], str]] = {"en": english_words, "es": spanish_words}


def _check(n: int) -> None:
    if n < 0 or n > MAX_SPOKEN:
        raise ValueError(f"numbers are said from 0 to {MAX_SPOKEN}, not {n}")


def number_words(n: int, form: str = "") -> str:
    """A whole number in words in the language in use: 21 -> "twenty-one", "veintiuno"."""
    speller = SPELLERS.get(language())
    if speller is None:
        _check(n)
        return str(n)
    return speller(n, form)


class Spoken:
    """A number to be said: formats as words, its spec choosing the form ("{n:f}")."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __format__(self, spec: str) -> str:
        return number_words(self.n, spec)


def say(template: str, **values: object) -> str:
    """Fill a translated template, saying its whole numbers in words."""
    spoken = {k: Spoken(v) if isinstance(v, int) else v for k, v in values.items()}
    return template.format(**spoken)


def capital(text: str) -> str:
    """The first letter in capitals, the rest as it is (names keep their case)."""
    return text[:1].upper() + text[1:]


def duration_words(seconds: float) -> str:
    """A duration as a coach says it: "sixty seconds", "one minute thirty", "one hour".

    Up to a minute it is said in seconds (half seconds kept); longer, in minutes and seconds.
    """
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    halves = round(seconds * 2)
    if seconds > 0 and halves == 0:  # a 0.1 s hold is short, not "zero seconds"
        return _("less than a second")
    if halves <= 120:
        whole, half = divmod(halves, 2)
        if half and whole == 0:
            return _("half a second")
        if half:
            return say(n_("{n} and a half seconds", "{n} and a half seconds", whole), n=whole)
        return _seconds(whole)
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if not hours:
        if not secs:
            return _minutes(minutes)
        # Translators: a duration such as "one minute thirty"; {s} is the seconds (1-59).
        return say(n_("{n} minute {s}", "{n} minutes {s}", minutes), n=minutes, s=secs)
    said = say(n_("{n} hour", "{n} hours", hours), n=hours)
    if minutes and secs:
        # Translators: the minutes and seconds after a number of hours.
        rest_words = _("{minutes} {seconds}").format(
            minutes=_minutes(minutes), seconds=_seconds(secs)
        )
    elif minutes or secs:
        rest_words = _minutes(minutes) if minutes else _seconds(secs)
    else:
        return said
    # Translators: a duration of an hour or more, "one hour ten minutes".
    return _("{hours} {rest}").format(hours=said, rest=rest_words)


def weight_words(amount: float, unit: str) -> str:
    """An added weight as said: "one kilogram", "two and a half pounds", "1.25 kilograms"."""
    halves = amount * 2
    if halves != int(halves) or amount > MAX_SPOKEN:  # the voice reads the decimal
        if unit == "lb":
            return _("{amount} pounds").format(amount=decimal(amount))
        return _("{amount} kilograms").format(amount=decimal(amount))
    whole, half = divmod(int(halves), 2)
    if unit == "lb":
        if half:
            if not whole:
                return _("half a pound")
            return say(n_("{n:f} and a half pounds", "{n:f} and a half pounds", whole), n=whole)
        return say(n_("{n:f} pound", "{n:f} pounds", whole), n=whole)
    if half:
        if not whole:
            return _("half a kilogram")
        return say(n_("{n:m} and a half kilograms", "{n:m} and a half kilograms", whole), n=whole)
    return say(n_("{n:m} kilogram", "{n:m} kilograms", whole), n=whole)


def _seconds(n: int) -> str:
    return say(n_("{n} second", "{n} seconds", n), n=n)


def _minutes(n: int) -> str:
    return say(n_("{n} minute", "{n} minutes", n), n=n)

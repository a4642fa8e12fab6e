"""Numbers and durations in words, as the voice should say them ("twenty-one", "one minute thirty")."""

from __future__ import annotations

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """A whole number in words, as espeak should say it: 21 -> "twenty-one"."""
    if n < 0 or n >= 1_000_000:
        raise ValueError(f"number_words takes 0 to 999999, not {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")


def duration_words(seconds: float) -> str:
    """A duration as a coach says it: "sixty seconds", "one minute thirty", "one hour".

    Up to a minute it is said in seconds (half seconds kept); longer, in minutes and seconds.
    """
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    halves = round(seconds * 2)
    if seconds > 0 and halves == 0:  # a 0.1 s hold is short, not "zero seconds"
        return "less than a second"
    if halves <= 120:
        whole, half = divmod(halves, 2)
        if half:
            return "half a second" if whole == 0 else f"{number_words(whole)} and a half seconds"
        return _plural(whole, "second")
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_plural(hours, "hour"))
    if minutes:
        parts.append(_plural(minutes, "minute"))
    if secs:  # "one minute thirty"; after hours the unit is needed
        parts.append(_plural(secs, "second") if hours else number_words(secs))
    return " ".join(parts)


def _plural(n: int, unit: str) -> str:
    return f"one {unit}" if n == 1 else f"{number_words(n)} {unit}s"

"""Words of ours built from marked pieces: English where printed, the language in use on screen."""

from __future__ import annotations

from hiptimer.i18n import translate


class Said(str):
    """English text made from a template marked with N_ and its values; a value that is a
    Said is a piece of ours too, any other (a name, Python's own words) stays as it is.

    A str, so it prints, logs and compares as its English (the command line's own words,
    docs/translating.md); `shown()` says it in the language in use, at the time it is shown.
    """

    template: str
    values: tuple[tuple[str, object], ...]

    def __new__(cls, template: str, /, **values: object) -> Said:
        said = super().__new__(cls, template.format(**values))
        said.template = template
        said.values = tuple(values.items())
        return said

    def shown(self) -> str:
        """The text in the language in use."""
        values = {k: v.shown() if isinstance(v, Said) else v for k, v in self.values}
        return translate(self.template).format(**values)


def shown(value: object) -> object:
    """A Said in the language in use; any other value as it is."""
    return value.shown() if isinstance(value, Said) else value

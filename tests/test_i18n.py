"""The language in use: chosen from the setting and the locale, and gettext lookups in it."""

from __future__ import annotations

import datetime as dt

import pytest

from hiptimer import i18n


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not shipped: English
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),  # LC_ALL wins over LANG
        ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:es", "LANG": "fr_FR.UTF-8"}, "es"),  # the first shipped of the list
        ({"LANGUAGE": "en_US:en", "LANG": "es_ES.UTF-8"}, "en"),  # LANGUAGE comes first
        ({"LANGUAGE": "es", "LANG": "C"}, "en"),  # as in gettext: the C locale ignores it
        ({"LANGUAGE": "de", "LANG": "es_ES.UTF-8"}, "es"),  # nothing shipped in it: go on
    ],
)
def test_system_language_reads_the_locale_variables(environ: dict[str, str], expected: str) -> None:
    assert i18n.system_language(environ) == expected


def test_the_desktops_list_counts_only_when_no_variable_is_set() -> None:
    assert i18n.system_language({}, ["de-DE", "es-ES"]) == "es"
    assert i18n.system_language({"LANG": "en_US.UTF-8"}, ["es-ES"]) == "en"


def test_a_setting_overrides_the_system_and_an_unknown_one_is_ignored() -> None:
    assert i18n.choose_language("es", {"LANG": "en_US.UTF-8"}) == "es"
    assert i18n.choose_language("en", {"LANG": "es_ES.UTF-8"}) == "en"
    assert i18n.choose_language("", {"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.choose_language("xx", {"LANG": "es_ES.UTF-8"}) == "es"


def test_lookups_follow_the_language_in_use() -> None:
    assert i18n._("Paused.") == "Paused."
    assert i18n.use("es") == "es"
    assert i18n.language() == "es"
    assert i18n._("Paused.") == "En pausa."
    assert i18n.n_("{n} second", "{n} seconds", 1) == "{n:m} segundo"
    assert i18n.n_("{n} second", "{n} seconds", 3) == "{n:m} segundos"
    assert i18n.p_("tempo", "Hold") == "Mantén"
    assert i18n.use("en") == "en"
    assert i18n._("Paused.") == "Paused."


def test_an_unshipped_language_or_a_missing_catalog_leaves_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    assert i18n.use("de") == "en"
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    assert i18n.use("es") == "en"
    assert i18n._("Paused.") == "Paused."


def test_dates_are_named_in_the_language_in_use() -> None:
    monday = dt.date(2025, 3, 3)
    assert i18n.day_month(monday, weekday=True, year=True) == "Monday 3 March 2025"
    assert i18n.short_date(monday, weekday=True) == "Mon 3 Mar 2025"
    assert i18n.joined(["A", "B", "C"]) == "A, B and C"
    i18n.use("es")
    assert i18n.day_month(monday, weekday=True, year=True) == "lunes 3 de marzo de 2025"
    assert i18n.day_month(dt.date(2025, 5, 31)) == "31 de mayo"  # May has two names in English
    assert [i18n.month_name(5, short=True), i18n.short_date(monday)] == ["may", "3 mar 2025"]
    assert i18n.short_date(monday, weekday=True) == "lun 3 mar 2025"
    assert i18n.weekday_name(monday + dt.timedelta(days=6)) == "domingo"
    assert i18n.joined(["A", "B", "C"]) == "A, B y C"
    assert i18n.decimal(-2.25, "+.1f") == "-2,2"

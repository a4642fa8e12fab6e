"""Tests for the settings file: defaults, validation, corrupt and read-only files."""

from __future__ import annotations

import codecs
import dataclasses
import json
import logging
import os
import tempfile
import threading
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiptimer import i18n, paths
from hiptimer.core.safe_read import UnreadableFile
from hiptimer.core.settings import (
    MAX_FILE_BYTES,
    Settings,
    SettingsStore,
    settings_from_data,
    valid_value,
)


def test_defaults_when_there_is_no_file(data_home: Path) -> None:
    store = SettingsStore()
    assert store.path == data_home / "settings.json"
    assert store.settings == Settings()
    assert store.settings.pain_limit == 5 and not store.settings.first_run_done


def test_changes_are_saved_and_read_back() -> None:
    store = SettingsStore()
    store.update(pain_limit=3, muted=True, first_run_done=True, setup_heard=["bridge"])
    store.update(setup_mode="never")
    again = SettingsStore()
    assert again.settings.pain_limit == 3
    assert again.settings.setup_heard == ("bridge",) and again.settings.setup_mode == "never"
    assert again.settings.muted and again.settings.first_run_done
    assert json.loads(paths.settings_path().read_text())["pain_limit"] == 3


def test_invalid_values_are_refused() -> None:
    store = SettingsStore()
    with pytest.raises(ValueError, match="pain_limit"):
        store.update(pain_limit=11)
    with pytest.raises(ValueError, match="muted"):
        store.update(muted="yes")
    with pytest.raises(ValueError, match="setup_mode"):
        store.update(setup_mode=True)
    assert store.settings == Settings()


def test_a_corrupt_file_gives_the_defaults_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        store = SettingsStore()
    assert store.settings == Settings()
    assert "not valid JSON" in caplog.text


def test_bad_fields_fall_back_one_by_one(caplog: pytest.LogCaptureFixture) -> None:
    data = {"pain_limit": 4, "volume": "loud", "rate": True, "unknown": 1, "muted": True}
    with caplog.at_level(logging.WARNING):
        settings = settings_from_data(data)
    assert settings.pain_limit == 4 and settings.muted
    assert settings.volume == 1.0 and settings.rate == Settings().rate
    assert "volume" in caplog.text
    assert settings_from_data([1, 2]) == Settings()


def test_an_unwritable_place_keeps_settings_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    store = SettingsStore(blocker / "settings.json")  # its folder cannot be created
    store.update(first_run_done=True)
    assert store.settings.first_run_done
    assert store.save_error is not None and "cannot save" in store.save_error


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_keeps_settings_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = SettingsStore(folder / "settings.json")
        store.update(first_run_done=True)
        assert store.settings.first_run_done
        assert store.save_error is not None and "cannot save" in store.save_error
    finally:
        folder.chmod(0o700)


# ---------------------------------------------------------------- hostile settings files
# (issue 13, fault 5): each once crashed, hung or silently lost the user's settings.

FIXED = datetime(2026, 12, 4, 18, 30, 0)


def _store(path: Path) -> SettingsStore:
    return SettingsStore(path, now=lambda: FIXED)


def _written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "settings.json"
    path.write_bytes(data)
    return path


def test_a_byte_order_mark_is_accepted_and_nothing_is_reset(tmp_path: Path) -> None:
    path = _written(tmp_path, codecs.BOM_UTF8 + json.dumps({"pain_limit": 3}).encode())
    store = _store(path)
    assert store.settings.pain_limit == 3 and store.notice is None
    store.update(muted=True)
    assert json.loads(path.read_text(encoding="utf-8-sig"))["pain_limit"] == 3


def test_a_damaged_file_is_moved_aside_with_a_dated_name_and_never_overwritten(
    tmp_path: Path,
) -> None:
    path = _written(tmp_path, b'{"pain_limit": 3,')
    store = _store(path)
    aside = tmp_path / "settings.json.damaged-20261204-183000"
    assert aside.read_bytes() == b'{"pain_limit": 3,'
    assert store.settings == Settings()
    assert (
        store.notice is not None and str(aside) in store.notice and "not valid JSON" in store.notice
    )
    store.update(first_run_done=True)  # saving now writes a new file, the old one is kept
    assert aside.exists() and json.loads(path.read_text())["first_run_done"] is True


def test_deep_nesting_gives_a_clear_notice_not_a_recursion_error(tmp_path: Path) -> None:
    path = _written(tmp_path, b"[" * 100_000 + b"]" * 100_000)
    store = _store(path)
    assert store.settings == Settings()
    assert store.notice is not None and "nested too deeply" in store.notice


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    result: list[SettingsStore] = []
    reader = threading.Thread(target=lambda: result.append(_store(path)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the reader so the test run can end, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("SettingsStore blocked opening a FIFO")
    (store,) = result
    assert store.settings == Settings()
    assert store.notice is not None and "not a regular file" in store.notice


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.symlink_to("/dev/zero")
    store = _store(path)
    assert store.settings == Settings()
    assert store.notice is not None and "not a regular file" in store.notice
    assert Path("/dev/zero").exists()  # the link was moved aside, not the device


@pytest.mark.parametrize("device", [d for d in ("/dev/zero", "/dev/urandom") if Path(d).exists()])
def test_a_settings_file_linked_to_a_device_is_named_and_moved_aside(
    tmp_path: Path, device: str
) -> None:
    path = tmp_path / "settings.json"
    path.symlink_to(device)
    store = _store(path)
    assert store.settings == Settings()
    (aside,) = tmp_path.glob("settings.json.damaged-*")
    assert store.notice == (
        f"Your settings file could not be used (links to {device}, a device, not a regular "
        f"file); it was moved to {aside} and the default settings apply."
    )
    assert aside.is_symlink() and Path(device).exists()  # the link moved, not the device


def test_a_loop_of_links_is_named_at_once_and_left_as_it_is(tmp_path: Path) -> None:
    """A settings.json that cannot be read (a link to itself) was said in the log alone: the
    window stayed silent while a pain limit of 3 read as the default 5."""
    path = tmp_path / "settings.json"
    path.symlink_to("settings.json")
    store = _store(path)
    assert store.settings == Settings()
    assert store.notice is not None
    assert f"{path}: cannot read the file" in store.notice
    assert "symbolic links" in store.notice and "default settings apply" in store.notice
    assert store.update(first_run_done=True).first_run_done  # for this run
    assert path.is_symlink() and os.readlink(path) == "settings.json"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # nothing moved aside


def test_a_file_that_cannot_be_read_is_never_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission to read it (root reads any file: the refusal is played): its values may
    be right, so a change in this run is not saved over them; the window says why."""
    path = _written(tmp_path, json.dumps({"pain_limit": 3}).encode())

    def refused(*args: object) -> str:
        raise UnreadableFile("cannot read the file (Permission denied)")

    monkeypatch.setattr("hiptimer.core.settings.read_small_text", refused)
    store = _store(path)
    assert store.notice is not None and "Permission denied" in store.notice
    store.update(first_run_done=True)
    assert store.settings.first_run_done  # for this run
    assert json.loads(path.read_text(encoding="utf-8")) == {"pain_limit": 3}
    assert store.save_error is not None and "cannot be read" in store.save_error


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = _written(tmp_path, b'{"voice": "' + b"x" * (MAX_FILE_BYTES + 10) + b'"}')
    store = _store(path)
    assert store.settings == Settings() and store.notice is not None
    assert "at most 256 KiB" in store.notice


def test_a_huge_value_is_not_logged_whole(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _written(tmp_path, json.dumps({"voice": "v" * 100_000, "pain_limit": 4}).encode())
    with caplog.at_level(logging.WARNING):
        store = _store(path)
    assert store.settings.pain_limit == 4 and store.settings.voice == ""
    assert "voice" in caplog.text and len(caplog.text) < 1000


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
SETTINGS_LIKE = st.dictionaries(
    st.sampled_from([f.name for f in dataclasses.fields(Settings)]),
    st.none()
    | st.booleans()
    | st.integers(-5, 500)
    | st.floats()
    | st.text(max_size=8)
    | st.lists(st.text(max_size=5), max_size=3),
    max_size=8,
)


def _all_valid(result: Settings) -> bool:
    return all(valid_value(f.name, getattr(result, f.name)) for f in dataclasses.fields(Settings))


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, SETTINGS_LIKE)
def test_any_json_gives_valid_settings(junk: object, fields: dict[str, object]) -> None:
    for data in (junk, fields):
        assert _all_valid(settings_from_data(data))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_in_the_file_give_valid_settings(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(raw)
        store = _store(path)
        assert isinstance(store.settings, Settings)
        assert path.exists() or store.notice is not None  # a damaged file went aside, said so


@settings(max_examples=150, deadline=None)
@given(JSON_VALUES | SETTINGS_LIKE)
def test_any_json_in_the_file_gives_valid_settings_and_loses_nothing_unsaid(data: object) -> None:
    raw = json.dumps(data).encode()  # NaN and Infinity too, which strict JSON refuses
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(raw)
        store = _store(path)
        assert _all_valid(store.settings)
        store.update(first_run_done=True)  # a save
        if store.notice is None:  # every value was used, and saved again
            assert isinstance(data, dict)
            saved = json.loads(path.read_text())
            for name in set(data) & set(saved) - {"first_run_done"}:
                assert saved[name] == data[name], name
        else:  # something was not: the file as it was is kept under a dated name
            (aside,) = Path(folder).glob("settings.json.damaged-*")
            assert aside.read_bytes() == raw and str(aside) in store.notice


def test_a_value_that_cannot_be_used_is_named_and_the_file_kept_as_it_was(
    tmp_path: Path,
) -> None:
    # A pain limit of 3.0 (not a whole number) once became the default 5 with a line in the
    # log only, and the next save wrote over the file.
    raw = json.dumps({"pain_limit": 3.0, "muted": True, "rate": 200}).encode()
    path = _written(tmp_path, raw)
    store = _store(path)
    assert store.settings == Settings(muted=True, rate=200)
    aside = tmp_path / "settings.json.damaged-20261204-183000"
    assert aside.read_bytes() == raw
    assert store.notice is not None
    assert "pain_limit = 3.0 (expected a whole number from 0 to 10; now 5)" in store.notice
    assert str(aside) in store.notice
    saved = json.loads(path.read_text())  # the usable values are saved at once
    assert saved["muted"] is True and saved["rate"] == 200 and saved["pain_limit"] == 5
    again = _store(path)  # the rest was kept, and the next start says nothing more
    assert again.settings == store.settings and again.notice is None


def test_the_notice_is_worded_in_the_language_chosen_after_the_file_was_read(
    tmp_path: Path,
) -> None:
    # The file names the language, so it is read in English; the window shows the notice
    # once the language is known, and then it is in that language.
    store = _store(_written(tmp_path, json.dumps({"pain_limit": 3.0, "language": "es"}).encode()))
    assert store.notice is not None and store.notice.startswith("Some of your settings")
    i18n.use(store.settings.language)
    assert store.notice is not None and store.notice.startswith(
        "Algunos de tus ajustes no se han podido usar"
    )
    assert "pain_limit = 3.0 (se esperaba un número entero de 0 a 10; ahora 5)" in store.notice


def test_a_second_damaged_file_in_the_same_second_keeps_the_first(tmp_path: Path) -> None:
    _store(_written(tmp_path, b"{first"))
    _store(_written(tmp_path, b"{second"))
    first = tmp_path / "settings.json.damaged-20261204-183000"
    second = tmp_path / "settings.json.damaged-20261204-183000-2"
    assert first.read_bytes() == b"{first" and second.read_bytes() == b"{second"


def test_the_weekly_plan_and_the_tray_settings_are_saved_and_read_back() -> None:
    from hiptimer.core.plan.model import DeskBreaks, PlanItem, WeeklyPlan

    plan = WeeklyPlan(
        True, (PlanItem("daily-hip-stretches", (0, 2, 4), "18:30"),), DeskBreaks(True)
    )
    SettingsStore().update(plan=plan, keep_in_tray=True, tray_explained=True)
    again = SettingsStore()
    assert again.settings.plan == plan and again.notice is None
    assert again.settings.keep_in_tray and again.settings.tray_explained
    saved = json.loads(paths.settings_path().read_text())["plan"]
    assert saved["items"] == [
        {
            "routine_id": "daily-hip-stretches",
            "days": [0, 2, 4],
            "at": "18:30",
            "since": "",
            "planned_at": "",
        }
    ]
    with pytest.raises(ValueError, match="plan"):
        SettingsStore().update(plan={"items": [{"routine_id": "x", "at": "6pm"}]})


def test_a_plan_that_cannot_be_used_is_named_down_to_its_field(tmp_path: Path) -> None:
    raw = json.dumps({"plan": {"reminders": True, "items": [{"routine_id": "a", "days": [9]}]}})
    path = _written(tmp_path, raw.encode())
    store = _store(path)
    assert store.settings.plan.items == () and store.notice is not None
    assert "plan.items[0].days: expected a list of weekdays" in store.notice
    assert "now no plan, no reminders" in store.notice


def test_the_language_setting_takes_a_shipped_language_or_the_system(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    assert store.settings.language == ""  # follows the system
    assert store.update(language="es").language == "es"
    assert SettingsStore(path).settings.language == "es"
    with pytest.raises(ValueError):
        store.update(language="klingon")
    path.write_text(json.dumps({"language": "xx", "pain_limit": 3}))
    again = SettingsStore(path)
    assert (again.settings.language, again.settings.pain_limit) == ("", 3)
    assert again.notice is not None and "language" in again.notice


def test_the_history_split_takes_a_share_or_none() -> None:
    # History's sessions splitter, as dragged (ui/history/split_kept.py): 0 is "not dragged".
    assert settings_from_data({"history_split": 0.25}).history_split == 0.25
    assert settings_from_data({"history_split": 0}).history_split == 0.0
    for damaged in (0.01, 0.99, 1, -1, float("nan"), "0.3", True, None):
        assert settings_from_data({"history_split": damaged}).history_split == 0.0, damaged


def test_a_damaged_planned_moment_drops_only_itself(tmp_path: Path) -> None:
    """A damaged `planned_at` dropped the whole plan (no reminders at all), as a bad `since`
    does; now only that field goes, named, and the item counts from the start of its day."""
    items = [
        {"routine_id": "a", "days": [0], "at": "07:30", "since": "2026-01-05",
         "planned_at": "yesterday"},
        {"routine_id": "b", "days": [1], "at": "18:00", "since": "2026-01-05",
         "planned_at": "2026-01-05T19:05+01:00"},
    ]  # fmt: skip
    path = _written(tmp_path, json.dumps({"plan": {"reminders": True, "items": items}}).encode())
    store = _store(path)
    plan = store.settings.plan
    assert plan.reminders and [i.routine_id for i in plan.items] == ["a", "b"]
    assert [i.planned_at for i in plan.items] == ["", "2026-01-05T19:05+01:00"]
    assert store.notice is not None
    assert (
        "plan.items[0].planned_at = 'yesterday' (expected a moment as YYYY-MM-DDTHH:MM with its"
        ' UTC offset (2026-01-05T19:05+01:00), or ""; now "", so every time of its first day'
        " counts)"
    ) in store.notice
    assert "no plan" not in store.notice
    saved = json.loads(path.read_text())["plan"]["items"]
    assert saved[0]["planned_at"] == "" and saved[1]["planned_at"] == "2026-01-05T19:05+01:00"
    again = _store(path)
    assert again.settings.plan == plan and again.notice is None


def test_a_damaged_moment_beside_another_mistake_names_the_mistake(tmp_path: Path) -> None:
    items = [{"routine_id": "a", "planned_at": 5}, {"routine_id": "b", "days": [9]}]
    store = _store(_written(tmp_path, json.dumps({"plan": {"items": items}}).encode()))
    assert store.settings.plan.items == () and store.notice is not None
    assert "plan.items[1].days: expected a list of weekdays" in store.notice


@pytest.mark.parametrize(
    ("raw", "spanish"),
    [
        (b'{"pain_limit": 3,}', "no es JSON válido: "),
        (b'{"a": 1, "a": 2}', 'la clave "a" aparece dos veces en un mismo objeto'),
        (b"[1, 2]", "se esperaba un objeto JSON"),
        (codecs.BOM_UTF16_LE + "{}".encode("utf-16-le"), "guárdalo en UTF-8"),
    ],
)
def test_why_a_damaged_file_was_moved_aside_is_said_in_the_language_in_use(
    tmp_path: Path, raw: bytes, spanish: str
) -> None:
    """The strip named the JSON error in English on a Spanish screen ("not valid JSON: ..."):
    the file is read before the language is known."""
    store = _store(_written(tmp_path, raw))
    assert store.notice is not None and store.notice.startswith("Your settings file")
    i18n.use("es")
    assert store.notice is not None and spanish in store.notice, store.notice

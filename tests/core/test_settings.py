"""Tests for the settings file: defaults, validation, corrupt and read-only files."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.settings import Settings, SettingsStore, settings_from_data


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

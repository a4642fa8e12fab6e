"""Start at login: the XDG autostart entry is written, quoted, and removed cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptimer.core.plan import autostart


def test_turning_on_writes_an_entry_and_off_removes_it(tmp_path: Path) -> None:
    folder = tmp_path / "autostart"
    assert not autostart.is_on(folder)
    path = autostart.turn_on(["/usr/bin/hiptimer", "--in-tray"], folder)
    assert path == folder / autostart.ENTRY_NAME
    text = path.read_text()
    assert "Exec=/usr/bin/hiptimer --in-tray\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert autostart.is_on(folder)
    autostart.turn_off(folder)
    assert not path.exists() and not autostart.is_on(folder)
    autostart.turn_off(folder)  # already off: nothing to do


def test_arguments_are_quoted_as_the_desktop_entry_spec_asks() -> None:
    line = autostart.exec_line(["/opt/my apps/python", "-m", "hiptimer", '100%"$x'])
    assert line == '"/opt/my apps/python" -m hiptimer "100%%\\"\\$x"'


def test_an_entry_hiptimer_did_not_write_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / autostart.ENTRY_NAME
    path.write_text("[Desktop Entry]\nExec=something-else\n")
    with pytest.raises(autostart.AutostartError, match="not written by HipTimer"):
        autostart.turn_on(["hiptimer"], tmp_path)
    with pytest.raises(autostart.AutostartError, match="not written by HipTimer"):
        autostart.turn_off(tmp_path)
    assert path.read_text() == "[Desktop Entry]\nExec=something-else\n"


def test_an_entry_the_desktop_hid_counts_as_off(tmp_path: Path) -> None:
    path = autostart.turn_on(["hiptimer"], tmp_path)
    path.write_text(path.read_text() + "Hidden=true\n")
    assert not autostart.is_on(tmp_path)


@pytest.mark.parametrize(
    "line",
    ["X-GNOME-Autostart-enabled=false", "Hidden = true", "X-GNOME-Autostart-enabled = false"],
)
def test_an_entry_turned_off_the_gnome_way_or_with_spaces_counts_as_off(
    tmp_path: Path, line: str
) -> None:
    """GNOME's startup-applications switch turns an entry off with X-GNOME-Autostart-enabled
    =false, and the Desktop Entry Specification lets spaces stand around "=": the dialog
    still said start at login was on, and HipTimer did not start."""
    path = autostart.turn_on(["hiptimer"], tmp_path)
    text = path.read_text().replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + line + "\n")
    assert not autostart.is_on(tmp_path)
    autostart.turn_on(["hiptimer"], tmp_path)  # turned on again from the dialog: ours, rewritten
    assert autostart.is_on(tmp_path)


def test_a_folder_that_cannot_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(autostart.AutostartError, match="cannot write"):
        autostart.turn_on(["hiptimer"], tmp_path / "file" / "autostart")


def test_the_command_starts_in_the_tray_with_the_data_folder() -> None:
    argv = autostart.command("/data/here")
    assert argv[-3:] == ["--data-dir", "/data/here", "--in-tray"]

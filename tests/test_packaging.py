"""Packaging: the wheel carries the resources, an install finds them, and the desktop files agree."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hiptimer import paths

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.hiptimer.HipTimer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _uv() -> str:
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` sets $UV to itself
    if not uv:
        pytest.fail("uv is needed to build the wheel (the project is built with `uv build`)")
    return uv


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once for this module."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [_uv(), "build", "--wheel", "--quiet", "--out-dir", str(out), str(ROOT)],
        check=True,
        timeout=120,
    )
    (built,) = out.glob("hiptimer-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked as it is installed: its files in a site-packages folder."""
    folder = tmp_path_factory.mktemp("site-packages")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    return folder


def _repo_files(folder: str, pattern: str) -> list[str]:
    found = sorted(p.name for p in (RESOURCES / folder).glob(pattern))
    assert found, f"no {pattern} in resources/{folder}"
    return found


# ---------------------------------------------------------------- the wheel


@pytest.mark.parametrize(
    ("folder", "pattern"),
    [("routines", "*.json"), ("schema", "*.json"), ("sounds", "*.wav"), ("icons", "*.*")],
)
def test_wheel_carries_every_resource(wheel_names: set[str], folder: str, pattern: str) -> None:
    missing = [
        name
        for name in _repo_files(folder, pattern)
        if f"hiptimer/resources/{folder}/{name}" not in wheel_names
    ]
    assert not missing, f"not in the wheel: {missing}"


def test_wheel_carries_the_schema_and_themed_icons(wheel_names: set[str]) -> None:
    wanted = [
        "hiptimer/resources/schema/routine-v1.schema.json",
        "hiptimer/resources/schema/routine-v2.schema.json",
    ]
    wanted += [f"hiptimer/resources/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES]
    assert [name for name in wanted if name not in wheel_names] == []


def test_wheel_keeps_packaging_sources_out(wheel_names: set[str]) -> None:
    assert not [name for name in wheel_names if name.endswith((".ico", ".icns", ".spec"))]


def test_wheel_installs_only_the_hiptimer_package(wheel_names: set[str]) -> None:
    # A top-level "tests" package in site-packages would shadow, or be shadowed by, another
    # project's tests: the suite is for a clone, not for users.
    tops = {name.split("/")[0] for name in wheel_names if not name.startswith("hiptimer-")}
    assert tops == {"hiptimer"}


def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert re.search(r"^hiptimer = hiptimer\.cli\.main:main$", text, re.MULTILINE)


# ---------------------------------------------------------------- an installed layout


def _run_installed(
    site: Path, home: Path, code: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """Run Python code against the unpacked wheel, from outside the repository."""
    env = {**os.environ, "PYTHONPATH": str(site), paths.ENV_HOME: str(home)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=home.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_installed_package_finds_its_own_resources(site: Path, data_home: Path) -> None:
    code = (
        "import json, hiptimer, hiptimer.paths as p;"
        "print(json.dumps([hiptimer.__file__, str(p.resources_dir()), str(p.schema_path())]))"
    )
    result = _run_installed(site, data_home, code)
    assert result.returncode == 0, result.stderr
    module, resources, schema = (Path(x) for x in json.loads(result.stdout))
    assert module.parent == site / "hiptimer"
    assert resources == site / "hiptimer" / "resources"
    assert schema.is_file()


def test_installed_package_validates_its_built_in_routines(site: Path, data_home: Path) -> None:
    builtin = site / "hiptimer" / "resources" / "routines"
    files = sorted(str(p) for p in builtin.glob("*.json"))
    code = "import sys; from hiptimer.cli.main import main; sys.exit(main(sys.argv[1:]))"
    result = _run_installed(site, data_home, code, "validate", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok: ") == len(files)


def test_frozen_bundle_resources_come_from_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "_internal" / "hiptimer" / "resources"
    (bundled / "routines").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resources_dir() == bundled


# ---------------------------------------------------------------- icons and desktop files


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_themed_icons_have_their_sizes() -> None:
    for n in ICON_SIZES:
        png = RESOURCES / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (n, n)
    assert _png_size(RESOURCES / "icons" / "hiptimer-256.png") == (256, 256)


def _desktop_entry() -> dict[str, str]:
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    section = text.split("[Desktop Entry]", 1)[1].split("\n[", 1)[0]
    return dict(line.split("=", 1) for line in section.splitlines() if "=" in line)


def test_desktop_entry_names_the_icon_and_command() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "hiptimer"
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo


def test_the_software_centres_screenshots_are_files_of_the_project() -> None:
    """Software centres show the metainfo's screenshots from the repository's main branch:
    each must name a picture that is there."""
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    prefix = "https://raw.githubusercontent.com/hiptimer/hiptimer/main/"
    images = re.findall(r"<image>([^<]+)</image>", metainfo)
    assert images
    for image in images:
        assert image.startswith(prefix)
        assert (ROOT / image.removeprefix(prefix)).is_file(), image


@pytest.mark.parametrize(
    "command",
    [
        ["desktop-file-validate", f"{APP_ID}.desktop"],
        ["appstreamcli", "validate", "--no-net", f"{APP_ID}.metainfo.xml"],
    ],
    ids=["desktop-file-validate", "appstreamcli"],
)
def test_desktop_files_pass_their_validators(command: list[str]) -> None:
    if not shutil.which(command[0]):
        pytest.skip(f"{command[0]} is not installed (apt: desktop-file-utils, appstream)")
    result = subprocess.run(
        command,
        cwd=LINUX,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

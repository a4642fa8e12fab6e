"""A routine's own pictures: where its `image` points, and copied along when it is imported."""

from __future__ import annotations

from pathlib import Path

from hiptimer import paths
from hiptimer.core.routines.pictures import image_path
from hiptimer.core.routines.user_routines import ClashChoice, ImportStatus, import_routine
from tests.core.routines.pictures import PNG, routine_with_pictures


def test_the_path_is_relative_to_the_routine_file() -> None:
    assert image_path("/home/me/routines/mine.json", "pics/bridge.png") == Path(
        "/home/me/routines/pics/bridge.png"
    )
    assert image_path("/r/mine.json", "pics\\bridge.png") == Path("/r/pics/bridge.png")


def test_import_copies_the_pictures_beside_the_routine_so_that_they_still_show(
    tmp_path: Path,
) -> None:
    # docs/routine-format.md: a picture's path is relative to the routine file.
    outcome = import_routine(routine_with_pictures(tmp_path / "downloads"))
    assert outcome.status is ImportStatus.IMPORTED and outcome.pictures_left == ()
    folder = paths.user_routines_dir()
    assert outcome.path.parent == folder
    assert (folder / "pics" / "bridge.png").read_bytes() == PNG
    assert (folder / "pics" / "one.png").read_bytes() == PNG + b"one"  # a ladder's, too
    assert not (folder / "pics" / "gone.png").exists()  # missing at the source: its note stays


def test_import_never_writes_over_a_different_picture_already_there(tmp_path: Path) -> None:
    folder = paths.user_routines_dir()
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "bridge.png").write_bytes(PNG + b"another routine's")
    source = routine_with_pictures(tmp_path / "downloads", "other")
    outcome = import_routine(source, ClashChoice.KEEP_BOTH)
    assert outcome.pictures_left == ("pics/bridge.png",)
    assert (folder / "pics" / "bridge.png").read_bytes() == PNG + b"another routine's"
    assert (folder / "pics" / "one.png").read_bytes() == PNG + b"one"
    again = import_routine(source, ClashChoice.REPLACE)  # the same pictures again: nothing left
    assert again.pictures_left == ("pics/bridge.png",)
    assert import_routine(again.path, ClashChoice.REPLACE).pictures_left == ()  # from the folder

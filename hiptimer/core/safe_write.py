"""Writing a file so that a failure leaves the old one whole: a file beside it, then a rename.

Only a regular file (or a link to one) is replaced that way. A rename over a link would cut
the link, over a pipe or a device (`--csv /dev/stdout`, a FIFO) it would replace the pipe
itself (as root, even /dev/stdout); those, and whatever /dev or /proc names (stdout redirected
to a file), are written in place instead, opened without blocking so that a pipe no one reads
fails at once rather than hanging.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from hiptimer.core.write_abandon import going_ahead, writing_beside

# The file beside: ".settings.json.1a2b3c4d.tmp" (hidden, the name it replaces, 8 hex digits);
# stale_temps removes, by this name alone, what a killed save left.
TEMP_SUFFIX = ".tmp"
TEMP_NAME = re.compile(r"\A\..+\.[0-9a-f]{8}\.tmp\Z", re.DOTALL)
NEW_FILE_MODE = 0o666  # what open() asks for; the umask takes its share, as for any new file


class MissingFolderError(FileNotFoundError):
    """A file to be written in a folder that is not there. Replacing a file never makes one:
    a path typed in a save dialog names a folder that is there, as the dialog saves only into
    one (write_atomic makes the folders of the app's own files first)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(errno.ENOENT, f"the folder {folder} does not exist", str(folder))
        self.folder = folder


@contextlib.contextmanager
def replacing_text(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """A text file whose content becomes `path` when the block ends without an error."""
    with (
        _placed(Path(path)) as fd,
        open(fd, "w", encoding=encoding, newline=newline, closefd=False) as fh,
    ):
        yield fh


@contextlib.contextmanager
def replacing_bytes(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file whose content becomes `path` when the block ends without an error."""
    with _placed(Path(path)) as fd, open(fd, "wb", closefd=False) as fh:
        yield fh


@contextlib.contextmanager
def _placed(path: Path) -> Iterator[int]:
    """A file descriptor to write to; on success its content is at `path`."""
    try:
        info: os.stat_result | None = path.stat()  # through links
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
    if info is not None and (not stat.S_ISREG(info.st_mode) or _names_an_open_file(path)):
        fd = _open_in_place(path, truncate=stat.S_ISREG(info.st_mode))
        try:
            yield fd
        finally:
            os.close(fd)
        return
    if info is None and not path.parent.is_dir() and file_in_the_way(path.parent) is None:
        raise MissingFolderError(path.parent)  # named as given, not as realpath has it
    # A link is written through: the file beside goes next to what it points to.
    target = Path(os.path.realpath(path))
    fd, temp = _create_beside(target, NEW_FILE_MODE if info is None else stat.S_IMODE(info.st_mode))
    try:
        with writing_beside(temp):  # removed at once if the window closes (the app quits)
            try:
                yield fd
                os.fsync(fd)
            finally:
                os.close(fd)
            with going_ahead():  # not when the window that asked for it has closed meanwhile
                os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` last through a power cut.

    fsync on the file keeps its bytes, not its name: ext4 (and XFS, btrfs) may lose a rename
    whose folder was not synced, and a power cut then leaves the old file, or after a move
    aside none at all. Where a folder cannot be opened (Windows, which needs no such step)
    or refuses fsync (some network and FUSE file systems: EINVAL), nothing is said: the
    rename itself is done, as the caller asked.
    """
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _create_beside(target: Path, mode: int) -> tuple[int, Path]:
    """A new, hidden file in target's folder; it keeps the mode of the file it will replace."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, flags, NEW_FILE_MODE)
        except FileExistsError:
            continue
        if mode != NEW_FILE_MODE:
            with contextlib.suppress(OSError):
                os.fchmod(fd, mode)
        return fd, temp
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target.parent))


def _names_an_open_file(path: Path) -> bool:
    """Whether the path is, or links through, /dev or /proc: /dev/stdout names what another
    process opened (a file the shell redirected to, say), to be written where it is."""
    current = os.path.abspath(path)
    for _ in range(40):  # as many links as the kernel follows
        if current.startswith(("/dev/", "/proc/")):
            return True
        try:
            target = os.readlink(current)
        except OSError:  # not a link
            return False
        current = os.path.abspath(os.path.join(os.path.dirname(current), target))
    return False


def _open_in_place(path: Path, *, truncate: bool = False) -> int:
    """Open a pipe or a device for writing without waiting for a reader."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if truncate:
        flags |= os.O_TRUNC
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO with no reader
            raise OSError(errno.ENXIO, "it is a pipe nothing is reading from", str(path)) from None
        raise
    with contextlib.suppress(OSError, AttributeError):
        os.set_blocking(fd, True)  # once open, wait for a slow reader as any writer would
    return fd


def make_folder(folder: Path) -> None:
    """Make a folder and its parents, naming a file in the way ("/x/data is a file, not a
    folder") instead of the system's bare "File exists" or "Not a directory"."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        in_the_way = file_in_the_way(folder)
        if in_the_way is None:
            raise
        raise NotADirectoryError(errno.ENOTDIR, f"{in_the_way} is a file, not a folder") from exc


def file_in_the_way(folder: Path) -> Path | None:
    """The file (or pipe, or device) where `folder` or one of its parents should be a folder;
    None when the folder is there or can be made."""
    return next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)


def write_atomic(path: Path, text: str) -> None:
    """Write text so that a crash leaves either the old file or the new one, never half of one.

    A link is written through, a pipe or a device in place (see replacing_text).
    """
    make_folder(path.parent)
    with replacing_text(path) as fh:
        fh.write(text)


def free_name(path: Path, suffix: str, companions: tuple[str, ...] = ()) -> Path:
    """path + suffix, else + "-2", "-3", ...: the first name where nothing is yet (not even a
    link), nor any of its companions (name + "-wal", say), for a file moved aside, so that it
    never lands on another one moved aside earlier (in the same second, say)."""
    candidate = path.with_name(path.name + suffix)
    n = 2
    while any(os.path.lexists(f"{candidate}{extra}") for extra in ("", *companions)):
        candidate = path.with_name(f"{path.name}{suffix}-{n}")
        n += 1
    return candidate


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged file to `<name>.damaged-YYYYmmdd-HHMMSS` beside it (a free name) and
    return that name; OSError when it cannot be moved. A rename: it never opens a pipe or a
    device, and the file is kept whole for whoever wants to look at it."""
    return move_synced(path, free_name(path, f".damaged-{now.strftime('%Y%m%d-%H%M%S')}"))


def move_synced(source: Path, target: Path) -> Path:
    """Rename `source` to `target` (a file set aside or kept as a backup, at a name the caller
    chose free) and sync the folders the rename changed, as a save's is (sync_folder): without
    it a power cut soon after could bring the damaged file back under its name, or lose a
    backup or a discarded draft. A rename, never a copy: a pipe or a device is moved, not
    opened. Returns `target`; OSError when it cannot be moved."""
    os.replace(source, target)
    sync_folder(target.parent)
    if os.path.abspath(source.parent) != os.path.abspath(target.parent):
        sync_folder(source.parent)  # the name gone from there (and a folder just made in it)
    return target


def copy_synced(source: Path, target: Path) -> Path:
    """Copy the regular file `source` to `target` (a name the caller chose free) as a save is
    written: beside it, flushed, renamed into place, its folder synced; its times and mode
    kept, as shutil.copy2 does. A plain copy could leave an empty or half-written backup
    after a power cut, the file it kept already written over. Returns `target`."""
    with open(source, "rb") as src, replacing_bytes(target) as out:
        shutil.copyfileobj(src, out)
    with contextlib.suppress(OSError):
        shutil.copystat(source, target)
    return target


def read_only_folder(folder: Path) -> bool:
    """The folder is there but cannot be written: a read-only mount, or not the user's.
    (access(2) says so for root on a read-only mount too, where permission bits do not.)

    The one test of a read-only data folder: the window's words for it, the log lines kept
    off the terminal beside them, and the command line's advice all ask it."""
    return folder.is_dir() and not os.access(folder, os.W_OK)

"""The routine library: built-in routines plus the user's own, broken files included."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from hiptimer import paths
from hiptimer.core.escapes import escape_controls
from hiptimer.core.routines.folder_in_time import NotInTime, in_time
from hiptimer.core.routines.loader import (
    UNREAD_FOLDER,
    is_routine_file_name,
    load_routine,
    parse_json,
    read_routine_text,
    routine_files,
    routine_from_text,
)
from hiptimer.core.routines.model import Routine, estimated_seconds
from hiptimer.core.routines.timely_read import NOT_IN_TIME, folder_not_in_time, read_in_time
from hiptimer.core.routines.validation import ID_PATTERN, Problem, RoutineError
from hiptimer.i18n import N_

# A second file of one folder with an id the first has (the library's broken line says it).
ID_TAKEN = N_('the id "{id}" is already used by {file}')


# A NamedTuple, not a frozen dataclass: made before the library's first paint, where a
# dataclass's generated methods cost ~3.5 M instructions more (docs/performance.md, session 24).
# Nothing compares an entry with a plain tuple, counts or unpacks it.
class RoutineEntry(NamedTuple):
    """One file of the library: a routine, or the error that keeps it from being one.

    A broken entry has no routine; its id is the one written in the file when that
    can be read, else the file name without .json, and its title is the file name.
    """

    id: str
    title: str
    path: Path
    builtin: bool
    routine: Routine | None = None
    error: RoutineError | None = None
    overrides_builtin: bool = False  # a user routine that replaces the built-in of its id
    folder: bool = False  # a routines folder that could not be listed (or not in time)

    @property
    def broken(self) -> bool:
        return self.routine is None

    @property
    def unread_folder(self) -> bool:
        """Whether this is a routines folder that could not be listed, not a broken file."""
        return self.folder or self._says(UNREAD_FOLDER)

    @property
    def unread_in_time(self) -> bool:
        """Whether this file's folder did not answer in time: not read, rather than broken."""
        return self._says(NOT_IN_TIME)

    def _says(self, template: str) -> bool:
        """Whether one of the entry's problems is this message."""
        return self.error is not None and any(p.template == template for p in self.error.problems)

    @property
    def estimated_s(self) -> float | None:
        """Estimated session length in seconds; None for a broken file."""
        return None if self.routine is None else estimated_seconds(self.routine)


class Catalog:
    """Every routine the app knows, in the order the library shows them.

    A user routine with a built-in's id (an edited copy) replaces the built-in in
    `entries()`, in the built-in's place; the built-in stays reachable through
    `original()` so that the user can reset to it.
    """

    def __init__(
        self,
        builtins: list[RoutineEntry],
        users: list[RoutineEntry],
        *,
        builtin_dir: Path | None = None,
        user_dir: Path | None = None,
    ) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir  # where the user's routines live (and new ones are saved)
        self._originals = {e.id: e for e in builtins if not e.broken}
        edits = {e.id: e for e in users if not e.broken and e.id in self._originals}
        shown = [
            edits[e.id]._replace(overrides_builtin=True) if e.id in edits and not e.broken else e
            for e in builtins
        ]
        self._entries = shown + [e for e in users if e.broken or e.id not in edits]
        # Files not shown but still reachable by path: the built-ins the user has edited.
        self._hidden = [self._originals[rid] for rid in edits]

    def entries(self) -> list[RoutineEntry]:
        """Built-ins by title (each replaced by the user's edit if any), then user routines."""
        return list(self._entries)

    def __iter__(self) -> Iterator[RoutineEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def ids(self) -> list[str]:
        """Ids of the routines that can be used, in library order."""
        return [e.id for e in self._entries if not e.broken]

    def broken(self) -> list[RoutineEntry]:
        return [e for e in self._entries if e.broken]

    def get(self, routine_id: str) -> RoutineEntry | None:
        """The usable entry with this id, else a broken one that claims it, else None."""
        matches = sorted((e for e in self._entries if e.id == routine_id), key=lambda e: e.broken)
        return matches[0] if matches else None

    def has_original(self, routine_id: str) -> bool:
        """Whether a built-in with this id exists (so "reset to original" makes sense)."""
        return routine_id in self._originals

    def original(self, routine_id: str) -> Routine:
        """The built-in routine with this id, even when the user's edit replaces it."""
        entry = self._originals.get(routine_id)
        if entry is None or entry.routine is None:
            raise LookupError(f'no built-in routine "{routine_id}"; built-ins: {self._list(True)}')
        return entry.routine

    def original_of(self, routine: Routine) -> Routine | None:
        """The built-in a user's version or copy is based on (its doses are the routine's own,
        the ones its description gives); None for a built-in or a routine of the user's."""
        if routine.builtin or not self.has_original(routine.based_on):
            return None
        return self.original(routine.based_on)

    def find(self, path_or_id: str | os.PathLike[str]) -> Routine:
        """The routine named by an id, a library file name ("x.json" or "x") or a path.

        Raises RoutineError when it names a broken file, and LookupError naming
        what was not found (and the ids there are) when it names nothing.
        """
        wanted = os.fspath(path_or_id)
        entry = self.entry_named(wanted)
        if _looks_like_path(wanted) and os.path.lexists(wanted):
            # A file on disk wins over a library file of the same name.
            entry = self._by_path(Path(wanted))
            if entry is None:
                return load_routine(wanted)
        if entry is None:
            raise LookupError(self._not_found(wanted))
        if entry.routine is None:
            assert entry.error is not None
            raise entry.error
        return entry.routine

    def entry_named(self, name: str) -> RoutineEntry | None:
        """The entry an id names (a usable one first), else a library file's name (as
        file_named() reads it); None when none: find() without a path on disk or its error."""
        entry = self.get(name)
        if entry is None:
            at = file_named(name, [e.path.name for e in self._entries])
            entry = None if at is None else self._entries[at]
        return entry

    # -- helpers

    def _by_path(self, path: Path) -> RoutineEntry | None:
        target = _resolved(path)
        if target is None:  # e.g. a symlink loop: the loader will say so
            return None
        for entry in self._entries + self._hidden:
            if _resolved(entry.path) == target:
                return entry
        return None

    def _list(self, builtin_only: bool = False) -> str:
        ids = list(self._originals) if builtin_only else self.ids()
        return ", ".join(ids) if ids else "(none)"

    def _not_found(self, wanted: str) -> str:
        what = "no such file" if _looks_like_path(wanted) else "no routine with that id"
        if os.path.isdir(wanted):  # `hiptimer show my-routines`: not "no routine with that id"
            what = f"{wanted} is a folder, not a routine file"
        hint = None if _looks_like_path(wanted) else case_hint(wanted, self.ids())
        if hint:
            what = hint
        return f'routine "{wanted}" not found ({what}); available ids: {self._list()}'


def file_named(name: str, file_names: Sequence[str]) -> int | None:
    """Which of `file_names` a library file name names: the file named "name", else "name"
    with .json in any case ("Stretch" and "Stretch.json" name `Stretch.JSON`; the name's own
    case counts); a name with a folder in it names none."""
    if any(sep in name for sep in _SEPARATORS):
        return None
    if name in file_names:
        return file_names.index(name)
    stem = _without_json(name)
    return next((at for at, n in enumerate(file_names) if _without_json(n) == stem), None)


def case_hint(wanted: str, ids: Iterable[str]) -> str | None:
    """'ids are lowercase: did you mean "daily"?' for "DAILY" among ids with "daily", else
    None; said alike by `--routine` of the window and of `history` (routine-format.md: ids
    are lowercase, so another case can only mean the one id)."""
    alike = next((rid for rid in ids if rid.casefold() == wanted.casefold()), None)
    return None if alike is None else f'ids are lowercase: did you mean "{alike}"?'


def load_catalog(
    builtin_dir: str | os.PathLike[str] | None = None,
    user_dir: str | os.PathLike[str] | None = None,
) -> Catalog:
    """Load every .json file (any case) in the built-in and user folders; a bad file becomes
    a broken entry."""
    # Found once per load, not once per copy of a built-in it reads (copy_texts); never kept
    # longer: a test, or a frozen bundle, may point the resources elsewhere meanwhile.
    shipped = paths.builtin_routines_dir()
    builtin_folder = Path(builtin_dir) if builtin_dir is not None else shipped
    user_folder = Path(user_dir) if user_dir is not None else paths.user_routines_dir()
    builtins = _load_folder(builtin_folder, builtin=True)
    users = _load_folder(user_folder, builtin=False, shipped=shipped)
    return Catalog(builtins, users, builtin_dir=builtin_folder, user_dir=user_folder)


def find_routine(path_or_id: str) -> Routine:
    """As `load_catalog().find(path_or_id)`, but a routine file outside the library's folders
    (`hiptimer my-routine.json`) is read alone: the window waited for the whole library
    before it appeared (2,000 files of the user's: 1-4 s). Raises as find() does."""
    if _looks_like_path(path_or_id) and os.path.lexists(path_or_id):
        folders = (paths.builtin_routines_dir(), paths.user_routines_dir())
        if _outside(Path(path_or_id), folders):
            return load_routine(path_or_id)
    return load_catalog().find(path_or_id)


def _outside(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether no routine file of these folders can be `path` (Catalog._by_path): it lies in
    none of them, and none holds a symbolic link that could lead to it."""
    target = _resolved(path)
    if target is None:
        return False  # (the catalog's find() says why)
    for folder in folders:
        if _resolved(folder) == target.parent:
            return False
        try:
            with os.scandir(folder) as entries:
                if any(e.is_symlink() and is_routine_file_name(e.name) for e in entries):
                    return False
        except OSError:  # no such folder: nothing of it is listed
            pass
    return True


def _load_folder(folder: Path, *, builtin: bool, shipped: Path | None = None) -> list[RoutineEntry]:
    # The user's folder may be on a share or a disk that stalls: listed, and each file read,
    # in time (a listing that stalled held the whole library, the built-ins too).
    try:
        files, unread = (
            routine_files(folder) if builtin else in_time(folder, lambda: routine_files(folder))
        )
    except NotInTime:
        files, unread = [], folder_not_in_time(folder)
    texts = [_read(p) for p in files] if builtin else read_in_time(files, read_routine_text)
    entries = [_load_entry(p, text, builtin, shipped) for p, text in zip(files, texts, strict=True)]
    entries.sort(key=lambda e: (e.broken, title_key(e.title), e.id, str(e.path)))
    if unread is not None:  # listed as a broken entry, named: the rest of the library stays
        title = escape_controls(folder.name) + os.sep
        entries.append(RoutineEntry(folder.name, title, folder, builtin, error=unread, folder=True))
    return _refuse_duplicate_ids(entries)


def title_key(title: str) -> list[str | int]:
    """A title as the library orders it: numbers by value, so "Phase 2" comes before
    "Phase 10" (a physiotherapist's numbered stages listed 1, 10, 11, 2)."""
    parts = re.split(r"(\d+)", title.casefold())
    return [int(part) if n % 2 else part for n, part in enumerate(parts)]


def _read(path: Path) -> str | Exception:
    try:
        return read_routine_text(path)
    except RoutineError as exc:
        return exc


def _load_entry(
    path: Path, text: str | Exception, builtin: bool, shipped: Path | None
) -> RoutineEntry:
    try:
        if isinstance(text, Exception):
            raise text
        routine = routine_from_text(text, path, builtin, shipped)
    except RoutineError as exc:
        # The file's name as the command line prints it: an RLO in it turned our words
        # "(broken)" around, and it shows what the file is called, not what it pretends.
        claimed = _claimed_id(path, text if isinstance(text, str) else None)
        return RoutineEntry(claimed, escape_controls(path.name), path, builtin, error=exc)
    return RoutineEntry(routine.id, routine.title, path, builtin, routine=routine)


def _refuse_duplicate_ids(entries: list[RoutineEntry]) -> list[RoutineEntry]:
    """Within one folder an id belongs to the file named after it (`<id>.json`, the name
    HipTimer itself saves under), else to the first file by title; the others are broken."""
    owner: dict[str, RoutineEntry] = {}
    for entry in sorted((e for e in entries if not e.broken), key=lambda e: e.path.stem != e.id):
        owner.setdefault(entry.id, entry)  # sorted() is stable: title order among the rest
    result = []
    for entry in entries:
        first = owner.get(entry.id) if not entry.broken else None
        if first is not None and first is not entry:
            values = (("id", entry.id), ("file", first.path.name))
            message = ID_TAKEN.format(**dict(values))  # English where printed, shown() on screen
            error = RoutineError(str(entry.path), [Problem("id", message, ID_TAKEN, values)])
            entry = RoutineEntry(entry.id, entry.path.name, entry.path, entry.builtin, error=error)
        result.append(entry)
    # Re-sort: entries just marked broken move among the broken ones.
    return sorted(result, key=lambda e: e.broken)


def _claimed_id(path: Path, text: str | None) -> str:
    """The id a broken file meant to have, so the library can pair it with its routine
    (`text`: the file's, None where it could not be read: it is not read again)."""
    try:
        data = None if text is None else parse_json(text, str(path))
    except RoutineError:
        data = None
    claimed = data.get("id") if isinstance(data, dict) else None
    if isinstance(claimed, str) and ID_PATTERN.fullmatch(claimed):
        return claimed
    return path.stem


_SEPARATORS = {"/", os.sep} | ({os.altsep} if os.altsep else set())


def _looks_like_path(text: str) -> bool:
    return any(sep in text for sep in _SEPARATORS) or is_routine_file_name(text)


def _without_json(name: str) -> str:
    return name[: -len(".json")] if is_routine_file_name(name) else name


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # loops, odd names
        return None

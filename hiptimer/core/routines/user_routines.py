"""The user's own routines on disk: edited built-ins, kept doses, resets and imports.

A built-in the user edits is saved as `<user routines>/<id>.json` with the same id
and `based_on` set to that id, so the library shows it in the built-in's place.
A newer built-in shipped with an update never overwrites that file: the user's
version keeps overriding it until the user resets to the original, which moves
the file aside as `<name>.json.bak` (`.bak-2`, `-3` ... when earlier backups are there: a
backup is never written over).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hiptimer import i18n, paths
from hiptimer.core.routines.copy_texts import follow_builtin
from hiptimer.core.routines.ladder import keep_ceiling
from hiptimer.core.routines.loader import (
    iter_routine_files,
    load_routine,
    parse_json,
    read_routine_text,
)
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.pictures import copy_pictures
from hiptimer.core.routines.validation import ID_PATTERN, MAX_NAME, RoutineError
from hiptimer.core.routines.writer import routine_to_json
from hiptimer.core.safe_write import copy_synced, free_name, move_synced, write_atomic
from hiptimer.i18n import _, decimal

BACKUP_SUFFIX = ".bak"
MAX_REVISION = 1_000_000


def user_file(routine_id: str) -> Path:
    """Where the user's routine with this id is saved when it has no file yet."""
    return paths.user_routines_dir() / f"{routine_id}.json"


def user_file_stems() -> set[str]:
    """The names (without .json) of the files in the user's routines folder, whatever id
    they hold: a new routine's id must not name one of them."""
    return {p.stem for p in iter_routine_files(paths.user_routines_dir())}


def backup_path(path: Path) -> Path:
    """`x.json` -> `x.json.bak`, or `x.json.bak-2`, `-3` ... where an earlier backup is: a
    second reset wrote over the first one's. Not a *.json file, so the library never loads it."""
    return free_name(path, BACKUP_SUFFIX)


# ---------------------------------------------------------------- saving


def never_saved(routine: Routine) -> bool:
    """A routine with no file yet (Ctrl+N's): not a built-in, not read from a file."""
    return not routine.builtin and not routine.path


def user_version(routine: Routine) -> Routine:
    """The routine as it will be saved: the user's file, revision raised, `based_on` kept or set.

    A routine never saved (Ctrl+N's, no file yet) keeps its revision: its first save is its
    first revision, not the second.
    """
    revision = routine.revision if never_saved(routine) else min(routine.revision + 1, MAX_REVISION)
    if routine.builtin:
        target = user_file(routine.id)
        return dataclasses.replace(
            routine, based_on=routine.id, revision=revision, builtin=False, path=str(target)
        )
    target = Path(routine.path) if routine.path else user_file(routine.id)
    return dataclasses.replace(routine, revision=revision, path=str(target))


def file_text(routine: Routine) -> str:
    """The routine as its file holds it: a copy of a built-in keeps the built-in's words in
    English, so that they follow the language in use when it is read (copy_texts.py)."""
    return routine_to_json(follow_builtin(routine, i18n.DEFAULT_LANGUAGE))


def save_user_version(routine: Routine) -> Path:
    """Save an edited routine as the user's: a built-in to the user's folder, a user routine in place.

    A file already at the target that is not this routine's own (for instance a broken
    file with the built-in's id) is kept as a `.bak` before it is replaced; a routine never
    saved whose id names a file already there is refused (FileExistsError).
    """
    new = user_version(routine)
    target = Path(new.path)
    text = file_text(new)  # a routine too large to write is refused before any move
    if never_saved(routine) and target.exists():
        # A routine never saved, given the id of a file in the folder (another routine of
        # yours, or a broken file): that file is the user's, never written over.
        raise FileExistsError(
            _(
                "{file} is already in your routines folder, and a new routine is never "
                "saved over it: move or rename that file (Help > Open the data folder), then "
                "save again, or export this routine to keep it elsewhere."
            ).format(file=target)
        )
    if routine.builtin and target.exists():
        _keep_copy(target)
    write_atomic(target, text)
    return target


def save_and_reload(routine: Routine) -> Routine:
    """save_user_version, then the routine as read back from disk (path and revision as saved)."""
    return load_routine(save_user_version(routine))


def _backup(path: Path) -> Path:
    return move_synced(path, backup_path(path))


def _keep_copy(path: Path) -> Path:
    """A .bak of a file about to be written over, leaving the file where it is until then.

    Renamed first, a process killed before the new file was in place left nothing under the
    routine's name. A second name for the same file (a hard link) costs no copy, and the
    rename that puts the new file in place leaves it whole; where links cannot be made (a
    FAT stick) it is copied, as durably as a save is written (copy_synced). A pipe or a
    folder in the way is still moved aside.
    """
    target = backup_path(path)
    try:
        os.link(path, target)
    except OSError:
        if not path.is_file():
            return _backup(path)
        copy_synced(path, target)
    return target


# ---------------------------------------------------------------- reset


def reset_to_original(routine_id: str) -> list[Path]:
    """Move the user's version(s) of a built-in aside so the built-in shows again.

    Every user file that claims the id (a broken one too) becomes `<name>.json.bak` (or
    `.bak-2` ... beside earlier backups);
    returns the backups. Raises LookupError when no built-in has this id, since
    "resetting" a routine of the user's own would simply delete it.
    """
    if routine_id not in _builtin_ids():
        raise LookupError(f'no built-in routine "{routine_id}" to reset to')
    return [_backup(path) for path in _user_files_claiming(routine_id)]


# ---------------------------------------------------------------- kept doses


@dataclass(frozen=True)
class DoseChange:
    """One dose field of one exercise changed during a session."""

    exercise_id: str
    exercise_name: str
    field: str  # hold_s, reps or reps_range
    old: object
    new: object

    def __str__(self) -> str:
        # The arrow the dose cards and the report use (dosing/words.py, history/wording.py);
        # a set's stored `adjustment` keeps "->", a documented CSV format (docs/history.md).
        old, new = _dose(self.field, self.old), _dose(self.field, self.new)
        if self.field == "hold_s":
            text = _("{exercise}: hold {old} \u2192 {new}")
        elif self.field == "reps":
            text = _("{exercise}: reps {old} \u2192 {new}")
        else:
            text = _("{exercise}: rep range {old} \u2192 {new}")
        return text.format(exercise=self.exercise_name, old=old, new=new)


DOSE_FIELDS = ("hold_s", "reps", "reps_range")


def dose_changes(base: Routine, live: Routine) -> list[DoseChange]:
    """The hold_s, reps and reps_range values a session changed, in routine order."""
    live_by_id = {ex.id: ex for ex in live.exercises}
    changes = []
    for ex in base.exercises:
        after = live_by_id.get(ex.id)
        if after is None or after.kind is not ex.kind:
            continue
        for name in DOSE_FIELDS:
            old, new = getattr(ex, name), getattr(after, name)
            if old != new:
                changes.append(DoseChange(ex.id, ex.name, name, old, new))
    return changes


def apply_doses(base: Routine, live: Routine, onto: Routine | None = None) -> Routine:
    """`onto` (else the base routine) with the session's dose changes applied; nothing else
    taken from live. An exercise `onto` no longer has (of that kind) is left out."""
    routine = base if onto is None else onto
    for change in dose_changes(base, live):
        ex = next((e for e in routine.exercises if e.id == change.exercise_id), None)
        if ex is None or ex.kind is not live.exercise(change.exercise_id).kind:
            continue
        changed = keep_ceiling(ex, ex.with_dose(**{change.field: change.new}))
        routine = routine.replace_exercise(changed)
    return routine


def _dose(field: str, value: object) -> str:
    if value is None:
        return _("none")
    if field == "hold_s" and isinstance(value, (int, float)):
        return _("{n} s").format(n=decimal(value))
    if field == "reps_range" and isinstance(value, tuple):
        return f"{value[0]}-{value[1]}"
    return str(value)


# ---------------------------------------------------------------- import


class ImportStatus(str, Enum):
    IMPORTED = "imported"
    CLASH = "clash"  # nothing written: the caller must choose replace or keep both


class ClashChoice(str, Enum):
    REPLACE = "replace"  # the imported routine takes the existing one's place (kept as .bak)
    KEEP_BOTH = "keep_both"  # the imported routine gets a new id with a number suffix


@dataclass(frozen=True)
class ImportOutcome:
    """What import_routine did, or, for a clash, what it needs to know first."""

    status: ImportStatus
    routine: Routine  # as imported (saved path set), or as read when there is a clash
    clash_paths: tuple[Path, ...] = ()  # the user's files already using the id
    clash_builtin: bool = False  # a built-in has the id: importing replaces it in the library
    pictures_left: tuple[str, ...] = ()  # pictures not copied beside it (pictures.py says why)

    @property
    def path(self) -> Path:
        return Path(self.routine.path)


def import_routine(
    source: str | os.PathLike[str], on_clash: ClashChoice | None = None
) -> ImportOutcome:
    """Validate a routine file and copy it into the user's folder under a free file name.

    Raises RoutineError (listing every problem) for a file that is not a valid routine;
    nothing is written then. When the id is already used by a user routine or a built-in
    and `on_clash` is None, nothing is written either and the outcome's status is CLASH.
    """
    routine = load_routine(source)
    clashing = tuple(p for p in _user_files_claiming(routine.id) if not same_file(p, source))
    clash_builtin = routine.id in _builtin_ids()
    if (clashing or clash_builtin) and on_clash is None:
        return ImportOutcome(ImportStatus.CLASH, routine, clashing, clash_builtin)
    replacing = clashing if on_clash is not ClashChoice.KEEP_BOTH else ()
    if on_clash is ClashChoice.KEEP_BOTH and (clashing or clash_builtin):
        routine = _renamed(routine)
    target = replacing[0] if replacing else _free_file(routine.id)
    routine = dataclasses.replace(routine, path=str(target), builtin=False)
    text = file_text(routine)  # a routine too large to write is refused before any move
    for path in replacing:  # the one written over stays until the new one takes its place
        (_keep_copy if path == target else _backup)(path)
    write_atomic(target, text)
    left = copy_pictures(routine, str(source), str(target))  # relative to the routine file
    return ImportOutcome(ImportStatus.IMPORTED, routine, clashing, clash_builtin, left)


def _renamed(routine: Routine) -> Routine:
    """A copy with the first free id `<id>-2`, `<id>-3`, ... and the number on its title."""
    used = _builtin_ids() | set(_user_ids())
    for n in itertools.count(2):
        suffix = f"-{n}"
        new_id = routine.id[: 64 - len(suffix)] + suffix
        if new_id not in used:
            label = f" ({n})"
            title = routine.title[: MAX_NAME - len(label)].rstrip() + label
            return dataclasses.replace(routine, id=new_id, title=title)
    raise AssertionError("unreachable")  # pragma: no cover


def _free_file(routine_id: str) -> Path:
    """`<id>.json` in the user's folder, or `<id>-2.json`, ... when a file has that name."""
    folder = paths.user_routines_dir()
    candidate = folder / f"{routine_id}.json"
    n = 2
    while candidate.exists():
        candidate = folder / f"{routine_id}-{n}.json"
        n += 1
    return candidate


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same file (links followed); False when either cannot be
    resolved."""
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return False


# ---------------------------------------------------------------- who uses an id


def file_id(path: Path) -> str | None:
    """The id a routine file claims (even a broken one), or None when it names none.

    A file that cannot be read as JSON (over the size limit, say) or names no valid id
    claims its file name, as the library lists it (catalog._claimed_id): an import must not
    take an id that a broken file may still have once it is mended.
    """
    try:
        data = parse_json(read_routine_text(path), str(path))
    except RoutineError:
        data = None
    claimed = data.get("id") if isinstance(data, dict) else None
    for candidate in (claimed, path.stem):
        if isinstance(candidate, str) and ID_PATTERN.fullmatch(candidate):
            return candidate
    return None


def _user_ids() -> list[str]:
    ids = (file_id(p) for p in iter_routine_files(paths.user_routines_dir()))
    return [i for i in ids if i is not None]


def _user_files_claiming(routine_id: str) -> list[Path]:
    folder = paths.user_routines_dir()
    return [p for p in iter_routine_files(folder) if file_id(p) == routine_id]


def _builtin_ids() -> set[str]:
    ids = (file_id(p) for p in iter_routine_files(paths.builtin_routines_dir()))
    return {i for i in ids if i is not None}

"""All-or-nothing writes of the whole set of outputs.

Every changed file is first written in full to a temporary file beside its target
(same folder, so the rename cannot cross file systems); only when all of them are
on disk are they renamed into place. A failure while writing — a full disk, a
read-only folder — therefore leaves the previous set whole, never a new plan.docx
beside an old plan.pdf. If a rename itself fails half-way, the files already
replaced are put back from hard links of their previous versions. Temporary files
are removed on every exit Python sees; those of a killed build are swept later.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

_SUFFIX = ".tmp"  # editors, watchers and the build cache all skip *.tmp and dot-files
_STALE_SECONDS = 3600  # a temporary file this old belongs to a build that was killed

_CAUSES = {
    errno.ENOSPC: "na disku není volné místo",
    errno.EDQUOT: "byla překročena kvóta místa na disku",
    errno.EROFS: "disk je připojen jen pro čtení",
    errno.EACCES: "k zápisu nemáte oprávnění (složka nebo soubor je jen pro čtení)",
    errno.EPERM: "k zápisu nemáte oprávnění (složka nebo soubor je jen pro čtení)",
    errno.ENOTDIR: "v cestě je soubor tam, kde má být složka",
    errno.EEXIST: "v cestě je soubor tam, kde má být složka",
    errno.EISDIR: "místo souboru výstupu je tam složka",
    errno.ENAMETOOLONG: "cesta nebo název souboru je příliš dlouhý",
    errno.EIO: "chyba čtení nebo zápisu disku",
}


class WriteError(Exception):
    """The outputs could not be written because of the environment (disk, rights)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.error = error
        known = _CAUSES.get(error.errno or 0)
        self.cause = known or f"chyba systému ({error.strerror or type(error).__name__})"
        super().__init__(self.describe(str(path)))

    def describe(self, shown: str) -> str:
        """The Czech message, naming the file as ``shown`` (relative to the plan folder)."""
        return (
            f"Výstup {shown} nelze zapsat: {self.cause}. Předchozí výstupy zůstaly beze "
            "změny; uvolněte místo nebo opravte oprávnění a spusťte sestavení znovu."
        )


def write_all(files: Mapping[Path, bytes]) -> tuple[list[Path], list[Path]]:
    """Write every file or none; returns (written, already up to date)."""
    changed = {path: data for path, data in files.items() if not _same(path, data)}
    unchanged = [path for path in files if path not in changed]
    staged: dict[Path, Path] = {}
    try:
        for path, data in changed.items():
            try:
                staged[path] = _stage(path, data)
            except OSError as err:
                raise WriteError(path, err) from err
        _swap_in(staged)
    finally:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
    return list(changed), unchanged


def write_atomic(path: Path, data: bytes) -> bool:
    """Write one file atomically; False when it already had ``data``. Raises the
    OSError itself: its callers (caches, ``plan schema``) decide what it means."""
    try:
        written, _ = write_all({path: data})
    except WriteError as err:
        raise err.error from None
    return bool(written)


# Stores a process made into each cache folder: listing a folder costs more than writing
# an entry, so it is pruned at a process's first store and then every PRUNE_EVERY-th
# (plan watch runs for hours); it holds at most its bound + PRUNE_EVERY entries.
PRUNE_EVERY = 50
_stores: dict[Path, int] = {}


def store_entry(path: Path, data: bytes, keep: int) -> bool:
    """Write a cache entry (:func:`write_entry`) and, when its folder is due to be listed,
    keep only the ``keep`` newest entries of its suffix and sweep stale temporary files.
    True when the folder was listed (the cache may then clear its own leftovers)."""
    write_entry(path, data)
    folder = path.parent
    count = _stores.get(folder, 0)
    _stores[folder] = count + 1
    if count % PRUNE_EVERY:
        return False
    sweep(folder)
    entries = list(folder.glob(f"*{path.suffix}"))
    if len(entries) > keep:
        entries.sort(key=lambda p: p.stat().st_mtime)
        for old in entries[: len(entries) - keep]:
            old.unlink(missing_ok=True)
    return True


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry whole under its name (a temporary file renamed into place),
    without waiting for the disk: its reader verifies every entry and makes a damaged one
    again, so a power cut costs a re-parse, not a wrong result. (Flushing each entry to
    the disk was half of a first ``plan check``: 62 entries on a 1000-measure plan.)"""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_SUFFIX)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _stage(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_SUFFIX)
    temp = Path(name)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # a full disk shows here at the latest, not after rename
        # mkstemp creates files readable by the owner only; outputs are for everyone.
        os.chmod(temp, 0o666 & ~_umask())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _swap_in(staged: Mapping[Path, Path]) -> None:
    kept: dict[Path, Path | None] = {}
    try:
        for path, temp in staged.items():
            kept[path] = _keep(path)
            try:
                os.replace(temp, path)
            except OSError as err:
                raise WriteError(path, err) from err
    except BaseException:
        _roll_back(kept)
        raise
    finally:
        for previous in kept.values():
            if previous is not None:
                previous.unlink(missing_ok=True)


def _roll_back(kept: Mapping[Path, Path | None]) -> None:
    for path, previous in kept.items():
        with suppress(OSError):
            if previous is not None:
                os.replace(previous, path)
            else:
                path.unlink(missing_ok=True)


def _keep(path: Path) -> Path | None:
    """A hard link to the current version of ``path`` to roll back to (None if none)."""
    if not path.is_file():
        return None
    backup = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.old{_SUFFIX}")
    try:
        os.link(path, backup)
    except OSError:
        return None  # a file system without hard links: no rollback for this file
    return backup


def _sweep(path: Path) -> None:
    """Remove temporary files of ``path`` left by a build that was killed."""
    _remove_stale(path.parent.glob(f".{path.name}.*{_SUFFIX}"))


def sweep(folder: Path) -> None:
    """Remove the temporary files of every file in ``folder`` left by a killed process."""
    _remove_stale(folder.glob(f".*{_SUFFIX}"))


def _remove_stale(leftovers: Iterable[Path]) -> None:
    limit = time.time() - _STALE_SECONDS
    for leftover in leftovers:
        with suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

"""Parsed front matter kept between runs, so an unchanged chapter is never parsed twice.

Composing YAML is most of a check's time; the coordinator checks and builds many
times a day while usually only one chapter changed. The data of every file that
parsed without a fault is stored under the SHA-256 of its YAML text (and of the
code that parses it) in the user's cache folder, never in the plan's folder. A
file with a fault is not stored, so its problems are always found afresh.
``PLAN_CACHE_DIR`` moves the cache; an empty value switches it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from assembler.outputs.writing import write_atomic

KEEP = 300  # entries; a 1000-measure plan's chapters are ~80 KiB each
_PARSER = Path(__file__).resolve().parent
_PARSER_FILES = ("yamlio.py", "yamltree.py", "yamltags.py", "parsecache.py")
_salt: bytes | None = None


class Miss:
    """Nothing stored for this text."""


MISS = Miss()


def folder() -> Path | None:
    configured = os.environ.get("PLAN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    return Path(user_cache_dir("plan-assembler", appauthor=False)) / "yaml"


def _key(text: str) -> str:
    global _salt
    if _salt is None:
        # A change to the parser must not serve data parsed by the old one.
        _salt = b"".join((_PARSER / name).read_bytes() for name in _PARSER_FILES)
    return hashlib.sha256(_salt + text.encode("utf-8")).hexdigest()


def load(text: str) -> Any:
    """The data stored for this YAML text, or MISS."""
    base = folder()
    if base is None:
        return MISS
    entry = base / f"{_key(text)}.pickle"
    try:
        blob = entry.read_bytes()
    except OSError:  # not stored yet, or the cache folder is unreadable: parse instead
        return MISS
    try:
        return pickle.loads(blob)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        entry.unlink(missing_ok=True)  # a damaged entry (disk full, killed mid-write)
        return MISS


def store(text: str, data: Any) -> None:
    """Keep the data of a fault-free text; the oldest entries go beyond KEEP."""
    base = folder()
    if base is None:
        return
    try:
        write_atomic(base / f"{_key(text)}.pickle", pickle.dumps(data, protocol=5))
        _prune(base)
    except OSError:  # a read-only or full disk must not fail the check; it only runs slower
        return


def _prune(base: Path) -> None:
    entries = list(base.glob("*.pickle"))
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) - KEEP]:
        old.unlink(missing_ok=True)

"""Parsed front matter kept between runs, so an unchanged chapter is never parsed twice.

Composing YAML is most of a check's time; the coordinator checks and builds many
times a day while usually only one chapter changed. The data of every file that
parsed without a fault is stored under the SHA-256 of its YAML text (and of the
code that parses it) in the user's cache folder, never in the plan's folder. A
file with a fault is not stored, so its problems are always found afresh.
``PLAN_CACHE_DIR`` moves the cache; an empty value switches it off.

Entries are JSON, never pickle: reading one cannot run code, whatever was planted in
the folder. Each entry names its format, the parser it came from and the digest of
its text, and is used only when all three match the text being read; anything else
(damaged, from another version, copied under another name) is parsed afresh.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from assembler.outputs.writing import store_entry

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
    from platformdirs import user_cache_dir  # only where the folder is not configured

    return Path(user_cache_dir("plan-assembler", appauthor=False)) / "yaml"


def _key(text: str) -> str:
    global _salt
    if _salt is None:
        # A change to the parser must not serve data parsed by the old one.
        _salt = b"".join((_PARSER / name).read_bytes() for name in _PARSER_FILES)
    return hashlib.sha256(_salt + text.encode("utf-8")).hexdigest()


FORMAT = 2  # version of the entry layout below; 1 was pickle (never read again)
_SUFFIX = ".json"
# Markers of values JSON has no type for. Author text never holds NUL (reading refuses
# control characters), so no key of a plan can look like one of these.
_DECIMAL, _DATE, _DATETIME, _PAIRS = "\x00d", "\x00D", "\x00T", "\x00m"


def load(text: str) -> Any:
    """The data stored for this YAML text, or MISS."""
    base = folder()
    if base is None:
        return MISS
    key = _key(text)
    entry = base / f"{key}{_SUFFIX}"
    try:
        blob = entry.read_bytes()
    except OSError:  # not stored yet, or the cache folder is unreadable: parse instead
        return MISS
    try:
        stored = json.loads(blob, object_hook=_decode)
        valid = (
            isinstance(stored, dict)
            and stored.get("format") == FORMAT
            and stored.get("key") == key
            and stored.get("text") == _digest(text)
            and "data" in stored
        )
    except (ValueError, TypeError, InvalidOperation, RecursionError):
        valid = False
    if not valid:
        entry.unlink(missing_ok=True)  # damaged (disk full, killed mid-write) or not ours
        return MISS
    return stored["data"]


def store(text: str, data: Any) -> None:
    """Keep the data of a fault-free text; the oldest entries go beyond KEEP."""
    base = folder()
    if base is None:
        return
    key = _key(text)
    entry = {"format": FORMAT, "key": key, "text": _digest(text), "data": _jsonable(data)}
    blob = json.dumps(
        entry, default=_marked, ensure_ascii=False, separators=(",", ":"), check_circular=False
    )
    try:
        if store_entry(base / f"{key}{_SUFFIX}", blob.encode("utf-8"), KEEP):
            for legacy in base.glob("*.pickle"):  # entries of the pickle format: never read
                legacy.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk must not fail the check; it only runs slower
        return


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NESTED = (dict, list)


def _jsonable(value: Any) -> Any:
    """Plan data as JSON would hold it: dicts with keys other than text become pairs (JSON
    would turn the year 2026 into the text "2026"). Scalars are left to the encoder."""
    if type(value) is dict:
        items = {k: (_jsonable(v) if type(v) in _NESTED else v) for k, v in value.items()}
        if all(type(k) is str for k in items):
            return items
        return {_PAIRS: [[k, v] for k, v in items.items()]}
    if type(value) is list:
        return [(_jsonable(v) if type(v) in _NESTED else v) for v in value]
    return value


def _marked(value: Any) -> Any:
    """The JSON form of a value JSON has no type for (called by the encoder)."""
    if isinstance(value, Decimal):
        return {_DECIMAL: str(value)}
    if isinstance(value, datetime.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, datetime.date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) != 1:
        return obj
    ((marker, value),) = obj.items()
    if marker == _DECIMAL:
        return Decimal(value)
    if marker == _DATE:
        return datetime.date.fromisoformat(value)
    if marker == _DATETIME:
        return datetime.datetime.fromisoformat(value)
    if marker == _PAIRS:
        return {_hashable(k): v for k, v in value}
    return obj


def _hashable(key: Any) -> Any:
    if isinstance(key, list | dict):
        raise TypeError("a key that is a collection")
    return key

"""Drawn charts kept between builds, so a chart whose numbers did not change is not
drawn again (drawing is most of a monitoring report's build time), nor rasterised
again for Word.

An entry is the SVG (or PNG) stored under the SHA-256 of what it was made from: the
drawing function and its arguments (or the SVG and the raster size), the code of
the chart modules and the matplotlib version. It lives in the user's cache folder
(``PLAN_CACHE_DIR``/charts when that is set; an empty value switches caching off),
never in the plan's folder. Entries are JSON naming their format and key; anything
else found there is made afresh.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from pathlib import Path

from platformdirs import user_cache_dir

from assembler.outputs.writing import store_entry

FORMAT = 1
# The code a chart's bytes depend on; czech.py writes its numbers (a tick at -0.0).
_MODULES = (
    "charts.py",
    "chart_drawing.py",
    "chartcache.py",
    "czech.py",
    "images.py",
    "typst_engine.py",
)
KEEP = 500  # entries: a 1000-measure plan has ~78 charts a year, and a PNG of each
_CODE = Path(__file__).resolve().parent
_FONTS = _CODE.parent / "resources" / "fonts"
_salt: bytes | None = None


def folder() -> Path | None:
    configured = os.environ.get("PLAN_CACHE_DIR")
    if configured is not None:
        return Path(configured) / "charts" if configured else None
    return Path(user_cache_dir("plan-assembler", appauthor=False)) / "charts"


def key(description: str) -> str:
    """The key of what is made from ``description`` (a drawing function and its arguments,
    or a raster size and an SVG's digest)."""
    global _salt
    if _salt is None:
        from importlib.metadata import version

        code = b"".join((_CODE / name).read_bytes() for name in _MODULES)
        # The PNGs are Typst's rendering in the shipped fonts: a new Typst or font is
        # another picture, as new drawing code is.
        fonts = b"".join(p.read_bytes() for p in sorted(_FONTS.glob("*.ttf")))
        made_by = code + fonts + version("matplotlib").encode() + version("typst").encode()
        # Hashed once: hashing the font (0.6 MB) again for each of a 1000-measure
        # report's 156 keys took 0.06 s, 0.2 s beside the drawing thread.
        _salt = hashlib.sha256(made_by).digest()
    return hashlib.sha256(_salt + description.encode("utf-8")).hexdigest()


def load(chart_key: str, base: Path | None) -> bytes | None:
    """What is stored under ``chart_key`` in the cache folder ``base`` (None: no cache)."""
    if base is None:
        return None
    entry = base / f"{chart_key}.json"
    try:
        stored = json.loads(entry.read_bytes())
        if stored["format"] == FORMAT and stored["key"] == chart_key:
            return base64.b64decode(stored["data"], validate=True)
    except OSError:  # not stored yet, or the folder is unreadable: draw instead
        return None
    except (ValueError, TypeError, KeyError, binascii.Error):
        pass
    entry.unlink(missing_ok=True)  # damaged or not ours
    return None


def store(chart_key: str, data: bytes, base: Path | None) -> None:
    if base is None:
        return
    entry = {"format": FORMAT, "key": chart_key, "data": base64.b64encode(data).decode("ascii")}
    try:
        store_entry(base / f"{chart_key}.json", json.dumps(entry).encode("utf-8"), KEEP)
    except OSError:  # a read-only or full disk must not fail the build; it only runs slower
        return

"""Skip a build whose inputs have not changed since the last successful one.

The fingerprint covers every file of the project (except outputs and hidden
files), the assembler's own code and templates, the tool versions and the build
options. When it matches the manifest of the last build and every output is
still on disk unchanged, nothing is rebuilt or rewritten. Standard library only:
this runs before anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".plan-build.json"
_PACKAGE = Path(__file__).resolve().parent.parent  # the assembler package
_SKIP_DIRS = {"output", "__pycache__", "node_modules", "build", "dist"}


@dataclass(frozen=True)
class Cached:
    outputs: list[Path]
    report: list[str]  # the problem lines (warnings) of the build that made them


def _files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") or p in _SKIP_DIRS or p.endswith(".egg-info") for p in parts):
            continue
        if path.is_file():
            found.append(path)
    return found


def tool_versions() -> list[str]:
    from importlib.metadata import version

    return [version(name) for name in ("plan-assembler", "pypandoc-binary", "typst")]


def fingerprint(root: Path, options: list[str], versions: list[str]) -> str:
    digest = hashlib.sha256()
    for base in (root, _PACKAGE):
        for path in _files(base):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(json.dumps([options, versions]).encode())
    return digest.hexdigest()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh(root: Path, key: str) -> Cached | None:
    """The outputs of the last build, if its fingerprint is ``key`` and they are intact."""
    manifest = root / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != key:
        return None
    outputs = [Path(name) for name in data.get("outputs", {})]
    for path, digest in zip(outputs, data["outputs"].values(), strict=True):
        if not path.is_file() or _sha(path) != digest:
            return None
    return Cached(outputs, list(data.get("report", [])))


def record(root: Path, key: str, outputs: list[Path], report: list[str]) -> None:
    from assembler.outputs.writing import write_atomic

    data = {
        "key": key,
        "outputs": {str(path.resolve()): _sha(path) for path in outputs},
        "report": report,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomic(root / MANIFEST, text.encode("utf-8"))

"""Skip a build whose inputs have not changed since the last successful one.

The fingerprint covers every file of the project (except hidden files and the
files the last build wrote — wherever ``vystupy`` put them), the assembler's own
code and templates, the tool versions and the build options. When it matches the
manifest of the last build and every output is still on disk unchanged, nothing
is rebuilt or rewritten. Standard library only: this runs before anything heavy
is imported, so it does not read plan.yaml; the outputs to leave out of the
fingerprint are the ones the manifest lists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".plan-build.json"
_PACKAGE = Path(__file__).resolve().parent.parent  # the assembler package
_SKIP_DIRS = {"__pycache__", "node_modules", "build", "dist"}


@dataclass(frozen=True)
class Cached:
    outputs: list[Path]
    report: list[str]  # the problem lines (warnings) of the build that made them


@dataclass(frozen=True)
class Inputs:
    """The digest of every project file, taken before a build reads them."""

    files: dict[str, str]  # path relative to the project → sha256
    extra: str  # options, tool versions and the assembler's own files

    def key(self, outputs: Iterable[Path], root: Path) -> str:
        """The fingerprint without ``outputs``: a build's own files are not its inputs."""
        skipped = {_relative(p, root) for p in outputs}
        digest = hashlib.sha256(self.extra.encode())
        for name, sha in self.files.items():
            if name not in skipped:
                digest.update(f"{name}\0{sha}\n".encode())
        return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


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


def inputs(root: Path, options: list[str], versions: list[str]) -> Inputs:
    own = hashlib.sha256()
    for path in _files(_PACKAGE):
        own.update(str(path.relative_to(_PACKAGE)).encode())
        own.update(hashlib.sha256(path.read_bytes()).digest())
    files = {path.relative_to(root).as_posix(): _sha(path) for path in _files(root)}
    return Inputs(files, json.dumps([options, versions, own.hexdigest()]))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh(root: Path, current: Inputs) -> Cached | None:
    """The outputs of the last build, if nothing it read has changed and they are intact."""
    manifest = root / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        outputs = {Path(name): str(digest) for name, digest in data["outputs"].items()}
        report = [str(line) for line in data.get("report", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if data.get("key") != current.key(outputs, root):
        return None
    for path, digest in outputs.items():
        # Outputs inside the project were hashed with the inputs a moment ago.
        sha = current.files.get(_relative(path, root))
        if sha is None and path.is_file():
            sha = _sha(path)
        if sha != digest:
            return None
    return Cached(list(outputs), report)


def record(root: Path, current: Inputs, outputs: list[Path], report: list[str]) -> None:
    from assembler.outputs.writing import write_atomic

    data = {
        "key": current.key(outputs, root),
        "outputs": {str(path.resolve()): _sha(path) for path in outputs},
        "report": report,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomic(root / MANIFEST, text.encode("utf-8"))

"""pandoc behind one module (pypandoc provides the binary from the pypandoc-binary wheel).

pandoc always runs with ``--sandbox``: it may read only the files named on its
command line, so a chapter cannot make it include or fetch anything. Images
reach it as data URIs (see :mod:`assembler.render.images`).
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

import pypandoc

from assembler.checks.markup import LINK_SCHEMES
from assembler.render import priority, resources

# Raw HTML/TeX/attributes are refused by the checker; switching the extensions off
# here is the second lock. "$" and "@" are ordinary characters in a plan.
# ASCII identifiers: heading anchors become DOCX bookmark names, which Word keeps ASCII.
READER = "markdown+ascii_identifiers-raw_html-raw_tex-raw_attribute-tex_math_dollars-citations"
# Fixed time for reproducible DOCX (core.xml dates and zip entry times).
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
TIMEOUT = 300
_PREFIX = "plan-pandoc-"
# A folder lives for one pandoc run (at most TIMEOUT): one this old was left by a killed build.
_STALE_SECONDS = 3 * TIMEOUT


class PandocError(RuntimeError):
    """pandoc failed; the message is pandoc's own, for the -v log."""


class PandocTimeout(PandocError):
    """pandoc ran past TIMEOUT (its reader is superlinear on some hostile texts)."""


@cache
def _safe_links() -> bytes:
    """The link filter every conversion runs first, with the plan's allowed schemes."""
    from assembler.render.images import embedded_types  # images imports the stages above

    text = resources.read("safe-links.lua").decode("utf-8")
    for name, values in (("SCHEMES", LINK_SCHEMES), ("IMAGE_TYPES", embedded_types())):
        table = ", ".join(f'["{value}"] = true' for value in values)
        text = text.replace(f"local {name} = {{}}", f"local {name} = {{ {table} }}", 1)
    return text.encode()


@cache
def executable() -> str:
    return str(pypandoc.get_pandoc_path())


@cache
def version() -> str:
    return str(pypandoc.get_pandoc_version())


def convert(
    markdown: str,
    to: str,
    metadata: dict[str, Any],
    options: list[str] | None = None,
    files: dict[str, bytes] | None = None,
) -> bytes:
    """Convert Markdown to ``to``; ``files`` are written beside it and may be named in options."""
    sweep_stale_folders()
    # The text goes in on stdin and the result comes back on stdout: the folder holds
    # only the metadata and the template, never the rendered plan.
    with tempfile.TemporaryDirectory(prefix=_PREFIX) as temp:
        folder = Path(temp)
        meta = folder / "metadata.json"
        meta.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
        (folder / "safe-links.lua").write_bytes(_safe_links())
        for name, data in (files or {}).items():
            (folder / name).write_bytes(data)
        command = [
            executable(),
            "--sandbox",
            f"--from={READER}",
            f"--to={to}",
            f"--metadata-file={meta}",
            "--output=-",
            f"--lua-filter={folder / 'safe-links.lua'}",
            *[option.replace("{dir}", str(folder)) for option in options or []],
        ]
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        # Only the PDF waits for its Typst source; the other formats' runs go behind it.
        behind = not to.startswith("typst")
        returncode, stdout, stderr = _run(command, markdown.encode("utf-8"), env, behind)
        if returncode != 0:
            raise PandocError(stderr.decode("utf-8", "replace").strip())
        return stdout


_running: set[subprocess.Popen[bytes]] = set()
_lock = threading.Lock()  # held while starting a run, so stop_all cannot miss one
_stopped = threading.Event()


def _run(
    command: list[str], data: bytes, env: dict[str, str], behind: bool
) -> tuple[int, bytes, bytes]:
    """pandoc's exit code, output and messages; ``behind``: at a lower priority."""
    with _lock:
        if _stopped.is_set():
            raise PandocError("the build was stopped")
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            preexec_fn=_ends_with_parent(),
            **(priority.behind_options() if behind else {}),
        )
        if behind:
            priority.lower_process(process.pid)
        _running.add(process)
    try:
        stdout, stderr = process.communicate(data, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise PandocTimeout(f"pandoc nedoběhl za {TIMEOUT // 60} minut") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        with _lock:
            _running.discard(process)
    return process.returncode, stdout, stderr


@contextmanager
def stoppable() -> Iterator[None]:
    """Runs inside may be ended by :func:`stop_all`; afterwards pandoc may run again."""
    try:
        yield
    finally:
        _stopped.clear()


def stop_all() -> None:
    """End every pandoc under way and start no new one (until ``stoppable`` ends)."""
    with _lock:
        _stopped.set()
        for process in _running:
            with suppress(OSError):
                process.kill()


def _ends_with_parent() -> Callable[[], None] | None:
    """On Linux, a pandoc child is killed when the assembler dies (even by kill -9),
    instead of running on and writing the plan where nobody cleans it up."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def in_child() -> None:
        # Resolved before the fork: the child only calls into libc, allocating nothing.
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return in_child


@cache
def _prctl() -> Callable[[int, int], int] | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function: Callable[[int, int], int] = libc.prctl
    except (OSError, AttributeError):
        return None
    return function


@cache  # once per process
def sweep_stale_folders() -> None:
    """Remove pandoc folders that builds killed long ago left in the temporary folder."""
    limit = time.time() - _STALE_SECONDS
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*"):
        with suppress(OSError):
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder)

"""Work the PDF does not wait for runs at a lower priority, so the PDF's path has a core.

The PDF is the longest of a build's outputs: pandoc → Typst source, then Typst, which
for a monitoring report starts only when the last chart is drawn. The DOCX and HTML
pandoc runs and the rasterising of the DOCX's chart PNGs ran beside it as equals: four
jobs on two cores, and the chart drawing got half a core (78 charts of a 1000-measure
report drawn in 8 s instead of 3.7 s). At a lower priority they take what the PDF's
path leaves: the cold report (PDF, DOCX and HTML) took 16.4 s instead of 17.5 s on
average over five alternated builds (and never over 17.3 s against up to 19.3 s).
Nothing is slower when a core is free: priority only orders work that waits.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from typing import Any

BEHIND = 10  # nice value: the other jobs get ~9/10 of a core they compete for


def lower_this_thread() -> None:
    """The calling thread at the lower priority (Linux, where a thread has its own)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # not allowed here: it runs as before
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BEHIND)


def behind_options() -> dict[str, Any]:
    """subprocess.Popen options for a child process at the lower priority on Windows;
    elsewhere :func:`lower_process` after it started."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.BELOW_NORMAL_PRIORITY_CLASS}
    return {}


def lower_process(pid: int) -> None:
    """A started child process at the lower priority (POSIX)."""
    if hasattr(os, "setpriority"):
        # It may have ended already, or this is not allowed: it runs as before.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, BEHIND)

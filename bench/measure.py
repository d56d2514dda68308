"""Run a command; print its wall seconds, the peak RSS (MiB) of its largest process and
the CPU seconds (user + system) of all its processes.

RUSAGE_CHILDREN covers every descendant that was waited for (pandoc started by
`plan` included), so the figure is the peak of the biggest single process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
seconds = time.perf_counter() - start
if done.returncode != 0:
    sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    sys.exit(done.returncode)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{seconds:.3f} {usage.ru_maxrss / 1024:.1f} {usage.ru_utime + usage.ru_stime:.3f}")

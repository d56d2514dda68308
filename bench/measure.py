"""Run a command; print its wall seconds and the peak RSS (MiB) of its largest process.

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
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{seconds:.3f} {peak_kib / 1024:.1f}")

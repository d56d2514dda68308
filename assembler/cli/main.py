"""The ``plan`` command. The only place that prints or exits.

Exit codes: 0 ok (warnings allowed), 1 problems in the plan, 2 usage,
environment or internal error.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence

from assembler.cli.arguments import build_parser
from assembler.cli.terminal import Terminal


class Terminated(Exception):
    """SIGTERM arrived (a CI timeout, a system shutdown): unwind like Ctrl+C."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception, so temporary files are removed on the way out
    (Python's default for SIGTERM ends the process without running any cleanup)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    terminal = Terminal(verbose=args.verbose)
    try:
        with _terminate_cleanly():
            return int(args.handler(args, terminal))
    except KeyboardInterrupt:
        terminal.error("přerušeno uživatelem")
        return 130
    except Terminated:
        terminal.error("přerušeno (signál SIGTERM); dočasné soubory jsou smazány")
        return 143
    except Exception as err:  # the one place a crash becomes a message instead of a traceback
        if args.verbose:
            terminal.traceback()
        else:
            terminal.error(
                f"vnitřní chyba programu ({type(err).__name__}: {err}). Spusťte příkaz znovu "
                "s přepínačem -v a výpis pošlete správci."
            )
        return 2


if __name__ == "__main__":
    sys.exit(main())

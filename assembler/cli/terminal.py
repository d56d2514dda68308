"""Terminal output behind one module (rich). Only the CLI uses it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape

from assembler.problems.diagnostics import Problem


class Terminal:
    def __init__(self, verbose: bool = False) -> None:
        # Windows consoles may not be UTF-8; rich falls back per character where needed.
        self.out = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.verbose = verbose

    def problem(self, problem: Problem) -> None:
        style = "bold red" if problem.is_error else "yellow"
        self.out.print(
            f"{escape(str(problem.location))}: [{style}]{problem.severity}[/]: "
            f"{escape(problem.message)} [dim]\\[{problem.rule}][/]"
        )

    def ok(self, text: str) -> None:
        self.out.print(f"[green]{escape(text)}[/]")

    def info(self, text: str) -> None:
        self.out.print(escape(text))

    def warn(self, text: str) -> None:
        self.out.print(f"[yellow]{escape(text)}[/]")

    def error(self, text: str) -> None:
        self.err.print(f"[bold red]chyba:[/] {escape(text)}")

    def debug(self, text: str) -> None:
        if self.verbose:
            self.err.print(f"[dim]{escape(text)}[/]")

    @contextmanager
    def progress(self, text: str) -> Iterator[Callable[[str], None]]:
        """A spinner for work that takes a moment; yields a function that names the step.
        Silent when the output is not a terminal (CI logs, files)."""
        if not self.out.is_terminal:
            yield lambda step: None
            return
        with self.out.status(escape(text)) as status:
            yield lambda step: status.update(escape(step))

    def traceback(self) -> None:
        self.err.print_exception()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()

"""Terminal output behind one module (rich). Only the CLI uses it.

Everything printed is a rich ``Text`` built from plain strings, and the consoles have
markup and emoji codes switched off: file names and authors' values are never read
as markup, and ``file.md:100:13:`` never becomes ``file.md💯13:``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assembler.problems.diagnostics import Problem


class Terminal:
    def __init__(self, verbose: bool = False) -> None:
        # Windows consoles may not be UTF-8; rich falls back per character where needed.
        plain = {"highlight": False, "soft_wrap": True, "markup": False, "emoji": False}
        self.out = Console(**plain)  # type: ignore[arg-type]
        self.err = Console(stderr=True, **plain)  # type: ignore[arg-type]
        self.verbose = verbose

    def problem(self, problem: Problem) -> None:
        style = "bold red" if problem.is_error else "yellow"
        self.out.print(
            Text.assemble(
                f"{problem.location}: ",
                (str(problem.severity), style),
                f": {problem.message} ",
                (f"[{problem.rule}]", "dim"),
            )
        )

    def table(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        """A table of plain strings (column 0 left, the others as given)."""
        table = Table(title=Text(title), title_justify="left", show_lines=False)
        for header in headers:
            table.add_column(Text(header), overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        self.out.print(table)

    def ok(self, text: str) -> None:
        self.out.print(Text(text, "green"))

    def info(self, text: str) -> None:
        self.out.print(Text(text))

    def warn(self, text: str) -> None:
        self.out.print(Text(text, "yellow"))

    def error(self, text: str) -> None:
        self.err.print(Text.assemble(("chyba:", "bold red"), f" {text}"))

    def debug(self, text: str) -> None:
        if self.verbose:
            self.err.print(Text(text, "dim"))

    @contextmanager
    def progress(self, text: str) -> Iterator[Callable[[str], None]]:
        """A spinner for work that takes a moment; yields a function that names the step.
        Silent when the output is not a terminal (CI logs, files)."""
        if not self.out.is_terminal:
            yield lambda step: None
            return
        with self.out.status(Text(text)) as status:
            yield lambda step: status.update(Text(step))

    def traceback(self) -> None:
        self.err.print_exception()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()

"""A live HTML preview of the full plan: rebuilt on every save, served on localhost.

The page polls ``/verze`` and reloads itself when a new build is ready. Problems are
listed at the very top of the page; when the plan has errors, the last good preview
stays visible under a banner saying so, so an unfinished edit never leaves the author
with a blank page or with an unchanged-looking one.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assembler.authoring import server
from assembler.outputs.build import check_project, render_documents
from assembler.outputs.registry import PREVIEW, default_folder
from assembler.problems.diagnostics import Location, Problem
from assembler.render.livehtml import LivePage

# Where outputs go unless plan.yaml says otherwise (vystupy: adresar).
DEFAULT_OUTPUT = default_folder()

RELOAD_SCRIPT = """<script>
(function () {
  var seen = null;
  setInterval(function () {
    fetch('/verze', {cache: 'no-store'}).then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); }
      })
      .catch(function () {});
  }, 700);
})();
</script>"""

EMPTY_PAGE = (
    '<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>Náhled plánu</title>'
    "</head><body><main><p>Náhled se zobrazí, až bude plán bez chyb.</p>"
    "</main></body></html>"
)


@dataclass(frozen=True)
class Build:
    page: str
    problems: list[Problem]
    seconds: float


# The panel comes first in <body>, above the title and the contents list, and stays in
# view while scrolling: the author saved a moment ago and needs to know what went wrong.
PANEL_STYLE = """<style>
.nahled-stav { position: sticky; top: 0; z-index: 10; max-height: 45vh; overflow-y: auto;
  background: #fff4e5; border-bottom: 3px solid #b35c00; padding: .5rem 1rem;
  font-family: system-ui, sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.nahled-stav .zastarale { background: #a00000; color: #fff; font-weight: bold;
  padding: .5rem .75rem; margin: 0 0 .5rem; border-radius: 3px; }
.nahled-stav h2 { color: #7a3e00; margin: .25rem 0; font-size: 1.1rem; }
.nahled-stav ul { margin: .25rem 0; padding-left: 1.25rem; }
.nahled-stav li { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85rem;
  overflow-wrap: anywhere; }
.nahled-stav .chyba { color: #a00000; }
</style>"""

_BODY = re.compile(r"<body[^>]*>")


def stale_banner(good_at: str) -> str:
    """Said when the page below is the last good build, not what was just saved."""
    return (
        '<p class="zastarale">Poslední uložení obsahuje chyby, a tak se do náhledu '
        f"nepromítlo: níže je poslední verze bez chyb (z {good_at}). Opravte chyby podle "
        "seznamu a soubor znovu uložte.</p>"
    )


def problems_block(problems: list[Problem], good_at: str | None = None) -> str:
    """The panel above the page: the banner (when the page is the last good build) and
    every problem; empty when the plan has none."""
    if not problems and good_at is None:
        return ""
    items = "".join(
        f'<li class="{"chyba" if p.is_error else "varovani"}">{html.escape(str(p))}</li>'
        for p in problems
    )
    banner = stale_banner(good_at) if good_at is not None else ""
    listing = (
        f'<h2 id="problemy">Problémy v plánu ({len(problems)})</h2><ul>{items}</ul>'
        if problems
        else ""
    )
    return (
        f'{PANEL_STYLE}<section class="nahled-stav" role="alert" aria-labelledby="problemy">'
        f"{banner}{listing}</section>"
    )


def with_panel(page: str, panel: str) -> str:
    """``page`` with ``panel`` as the first thing in its body."""
    body = _BODY.search(page)
    if body is None or not panel:
        return page
    return page[: body.end()] + panel + page[body.end() :]


_PLAN = Location("plan.yaml")
_FAILED = (
    "Náhled se nepodařilo obnovit kvůli vnitřní chybě programu ({kind}); zobrazen zůstává "
    "poslední dobrý náhled. Uložte soubor znovu; trvá-li chyba, spusťte plan check -v a "
    "výpis pošlete správci."
)


class Preview:
    """Builds the preview page; keeps the last good HTML for when the plan has errors."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.last_good = EMPTY_PAGE
        self.good_at: str | None = None  # time of the last good build, None before one
        self.version = 0
        self.page = EMPTY_PAGE
        self.output = DEFAULT_OUTPUT  # the output folder, as the last good plan.yaml says
        self.live = LivePage()

    def rebuild(self) -> Build:
        """A new preview; whatever the saved files hold, the preview keeps running and
        says what went wrong (the last good page stays visible under the problems)."""
        started = time.perf_counter()
        try:
            return self._rebuild(started)
        except Exception as err:  # a bug must not end plan watch; it is reported instead
            problem = Problem("nahled-selhal", _FAILED.format(kind=type(err).__name__), _PLAN)
            self.page = with_panel(self.last_good, problems_block([problem], self.good_at))
            if RELOAD_SCRIPT not in self.page:
                self.page = self.page.replace("</body>", RELOAD_SCRIPT + "</body>")
            self.version += 1
            return Build(self.page, [problem], time.perf_counter() - started)

    def _rebuild(self, started: float) -> Build:
        """The stages of ``plan build`` — check, documents — then the live HTML format,
        which converts only the chapters whose Markdown changed since the last save."""
        result = check_project(self.root)
        if result.plan is not None:
            self.output = result.plan.project.info.outputs.directory
        if result.ok and result.plan is not None:
            (document,) = render_documents(result.plan, [(PREVIEW, None)]).values()
            page = self.live.render(document)
            self.last_good = page.replace("</body>", RELOAD_SCRIPT + "</body>")
            self.good_at = time.strftime("%H:%M:%S")
        stale = self.good_at if not result.ok else None
        page = with_panel(self.last_good, problems_block(result.problems, stale))
        if RELOAD_SCRIPT not in page:
            page = page.replace("</body>", RELOAD_SCRIPT + "</body>")
        self.page = page
        self.version += 1
        return Build(page, result.problems, time.perf_counter() - started)


def serve(preview: Preview, port: int, idle: float = server.IDLE_SECONDS) -> server.PreviewServer:
    """Serve the preview on localhost in a background thread (see :mod:`.server`)."""

    def route(path: str) -> tuple[str, bytes] | None:
        if path.startswith("/verze"):
            return "text/plain; charset=utf-8", str(preview.version).encode()
        if path in ("/", "/index.html"):
            return "text/html; charset=utf-8", preview.page.encode("utf-8")
        return None

    return server.start(route, port, idle=idle)


# Files editors and office programs write next to the one being edited: backups (x~),
# swap and lock files (.x.swp, .#x, ~$x.docx), temporary copies (x.tmp) and vim's
# write test (4913). Saving them must not rebuild the preview.
_TEMPORARY_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".part", ".crdownload")


def _temporary(name: str) -> bool:
    lower = name.lower()
    return (
        name.endswith("~")
        or name.startswith("~$")
        or lower.endswith(_TEMPORARY_SUFFIXES)
        or name == "4913"
    )


def relevant(
    changes: Iterable[tuple[object, str]], root: Path, output: str = DEFAULT_OUTPUT
) -> bool:
    """Whether a change can alter the plan: anything in the project folder — plan.yaml,
    chapters, images, the DOCX template — except the output folder, hidden files and
    folders (.git, .vscode, .plan-build.json) and editors' temporary files."""
    base = root.resolve()
    outputs = tuple(part.casefold() for part in Path(output).parts)
    for _, name in changes:
        try:
            parts = Path(name).resolve().relative_to(base).parts
        except ValueError:
            continue  # outside the project (a symbolic link's target)
        # An output folder that is the plan folder itself (refused by the check) must
        # not make the watcher ignore the very edit that fixes it.
        if not parts or (outputs and tuple(p.casefold() for p in parts[: len(outputs)]) == outputs):
            continue
        if any(part.startswith(".") for part in parts) or _temporary(parts[-1]):
            continue
        return True
    return False


def watch(
    preview: Preview, on_build: Callable[[Build], None], stop: threading.Event | None = None
) -> None:
    """Rebuild whenever the plan changes, until ``stop`` is set (Ctrl+C ends it too)."""
    import watchfiles

    for changes in watchfiles.watch(preview.root, stop_event=stop, debounce=150, step=50):
        if relevant(changes, preview.root, preview.output):
            on_build(preview.rebuild())

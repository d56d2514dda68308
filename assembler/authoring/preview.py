"""A live HTML preview of the full plan: rebuilt on every save, served on localhost.

The page polls ``/verze`` and reloads itself when a new build is ready. When the
plan has errors, the last good preview stays visible with the problems listed
on top, so an unfinished edit never leaves the author with a blank page.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from assembler.checks.pipeline import check
from assembler.problems.diagnostics import Problem
from assembler.render.livehtml import LivePage

# Where outputs go unless plan.yaml says otherwise (vystupy: adresar).
DEFAULT_OUTPUT = "output"

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
    "</head><body><!--problems--><main><p>Náhled se zobrazí, až bude plán bez chyb.</p>"
    "</main></body></html>"
)


@dataclass(frozen=True)
class Build:
    page: str
    problems: list[Problem]
    seconds: float


def problems_block(problems: list[Problem]) -> str:
    if not problems:
        return ""
    items = "".join(
        f'<li class="{"chyba" if p.is_error else "varovani"}">{html.escape(str(p))}</li>'
        for p in problems
    )
    return (
        '<section class="problems wrap" role="alert" aria-labelledby="problemy">'
        f'<h2 id="problemy">Problémy v plánu ({len(problems)})</h2><ul>{items}</ul></section>'
    )


class Preview:
    """Builds the preview page; keeps the last good HTML for when the plan has errors."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.last_good = EMPTY_PAGE
        self.version = 0
        self.page = EMPTY_PAGE
        self.output = DEFAULT_OUTPUT  # the output folder, as the last good plan.yaml says
        self.live = LivePage()

    def rebuild(self) -> Build:
        from assembler.render.documents import plan_document

        started = time.perf_counter()
        result = check(self.root)
        if result.plan is not None:
            self.output = result.plan.project.info.outputs.directory
        if result.ok and result.plan is not None:
            page = self.live.render(plan_document(result.plan))
            self.last_good = page.replace("</body>", RELOAD_SCRIPT + "</body>")
        page = self.last_good.replace("<!--problems-->", problems_block(result.problems), 1)
        if RELOAD_SCRIPT not in page:
            page = page.replace("</body>", RELOAD_SCRIPT + "</body>")
        self.page = page
        self.version += 1
        return Build(page, result.problems, time.perf_counter() - started)


def serve(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Serve the preview on localhost in a background thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/verze"):
                body, kind = str(preview.version).encode(), "text/plain; charset=utf-8"
            elif self.path in ("/", "/index.html"):
                body, kind = preview.page.encode("utf-8"), "text/html; charset=utf-8"
            else:
                self.send_error(404, "Nenalezeno")
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Requests are not worth a line in the author's terminal."""

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
        if not parts or tuple(p.casefold() for p in parts[: len(outputs)]) == outputs:
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

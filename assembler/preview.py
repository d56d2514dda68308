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

from assembler.check import check
from assembler.diagnostics import Problem
from assembler.project import CHAPTER_DIR, PLAN_FILE

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

    def rebuild(self) -> Build:
        from assembler.render import html as html_format
        from assembler.render.documents import plan_document

        started = time.perf_counter()
        result = check(self.root)
        if result.ok and result.plan is not None:
            page = html_format.render(plan_document(result.plan)).decode("utf-8")
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


def relevant(changes: Iterable[tuple[object, str]], root: Path) -> bool:
    """Only the plan and its chapters trigger a rebuild (not output/ or editor temp files)."""
    plan = (root / PLAN_FILE).resolve()
    chapters = (root / CHAPTER_DIR).resolve()
    for _, name in changes:
        path = Path(name).resolve()
        if path == plan or (path.parent == chapters and path.suffix == ".md"):
            return True
    return False


def watch(
    preview: Preview, on_build: Callable[[Build], None], stop: threading.Event | None = None
) -> None:
    """Rebuild whenever the plan changes, until ``stop`` is set (Ctrl+C ends it too)."""
    import watchfiles

    for changes in watchfiles.watch(preview.root, stop_event=stop, debounce=150, step=50):
        if relevant(changes, preview.root):
            on_build(preview.rebuild())

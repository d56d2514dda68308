"""The preview's HTTP server: localhost only, a few workers, no idle connections kept.

It serves one page to one author's browser, so it refuses what a browser on that
machine would never need: a ``Host`` that is not a localhost name (a web page that
rebinds its own domain to 127.0.0.1 must not read the plan), connections that send
nothing (each would hold a thread), and more simultaneous connections than workers.
Errors are Czech pages, like everything else the author sees.
"""

from __future__ import annotations

import html
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WORKERS = 8
IDLE_SECONDS = 10.0
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})

# Czech wording of every status this server or http.server itself can send.
_CZECH = {
    400: ("Chybný požadavek", "Prohlížeč poslal požadavek, kterému náhled nerozumí."),
    403: (
        "Přístup odepřen",
        "Náhled plánu je dostupný jen z tohoto počítače na adrese http://127.0.0.1 "
        "nebo http://localhost.",
    ),
    404: ("Stránka nenalezena", "Náhled plánu je na úvodní stránce: /."),
    405: ("Nepovolená metoda", "Náhled umí jen zobrazit stránku (GET)."),
    408: ("Vypršel čas požadavku", "Prohlížeč nic neposlal; načtěte stránku znovu."),
    414: ("Příliš dlouhá adresa", "Náhled plánu je na úvodní stránce: /."),
    431: ("Příliš dlouhé hlavičky", "Načtěte stránku znovu bez doplňků prohlížeče."),
    500: ("Vnitřní chyba náhledu", "Podívejte se do okna, kde běží plan watch."),
    501: ("Nepodporovaná metoda", "Náhled umí jen zobrazit stránku (GET)."),
    503: ("Náhled je zaneprázdněn", "Příliš mnoho spojení najednou; zkuste to za chvíli."),
}
_PAGE = (
    '<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8">'
    "<title>{code} {title}</title></head><body><h1>{title}</h1><p>{explain}</p>"
    "</body></html>"
)

# (content type, body) for a path, or None for "no such page".
Route = Callable[[str], tuple[str, bytes] | None]


def error_page(code: int) -> bytes:
    title, explain = _CZECH.get(code, (f"Chyba {code}", "Načtěte stránku znovu."))
    page = _PAGE.format(code=code, title=html.escape(title), explain=html.escape(explain))
    return page.encode("utf-8")


def local_host(header: str | None) -> bool:
    """Whether a ``Host`` header names this machine (with or without a port)."""
    if not header:
        return False
    host = header.strip().lower()
    bracketed = host.startswith("[")  # an IPv6 address: its colons are not a port
    name = host[: host.find("]") + 1] if bracketed else host.rsplit(":", 1)[0]
    return name in LOCAL_HOSTS


class _Handler(BaseHTTPRequestHandler):
    route: Route
    timeout = IDLE_SECONDS  # applied to the socket by StreamRequestHandler.setup

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        if not local_host(self.headers.get("Host")):
            self.send_error(403)
            return
        found = type(self).route(self.path)
        if found is None:
            self.send_error(404)
            return
        kind, body = found
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Every error as a Czech page; http.server's English texts are never sent."""
        self.close_connection = True
        body = error_page(code)
        try:
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(body)
        except OSError:
            return  # the browser went away

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line in the author's terminal."""


class PreviewServer(ThreadingHTTPServer):
    """At most ``workers`` connections are served at once; more are refused at once."""

    daemon_threads = True

    def __init__(self, port: int, handler: type[BaseHTTPRequestHandler], workers: int) -> None:
        super().__init__(("127.0.0.1", port), handler)
        self._slots = threading.BoundedSemaphore(workers)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, request: socket.socket) -> None:
        body = error_page(503)
        head = (
            "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        try:
            request.settimeout(1.0)
            request.sendall(head.encode("ascii") + body)
        except OSError:
            pass
        self.shutdown_request(request)


def start(
    route: Route, port: int, workers: int = WORKERS, idle: float = IDLE_SECONDS
) -> PreviewServer:
    """Serve ``route`` on 127.0.0.1:``port`` from a background thread."""
    handler = type("PreviewHandler", (_Handler,), {"route": staticmethod(route), "timeout": idle})
    server = PreviewServer(port, handler, workers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

"""The preview server: localhost names only, bounded threads, no idle sockets, Czech pages,
and a preview that survives whatever the author saves."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import edit

from assembler.authoring import preview as preview_module
from assembler.authoring.preview import Preview, serve
from assembler.authoring.server import WORKERS

SEN = "chapters/10-seniori.md"


@pytest.fixture
def served(mini: Path) -> Iterator[tuple[Preview, int]]:
    preview = Preview(mini)
    preview.rebuild()
    server = serve(preview, 0, idle=0.5)
    try:
        yield preview, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host} if host is not None else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    return response.status, body


def test_the_page_is_served_to_localhost_names(served: tuple[Preview, int]) -> None:
    _, port = served
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", f"[::1]:{port}"):
        status, body = _get(port, host=host)
        assert status == 200 and "Pečovatelská služba" in body, host


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", ""])
def test_other_host_names_are_refused(served: tuple[Preview, int], host: str) -> None:
    """DNS rebinding: a web page whose own name now points at 127.0.0.1 must not read the plan."""
    _, port = served
    status, body = _get(port, host=host)
    assert status == 403
    assert "Pečovatelská" not in body
    assert 'lang="cs"' in body and "Přístup odepřen" in body


def test_errors_are_czech_pages(served: tuple[Preview, int]) -> None:
    _, port = served
    status, body = _get(port, "/neexistuje")
    assert status == 404
    assert "Stránka nenalezena" in body and 'lang="cs"' in body
    assert "Not Found" not in body and "Error code" not in body
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/", body=b"x")
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    assert response.status == 501 and "Nepodporovaná metoda" in text
    assert "Unsupported" not in text


def _threads() -> int:
    return threading.active_count()


def test_idle_connections_are_closed_and_threads_bounded(served: tuple[Preview, int]) -> None:
    _, port = served
    before = _threads()
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(60)]
    try:
        time.sleep(0.3)
        assert _threads() <= before + WORKERS
        for sock in idle:  # each is answered (refused) or closed after the idle timeout
            sock.settimeout(5)
            while sock.recv(4096):
                pass
    finally:
        for sock in idle:
            sock.close()
    deadline = time.monotonic() + 5
    while _threads() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _threads() <= before
    status, _ = _get(port)
    assert status == 200


def test_the_preview_survives_a_deep_yaml_file(mini: Path) -> None:
    preview = Preview(mini)
    assert preview.rebuild().problems == []
    deep = "[" * 30000 + "]" * 30000
    edit(mini, SEN, "cilove_skupiny: [seniori, pecujici]", f"cilove_skupiny: {deep}")
    build = preview.rebuild()  # was: the interpreter died (segmentation fault)
    assert [p.rule for p in build.problems] == ["yaml-hloubka"]
    assert "Pečovatelská služba" in build.page  # the last good preview stays


def test_the_preview_survives_an_internal_error(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = Preview(mini)
    preview.rebuild()

    def broken(root: Path) -> object:
        raise KeyError("nečekané")

    monkeypatch.setattr(preview_module, "check_project", broken)
    version = preview.version
    build = preview.rebuild()
    assert [p.rule for p in build.problems] == ["nahled-selhal"]
    assert "KeyError" in build.problems[0].message
    assert preview.version == version + 1
    assert "Pečovatelská služba" in build.page and "vnitřní chybě" in build.page

"""fetch() against a local http.server: types, size cap, redirects (counted and re-checked), errors."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from detector.fetch import FetchError
from detector.fetch import fetch as public_fetch

# These tests talk to a server on 127.0.0.1, which fetch refuses by default (tests/test_hostile.py checks that).
fetch = partial(public_fetch, allow_private=True)
from detector.inputs import iter_records

PAGE = b"<html><body><p>hello</p></body></html>"
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/plain": (200, {"Content-Type": "text/plain"}, b"just text"),
    "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
    "/big": (200, {"Content-Type": "text/html"}, b"x" * 5000),
    "/redirect": (302, {"Location": "/page"}, b""),
    "/loop": (301, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/missing": (404, {"Content-Type": "text/html"}, b"nope"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        status, headers, body = ROUTES.get(self.path, ROUTES["/missing"])
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if self.path != "/big":  # /big sends no Content-Length: the cap must hold while reading
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_and_plain_text(server):
    assert fetch(server + "/page") == (PAGE, server + "/page")
    assert fetch(server + "/plain")[0] == b"just text"


def test_redirect_is_followed_and_final_url_returned(server):
    assert fetch(server + "/redirect") == (PAGE, server + "/page")


@pytest.mark.parametrize("path, message", [
    ("/pdf", "content type application/pdf is not a web page"),
    ("/loop", "more than 5 redirects"),
    ("/to-file", "only http and https"),
    ("/missing", "HTTP 404"),
])
def test_refusals(server, path, message):
    with pytest.raises(FetchError, match=message) as info:
        fetch(server + path)
    assert server + path in str(info.value)  # the message names the URL


def test_size_cap(server):
    with pytest.raises(FetchError, match="larger than the 1000-byte limit"):
        fetch(server + "/big", max_bytes=1000)
    with pytest.raises(FetchError, match="larger than the 10-byte limit"):
        fetch(server + "/page", max_bytes=10)  # refused from Content-Length, before reading
    assert len(fetch(server + "/big", max_bytes=5000)[0]) == 5000


def test_other_schemes_are_refused_without_a_request():
    with pytest.raises(FetchError, match="not file"):
        fetch("file:///etc/passwd")


def test_connection_refused_and_timeout():
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/", timeout=2)


def test_url_spec_becomes_a_record(server):
    good, bad = iter_records([server + "/redirect", server + "/pdf"], allow_private=True)
    assert good.content == PAGE and good.url == server + "/page" and good.id == server + "/redirect"
    assert bad.content is None and "not a web page" in bad.error


class Trickle(BaseHTTPRequestHandler):
    """Sends a byte every 0.2 s forever: each read is within the socket timeout, the whole never ends."""

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args) -> None:
        pass


def test_a_trickling_server_hits_the_total_time_limit():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        with pytest.raises(FetchError, match="longer than its time limit"):
            fetch(f"http://127.0.0.1:{httpd.server_address[1]}/", timeout=2, max_seconds=1)
        assert time.monotonic() - start < 3
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "data:text/html,<p>x</p>", "javascript:alert(1)",
                                 "gopher://example.com/", "example.com/no-scheme"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)

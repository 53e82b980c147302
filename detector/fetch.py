"""Fetch one page over http(s) with the standard library, defensively.

The URL comes from a user or a crawl list, so the fetch is bounded on every side: only http and
https (no file://, ftp:// or data: through urllib's other handlers), a timeout, a size cap, a
limited number of redirects (each target re-checked, since a redirect is where an http URL turns
into something else), and a content type that can be a web page at all.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from .errors import FetchError  # noqa: F401 - re-exported: defined with every public error
from .reading import DEFAULT_MAX_BYTES

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "detector/0.1 (original-or-republished page checker)"



class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back to ``fetch`` so that it can check and count them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect())


def fetch(url: str, *, timeout: float = 10, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = 5, max_seconds: float = 30) -> tuple[bytes, str]:
    """GET ``url``; returns (content, final URL after redirects). Raises ``FetchError``.

    ``timeout`` bounds each socket operation; ``max_seconds`` bounds the whole body download, since a
    server that trickles one byte per ``timeout`` would otherwise never time out.
    """
    deadline = time.monotonic() + max_seconds
    current = url
    for _ in range(max_redirects + 1):
        _check_scheme(current, url)
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)})
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return _body(response, url, max_bytes, deadline), current
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in (301, 302, 303, 307, 308) else None
            exc.close()
            if location is None:
                raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
            current = urljoin(current, location)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise FetchError(f"{url}: cannot fetch ({reason})") from None
    raise FetchError(f"{url}: more than {max_redirects} redirects")


def _check_scheme(current: str, url: str) -> None:
    scheme = urlsplit(current).scheme.lower()
    if scheme not in ("http", "https"):
        where = "" if current == url else f" (redirected to {current})"
        raise FetchError(f"{url}: only http and https URLs are fetched, not {scheme or 'no scheme'}{where}")


def _body(response, url: str, max_bytes: int, deadline: float) -> bytes:
    """The response body, after checking its type and size (a declared length is refused early)."""
    ctype = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in ACCEPTED_TYPES:
        raise FetchError(f"{url}: content type {ctype} is not a web page")
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {declared} bytes is larger than the {max_bytes}-byte limit")
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes:
            chunk = response.read1(min(1 << 16, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: download took longer than its time limit (server too slow)")
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: connection failed while reading ({exc})") from None
    body = b"".join(chunks)
    if len(body) > max_bytes:
        raise FetchError(f"{url}: larger than the {max_bytes}-byte limit")
    return body


__all__ = ["FetchError", "fetch"]
